import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import { findCityYears } from './data/cityYears';
import { findSummariesByIds } from './data/indicatorCoverage';
import { findReportsByIds, parseReportId, reportId } from './data/indicatorReports';
import type { IndicatorReportDoc } from './data/types';
import type { Catalogue } from './domain/catalogue';
import { coverageView, expandSummary, reportStatuses, summarize, type CoverageSummary, type CoverageView } from './domain/coverage';

/** Key of every loader: one city and one data year (the report's and the summary's `_id`). */
export function coverageKey(cityId: string, year: number): string {
  return reportId(cityId, year);
}

/** A loader that remembers which keys this request asked for. */
class RememberingLoader<V> extends DataLoader<string, V> {
  readonly requested = new Set<string>();

  override load(key: string): Promise<V> {
    this.requested.add(key);
    return super.load(key);
  }
}

export interface Loaders {
  /** A city's report for one data year (null when none): the values, for City.indicators and indicatorReport. */
  report: DataLoader<string, IndicatorReportDoc | null>;
  /**
   * The coverage summary of a report (null when nothing was reported), expanded: from its small stored
   * document, or from the report when that document no longer matches the catalogue (or is of an older shape).
   */
  summary: DataLoader<string, CoverageSummary | null>;
  /** Coverage as GraphQL shows it: from the summary, or from the report when this request reads it anyway. */
  coverage: DataLoader<string, CoverageView>;
  /** A city's latest data year with any value (null: none), from the summaries of every programme year (by `_id`). */
  latestYear: DataLoader<string, number | null>;
}

/** Per-request loaders: every lookup is by `_id` (lib/db/access.ts), batched per tick. */
export function createLoaders(db: Db, catalogue: Catalogue, years: { minDataYear: number; maxDataYear: number }): Loaders {
  const report = new RememberingLoader<IndicatorReportDoc | null>(async (keys) => {
    const byId = new Map((await findReportsByIds(db, keys)).map((d) => [d._id, d]));
    return keys.map((k) => byId.get(k) ?? null);
  });

  const summary = new DataLoader<string, CoverageSummary | null>(async (keys) => {
    const byId = new Map((await findSummariesByIds(db, keys)).map((d) => [d._id, d]));
    const expanded = keys.map((k) => {
      const doc = byId.get(k);
      return doc ? (expandSummary(doc, catalogue) ?? undefined) : null;
    });
    const stale = keys.filter((_, i) => expanded[i] === undefined);
    if (stale.length === 0) return expanded as (CoverageSummary | null)[];
    const reports = new Map(stale.map((k, i) => [k, i]));
    const read = await report.loadMany(stale);
    return keys.map((k, i) => {
      if (expanded[i] !== undefined) return expanded[i];
      const doc = read[reports.get(k)!];
      if (doc instanceof Error) return doc;
      return doc ? summarize(reportStatuses(doc), catalogue) : null;
    });
  });

  // A city profile asks for a year's values and its coverage together: the coverage of a report this
  // request reads anyway is computed from it (the summary is derived from it), saving a lookup.
  // Lists of coverages alone read only the small summaries.
  const coverage = new DataLoader<string, CoverageView>(async (keys) => {
    const fromReport = keys.map((k) => report.requested.has(k));
    const [reports, summaries] = await Promise.all([
      report.loadMany(keys.filter((_, i) => fromReport[i])),
      summary.loadMany(keys.filter((_, i) => !fromReport[i])),
    ]);
    let r = 0;
    let s = 0;
    return keys.map((key, i) => {
      const { cityId, year } = parseReportId(key);
      if (fromReport[i]) {
        const doc = reports[r++];
        if (doc instanceof Error) return doc;
        return coverageView(cityId, year, doc ? summarize(reportStatuses(doc), catalogue) : null, catalogue);
      }
      const doc = summaries[s++];
      if (doc instanceof Error) return doc;
      return coverageView(cityId, year, doc, catalogue);
    });
  });

  // The latest year whose summary says something was reported. Candidates: the city's noted data years
  // (data/cityYears.ts, a superset), newest first, the newest alone first (almost always the answer);
  // for a city with nothing noted, every programme year at once. Lookups by `_id`, batched with every
  // other summary this request reads (a profile reads the latest year's anyway).
  const programmeYears: number[] = [];
  for (let y = years.maxDataYear; y >= years.minDataYear; y--) programmeYears.push(y);
  const latestYear = new DataLoader<string, number | null>(async (cityIds) => {
    const noted = new Map(
      (await findCityYears(db, cityIds)).map((d) => [d._id, d.years.filter((y) => y >= years.minDataYear && y <= years.maxDataYear).reverse()]),
    );
    const reported = async (cityId: string, candidates: number[]): Promise<number | null> => {
      const found = await summary.loadMany(candidates.map((y) => coverageKey(cityId, y)));
      const i = found.findIndex((doc) => !!doc && !(doc instanceof Error) && doc.coreReported + doc.supportingReported > 0);
      return i < 0 ? null : candidates[i];
    };
    return Promise.all(
      cityIds.map(async (cityId) => {
        const candidates = noted.get(cityId);
        if (!candidates) return reported(cityId, programmeYears);
        if (!candidates.length) return null;
        return (await reported(cityId, candidates.slice(0, 1))) ?? reported(cityId, candidates.slice(1));
      }),
    );
  });

  return { report, summary, coverage, latestYear };
}
