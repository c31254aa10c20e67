import type { CertificationResolvers } from '../generated/resolvers-types';
import { mayReadRejectionReason } from '../domain/access';
import { isInForce, shownStatus } from '../domain/validity';

export const Certification: CertificationResolvers = {
  // Batched: a list of certification references costs one lookup per id (or one `$in`).
  __resolveReference: (ref, ctx) => ctx.loaders.certificationById.load(String(ref.id)),
  id: (doc) => doc._id,
  city: (doc) => ({ id: doc.cityId }),
  // EXPIRED is computed from the clock and the validity rule, the same way the registry filters.
  status: (doc, _, ctx) => shownStatus(ctx.validity, ctx.settings.now(), doc),
  inForce: (doc, _, ctx) => isInForce(ctx.validity, ctx.settings.now(), doc),
  verifierOrganisationId: (doc) => doc.verifierOrganisationId ?? null,
  // Kept by every step of the workflow (and the seeded history); absent on records from before it.
  statusChangedAt: (doc) => doc.statusChangedAt ?? null,
  // The configured name of the assigned organisation; the stored name for documents without an id.
  verifierOrganisation(doc, _, ctx) {
    const org = doc.verifierOrganisationId ? ctx.organisations.byId.get(doc.verifierOrganisationId) : undefined;
    return org?.name ?? doc.verifierOrganisation ?? null;
  },
  // Why WCCD refused: for WCCD staff and the city's own officers (null for anyone else).
  rejectionReason: (doc, _, ctx) => (mayReadRejectionReason(ctx.user, doc.cityId) ? (doc.rejectionReason ?? null) : null),
  // Why it was suspended, reinstated or withdrawn: for the same readers.
  statusReason: (doc, _, ctx) => (mayReadRejectionReason(ctx.user, doc.cityId) ? (doc.statusReason ?? null) : null),
  // A reference: the gateway resolves the counts in the indicators subgraph and earnedLevel here.
  coverage: (doc) => ({ cityId: doc.cityId, year: doc.year }),
};
