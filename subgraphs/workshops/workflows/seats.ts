import { writeChange } from '../../../lib/db/outbox';
import type { AuthUser } from '../../../lib/auth/roles';
import type { Context } from '../context';
import { registrationsCollection } from '../data/registrations';
import type { StoredRegistration, StoredWorkshop } from '../data/types';
import { workshopsCollection } from '../data/workshops';
import type { WorkshopRegistrations } from '../domain/registrations';
import { detailsVersionOf } from '../domain/workshops';

/** The one lock of a workshop: its details, its seats and every change of its registrations. */
export const workshopLock = (id: string) => `workshop:${id}`;

export const registrationConflict = (id: string) => `The registration ${id} changed meanwhile; try again.`;
export const workshopConflict = (id: string) => `The workshop ${id} changed meanwhile; try again.`;

/**
 * Stores the confirmed count as `seatsTaken`: a write of the workshop document (no audit entry: the
 * registrations carry those). Callers hold the workshop's lock.
 */
export async function storeSeatCount(ctx: Context, workshop: StoredWorkshop, confirmed: number, actor: AuthUser, now: Date): Promise<StoredWorkshop> {
  if (confirmed === workshop.seatsTaken) return workshop;
  return writeChange(
    workshopsCollection(ctx.db),
    workshop,
    { next: { ...workshop, seatsTaken: confirmed, detailsVersion: detailsVersionOf(workshop) }, audit: [], scope: { cityId: workshop.hostCityId } },
    actor,
    now,
    workshopConflict(workshop._id),
  );
}

/** Confirms a waitlisted registration: one audited write of its document. */
export function promote(ctx: Context, registration: StoredRegistration, actor: AuthUser, now: Date): Promise<StoredRegistration> {
  return writeChange(
    registrationsCollection(ctx.db),
    registration,
    {
      next: { ...registration, status: 'CONFIRMED', confirmedAt: now },
      audit: [{ action: 'registration.promoted', subject: `registration:${registration._id}`, old: { status: 'WAITLISTED' }, new: { status: 'CONFIRMED' } }],
      scope: { cityId: registration.cityId },
    },
    actor,
    now,
    registrationConflict(registration._id),
  );
}

/**
 * Gives free seats to the waitlist, first in line first (each promotion its own audited write), and
 * stores the confirmed count as `seatsTaken`. Callers hold the workshop's lock, so counting and
 * promoting cannot interleave with another registration or cancellation (see lib/db/locks.ts for why
 * a lock, not a conditional $inc). The count is recomputed from the registrations each time, so an
 * interrupted earlier change heals. `storeCount: false` leaves the count to the caller (a batch of
 * registrations stores it once at the end).
 */
export async function fillSeats(
  ctx: Context,
  workshop: StoredWorkshop,
  known: WorkshopRegistrations,
  actor: AuthUser,
  now: Date,
  options: { storeCount?: boolean } = {},
): Promise<{ workshop: StoredWorkshop; confirmed: number; promoted: StoredRegistration[]; waitlisted: StoredRegistration[] }> {
  const waitlisted = [...known.waitlisted];
  let confirmed = known.confirmed.length;
  const promoted: StoredRegistration[] = [];
  while (confirmed < workshop.capacity && waitlisted.length > 0) {
    promoted.push(await promote(ctx, waitlisted.shift()!, actor, now));
    confirmed++;
  }
  const stored = (options.storeCount ?? true) ? await storeSeatCount(ctx, workshop, confirmed, actor, now) : workshop;
  return { workshop: stored, confirmed, promoted, waitlisted };
}
