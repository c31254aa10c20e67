import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db } from 'mongodb';
import type { EnrolmentDoc } from './types';
import { ensureIndexes } from './indexes';

export function enrolmentsCollection(db: Db): Collection<EnrolmentDoc> {
  return db.collection<EnrolmentDoc>('enrolments');
}

export async function ensureEnrolmentIndexes(db: Db): Promise<void> {
  await ensureIndexes(enrolmentsCollection(db), [{ key: { cityId: 1 }, name: 'cityId' }]);
}

/** Enrolments of a batch of cities, one `$in` query. */
export async function findEnrolmentsByCityIds(db: Db, cityIds: readonly string[]): Promise<EnrolmentDoc[]> {
  return enrolmentsCollection(db)
    .find({ cityId: { $in: [...cityIds] } }, { batchSize: LOADER_BATCH_SIZE })
    .toArray();
}

/** Ids of every enrolled city (for the `enrolled` city filter). */
export async function findEnrolledCityIds(db: Db): Promise<string[]> {
  const docs = await enrolmentsCollection(db).find({}, { projection: { cityId: 1 }, batchSize: LOADER_BATCH_SIZE }).toArray();
  return [...new Set(docs.map((d) => d.cityId))];
}
