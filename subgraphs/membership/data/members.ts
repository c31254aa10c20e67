import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db, Filter } from 'mongodb';
import type { MemberDoc } from './types';
import type { Page } from '../../../lib/graphql/pagination';
import { ensureIndexes } from './indexes';

export type Cluster = MemberDoc['clusters'][number];

export function membersCollection(db: Db): Collection<MemberDoc> {
  return db.collection<MemberDoc>('members');
}

/** Indexes for city look-ups (City.membership), the member filters and the name order. */
export async function ensureMemberIndexes(db: Db): Promise<void> {
  await ensureIndexes(membersCollection(db), [
    { key: { cityId: 1 }, name: 'cityId' },
    { key: { clusters: 1 }, name: 'clusters' },
    { key: { name: 1, _id: 1 }, name: 'name_id' },
    { key: { country: 1 }, name: 'country' },
  ]);
}

/** Members by id, one `$in` query. */
export async function findMembersByIds(db: Db, ids: readonly string[]): Promise<MemberDoc[]> {
  return membersCollection(db).find({ _id: { $in: [...ids] } }, { batchSize: LOADER_BATCH_SIZE }).toArray();
}

/** Full members of a batch of cities, one `$in` query. Associate members never represent a city. */
export async function findFullMembersByCityIds(db: Db, cityIds: readonly string[]): Promise<MemberDoc[]> {
  return membersCollection(db)
    .find({ category: 'FULL', cityId: { $in: [...cityIds] } }, { batchSize: LOADER_BATCH_SIZE })
    .toArray();
}

/** Ids of the cities that are full members, optionally only those in one cluster (for the city filters). */
export async function findMemberCityIds(db: Db, cluster?: Cluster): Promise<string[]> {
  const filter: Filter<MemberDoc> = { category: 'FULL', cityId: { $ne: null } };
  if (cluster) filter.clusters = { $eq: cluster };
  const docs = await membersCollection(db).find(filter, { projection: { cityId: 1 }, batchSize: LOADER_BATCH_SIZE }).toArray();
  return [...new Set(docs.map((d) => d.cityId).filter((id): id is string => id !== null))];
}

export async function findMembersPage(db: Db, filter: Filter<MemberDoc>, page: Page): Promise<MemberDoc[]> {
  if (page.limit === 0) return [];
  return membersCollection(db).find(filter).sort({ name: 1, _id: 1 }).skip(page.offset).limit(page.limit).toArray();
}

export async function countMembers(db: Db, filter: Filter<MemberDoc>): Promise<number> {
  return membersCollection(db).countDocuments(filter);
}
