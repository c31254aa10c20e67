import type { AuthUser } from '../../../lib/auth/roles';
import { flushOutbox, writeChange } from '../../../lib/db/outbox';
import type { Context } from '../context';
import { findWorkshopRegistrations, registrationsCollection } from '../data/registrations';
import type { StoredParticipant, StoredRegistration, StoredWorkshop } from '../data/types';
import { workshopsCollection } from '../data/workshops';
import type { SeatBook } from '../domain/participants';
import { detailsVersionOf } from '../domain/workshops';

/** The one lock of a workshop: its details, its seats and every change of its registrations. */
export const workshopLock = (id: string) => `workshop:${id}`;

export const registrationConflict = (id: string) => `The registration ${id} changed meanwhile; try again.`;
export const workshopConflict = (id: string) => `The workshop ${id} changed meanwhile; try again.`;

/**
 * Every registration of a workshop, as a change starts from them: an outbox an interrupted write left
 * behind is carried out first (so nothing in it is lost when the document is written again). Callers
 * hold the workshop's lock.
 */
export async function loadRegistrationsForChange(ctx: Context, workshopId: string): Promise<StoredRegistration[]> {
  const all = await findWorkshopRegistrations(ctx.db, workshopId);
  for (const r of all) {
    if (r.outbox) {
      await flushOutbox(registrationsCollection(ctx.db), r);
      delete r.outbox;
    }
  }
  return all;
}

/**
 * Stores the confirmed participants as `seatsTaken`: a write of the workshop document (no audit
 * entry: the registrations carry those). Callers hold the workshop's lock.
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

const names = (ps: readonly StoredParticipant[]) => ps.map((p) => p.name ?? '(unnamed)');

/**
 * Gives free seats to the queue, first in line first (each registration that moved up is one audited
 * write of its document), and stores the confirmed count as `seatsTaken`. Callers hold the workshop's
 * lock, so counting and promoting cannot interleave with another registration or cancellation (see
 * lib/db/locks.ts for why a lock, not a conditional $inc). The count comes from the registrations
 * each time, so an interrupted earlier change heals. `storeCount: false` leaves the count to the
 * caller (a batch of registrations stores it once at the end).
 */
export async function fillSeats(
  ctx: Context,
  workshop: StoredWorkshop,
  book: SeatBook,
  actor: AuthUser,
  now: Date,
  options: { storeCount?: boolean } = {},
): Promise<{ workshop: StoredWorkshop; promoted: StoredRegistration[] }> {
  const promoted: StoredRegistration[] = [];
  for (const move of book.fill(now)) {
    const written = await writeChange(
      registrationsCollection(ctx.db),
      move.before,
      {
        next: move.after,
        audit: [
          {
            action: 'registration.promoted',
            subject: `registration:${move.before._id}`,
            old: { status: move.before.status },
            new: { status: move.after.status, participantsPromoted: names(move.promoted) },
          },
        ],
        scope: { cityId: move.before.cityId },
      },
      actor,
      now,
      registrationConflict(move.before._id),
    );
    book.put(written);
    promoted.push(written);
  }
  const stored = (options.storeCount ?? true) ? await storeSeatCount(ctx, workshop, book.confirmed, actor, now) : workshop;
  return { workshop: stored, promoted };
}
