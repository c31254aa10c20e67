import type { GraphQLError } from 'graphql';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkInt, checkOptionalText, checkText, checkTimeZone } from '../../../lib/graphql/inputs';
import type { StoredWorkshop, WorkshopDoc } from '../data/types';
import { checkThemes } from './themes';

/** The rules of a workshop's details: pure, so the workflows decide with them under their locks. */

export const MAX_DURATION_MS = 14 * 24 * 3_600_000;
export const MAX_CAPACITY = 10_000;

/** The fields of a workshop the organiser sets (all validated). */
export type Details = Pick<WorkshopDoc, 'title' | 'themes' | 'format' | 'hostCityId' | 'facilitator' | 'startsAt' | 'endsAt' | 'timezone' | 'capacity'>;

export const DETAIL_FIELDS = ['title', 'themes', 'format', 'hostCityId', 'facilitator', 'startsAt', 'endsAt', 'timezone', 'capacity'] as const satisfies readonly (keyof Details)[];

/** How facilitators are compared: case and spacing do not make a different person. */
export function facilitatorKey(facilitator: string | null | undefined): string | null {
  return facilitator ? facilitator.trim().replace(/\s+/g, ' ').toLowerCase() : null;
}

/**
 * Of the SCHEDULED workshops overlapping a slot, those that would double-book it: the same host city or
 * the same facilitator (by `facilitatorKey`), other than the workshop being changed.
 */
export function clashes(slot: Pick<Details, 'hostCityId' | 'facilitator'>, overlapping: readonly WorkshopDoc[], excludeId?: string): WorkshopDoc[] {
  const key = facilitatorKey(slot.facilitator);
  return overlapping.filter(
    (w) => w._id !== excludeId && ((slot.hostCityId !== null && w.hostCityId === slot.hostCityId) || (key !== null && facilitatorKey(w.facilitator) === key)),
  );
}

/** Validates the merged details of a workshop, naming the input field of each problem. */
export function checkDetails(d: Details, now: Date, startsAtGiven: boolean): Details {
  const details: Details = {
    title: checkText(d.title, 'input.title', 3, 200),
    themes: checkThemes(d.themes, 'input.themes'),
    format: d.format,
    hostCityId: d.hostCityId ?? null,
    facilitator: checkOptionalText(d.facilitator, 'input.facilitator', 2, 200),
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    timezone: checkTimeZone(d.timezone, 'input.timezone'),
    capacity: checkInt(d.capacity, 'input.capacity', 1, MAX_CAPACITY),
  };
  if (details.format !== 'ONLINE' && !details.hostCityId) throw inputError('input.hostCityId', `is required for a ${details.format} workshop (only ONLINE workshops may have no host city)`);
  if (startsAtGiven && details.startsAt.getTime() <= now.getTime()) throw inputError('input.startsAt', `must be in the future, got ${details.startsAt.toISOString()}`);
  if (details.endsAt.getTime() <= details.startsAt.getTime()) {
    throw inputError('input.endsAt', `must be after startsAt (${details.startsAt.toISOString()}), got ${details.endsAt.toISOString()}`);
  }
  if (details.endsAt.getTime() - details.startsAt.getTime() > MAX_DURATION_MS) throw inputError('input.endsAt', 'must be at most 14 days after startsAt');
  return details;
}

export const detailsOf = (w: WorkshopDoc): Details => ({
  title: w.title,
  themes: w.themes,
  format: w.format,
  hostCityId: w.hostCityId,
  facilitator: w.facilitator,
  startsAt: w.startsAt,
  endsAt: w.endsAt,
  timezone: w.timezone,
  capacity: w.capacity,
});

/** The details that differ between two versions (compared as stored: instants, lists in order). */
export function changedDetails(before: Details, after: Details): (keyof Details)[] {
  return DETAIL_FIELDS.filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
}

/** `Workshop.version`: the version of the details (seeded workshops: 1). */
export const detailsVersionOf = (w: StoredWorkshop): number => w.detailsVersion ?? 1;

/** A scheduled workshop that has not started: the only kind that may change. */
export function requireChangeable(w: WorkshopDoc, now: Date): void {
  if (w.status !== 'SCHEDULED') throw codedError('CONFLICT', `The workshop ${w._id} is ${w.status} and can no longer change.`, { field: 'id' });
  if (w.startsAt.getTime() <= now.getTime()) throw codedError('CONFLICT', `The workshop ${w._id} has already started (${w.startsAt.toISOString()}) and can no longer change.`, { field: 'id' });
}

/** Why registrations of a workshop are closed (CONFLICT), or null while it is still to come and not cancelled. */
export function closedForRegistrations(w: WorkshopDoc, now: Date): GraphQLError | null {
  if (w.status !== 'SCHEDULED') return codedError('CONFLICT', `The workshop ${w._id} is ${w.status}: registrations are closed.`, { field: 'workshopId' });
  if (w.startsAt.getTime() <= now.getTime()) return codedError('CONFLICT', `The workshop ${w._id} started at ${w.startsAt.toISOString()}: registrations are closed.`, { field: 'workshopId' });
  return null;
}

/** Registrations and cancellations need a workshop that is still to come and not cancelled. */
export function requireOpen(w: WorkshopDoc, now: Date): void {
  const closed = closedForRegistrations(w, now);
  if (closed) throw closed;
}

/** Whether a workshop is listed as upcoming at `now` (City.upcomingWorkshops, CertificationGap.upcomingWorkshops). */
export const isUpcoming = (w: WorkshopDoc, now: Date): boolean => w.status === 'SCHEDULED' && w.startsAt.getTime() > now.getTime();
