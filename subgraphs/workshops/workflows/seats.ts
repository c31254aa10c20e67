import type { Db } from 'mongodb';
import { findWorkshopRegistrations, storedRegistrations, type StoredRegistration, type WorkshopRegistrations } from '../data/registrations';
import { storedWorkshops, type StoredWorkshop } from '../data/workshops';

/**
 * Gives free seats to the waitlist, first in line first, and stores the confirmed count as
 * `seatsTaken`. Callers hold the workshop's lock, so counting and promoting cannot interleave with
 * another registration or cancellation (see lib/db/locks.ts for why a lock, not a conditional $inc).
 * The count is recomputed from the registrations each time, so an interrupted earlier change heals.
 * `known` saves the query when the caller has just read the registrations.
 */
export async function fillSeats(
  db: Db,
  workshop: StoredWorkshop,
  now: Date,
  options: { dryRun?: boolean; known?: WorkshopRegistrations; storeCount?: boolean } = {},
): Promise<{ confirmed: number; promoted: StoredRegistration[]; waitlisted: StoredRegistration[] }> {
  const { confirmed, waitlisted: queue } = options.known ?? (await findWorkshopRegistrations(db, workshop._id));
  const waitlisted = [...queue];
  let count = confirmed.length;
  const promoted: StoredRegistration[] = [];
  if (options.dryRun) return { confirmed: count, promoted, waitlisted };
  while (count < workshop.capacity && waitlisted.length > 0) {
    const next = waitlisted.shift()!;
    await storedRegistrations(db).updateOne({ _id: { $eq: next._id } }, { $set: { status: 'CONFIRMED', confirmedAt: now } });
    promoted.push({ ...next, status: 'CONFIRMED', confirmedAt: now });
    count++;
  }
  if ((options.storeCount ?? true) && count !== workshop.seatsTaken) {
    await storedWorkshops(db).updateOne({ _id: { $eq: workshop._id } }, { $set: { seatsTaken: count } });
  }
  return { confirmed: count, promoted, waitlisted };
}
