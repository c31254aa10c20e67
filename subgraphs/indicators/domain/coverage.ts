import type { CoverageCounts, IndicatorCoverageDoc, IndicatorReportDoc, ThemeCounts, ValueStatus } from '../data/types';
import type { Catalogue, CatalogueIndicator } from './catalogue';

/** What coverage reads of a value: its edition, indicator and status. */
export interface ValueStatusView {
  edition: string;
  indicatorId: string;
  status: ValueStatus;
}

/** The coverage of one city and year as stored (ids, counts): what a summary document holds besides its keys. */
export type CoverageSummary = Omit<IndicatorCoverageDoc, '_id' | 'cityId' | 'year' | 'reportVersion'>;

/** A city's coverage of its edition's catalogue for one data year (GraphQL `IndicatorCoverage`). */
export interface CoverageView extends CoverageCounts {
  cityId: string;
  year: number;
  edition: string;
  missingCore: CatalogueIndicator[];
  unverifiedCore: CatalogueIndicator[];
  byTheme: ThemeCounts[];
}

/**
 * The edition a city-year was reported against: the one most of its values carry (they normally all
 * agree), or the default edition when there are no values or none of their editions is loaded.
 */
function editionOf(values: readonly ValueStatusView[], catalogue: Catalogue): string {
  const counts = new Map<string, number>();
  for (const v of values) if (catalogue.edition(v.edition)) counts.set(v.edition, (counts.get(v.edition) ?? 0) + 1);
  let best = catalogue.defaultEdition;
  let bestCount = 0;
  for (const [edition, count] of counts) {
    if (count > bestCount) [best, bestCount] = [edition, count];
  }
  return best;
}

/** Summarises the values of ONE city and ONE year against the catalogue (pure: no database access). */
export function summarize(values: readonly ValueStatusView[], catalogue: Catalogue): CoverageSummary {
  const editionName = editionOf(values, catalogue);
  const edition = catalogue.edition(editionName)!;
  const statusById = new Map<string, ValueStatus>();
  // Values of another edition or with an id the catalogue lacks cannot count towards this edition.
  for (const v of values) if (v.edition === editionName && edition.byId.has(v.indicatorId)) statusById.set(v.indicatorId, v.status);

  const themes = new Map<string, ThemeCounts>();
  const missingCore: string[] = [];
  const unverifiedCore: string[] = [];
  for (const ind of edition.indicators) {
    let t = themes.get(ind.theme);
    if (!t) {
      t = { theme: ind.theme, coreTotal: 0, supportingTotal: 0, coreReported: 0, supportingReported: 0, coreVerified: 0, supportingVerified: 0 };
      themes.set(ind.theme, t);
    }
    const status = statusById.get(ind.id);
    const core = ind.kind === 'CORE';
    if (core) t.coreTotal++;
    else t.supportingTotal++;
    if (status !== undefined) {
      if (core) t.coreReported++;
      else t.supportingReported++;
      if (status === 'VERIFIED') {
        if (core) t.coreVerified++;
        else t.supportingVerified++;
      } else if (core) unverifiedCore.push(ind.id);
    } else if (core) missingCore.push(ind.id);
  }
  const byTheme = [...themes.values()];
  const sum = (field: keyof CoverageCounts) => byTheme.reduce((n, t) => n + t[field], 0);
  return {
    edition: editionName,
    coreTotal: sum('coreTotal'),
    supportingTotal: sum('supportingTotal'),
    coreReported: sum('coreReported'),
    supportingReported: sum('supportingReported'),
    coreVerified: sum('coreVerified'),
    supportingVerified: sum('supportingVerified'),
    missingCore,
    unverifiedCore,
    byTheme,
  };
}

/** The values of a report as coverage reads them (every value carries the report's edition). */
export function reportStatuses(report: Pick<IndicatorReportDoc, 'edition' | 'values'>): ValueStatusView[] {
  return report.values.map((v) => ({ edition: report.edition, indicatorId: v.indicatorId, status: v.status }));
}

/** The summary document of a report at its current version (what its outbox writes with every change). */
export function coverageSummaryOf(
  report: Pick<IndicatorReportDoc, '_id' | 'cityId' | 'year' | 'edition' | 'values' | 'version'>,
  catalogue: Catalogue,
): IndicatorCoverageDoc {
  return { _id: report._id, cityId: report.cityId, year: report.year, reportVersion: report.version, ...summarize(reportStatuses(report), catalogue) };
}

/**
 * The GraphQL coverage of one city and year from its summary (none: nothing reported yet, so every
 * core indicator of the default edition is missing). Ids the loaded catalogue lacks are left out.
 */
export function coverageView(cityId: string, year: number, summary: CoverageSummary | null, catalogue: Catalogue): CoverageView {
  const s = summary ?? summarize([], catalogue);
  const indicators = (ids: readonly string[]) => ids.flatMap((id) => catalogue.indicator(s.edition, id) ?? []);
  return {
    cityId,
    year,
    edition: s.edition,
    coreTotal: s.coreTotal,
    supportingTotal: s.supportingTotal,
    coreReported: s.coreReported,
    supportingReported: s.supportingReported,
    coreVerified: s.coreVerified,
    supportingVerified: s.supportingVerified,
    missingCore: indicators(s.missingCore),
    unverifiedCore: indicators(s.unverifiedCore),
    byTheme: s.byTheme,
  };
}

/** Computes the coverage from the values of ONE city and ONE year (pure: no database access). */
export function computeCoverage(cityId: string, year: number, values: readonly ValueStatusView[], catalogue: Catalogue): CoverageView {
  return coverageView(cityId, year, summarize(values, catalogue), catalogue);
}
