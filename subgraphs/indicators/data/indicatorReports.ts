import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db, IndexDescription } from 'mongodb';
import type { IndicatorReportDoc, IndicatorValueDoc } from './types';

/**
 * Collection `indicator_reports`: one document per city and data year holding all its values.
 * Why one document: a single-document write is atomic in MongoDB and FerretDB, so a bulk save is
 * all-or-nothing and `version` gives optimistic concurrency without transactions; and FerretDB 1.24
 * (SQLite) scans a whole collection for any filter but `_id` equality, so fewer, larger documents
 * looked up by `_id` are much cheaper than one document per value.
 */
export const INDICATOR_REPORTS = 'indicator_reports';

export function indicatorReports(db: Db): Collection<IndicatorReportDoc> {
  return db.collection<IndicatorReportDoc>(INDICATOR_REPORTS);
}

export function reportId(cityId: string, year: number): string {
  return `${cityId}:${year}`;
}

const INDEXES: IndexDescription[] = [
  // `_id` already is city:year; this guards against a document whose fields disagree with another's.
  { key: { cityId: 1, year: 1 }, name: 'city_year', unique: true },
];

export async function ensureIndicatorReportIndexes(db: Db): Promise<void> {
  // One index per command: FerretDB 1.24 panics when one createIndexes command re-creates
  // several existing indexes (it happens on every restart), while one at a time is a no-op.
  for (const index of INDEXES) await indicatorReports(db).createIndexes([index]);
}

/** Reads leave out the audit outbox (written with each change, emptied right after). */
const READ_PROJECTION = { pendingAudit: 0 } as const;

/**
 * The reports with these `_id`s (`city:year`), one query whatever their number. One cursor batch, so
 * a list of N cities costs one command rather than one per 101 documents plus getMores.
 */
export function findReportsByIds(db: Db, ids: readonly string[]): Promise<IndicatorReportDoc[]> {
  return indicatorReports(db)
    .find({ _id: { $in: [...ids] } }, { batchSize: LOADER_BATCH_SIZE, projection: READ_PROJECTION })
    .toArray();
}

/** One report with its outbox (mutations read it before deciding, and flush a left-over outbox). */
export function findReport(db: Db, cityId: string, year: number): Promise<IndicatorReportDoc | null> {
  return indicatorReports(db).findOne({ _id: { $eq: reportId(cityId, year) } });
}

/**
 * Groups one-per-value documents (the sample generator's shape) into reports: one per city and year,
 * in the order first seen, values in input order. The edition is the one most values carry.
 */
export function reportsFromValues(values: readonly IndicatorValueDoc[], enteredBy: string): IndicatorReportDoc[] {
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
    report.values.push({ indicatorId: v.indicatorId, value: v.value, status: v.status, enteredBy, enteredAt: v.updatedAt });
    report.sampleData &&= v.sampleData;
  }
  for (const report of reports.values()) {
    const counts = [...editions.get(report._id)!];
    report.edition = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  }
  return [...reports.values()];
}
