import type { CertificationResolvers } from '../generated/resolvers-types';
import { mayReadRejectionReason } from '../domain/access';

export const Certification: CertificationResolvers = {
  // Batched: a list of certification references costs one lookup per id (or one `$in`).
  __resolveReference: (ref, ctx) => ctx.loaders.certificationById.load(String(ref.id)),
  id: (doc) => doc._id,
  city: (doc) => ({ id: doc.cityId }),
  verifierOrganisationId: (doc) => doc.verifierOrganisationId ?? null,
  // The configured name of the assigned organisation; the stored name for documents without an id.
  verifierOrganisation(doc, _, ctx) {
    const org = doc.verifierOrganisationId ? ctx.organisations.byId.get(doc.verifierOrganisationId) : undefined;
    return org?.name ?? doc.verifierOrganisation ?? null;
  },
  // Why WCCD refused: for WCCD staff and the city's own officers (null for anyone else).
  rejectionReason: (doc, _, ctx) => (mayReadRejectionReason(ctx.user, doc.cityId) ? (doc.rejectionReason ?? null) : null),
  // A reference: the gateway resolves the counts in the indicators subgraph and earnedLevel here.
  coverage: (doc) => ({ cityId: doc.cityId, year: doc.year }),
};
