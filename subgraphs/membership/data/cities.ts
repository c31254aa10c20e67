import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db, Filter } from 'mongodb';
import type { CityDoc } from './types';
import type { Page } from '../../../lib/graphql/pagination';
import { ensureIndexes } from './indexes';

export function citiesCollection(db: Db): Collection<CityDoc> {
  return db.collection<CityDoc>('cities');
}

/** Indexes for the filters and the name order of `Query.cities`. */
export async function ensureCityIndexes(db: Db): Promise<void> {
  await ensureIndexes(citiesCollection(db), [
    { key: { name: 1, _id: 1 }, name: 'name_id' },
    { key: { country: 1 }, name: 'country' },
    { key: { region: 1 }, name: 'region' },
  ]);
}

/** One `$in` query for a batch of ids (used by the DataLoader); order of the result is arbitrary. */
export async function findCitiesByIds(db: Db, ids: readonly string[]): Promise<CityDoc[]> {
  return citiesCollection(db).find({ _id: { $in: [...ids] } }, { batchSize: LOADER_BATCH_SIZE }).toArray();
}

/** One page of cities in name order (then id, so pages are stable when names repeat). */
export async function findCitiesPage(db: Db, filter: Filter<CityDoc>, page: Page): Promise<CityDoc[]> {
  if (page.limit === 0) return [];
  return citiesCollection(db).find(filter).sort({ name: 1, _id: 1 }).skip(page.offset).limit(page.limit).toArray();
}

export async function countCities(db: Db, filter: Filter<CityDoc>): Promise<number> {
  return citiesCollection(db).countDocuments(filter);
}
