import { findAuditTrail, type AuditEntryDoc } from '../../../lib/db/outbox';
import { checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { reportId } from '../data/indicatorReports';
import { requireAuditReader } from '../domain/access';

/** The audit trail of one city and data year (GraphQL `AuditTrail`); each domain adds its changes. */
export interface AuditTrailRef {
  cityId: string;
  year: number;
}

/** `Query.auditTrail`: checks the reader and the year; the changes are read per field. */
export function auditTrailOf(args: { cityId: string; year: number }, ctx: Context): AuditTrailRef {
  requireAuditReader(ctx.user, args.cityId);
  return { cityId: args.cityId, year: checkYear(args.year, ctx.settings) };
}

/** A trail asked for by another subgraph: this one checks the reader itself (it trusts no one else's check). */
export function auditTrailReference(ref: { cityId: unknown; year: unknown }, ctx: Context): AuditTrailRef {
  const cityId = String(ref.cityId);
  requireAuditReader(ctx.user, cityId);
  return { cityId, year: Number(ref.year) };
}

/**
 * The changes to the city's values and verdicts for the year, in order. The report is read first, so
 * an outbox left by an interrupted write is carried out and every acknowledged change is listed.
 */
export async function valueChanges(trail: AuditTrailRef, ctx: Context): Promise<AuditEntryDoc[]> {
  requireAuditReader(ctx.user, trail.cityId);
  await ctx.loaders.report.load(reportId(trail.cityId, trail.year));
  return findAuditTrail(ctx.db, trail.cityId, trail.year);
}
