import type { IndicatorValueDoc } from './data/types';
import type { Catalogue, CatalogueIndicator } from './catalogue';

/** What coverage reads of a value. */
type ValueStatus = Pick<IndicatorValueDoc, 'edition' | 'indicatorId' | 'status'>;

/** Coverage counts for one theme (GraphQL `ThemeCoverage`). */
export interface ThemeCoverage {
  theme: string;
  coreTotal: number;
  supportingTotal: number;
  coreReported: number;
  supportingReported: number;
  coreVerified: number;
  supportingVerified: number;
}

/** A city's coverage of its edition's catalogue for one data year (GraphQL `IndicatorCoverage`). */
export interface IndicatorCoverage extends Omit<ThemeCoverage, 'theme'> {
  cityId: string;
  year: number;
  edition: string;
  missingCore: CatalogueIndicator[];
  unverifiedCore: CatalogueIndicator[];
  byTheme: ThemeCoverage[];
}

/**
 * The edition a city-year was reported against: the one most of its values carry (they normally all
 * agree), or the default edition when there are no values or none of their editions is loaded.
 */
function editionOf(values: readonly ValueStatus[], catalogue: Catalogue): string {
  const counts = new Map<string, number>();
  for (const v of values) if (catalogue.edition(v.edition)) counts.set(v.edition, (counts.get(v.edition) ?? 0) + 1);
  let best = catalogue.defaultEdition;
  let bestCount = 0;
  for (const [edition, count] of counts) {
    if (count > bestCount) [best, bestCount] = [edition, count];
  }
  return best;
}

/** Computes the coverage from the values of ONE city and ONE year (pure: no database access). */
export function computeCoverage(cityId: string, year: number, values: readonly ValueStatus[], catalogue: Catalogue): IndicatorCoverage {
  const editionName = editionOf(values, catalogue);
  const edition = catalogue.edition(editionName)!;
  const statusById = new Map<string, IndicatorValueDoc['status']>();
  // Values of another edition or with an id the catalogue lacks cannot count towards this edition.
  for (const v of values) if (v.edition === editionName && edition.byId.has(v.indicatorId)) statusById.set(v.indicatorId, v.status);

  const themes = new Map<string, ThemeCoverage>();
  const missingCore: CatalogueIndicator[] = [];
  const unverifiedCore: CatalogueIndicator[] = [];
  for (const ind of edition.indicators) {
    const t = themes.get(ind.theme) ?? {
      theme: ind.theme,
      coreTotal: 0,
      supportingTotal: 0,
      coreReported: 0,
      supportingReported: 0,
      coreVerified: 0,
      supportingVerified: 0,
    };
    themes.set(ind.theme, t);
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
      } else if (core) unverifiedCore.push(ind);
    } else if (core) missingCore.push(ind);
  }
  const byTheme = [...themes.values()];
  const sum = (field: keyof Omit<ThemeCoverage, 'theme'>) => byTheme.reduce((n, t) => n + t[field], 0);
  return {
    cityId,
    year,
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
