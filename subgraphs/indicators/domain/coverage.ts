import { createHash } from 'node:crypto';
import { COVERAGE_STATE, type CoverageCounts, type IndicatorCoverageDoc, type IndicatorReportDoc, type ThemeCounts, type ValueStatus } from '../data/types';
import type { Catalogue, CatalogueEdition, CatalogueIndicator } from './catalogue';

/** What coverage reads of a value: its edition, indicator and status. */
export interface ValueStatusView {
  edition: string;
  indicatorId: string;
  status: ValueStatus;
}

/** The coverage of one city and year against its edition: counts, the core indicators missing or unverified (ids), per theme. */
export interface CoverageSummary extends CoverageCounts {
  edition: string;
  /** Core indicators without a value, and with one that is not VERIFIED, in clause order. */
  missingCore: string[];
  unverifiedCore: string[];
  /** Per theme, in clause order. */
  byTheme: ThemeCounts[];
}

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

/** Which indicators, in which order, a `states` string stands for: a short hash of the edition's ids in clause order. */
const layouts = new WeakMap<CatalogueEdition, string>();
function layoutOf(edition: CatalogueEdition): string {
  let layout = layouts.get(edition);
  if (!layout) {
    layout = createHash('sha1')
      .update(edition.indicators.map((i) => i.id).join(','))
      .digest('base64url')
      .slice(0, 10);
    layouts.set(edition, layout);
  }
  return layout;
}

/** Each indicator's state (COVERAGE_STATE) in the edition's clause order, and the edition, of ONE city and ONE year. */
function coverageStates(values: readonly ValueStatusView[], catalogue: Catalogue): { edition: string; states: string } {
  const editionName = editionOf(values, catalogue);
  const edition = catalogue.edition(editionName)!;
  const statusById = new Map<string, ValueStatus>();
  // Values of another edition or with an id the catalogue lacks cannot count towards this edition.
  for (const v of values) if (v.edition === editionName && edition.byId.has(v.indicatorId)) statusById.set(v.indicatorId, v.status);
  let states = '';
  for (const ind of edition.indicators) {
    const status = statusById.get(ind.id);
    states += status === undefined ? COVERAGE_STATE.missing : status === 'VERIFIED' ? COVERAGE_STATE.verified : COVERAGE_STATE.reported;
  }
  return { edition: editionName, states };
}

/** The summary the states of an edition's indicators say (one character each, in clause order). */
function expandStates(editionName: string, edition: CatalogueEdition, states: string): CoverageSummary {
  const themes = new Map<string, ThemeCounts>();
  const missingCore: string[] = [];
  const unverifiedCore: string[] = [];
  edition.indicators.forEach((ind, i) => {
    let t = themes.get(ind.theme);
    if (!t) {
      t = { theme: ind.theme, coreTotal: 0, supportingTotal: 0, coreReported: 0, supportingReported: 0, coreVerified: 0, supportingVerified: 0 };
      themes.set(ind.theme, t);
    }
    const state = states[i];
    const core = ind.kind === 'CORE';
    if (core) t.coreTotal++;
    else t.supportingTotal++;
    if (state !== COVERAGE_STATE.missing) {
      if (core) t.coreReported++;
      else t.supportingReported++;
      if (state === COVERAGE_STATE.verified) {
        if (core) t.coreVerified++;
        else t.supportingVerified++;
      } else if (core) unverifiedCore.push(ind.id);
    } else if (core) missingCore.push(ind.id);
  });
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

/** Summarises the values of ONE city and ONE year against the catalogue (pure: no database access). */
export function summarize(values: readonly ValueStatusView[], catalogue: Catalogue): CoverageSummary {
  const { edition, states } = coverageStates(values, catalogue);
  return expandStates(edition, catalogue.edition(edition)!, states);
}

/**
 * The summary a stored document holds, expanded with the catalogue; null when the loaded catalogue no
 * longer matches it (its edition is unknown or lists other indicators: `layout`), or it is of an older shape:
 * the report is read instead.
 */
export function expandSummary(doc: IndicatorCoverageDoc, catalogue: Catalogue): CoverageSummary | null {
  const edition = catalogue.edition(doc.edition);
  if (!edition || typeof doc.states !== 'string' || doc.layout !== layoutOf(edition) || doc.states.length !== edition.indicators.length) return null;
  return expandStates(doc.edition, edition, doc.states);
}

/** The values of a report as coverage reads them (every value carries the report's edition). */
export function reportStatuses(report: Pick<IndicatorReportDoc, 'edition' | 'values'>): ValueStatusView[] {
  return report.values.map((v) => ({ edition: report.edition, indicatorId: v.indicatorId, status: v.status }));
}

/** The six counts alone (a summary or a view carries them beside other fields). */
function countsOf(s: CoverageCounts): CoverageCounts {
  const { coreTotal, supportingTotal, coreReported, supportingReported, coreVerified, supportingVerified } = s;
  return { coreTotal, supportingTotal, coreReported, supportingReported, coreVerified, supportingVerified };
}

/** The summary document of a report at its current version (what its outbox writes with every change). */
export function coverageSummaryOf(
  report: Pick<IndicatorReportDoc, '_id' | 'cityId' | 'year' | 'edition' | 'values' | 'version'>,
  catalogue: Catalogue,
): IndicatorCoverageDoc {
  const { edition, states } = coverageStates(reportStatuses(report), catalogue);
  const s = expandStates(edition, catalogue.edition(edition)!, states);
  return {
    _id: report._id,
    cityId: report.cityId,
    year: report.year,
    reportVersion: report.version,
    edition,
    ...countsOf(s),
    states,
    layout: layoutOf(catalogue.edition(edition)!),
  };
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
    ...countsOf(s),
    missingCore: indicators(s.missingCore),
    unverifiedCore: indicators(s.unverifiedCore),
    byTheme: s.byTheme,
  };
}

/** Computes the coverage from the values of ONE city and ONE year (pure: no database access). */
export function computeCoverage(cityId: string, year: number, values: readonly ValueStatusView[], catalogue: Catalogue): CoverageView {
  return coverageView(cityId, year, summarize(values, catalogue), catalogue);
}
