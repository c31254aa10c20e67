import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import { ONE_BATCH } from '../../../lib/db/access';
import type { Page } from '../../../lib/graphql/pagination';
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

/** Ids of the cities that are full members, optionally only those in one cluster (for the city filters). */
export async function findMemberCityIds(db: Db, cluster?: Cluster): Promise<string[]> {
  const filter: Filter<MemberDoc> = { category: 'FULL', cityId: { $ne: null } };
  if (cluster) filter.clusters = { $eq: cluster };
  const docs = await membersCollection(db).find(filter, { projection: { cityId: 1 }, batchSize: ONE_BATCH }).toArray();
  return [...new Set(docs.map((d) => d.cityId).filter((id): id is string => id !== null))];
}

/** One page of members in name order (then id, so pages are stable when names repeat). */
export async function findMembersPage(db: Db, filter: Filter<MemberDoc>, page: Page): Promise<MemberDoc[]> {
  if (page.limit === 0) return [];
  return membersCollection(db).find(filter).sort({ name: 1, _id: 1 }).skip(page.offset).limit(page.limit).toArray();
}

export async function countMembers(db: Db, filter: Filter<MemberDoc>): Promise<number> {
  return membersCollection(db).countDocuments(filter);
}
