import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import { keysetFilter, keysetSort, type KeysetPage, type KeysetSpec } from '../../../lib/graphql/keyset';
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

/** `Query.cities` without a search: by name, then id (names may repeat). */
export const CITY_ORDER: KeysetSpec<CityDoc> = {
  name: 'cities',
  keys: [{ field: 'name', direction: 1 }],
  valuesOf: (c) => [c.name],
  idOf: (c) => c._id,
};

const and = <T>(a: Filter<T>, b: Filter<T>): Filter<T> => (Object.keys(a).length === 0 ? b : Object.keys(b).length === 0 ? a : ({ $and: [a, b] } as Filter<T>));

/** The cities after the page's position in name order (limit + 1, to learn whether more follow). */
export async function findCitiesPage(db: Db, filter: Filter<CityDoc>, page: KeysetPage): Promise<CityDoc[]> {
  if (page.limit === 0) return [];
  return citiesCollection(db)
    .find(and(filter, keysetFilter(CITY_ORDER, page) as Filter<CityDoc>))
    .sort(keysetSort(CITY_ORDER))
    .limit(page.limit + 1)
    .toArray();
}

export async function countCities(db: Db, filter: Filter<CityDoc>): Promise<number> {
  return citiesCollection(db).countDocuments(filter);
}
