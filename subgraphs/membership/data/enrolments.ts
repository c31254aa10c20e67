import type { Collection, Db } from 'mongodb';
import { ONE_BATCH } from '../../../lib/db/access';
import type { EnrolmentDoc } from './types';

/** Collection `enrolments`: one per city, `_id` = cityId, so it needs no index of its own. */
export function enrolmentsCollection(db: Db): Collection<EnrolmentDoc> {
  return db.collection<EnrolmentDoc>('enrolments');
}

/** Ids of every city enrolled now (for the `enrolled` city filter): a withdrawn acceptance is no enrolment. */
export async function findEnrolledCityIds(db: Db): Promise<string[]> {
  const docs = await enrolmentsCollection(db)
    .find({}, { projection: { cityId: 1, status: 1 }, batchSize: ONE_BATCH })
    .toArray();
  return [...new Set(docs.filter((d) => d.status !== 'WITHDRAWN').map((d) => d.cityId))];
}
