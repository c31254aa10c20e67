import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { IndicatorReportDoc } from './data/types';
import type { Catalogue } from './catalogue';
import { computeCoverage, type IndicatorCoverage } from './coverage';
import { findReportsByIds, reportId } from './data/indicatorReports';

/** Key of the report and coverage loaders: one city and one data year (the report's `_id`). */
export function coverageKey(cityId: string, year: number): string {
  return reportId(cityId, year);
}

function parseKey(key: string): { cityId: string; year: number } {
  // City ids are slugs (no colon), but split on the LAST colon to be safe.
  const at = key.lastIndexOf(':');
  return { cityId: key.slice(0, at), year: Number(key.slice(at + 1)) };
}

export interface Loaders {
  /** A city's report for one data year by `${cityId}:${year}` (null when none): ONE `_id $in` find per batch. */
  report: DataLoader<string, IndicatorReportDoc | null>;
  /** Coverage by `${cityId}:${year}`, computed from the same report loader (no extra query). */
  coverage: DataLoader<string, IndicatorCoverage>;
}

export function createLoaders(db: Db, catalogue: Catalogue): Loaders {
  const report = new DataLoader<string, IndicatorReportDoc | null>(async (keys) => {
    const docs = await findReportsByIds(db, keys);
    const byId = new Map(docs.map((d) => [d._id, d]));
    return keys.map((k) => byId.get(k) ?? null);
  });

  const coverage = new DataLoader<string, IndicatorCoverage>(async (keys) => {
    const reports = await report.loadMany(keys);
    return keys.map((key, i) => {
      const { cityId, year } = parseKey(key);
      const doc = reports[i];
      if (doc instanceof Error) return doc;
      const values = doc ? doc.values.map((v) => ({ edition: doc.edition, indicatorId: v.indicatorId, status: v.status })) : [];
      return computeCoverage(cityId, year, values, catalogue);
    });
  });

  return { report, coverage };
}
