import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import { findSummariesByIds } from './data/indicatorCoverage';
import { findReportsByIds, parseReportId, reportId } from './data/indicatorReports';
import type { IndicatorCoverageDoc, IndicatorReportDoc } from './data/types';
import type { Catalogue } from './domain/catalogue';
import { coverageView, type CoverageView } from './domain/coverage';

/** Key of every loader: one city and one data year (the report's and the summary's `_id`). */
export function coverageKey(cityId: string, year: number): string {
  return reportId(cityId, year);
}

export interface Loaders {
  /** A city's report for one data year (null when none): the values, for City.indicators and indicatorReport. */
  report: DataLoader<string, IndicatorReportDoc | null>;
  /** The coverage summary of a report (null when nothing was reported): small, for counts and themes. */
  summary: DataLoader<string, IndicatorCoverageDoc | null>;
  /** Coverage as GraphQL shows it, from the summary (no report is decoded). */
  coverage: DataLoader<string, CoverageView>;
}

/** Per-request loaders: every lookup is by `_id` (lib/db/access.ts), batched per tick. */
export function createLoaders(db: Db, catalogue: Catalogue): Loaders {
  const report = new DataLoader<string, IndicatorReportDoc | null>(async (keys) => {
    const byId = new Map((await findReportsByIds(db, keys)).map((d) => [d._id, d]));
    return keys.map((k) => byId.get(k) ?? null);
  });

  const summary = new DataLoader<string, IndicatorCoverageDoc | null>(async (keys) => {
    const byId = new Map((await findSummariesByIds(db, keys)).map((d) => [d._id, d]));
    return keys.map((k) => byId.get(k) ?? null);
  });

  const coverage = new DataLoader<string, CoverageView>(async (keys) => {
    const summaries = await summary.loadMany(keys);
    return keys.map((key, i) => {
      const found = summaries[i];
      if (found instanceof Error) return found;
      const { cityId, year } = parseReportId(key);
      return coverageView(cityId, year, found, catalogue);
    });
  });

  return { report, summary, coverage };
}
