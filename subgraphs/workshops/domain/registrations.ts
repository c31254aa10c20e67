import type { KeysetSpec } from '../../../lib/graphql/keyset';
import type { StoredRegistration } from '../data/types';
import { seatsOf } from './participants';

export { isLive } from './participants';

/** The rules of registrations and the waitlist: pure, decided by the workflows under the workshop's lock. */

/** The id of a city's registration for a workshop: one per city and workshop. */
export const registrationId = (workshopId: string, cityId: string) => `${workshopId}:${cityId}`;

/** The order registrations were made in (Workshop.registrations): by time, then sequence number (the lock's order), then id. */
export function registrationOrder(a: StoredRegistration, b: StoredRegistration): number {
  return a.registeredAt.getTime() - b.registeredAt.getTime() || (a.seq ?? -1) - (b.seq ?? -1) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/** Where a registration's first waiting participant stands in the queue (seeded ones, without numbers, first). */
export function queueSeqOf(r: StoredRegistration): number | null {
  const waiting = seatsOf(r).filter((p) => p.status === 'WAITLISTED');
  return waiting.length ? Math.min(...waiting.map((p) => p.seq)) : null;
}

/** Waitlist order of registrations: by their first waiting participant, then time, then id. */
export function waitlistOrder(a: StoredRegistration, b: StoredRegistration): number {
  const sa = queueSeqOf(a) ?? Number.MAX_SAFE_INTEGER;
  const sb = queueSeqOf(b) ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  return registrationOrder(a, b);
}

/** The registrations with participants on the waitlist, in promotion order. */
export const waitlistOf = (all: readonly StoredRegistration[]): StoredRegistration[] => all.filter((r) => queueSeqOf(r) !== null).sort(waitlistOrder);

/** Every waiting participant of a workshop in promotion order, as `registrationId/participantId`. */
export function participantQueue(all: readonly StoredRegistration[]): string[] {
  const entries: { key: string; seq: number; at: number; id: string; i: number }[] = [];
  for (const r of all) {
    seatsOf(r).forEach((p, i) => {
      if (p.status === 'WAITLISTED') entries.push({ key: `${r._id}/${p.id}`, seq: p.seq, at: r.registeredAt.getTime(), id: r._id, i });
    });
  }
  entries.sort((a, b) => a.seq - b.seq || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.i - b.i);
  return entries.map((e) => e.key);
}

/** Keyset of Workshop.registrations (in registration order). */
export const REGISTRATIONS_KEYSET: KeysetSpec<StoredRegistration> = {
  name: 'registrations',
  keys: [
    { field: 'registeredAt', direction: 1 },
    { field: 'seq', direction: 1 },
  ],
  valuesOf: (r) => [r.registeredAt, r.seq ?? -1],
  idOf: (r) => r._id,
};

/** Keyset of Workshop.waitlist (in promotion order). */
export const WAITLIST_KEYSET: KeysetSpec<StoredRegistration> = {
  name: 'waitlist',
  keys: [
    { field: 'queueSeq', direction: 1 },
    { field: 'registeredAt', direction: 1 },
  ],
  valuesOf: (r) => [queueSeqOf(r) ?? Number.MAX_SAFE_INTEGER, r.registeredAt],
  idOf: (r) => r._id,
};
