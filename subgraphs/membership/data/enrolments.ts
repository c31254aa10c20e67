import type { Collection, Db } from 'mongodb';
import { ONE_BATCH } from '../../../lib/db/access';
import type { EnrolmentDoc } from './types';

/** Collection `enrolments`: one per city, `_id` = cityId, so it needs no index of its own. */
export function enrolmentsCollection(db: Db): Collection<EnrolmentDoc> {
  return db.collection<EnrolmentDoc>('enrolments');
}

/** Ids of every enrolled city (for the `enrolled` city filter). */
export async function findEnrolledCityIds(db: Db): Promise<string[]> {
  const docs = await enrolmentsCollection(db).find({}, { projection: { cityId: 1 }, batchSize: ONE_BATCH }).toArray();
  return [...new Set(docs.map((d) => d.cityId))];
}
