import type { Collection, Db, Filter } from 'mongodb';
import { ensureIndexes, findById, findByIds, ONE_BATCH } from '../../../lib/db/access';
import type { Page } from '../../../lib/graphql/pagination';
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

export async function findMentoringPairsPage(db: Db, filter: Filter<StoredMentoringPair>, page: Page): Promise<StoredMentoringPair[]> {
  if (page.limit === 0) return [];
  return mentoringPairsCollection(db).find(filter).sort(ORDER).skip(page.offset).limit(page.limit).toArray();
}

export async function countMentoringPairs(db: Db, filter: Filter<StoredMentoringPair>): Promise<number> {
  return mentoringPairsCollection(db).countDocuments(filter);
}
