import type { GraphQLError } from 'graphql';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkInt, checkOptionalText, checkText, checkTimeZone } from '../../../lib/graphql/inputs';
import type { StoredWorkshop, WorkshopDoc } from '../data/types';
import { statusAt } from './lifecycle';
import { checkThemes } from './themes';
import { localIso, showInstant, showInterval } from './time';

/** The rules of a workshop's details: pure, so the workflows decide with them under their locks. */

export const MAX_DURATION_MS = 14 * 24 * 3_600_000;
export const MAX_CAPACITY = 10_000;

/** The fields of a workshop the organiser sets (all validated). */
export type Details = Pick<WorkshopDoc, 'title' | 'themes' | 'format' | 'hostCityId' | 'facilitator' | 'startsAt' | 'endsAt' | 'timezone' | 'capacity'> & {
  maxParticipantsPerCity: number | null;
};

export const DETAIL_FIELDS = [
  'title',
  'themes',
  'format',
  'hostCityId',
  'facilitator',
  'startsAt',
  'endsAt',
  'timezone',
  'capacity',
  'maxParticipantsPerCity',
] as const satisfies readonly (keyof Details)[];

/** Details as given, before the time zone is settled (IN_PERSON and HYBRID take the host city's). */
export type DraftDetails = Omit<Details, 'timezone'> & { timezone: string | null };

const article = (format: string) => `${format === 'IN_PERSON' ? 'an' : 'a'} ${format}`;

/** How facilitators are compared: case and spacing do not make a different person. */
export function facilitatorKey(facilitator: string | null | undefined): string | null {
  return facilitator ? facilitator.trim().replace(/\s+/g, ' ').toLowerCase() : null;
}

/**
 * Of the workshops (not cancelled) overlapping a slot, those that would double-book it: the same host
 * city or the same facilitator (by `facilitatorKey`), other than the workshop being changed.
 */
export function clashes(slot: Pick<Details, 'hostCityId' | 'facilitator'>, overlapping: readonly WorkshopDoc[], excludeId?: string): WorkshopDoc[] {
  const key = facilitatorKey(slot.facilitator);
  return overlapping.filter(
    (w) => w._id !== excludeId && ((slot.hostCityId !== null && w.hostCityId === slot.hostCityId) || (key !== null && facilitatorKey(w.facilitator) === key)),
  );
}

/** The CONFLICT of a double booking, with both workshops' times in their own zones and in UTC. */
export function doubleBooking(details: Details, other: WorkshopDoc): GraphQLError {
  const who =
    details.hostCityId && other.hostCityId === details.hostCityId
      ? `The host city ${details.hostCityId}`
      : `The facilitator ${JSON.stringify(details.facilitator)}`;
  return codedError(
    'CONFLICT',
    `${who} is already booked for the workshop ${other._id} ("${other.title}") from ${showInterval(other.startsAt, other.endsAt, other.timezone)}, ` +
      `which overlaps the requested ${showInterval(details.startsAt, details.endsAt, details.timezone)}.`,
    { field: 'input.startsAt', conflictingWorkshopId: other._id },
  );
}

/**
 * Validates what does not depend on the time zone (naming the input field of each problem); the
 * zone is checked for spelling here and settled by `settleTimeZone`.
 */
export function checkDraft(d: DraftDetails): DraftDetails {
  const draft: DraftDetails = {
    title: checkText(d.title, 'input.title', 3, 200),
    themes: checkThemes(d.themes, 'input.themes'),
    format: d.format,
    hostCityId: d.hostCityId ?? null,
    facilitator: checkOptionalText(d.facilitator, 'input.facilitator', 2, 200),
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    timezone: d.timezone == null ? null : checkTimeZone(d.timezone, 'input.timezone'),
    capacity: checkInt(d.capacity, 'input.capacity', 1, MAX_CAPACITY),
    maxParticipantsPerCity: d.maxParticipantsPerCity == null ? null : checkInt(d.maxParticipantsPerCity, 'input.maxParticipantsPerCity', 1, MAX_CAPACITY),
  };
  if (draft.format !== 'ONLINE' && !draft.hostCityId)
    throw inputError('input.hostCityId', `is required for ${article(draft.format)} workshop (only ONLINE workshops may have no host city)`);
  if (draft.format === 'ONLINE' && !draft.timezone)
    throw inputError('input.timezone', "is required for an ONLINE workshop (in-person and hybrid workshops take their host city's zone)");
  return draft;
}

/**
 * The zone a workshop is held in: an IN_PERSON or HYBRID workshop takes its host city's (a different
 * one given is refused, naming both); an ONLINE one keeps the zone given.
 */
export function settleTimeZone(draft: DraftDetails, host: { id: string; timezone: string } | null): Details {
  if (draft.format === 'ONLINE') return { ...draft, timezone: draft.timezone! };
  if (!host) throw new Error(`settleTimeZone: the host city of a ${draft.format} workshop is needed`);
  if (draft.timezone && draft.timezone !== host.timezone) {
    throw inputError(
      'input.timezone',
      `must be the host city's time zone for ${article(draft.format)} workshop: ${host.id} is in ${host.timezone}, got ${JSON.stringify(draft.timezone)} (leave it out to take the host's)`,
    );
  }
  return { ...draft, timezone: host.timezone };
}

/** The rules of the schedule, once the zone is known; messages give local times and UTC. */
export function checkSchedule(details: Details, now: Date, startsAtGiven: boolean): Details {
  const zone = details.timezone;
  if (startsAtGiven && details.startsAt.getTime() <= now.getTime()) {
    throw inputError('input.startsAt', `must be in the future (now is ${showInstant(now, zone)}), got ${showInstant(details.startsAt, zone)}`);
  }
  if (details.endsAt.getTime() <= details.startsAt.getTime()) {
    throw inputError('input.endsAt', `must be after startsAt (${showInstant(details.startsAt, zone)}), got ${showInstant(details.endsAt, zone)}`);
  }
  if (details.endsAt.getTime() - details.startsAt.getTime() > MAX_DURATION_MS) {
    throw inputError(
      'input.endsAt',
      `must be at most 14 days after startsAt (${showInstant(details.startsAt, zone)}), got ${showInstant(details.endsAt, zone)}`,
    );
  }
  return details;
}

export const detailsOf = (w: StoredWorkshop): Details => ({
  title: w.title,
  themes: w.themes,
  format: w.format,
  hostCityId: w.hostCityId,
  facilitator: w.facilitator,
  startsAt: w.startsAt,
  endsAt: w.endsAt,
  timezone: w.timezone,
  capacity: w.capacity,
  maxParticipantsPerCity: w.maxParticipantsPerCity ?? null,
});

/** The details that differ between two versions (compared as stored: instants, lists in order). */
export function changedDetails(before: Details, after: Details): (keyof Details)[] {
  return DETAIL_FIELDS.filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
}

/** `Workshop.version`: the version of the details (seeded workshops: 1). */
export const detailsVersionOf = (w: StoredWorkshop): number => w.detailsVersion ?? 1;

/** Why a workshop can no longer change, in words: cancelled, in progress or completed (local times). */
function notChangeable(w: WorkshopDoc, now: Date, field: string, what: string): GraphQLError | null {
  const status = statusAt(w, now);
  switch (status) {
    case 'SCHEDULED':
      return null;
    case 'CANCELLED':
      return codedError('CONFLICT', `The workshop ${w._id} is CANCELLED: ${what}.`, { field, status });
    case 'IN_PROGRESS':
      return codedError('CONFLICT', `The workshop ${w._id} is IN_PROGRESS (it started at ${showInstant(w.startsAt, w.timezone)}): ${what}.`, { field, status });
    case 'COMPLETED':
      return codedError('CONFLICT', `The workshop ${w._id} is COMPLETED (it ended at ${showInstant(w.endsAt, w.timezone)}): ${what}.`, { field, status });
  }
}

/** A workshop still SCHEDULED (not started, not cancelled): the only kind that may change. */
export function requireChangeable(w: WorkshopDoc, now: Date): void {
  const error = notChangeable(w, now, 'id', 'it can no longer change');
  if (error) throw error;
}

/** Why registrations of a workshop are closed (CONFLICT), or null while it is still SCHEDULED. */
export function closedForRegistrations(w: WorkshopDoc, now: Date, field = 'workshopId'): GraphQLError | null {
  return notChangeable(w, now, field, 'registrations are closed');
}

/** Registrations and cancellations need a workshop that is still SCHEDULED. */
export function requireOpen(w: WorkshopDoc, now: Date, field = 'workshopId'): void {
  const closed = closedForRegistrations(w, now, field);
  if (closed) throw closed;
}

/** Attendance is recorded once the workshop has started (IN_PROGRESS or COMPLETED), never for a cancelled one. */
export function requireAttendanceOpen(w: WorkshopDoc, now: Date): void {
  const status = statusAt(w, now);
  if (status === 'CANCELLED')
    throw codedError('CONFLICT', `The workshop ${w._id} is CANCELLED: there is no attendance to record.`, { field: 'registrationId', status });
  if (status === 'SCHEDULED') {
    throw codedError(
      'CONFLICT',
      `The workshop ${w._id} has not started: it starts at ${showInstant(w.startsAt, w.timezone)} and attendance can be recorded from then on (now is ${localIso(now, w.timezone)}).`,
      { field: 'registrationId', status },
    );
  }
}
