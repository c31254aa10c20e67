import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db, Filter } from 'mongodb';
import type { MentoringPairDoc } from './types';
import type { Page } from '../../../lib/graphql/pagination';
import { ensureIndexes } from './indexes';

export function mentoringPairsCollection(db: Db): Collection<MentoringPairDoc> {
  return db.collection<MentoringPairDoc>('mentoring_pairs');
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

export async function findMentoringPairsByIds(db: Db, ids: readonly string[]): Promise<MentoringPairDoc[]> {
  return mentoringPairsCollection(db).find({ _id: { $in: [...ids] } }, { batchSize: LOADER_BATCH_SIZE }).toArray();
}

/** Pairs in which any of the cities is mentor or mentee, most recent first; one query for the batch. */
export async function findMentoringPairsByCityIds(db: Db, cityIds: readonly string[]): Promise<MentoringPairDoc[]> {
  const ids = [...cityIds];
  return mentoringPairsCollection(db)
    .find({ $or: [{ mentorCityId: { $in: ids } }, { menteeCityId: { $in: ids } }] }, { batchSize: LOADER_BATCH_SIZE })
    .sort(ORDER)
    .toArray();
}

export async function findMentoringPairsPage(db: Db, filter: Filter<MentoringPairDoc>, page: Page): Promise<MentoringPairDoc[]> {
  if (page.limit === 0) return [];
  return mentoringPairsCollection(db).find(filter).sort(ORDER).skip(page.offset).limit(page.limit).toArray();
}

export async function countMentoringPairs(db: Db, filter: Filter<MentoringPairDoc>): Promise<number> {
  return mentoringPairsCollection(db).countDocuments(filter);
}
