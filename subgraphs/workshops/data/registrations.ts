import type { Collection, Db } from 'mongodb';
import { ensureIndexes, findById, ONE_BATCH } from '../../../lib/db/access';
import type { StoredRegistration } from './types';

export function registrationsCollection(db: Db): Collection<StoredRegistration> {
  return db.collection<StoredRegistration>('registrations');
}

export async function ensureRegistrationIndexes(db: Db): Promise<void> {
  await ensureIndexes(registrationsCollection(db), [
    { key: { workshopId: 1, registeredAt: 1 }, name: 'workshopId_registeredAt' },
    { key: { cityId: 1 }, name: 'cityId' },
  ]);
}

export function findRegistration(db: Db, id: string): Promise<StoredRegistration | null> {
  return findById(registrationsCollection(db), id);
}

/** Registrations of a batch of workshops in the order they were made; one query. */
export async function findRegistrationsByWorkshopIds(db: Db, workshopIds: readonly string[]): Promise<StoredRegistration[]> {
  return registrationsCollection(db)
    .find({ workshopId: { $in: [...workshopIds] } }, { batchSize: ONE_BATCH })
    .sort({ registeredAt: 1, _id: 1 })
    .toArray();
}

/** Every registration of one workshop (the workflows split them by status under the workshop's lock). */
export async function findWorkshopRegistrations(db: Db, workshopId: string): Promise<StoredRegistration[]> {
  return registrationsCollection(db)
    .find({ workshopId: { $eq: workshopId } }, { batchSize: ONE_BATCH })
    .toArray();
}

/** Registrations of a batch of cities that attended a workshop (attendance recorded); one query. */
export async function findAttendedByCityIds(db: Db, cityIds: readonly string[]): Promise<StoredRegistration[]> {
  return registrationsCollection(db)
    .find({ cityId: { $in: [...cityIds] }, 'attendance.attended': { $eq: true } }, { batchSize: ONE_BATCH })
    .toArray();
}

/** Live (confirmed or waitlisted) registrations of a batch of cities; one query. */
export async function findActiveRegistrationsByCityIds(
  db: Db,
  cityIds: readonly string[],
): Promise<Pick<StoredRegistration, '_id' | 'cityId' | 'workshopId'>[]> {
  return registrationsCollection(db)
    .find(
      { cityId: { $in: [...cityIds] }, status: { $in: ['CONFIRMED', 'WAITLISTED'] } },
      { projection: { _id: 1, cityId: 1, workshopId: 1 }, batchSize: ONE_BATCH },
    )
    .toArray();
}
