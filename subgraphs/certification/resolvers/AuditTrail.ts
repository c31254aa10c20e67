import type { AuditTrailResolvers } from '../generated/resolvers-types';
import { certificationTrail } from '../workflows/audit';

/** This subgraph's part of the audit trail entity (Query.auditTrail is in the indicators subgraph). */
export const AuditTrail: AuditTrailResolvers = {
  __resolveReference: (ref) => ({ cityId: String(ref.cityId), year: Number(ref.year) }),
  // The reader is checked here too: this subgraph trusts no one else's check.
  certificationChanges: (trail, _, ctx) => certificationTrail(trail, ctx),
};
