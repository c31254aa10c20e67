import type { Collection, Db } from 'mongodb';
import { ensureIndexes, findById, findByIds } from '../../../lib/db/access';
import { withLocks } from '../../../lib/db/locks';
import { loadForChange } from '../../../lib/db/outbox';
import type { IndicatorReportDoc, IndicatorValueDoc } from './types';

/**
 * Collection `indicator_reports`: one document per city and data year holding all its values.
 * Why one document: a single-document write is atomic in MongoDB and FerretDB, so a bulk save is
 * all-or-nothing and `version` gives optimistic concurrency without transactions; and FerretDB 1.24
 * (SQLite) scans a whole collection for any filter but `_id` equality, so fewer, larger documents
 * looked up by `_id` are much cheaper than one document per value. Lists that need only counts read
 * the small coverage summaries instead (data/indicatorCoverage.ts).
 */
export const INDICATOR_REPORTS = 'indicator_reports';

export function indicatorReports(db: Db): Collection<IndicatorReportDoc> {
  return db.collection<IndicatorReportDoc>(INDICATOR_REPORTS);
}

export function reportId(cityId: string, year: number): string {
  return `${cityId}:${year}`;
}

/** City and year of a report id (city ids are slugs without a colon; split on the last one to be safe). */
export function parseReportId(id: string): { cityId: string; year: number } {
  const at = id.lastIndexOf(':');
  return { cityId: id.slice(0, at), year: Number(id.slice(at + 1)) };
}

/**
 * The lock every write of a report happens under (lib/db/locks.ts): FerretDB 1.24 has no
 * compare-and-swap for conditional updates, so the version check alone would not stop two writers.
 */
export function reportLockKey(id: string): string {
  return `report:${id}`;
}

export async function ensureIndicatorReportIndexes(db: Db): Promise<void> {
  // `_id` already is city:year; this guards against a document whose fields disagree with another's.
  await ensureIndexes(indicatorReports(db), [{ key: { cityId: 1, year: 1 }, name: 'city_year', unique: true }]);
}

/** An outbox still in the document: a change whose audit entries or summary were not carried out (a crash). */
function hasOutbox(report: IndicatorReportDoc): boolean {
  const o = report.outbox;
  return !!o && !!(o.audit?.length || o.derived?.length || o.events?.length);
}

/** Carries out a report's left-over outbox under its lock and returns the report as it then is. */
async function settle(db: Db, id: string): Promise<IndicatorReportDoc | null> {
  return withLocks(db, [reportLockKey(id)], () => loadForChange(indicatorReports(db), id));
}

/**
 * The reports with these `_id`s (`city:year`) by `_id` lookups (lib/db/access.ts). A report read with
 * an outbox left by an interrupted write has it carried out first (its audit entries and coverage
 * summary), so a crash between a write and its flush is repaired by the next read.
 */
export async function findReportsByIds(db: Db, ids: readonly string[]): Promise<IndicatorReportDoc[]> {
  const reports = await findByIds(indicatorReports(db), ids);
  return Promise.all(reports.map(async (r) => (hasOutbox(r) ? ((await settle(db, r._id)) ?? r) : r)));
}

/** One report as stored (outbox included), or null. */
export function findReport(db: Db, id: string): Promise<IndicatorReportDoc | null> {
  return findById(indicatorReports(db), id);
}

/**
 * Groups one-per-value documents (the sample generator's shape, and databases from before reports)
 * into reports: one per city and year, in the order first seen, values in input order. The edition
 * is the one most values carry.
 */
export function reportsFromValues(values: readonly IndicatorValueDoc[], enteredBy: string | ((v: IndicatorValueDoc) => string)): IndicatorReportDoc[] {
  const who = typeof enteredBy === 'string' ? () => enteredBy : enteredBy;
  const reports = new Map<string, IndicatorReportDoc>();
  const editions = new Map<string, Map<string, number>>();
  for (const v of values) {
    const id = reportId(v.cityId, v.year);
    let report = reports.get(id);
    if (!report) {
      report = { _id: id, cityId: v.cityId, year: v.year, edition: v.edition, version: 1, values: [], sampleData: v.sampleData };
      reports.set(id, report);
      editions.set(id, new Map());
    }
    const counts = editions.get(id)!;
    counts.set(v.edition, (counts.get(v.edition) ?? 0) + 1);
    report.values.push({ indicatorId: v.indicatorId, value: v.value, status: v.status, enteredBy: who(v), enteredAt: v.updatedAt });
    report.sampleData &&= v.sampleData;
  }
  for (const report of reports.values()) {
    const counts = [...editions.get(report._id)!];
    report.edition = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  }
  return [...reports.values()];
}
