import type { Collection, Db, Filter } from 'mongodb';
import { ensureIndexes, findById, findByIds, ONE_BATCH } from '../../../lib/db/access';
import { keysetFilter, keysetSort, type KeysetPage, type KeysetSpec } from '../../../lib/graphql/keyset';
import type { StoredMentoringPair } from './types';

export function mentoringPairsCollection(db: Db): Collection<StoredMentoringPair> {
  return db.collection<StoredMentoringPair>('mentoring_pairs');
}

export async function ensureMentoringPairIndexes(db: Db): Promise<void> {
  await ensureIndexes(mentoringPairsCollection(db), [
    { key: { mentorCityId: 1 }, name: 'mentorCityId' },
    { key: { menteeCityId: 1 }, name: 'menteeCityId' },
    { key: { startedOn: -1, _id: 1 }, name: 'startedOn_id' },
  ]);
}

/** Most recent first; then id, so the order is stable. */
const ORDER = { startedOn: -1, _id: 1 } as const;

export function findMentoringPair(db: Db, id: string): Promise<StoredMentoringPair | null> {
  return findById(mentoringPairsCollection(db), id);
}

export function findMentoringPairsByIds(db: Db, ids: readonly string[]): Promise<StoredMentoringPair[]> {
  return findByIds(mentoringPairsCollection(db), ids);
}

/** Pairs in which any of the cities is mentor or mentee, most recent first; one query for the batch. */
export async function findMentoringPairsByCityIds(db: Db, cityIds: readonly string[]): Promise<StoredMentoringPair[]> {
  const ids = [...cityIds];
  return mentoringPairsCollection(db)
    .find({ $or: [{ mentorCityId: { $in: ids } }, { menteeCityId: { $in: ids } }] }, { batchSize: ONE_BATCH })
    .sort(ORDER)
    .toArray();
}

/** The ACTIVE pair of two cities, either way round (at most one: the pairing workflow keeps it so). */
export async function findActivePairOf(db: Db, a: string, b: string): Promise<StoredMentoringPair | null> {
  return mentoringPairsCollection(db).findOne({
    status: 'ACTIVE',
    $or: [
      { mentorCityId: { $eq: a }, menteeCityId: { $eq: b } },
      { mentorCityId: { $eq: b }, menteeCityId: { $eq: a } },
    ],
  });
}

/** Keyset of Query.mentoringPairs: most recent first, then id. */
export const PAIRS_KEYSET: KeysetSpec<StoredMentoringPair> = {
  name: 'mentoringPairs',
  keys: [{ field: 'startedOn', direction: -1 }],
  valuesOf: (p) => [p.startedOn],
  idOf: (p) => p._id,
};

/** One page of pairs after the page's position (limit + 1, to learn whether more follow). */
export async function findMentoringPairsPage(db: Db, filter: Filter<StoredMentoringPair>, page: KeysetPage): Promise<StoredMentoringPair[]> {
  if (page.limit === 0) return [];
  const after = keysetFilter(PAIRS_KEYSET, page) as Filter<StoredMentoringPair>;
  return mentoringPairsCollection(db)
    .find({ $and: [filter, after] })
    .sort(keysetSort(PAIRS_KEYSET))
    .limit(page.limit + 1)
    .toArray();
}

export async function countMentoringPairs(db: Db, filter: Filter<StoredMentoringPair>): Promise<number> {
  return mentoringPairsCollection(db).countDocuments(filter);
}

/** ACTIVE pairs per mentor city, for a batch of cities; one query. */
export async function countActivePairsAsMentor(db: Db, cityIds: readonly string[]): Promise<Map<string, number>> {
  const pairs = await mentoringPairsCollection(db)
    .find({ status: { $eq: 'ACTIVE' }, mentorCityId: { $in: [...cityIds] } }, { projection: { _id: 1, mentorCityId: 1 }, batchSize: ONE_BATCH })
    .toArray();
  const counts = new Map<string, number>(cityIds.map((id) => [id, 0]));
  for (const p of pairs) counts.set(p.mentorCityId, (counts.get(p.mentorCityId) ?? 0) + 1);
  return counts;
}
