import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db } from 'mongodb';
import type { RegistrationDoc } from '../../../data/sample/types';
import { ensureIndexes } from './indexes';

export function registrationsCollection(db: Db): Collection<RegistrationDoc> {
  return db.collection<RegistrationDoc>('registrations');
}

export async function ensureRegistrationIndexes(db: Db): Promise<void> {
  await ensureIndexes(registrationsCollection(db), [
    { key: { workshopId: 1, registeredAt: 1 }, name: 'workshopId_registeredAt' },
    { key: { cityId: 1 }, name: 'cityId' },
  ]);
}

/** Registrations of a batch of workshops in the order they were made; one `$in` query. */
export async function findRegistrationsByWorkshopIds(db: Db, workshopIds: readonly string[]): Promise<RegistrationDoc[]> {
  return registrationsCollection(db)
    .find({ workshopId: { $in: [...workshopIds] } }, { batchSize: LOADER_BATCH_SIZE })
    .sort({ registeredAt: 1, _id: 1 })
    .toArray();
}

/** Live (confirmed or waitlisted) registrations of a batch of cities; one `$in` query. */
export async function findActiveRegistrationsByCityIds(db: Db, cityIds: readonly string[]): Promise<Pick<RegistrationDoc, '_id' | 'cityId' | 'workshopId'>[]> {
  return registrationsCollection(db)
    .find({ cityId: { $in: [...cityIds] }, status: { $in: ['CONFIRMED', 'WAITLISTED'] } }, { projection: { _id: 1, cityId: 1, workshopId: 1 }, batchSize: LOADER_BATCH_SIZE })
    .toArray();
}
