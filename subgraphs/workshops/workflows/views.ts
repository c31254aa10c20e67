import type { Context } from '../context';
import type { StoredMentoringPair, StoredRegistration, StoredWorkshop } from '../data/types';
import { requireParticipantReader, requireWorkshopStaff } from '../domain/access';
import type { KeysetSpec } from '../../../lib/graphql/keyset';
import type { Connection, PageArgs } from '../../../lib/graphql/pagination';
import { isLive, namedParticipants, seatsOf } from '../domain/participants';
import { participantQueue, REGISTRATIONS_KEYSET, WAITLIST_KEYSET, waitlistOf } from '../domain/registrations';
import { localDate, localIso } from '../domain/time';
import { cityRef, type CityRef, type SessionView } from '../domain/views';
import { pageInMemory } from './listings';

/** Reads that shape what the resolvers answer (resolvers stay thin; no database access there). */

export interface ParticipantView {
  id: string;
  name: string;
  role: string;
  email: string;
  /** The person's seat or place; for a cancelled registration, the registration's status. */
  status: StoredRegistration['status'];
  waitlistPosition: number | null;
  present: boolean | null;
}

/** A registration's named participants, for CityNet staff and the city's officers only. */
export async function participantsView(ctx: Context, r: StoredRegistration): Promise<ParticipantView[]> {
  requireParticipantReader(ctx.user, r.cityId);
  const queue = isLive(r) ? participantQueue(await ctx.loaders.registrationsByWorkshopId.load(r.workshopId)) : [];
  const present = r.attendance ? new Set(r.attendance.presentParticipantIds) : null;
  return namedParticipants(r).map((p) => {
    const position = queue.indexOf(`${r._id}/${p.id}`);
    return {
      id: p.id,
      name: p.name!,
      role: p.role!,
      email: p.email!,
      status: isLive(r) ? p.status : r.status,
      waitlistPosition: position < 0 ? null : position + 1,
      present: present ? present.has(p.id) : null,
    };
  });
}

/** 1-based position of the registration among those with people waiting; null when none of its people waits. */
export async function waitlistPositionOf(ctx: Context, r: StoredRegistration): Promise<number | null> {
  if (!isLive(r) || !seatsOf(r).some((p) => p.status === 'WAITLISTED')) return null;
  const index = waitlistOf(await ctx.loaders.registrationsByWorkshopId.load(r.workshopId)).findIndex((x) => x._id === r._id);
  return index < 0 ? null : index + 1;
}

export async function registrationsPage(ctx: Context, w: StoredWorkshop, args: PageArgs): Promise<Connection<StoredRegistration>> {
  return pageInMemory(ctx, REGISTRATIONS_KEYSET, await ctx.loaders.registrationsByWorkshopId.load(w._id), args);
}

export async function waitlistPage(ctx: Context, w: StoredWorkshop, args: PageArgs): Promise<Connection<StoredRegistration>> {
  return pageInMemory(ctx, WAITLIST_KEYSET, waitlistOf(await ctx.loaders.registrationsByWorkshopId.load(w._id)), args);
}

export async function participantsWaitlisted(ctx: Context, w: StoredWorkshop): Promise<number> {
  const all = await ctx.loaders.registrationsByWorkshopId.load(w._id);
  return all.reduce((n, r) => n + seatsOf(r).filter((p) => p.status === 'WAITLISTED').length, 0);
}

export async function participantsPresent(ctx: Context, w: StoredWorkshop): Promise<number | null> {
  const recorded = (await ctx.loaders.registrationsByWorkshopId.load(w._id)).filter((r) => r.attendance);
  return recorded.length ? recorded.reduce((n, r) => n + r.attendance!.participantsPresent, 0) : null;
}

export interface AffectedCityView {
  city: CityRef;
  registration: StoredRegistration;
  previousStatus: 'CONFIRMED' | 'WAITLISTED';
  contacts: { name: string; email: string; role: string | null; kind: 'FOCAL_POINT' | 'PARTICIPANT' }[];
}

/**
 * The cities whose registrations the organiser's cancellation ended, with their contacts: the
 * member's focal point (asked of membership with the caller's staff token) and the participants.
 */
export async function affectedCities(ctx: Context, w: StoredWorkshop): Promise<AffectedCityView[]> {
  requireWorkshopStaff(ctx.user);
  const affected = (await ctx.loaders.registrationsByWorkshopId.load(w._id)).filter((r) => r.status === 'CANCELLED_BY_ORGANISER');
  if (affected.length === 0) return [];
  const focal = await ctx.reads.focalPoint.loadMany(affected.map((r) => r.cityId));
  return affected.map((r, i) => {
    const fp = focal[i];
    if (fp instanceof Error) throw fp;
    return {
      city: cityRef(r.cityId),
      registration: r,
      previousStatus: r.statusBeforeCancellation ?? 'CONFIRMED',
      contacts: [
        ...(fp ? [{ name: fp.focalPointName, email: fp.email, role: null, kind: 'FOCAL_POINT' as const }] : []),
        ...namedParticipants(r).map((p) => ({ name: p.name!, email: p.email!, role: p.role, kind: 'PARTICIPANT' as const })),
      ],
    };
  });
}

export interface AttendedWorkshopView {
  /** The registration's id (keyset position). */
  _id: string;
  workshop: StoredWorkshop;
  themes: string[];
  attendedOn: string;
  participantsPresent: number;
}

const HISTORY_KEYSET: KeysetSpec<AttendedWorkshopView> = {
  name: 'workshopHistory',
  keys: [{ field: 'startsAt', direction: -1 }],
  valuesOf: (v) => [v.workshop.startsAt],
  idOf: (v) => v._id,
};

/** The workshops a city attended, most recent first (keyset pages). */
export async function workshopHistory(ctx: Context, city: CityRef, args: PageArgs): Promise<Connection<AttendedWorkshopView>> {
  const rows = (await ctx.loaders.attendedByCityId.load(city.id)).map(({ registration, workshop }) => ({
    _id: registration._id,
    workshop,
    themes: workshop.themes,
    attendedOn: localDate(workshop.startsAt, workshop.timezone),
    participantsPresent: registration.attendance!.participantsPresent,
  }));
  return pageInMemory(ctx, HISTORY_KEYSET, rows, args);
}

/** The mentor's zone: stored on the pair, or asked of membership (public read) for pairs made before zones were stored. */
export async function pairTimezone(ctx: Context, pair: StoredMentoringPair): Promise<string> {
  if (pair.mentorTimezone) return pair.mentorTimezone;
  return (await ctx.reads.cityZone.load(pair.mentorCityId)) ?? 'UTC';
}

/** The pair's sessions, each knowing its pair (for the local time, resolved only when asked). */
export const sessionsView = (pair: StoredMentoringPair): SessionView[] => pair.sessions.map((s) => ({ ...s, pair }));

/** When a session was held, in the mentor's zone (stored with the session, or the pair's). */
export async function localHeldAt(ctx: Context, s: SessionView): Promise<string> {
  return localIso(s.heldAt, s.timezone ?? (await pairTimezone(ctx, s.pair)));
}
