import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import { ONE_BATCH } from '../../../lib/db/access';
import { keysetFilter, keysetSort, type KeysetPage, type KeysetSpec } from '../../../lib/graphql/keyset';
import type { Cluster, MemberDoc } from './types';

export function membersCollection(db: Db): Collection<MemberDoc> {
  return db.collection<MemberDoc>('members');
}

/** Indexes for the member filters, the city filters and the name order. */
export const MEMBER_INDEXES: IndexDescription[] = [
  { key: { cityId: 1 }, name: 'cityId' },
  { key: { clusters: 1 }, name: 'clusters' },
  { key: { name: 1, _id: 1 }, name: 'name_id' },
  { key: { country: 1 }, name: 'country' },
];

/** `Query.members`: by name, then id. */
export const MEMBER_ORDER: KeysetSpec<MemberDoc> = {
  name: 'members',
  keys: [{ field: 'name', direction: 1 }],
  valuesOf: (m) => [m.name],
  idOf: (m) => m._id,
};

/** Ids of the cities that are full members, optionally only those in one cluster (for the city filters). */
export async function findMemberCityIds(db: Db, cluster?: Cluster): Promise<string[]> {
  const filter: Filter<MemberDoc> = { category: 'FULL', cityId: { $ne: null } };
  if (cluster) filter.clusters = { $eq: cluster };
  const docs = await membersCollection(db)
    .find(filter, { projection: { cityId: 1 }, batchSize: ONE_BATCH })
    .toArray();
  return [...new Set(docs.map((d) => d.cityId).filter((id): id is string => id !== null))];
}

/** The members after the page's position in name order (limit + 1). */
export async function findMembersPage(db: Db, filter: Filter<MemberDoc>, page: KeysetPage): Promise<MemberDoc[]> {
  if (page.limit === 0) return [];
  const after = keysetFilter(MEMBER_ORDER, page) as Filter<MemberDoc>;
  const query = Object.keys(after).length === 0 ? filter : Object.keys(filter).length === 0 ? after : ({ $and: [filter, after] } as Filter<MemberDoc>);
  return membersCollection(db)
    .find(query)
    .sort(keysetSort(MEMBER_ORDER))
    .limit(page.limit + 1)
    .toArray();
}

export async function countMembers(db: Db, filter: Filter<MemberDoc>): Promise<number> {
  return membersCollection(db).countDocuments(filter);
}
