import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db } from 'mongodb';
import type { RegistrationDoc } from './types';
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

/** A registration as stored once the workflows have touched it (seeded ones lack the optional fields). */
export interface StoredRegistration extends RegistrationDoc {
  /** Position in the order of registration (per workshop); the waitlist is promoted in this order. */
  seq?: number;
  confirmedAt?: Date | null;
  cancelledAt?: Date | null;
}

export function storedRegistrations(db: Db): Collection<StoredRegistration> {
  return db.collection<StoredRegistration>('registrations');
}

/** The id of a city's registration for a workshop: one per city and workshop. */
export const registrationId = (workshopId: string, cityId: string) => `${workshopId}:${cityId}`;

/**
 * Waitlist order: by sequence number; seeded registrations (no number, older than any numbered one)
 * first, by the time they were made.
 */
export function waitlistOrder(a: StoredRegistration, b: StoredRegistration): number {
  const sa = a.seq ?? -1;
  const sb = b.seq ?? -1;
  if (sa !== sb) return sa - sb;
  return a.registeredAt.getTime() - b.registeredAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/** Every registration of one workshop, split by status (waitlist in order), with the last sequence number. */
export async function findWorkshopRegistrations(db: Db, workshopId: string): Promise<WorkshopRegistrations> {
  const all = await storedRegistrations(db).find({ workshopId: { $eq: workshopId } }, { batchSize: LOADER_BATCH_SIZE }).toArray();
  return splitRegistrations(all);
}

export interface WorkshopRegistrations {
  all: StoredRegistration[];
  confirmed: StoredRegistration[];
  waitlisted: StoredRegistration[];
  /** The highest sequence number handed out so far (0 if none): the next registration gets one more. */
  lastSeq: number;
}

export function splitRegistrations(all: StoredRegistration[]): WorkshopRegistrations {
  return {
    all,
    confirmed: all.filter((r) => r.status === 'CONFIRMED'),
    waitlisted: all.filter((r) => r.status === 'WAITLISTED').sort(waitlistOrder),
    lastSeq: all.reduce((max, r) => Math.max(max, r.seq ?? 0), 0),
  };
}
