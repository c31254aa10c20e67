import type { StoredRegistration } from '../data/types';

/** The rules of registrations and the waitlist: pure, decided by the workflows under the workshop's lock. */

/** The id of a city's registration for a workshop: one per city and workshop. */
export const registrationId = (workshopId: string, cityId: string) => `${workshopId}:${cityId}`;

/** Live registrations hold a seat or a place in the queue (and list the workshop as upcoming for the city). */
export const isLive = (r: Pick<StoredRegistration, 'status'>): boolean => r.status === 'CONFIRMED' || r.status === 'WAITLISTED';

/** The order registrations were made in (Workshop.registrations): by time, then id. */
export function registrationOrder(a: StoredRegistration, b: StoredRegistration): number {
  return a.registeredAt.getTime() - b.registeredAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/**
 * Waitlist order: by sequence number; seeded registrations (no number, older than any numbered one)
 * first, by the time they were made.
 */
export function waitlistOrder(a: StoredRegistration, b: StoredRegistration): number {
  const sa = a.seq ?? -1;
  const sb = b.seq ?? -1;
  if (sa !== sb) return sa - sb;
  return registrationOrder(a, b);
}

/** The WAITLISTED registrations of a workshop in promotion order. */
export const waitlistOf = (all: readonly StoredRegistration[]): StoredRegistration[] => all.filter((r) => r.status === 'WAITLISTED').sort(waitlistOrder);

export interface WorkshopRegistrations {
  all: StoredRegistration[];
  confirmed: StoredRegistration[];
  waitlisted: StoredRegistration[];
  /** The highest sequence number handed out so far (0 if none): the next registration gets one more. */
  lastSeq: number;
}

/** Every registration of one workshop, split by status (waitlist in order), with the last sequence number. */
export function splitRegistrations(all: StoredRegistration[]): WorkshopRegistrations {
  return {
    all,
    confirmed: all.filter((r) => r.status === 'CONFIRMED'),
    waitlisted: waitlistOf(all),
    lastSeq: all.reduce((max, r) => Math.max(max, r.seq ?? 0), 0),
  };
}
