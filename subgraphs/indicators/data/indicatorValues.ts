import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db, IndexDescription } from 'mongodb';
import type { IndicatorValueDoc } from '../../../data/sample/types';

/** Collection `indicator_values`: one document per city, data year and indicator. */
export const INDICATOR_VALUES = 'indicator_values';

export function indicatorValues(db: Db): Collection<IndicatorValueDoc> {
  return db.collection<IndicatorValueDoc>(INDICATOR_VALUES);
}

const INDEXES: IndexDescription[] = [
  // One value per city, year and indicator; also serves the per-city/year loaders.
  { key: { cityId: 1, year: 1, indicatorId: 1 }, name: 'city_year_indicator', unique: true },
  // Verification work lists per data year.
  { key: { year: 1, status: 1 }, name: 'year_status' },
];

export async function ensureIndicatorValueIndexes(db: Db): Promise<void> {
  // One index per command: FerretDB 1.24 panics when one createIndexes command re-creates
  // several existing indexes (it happens on every restart), while one at a time is a no-op.
  for (const index of INDEXES) await indicatorValues(db).createIndexes([index]);
}

/**
 * Loader queries return whole cities' worth of values (100 per city and year): ask for them in one
 * batch, so a list of N cities costs one command rather than one per 101 documents (the default
 * first batch) plus getMores. MongoDB still caps a batch at 16 MB (~80k values).
 */

/** The fields coverage needs (smaller batches than whole documents). */
const COVERAGE_PROJECTION = { _id: 0, cityId: 1, year: 1, edition: 1, indicatorId: 1, status: 1 } as const;

/** All values of these cities for one data year (one query, whatever the number of cities). */
export function findValuesForCitiesInYear(db: Db, cityIds: readonly string[], year: number): Promise<IndicatorValueDoc[]> {
  return indicatorValues(db)
    .find({ cityId: { $in: [...cityIds] }, year: { $eq: year } }, { batchSize: LOADER_BATCH_SIZE })
    .toArray();
}

export type ValueStatusDoc = Pick<IndicatorValueDoc, 'cityId' | 'year' | 'edition' | 'indicatorId' | 'status'>;

/**
 * All values of these cities in these years (one query). The cross product may return a few
 * (city, year) pairs nobody asked for; callers pick what they need.
 */
export function findValueStatusesForCitiesAndYears(
  db: Db,
  cityIds: readonly string[],
  years: readonly number[],
): Promise<ValueStatusDoc[]> {
  return indicatorValues(db)
    .find({ cityId: { $in: [...cityIds] }, year: { $in: [...years] } }, { batchSize: LOADER_BATCH_SIZE, projection: COVERAGE_PROJECTION })
    .toArray() as Promise<ValueStatusDoc[]>;
}
