import { hasRole } from '../../../lib/auth/roles';
import type { Context } from '../context';
import type { CertificationRecord } from '../data/certifications';

export const Certification = {
  // Batched: a list of certification references costs one query.
  __resolveReference(ref: { id: string }, ctx: Context): Promise<CertificationRecord | null> {
    return ctx.loaders.certificationById.load(String(ref.id));
  },
  id: (doc: CertificationRecord) => doc._id,
  city: (doc: CertificationRecord) => ({ __typename: 'City', id: doc.cityId }),
  verifierOrganisationId: (doc: CertificationRecord) => doc.verifierOrganisationId ?? null,
  // The configured name of the assigned organisation; the stored name for documents without an id.
  verifierOrganisation(doc: CertificationRecord, _: unknown, ctx: Context): string | null {
    const org = doc.verifierOrganisationId ? ctx.organisations.byId.get(doc.verifierOrganisationId) : undefined;
    return org?.name ?? doc.verifierOrganisation ?? null;
  },
  // Why WCCD refused: for WCCD staff and the city's own officers.
  rejectionReason(doc: CertificationRecord, _: unknown, ctx: Context): string | null {
    const allowed = hasRole(ctx.user, 'WCCD_STAFF') || (hasRole(ctx.user, 'CITY_OFFICER') && ctx.user!.cityId === doc.cityId);
    return allowed ? (doc.rejectionReason ?? null) : null;
  },
  // A reference: the gateway resolves the counts in the indicators subgraph and earnedLevel here.
  coverage: (doc: CertificationRecord) => ({ __typename: 'IndicatorCoverage', cityId: doc.cityId, year: doc.year }),
};
