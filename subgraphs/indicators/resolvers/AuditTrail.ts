import type { AuditTrailResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { auditTrailReference, valueChanges } from '../workflows/auditTrail';

export const AuditTrail = {
  // Checked again here, not only in Query.auditTrail: this subgraph trusts no one else's check.
  __resolveReference: (ref, ctx) => auditTrailReference(ref, ctx),
  valueChanges: (trail, _, ctx) => valueChanges(trail, ctx),
} satisfies Known<AuditTrailResolvers>;
