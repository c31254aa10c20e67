import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import type { Page } from '../../../lib/graphql/pagination';
import type { CityDoc } from './types';

export function citiesCollection(db: Db): Collection<CityDoc> {
  return db.collection<CityDoc>('cities');
}

/** Indexes for the filters and the name order of `Query.cities`. */
export const CITY_INDEXES: IndexDescription[] = [
  { key: { name: 1, _id: 1 }, name: 'name_id' },
  { key: { country: 1 }, name: 'country' },
  { key: { region: 1 }, name: 'region' },
];

/** One page of cities in name order (then id, so pages are stable when names repeat). */
export async function findCitiesPage(db: Db, filter: Filter<CityDoc>, page: Page): Promise<CityDoc[]> {
  if (page.limit === 0) return [];
  return citiesCollection(db).find(filter).sort({ name: 1, _id: 1 }).skip(page.offset).limit(page.limit).toArray();
}

export async function countCities(db: Db, filter: Filter<CityDoc>): Promise<number> {
  return citiesCollection(db).countDocuments(filter);
}
