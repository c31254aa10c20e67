import type { AuditEntryDoc } from '../../../lib/db/audit-entry';
import { findAuditTrail } from '../../../lib/audit/audit';
import { requireAuditReader } from '../access';
import type { Context } from '../context';
import { findReport } from '../data/indicatorReports';
import { loadReport, withReportLock } from '../workflow/writeReport';

export interface AuditTrailRef {
  cityId: string;
  year: number;
}

export const AuditTrail = {
  // Checked again here, not only in Query.auditTrail: this subgraph trusts no one else's check.
  __resolveReference(ref: AuditTrailRef, ctx: Context): AuditTrailRef {
    requireAuditReader(ctx.user, String(ref.cityId));
    return { cityId: String(ref.cityId), year: Number(ref.year) };
  },

  async valueChanges(trail: AuditTrailRef, _: unknown, ctx: Context): Promise<AuditEntryDoc[]> {
    requireAuditReader(ctx.user, trail.cityId);
    // An outbox left by an interrupted copy is copied first, so every acknowledged change is listed.
    const report = await findReport(ctx.db, trail.cityId, trail.year);
    if (report?.pendingAudit?.length) await withReportLock(ctx.db, trail.cityId, trail.year, () => loadReport(ctx.db, trail.cityId, trail.year));
    return findAuditTrail(ctx.db, trail.cityId, trail.year);
  },
};

export const AuditEntry = {
  id: (entry: AuditEntryDoc) => entry._id,
};
