import type { AuditEntryDoc } from '../../../lib/db/audit-entry';
import { findAuditTrail, flushOutbox } from '../../../lib/audit/audit';
import { requireRole } from '../../../lib/auth/guards';
import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { CERTIFICATIONS, findCertification } from '../data/certifications';
import { withCertificationLock } from '../workflow/certify';

interface AuditTrailRef {
  cityId: string;
  year: number;
}

/** Checked here too (not only where Query.auditTrail lives): this subgraph trusts no one else's check. */
function requireAuditReader(user: AuthUser | null, cityId: string): void {
  const reader = requireRole(user, 'WCCD_STAFF', 'CITY_OFFICER');
  if (!hasRole(reader, 'WCCD_STAFF') && reader.cityId !== cityId) {
    throw codedError('FORBIDDEN', `The audit trail of ${cityId} is for WCCD staff and ${cityId}'s own officers only.`);
  }
}

/** This subgraph's part of the audit trail entity (Query.auditTrail is in the indicators subgraph). */
export const AuditTrail = {
  __resolveReference(ref: AuditTrailRef): AuditTrailRef {
    return { cityId: String(ref.cityId), year: Number(ref.year) };
  },

  async certificationChanges(trail: AuditTrailRef, _: unknown, ctx: Context): Promise<AuditEntryDoc[]> {
    requireAuditReader(ctx.user, trail.cityId);
    // An outbox left by an interrupted copy is copied first, so every acknowledged change is listed.
    const doc = await findCertification(ctx.db, trail.cityId, trail.year);
    if (doc?.pendingAudit?.length) {
      await withCertificationLock(ctx, trail.cityId, trail.year, async () => {
        const fresh = await findCertification(ctx.db, trail.cityId, trail.year);
        if (fresh) await flushOutbox(ctx.db, CERTIFICATIONS, fresh);
      });
    }
    return findAuditTrail(ctx.db, trail.cityId, trail.year);
  },
};

export const AuditEntry = {
  id: (entry: AuditEntryDoc) => entry._id,
};
