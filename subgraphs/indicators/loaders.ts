import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { IndicatorValueDoc } from '../../data/sample/types';
import type { Catalogue } from './catalogue';
import { computeCoverage, type IndicatorCoverage } from './coverage';
import { findValueStatusesForCitiesAndYears, findValuesForCitiesInYear, type ValueStatusDoc } from './data/indicatorValues';

/** Key of the coverage loader: one city and one data year. */
export function coverageKey(cityId: string, year: number): string {
  return `${cityId}:${year}`;
}

function parseCoverageKey(key: string): { cityId: string; year: number } {
  // City ids are slugs (no colon), but split on the LAST colon to be safe.
  const at = key.lastIndexOf(':');
  return { cityId: key.slice(0, at), year: Number(key.slice(at + 1)) };
}

export interface Loaders {
  /** Values of a city for one year: one loader per year, so each batch is ONE find over all cities asked. */
  valuesForYear(year: number): DataLoader<string, IndicatorValueDoc[]>;
  /** Coverage by `${cityId}:${year}`: ONE find per batch for every city and year asked. */
  coverage: DataLoader<string, IndicatorCoverage>;
}

export function createLoaders(db: Db, catalogue: Catalogue): Loaders {
  const byYear = new Map<number, DataLoader<string, IndicatorValueDoc[]>>();

  const valuesForYear = (year: number) => {
    let loader = byYear.get(year);
    if (!loader) {
      loader = new DataLoader<string, IndicatorValueDoc[]>(async (cityIds) => {
        const docs = await findValuesForCitiesInYear(db, cityIds, year);
        const byCity = new Map<string, IndicatorValueDoc[]>();
        for (const doc of docs) {
          const list = byCity.get(doc.cityId) ?? [];
          list.push(doc);
          byCity.set(doc.cityId, list);
        }
        return cityIds.map((id) => byCity.get(id) ?? []);
      });
      byYear.set(year, loader);
    }
    return loader;
  };

  const coverage = new DataLoader<string, IndicatorCoverage>(async (keys) => {
    const wanted = keys.map(parseCoverageKey);
    const cityIds = [...new Set(wanted.map((k) => k.cityId))];
    const years = [...new Set(wanted.map((k) => k.year))];
    const docs = await findValueStatusesForCitiesAndYears(db, cityIds, years);
    const grouped = new Map<string, ValueStatusDoc[]>();
    for (const doc of docs) {
      const key = coverageKey(doc.cityId, doc.year);
      const list = grouped.get(key) ?? [];
      list.push(doc);
      grouped.set(key, list);
    }
    return wanted.map(({ cityId, year }) => computeCoverage(cityId, year, grouped.get(coverageKey(cityId, year)) ?? [], catalogue));
  });

  return { valuesForYear, coverage };
}
