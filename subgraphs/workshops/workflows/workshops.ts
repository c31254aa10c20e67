import { randomBytes } from 'node:crypto';
import type { WorkshopDoc } from '../data/types';
import { requireRole } from '../../../lib/auth/guards';
import { recordAudit } from '../../../lib/db/audit-log';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import { badField, optionalText, requireInt, requireText, requireTimeZone } from '../../../lib/graphql/field-errors';
import { requireCitiesExist } from '../cities';
import type { Context } from '../context';
import { facilitatorKey, findClashes, storedWorkshops, type StoredWorkshop } from '../data/workshops';
import { requireThemes } from '../validation';
import { fillSeats } from './seats';

const MAX_DURATION_MS = 14 * 24 * 3_600_000;
const MAX_CAPACITY = 10_000;

export interface ScheduleWorkshopInput {
  title: string;
  themes: string[];
  format: WorkshopDoc['format'];
  hostCityId?: string | null;
  facilitator?: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  capacity: number;
}

export type UpdateWorkshopInput = Partial<ScheduleWorkshopInput> & { expectedVersion?: number | null };

/** The fields of a workshop the organiser sets (all validated). */
type Details = Pick<WorkshopDoc, 'title' | 'themes' | 'format' | 'hostCityId' | 'facilitator' | 'startsAt' | 'endsAt' | 'timezone' | 'capacity'>;

export const workshopLock = (id: string) => `workshop:${id}`;

/** Locks that serialise the double-booking check of a slot: one per host city and per facilitator. */
function slotLocks(details: Pick<Details, 'hostCityId' | 'facilitator'>): string[] {
  const keys: string[] = [];
  if (details.hostCityId) keys.push(`host:${details.hostCityId}`);
  const fac = facilitatorKey(details.facilitator);
  if (fac) keys.push(`facilitator:${fac}`);
  return keys;
}

/** Validates the merged details of a workshop, naming the input field of each problem. */
function validateDetails(d: Details, now: Date, startsAtGiven: boolean): Details {
  const details: Details = {
    title: requireText(d.title, 'input.title', 3, 200),
    themes: requireThemes(d.themes, 'input.themes'),
    format: d.format,
    hostCityId: d.hostCityId ?? null,
    facilitator: optionalText(d.facilitator, 'input.facilitator', 2, 200),
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    timezone: requireTimeZone(d.timezone, 'input.timezone'),
    capacity: requireInt(d.capacity, 'input.capacity', 1, MAX_CAPACITY),
  };
  if (details.format !== 'ONLINE' && !details.hostCityId) throw badField('input.hostCityId', `is required for a ${details.format} workshop (only ONLINE workshops may have no host city)`);
  if (startsAtGiven && details.startsAt.getTime() <= now.getTime()) throw badField('input.startsAt', `must be in the future, got ${details.startsAt.toISOString()}`);
  if (details.endsAt.getTime() <= details.startsAt.getTime()) {
    throw badField('input.endsAt', `must be after startsAt (${details.startsAt.toISOString()}), got ${details.endsAt.toISOString()}`);
  }
  if (details.endsAt.getTime() - details.startsAt.getTime() > MAX_DURATION_MS) throw badField('input.endsAt', 'must be at most 14 days after startsAt');
  return details;
}

async function refuseDoubleBooking(ctx: Context, details: Details, excludeId?: string): Promise<void> {
  const clashes = await findClashes(ctx.db, { ...details, excludeId });
  if (clashes.length === 0) return;
  const w = clashes[0];
  const who = details.hostCityId && w.hostCityId === details.hostCityId ? `The host city ${details.hostCityId}` : `The facilitator ${JSON.stringify(details.facilitator)}`;
  throw codedError(
    'CONFLICT',
    `${who} is already booked for the workshop ${w._id} ("${w.title}") from ${w.startsAt.toISOString()} to ${w.endsAt.toISOString()}, which overlaps ${details.startsAt.toISOString()}–${details.endsAt.toISOString()}.`,
    { field: 'input.startsAt', conflictingWorkshopId: w._id },
  );
}

/** A scheduled workshop that has not started: the only kind that may change. */
function requireChangeable(w: StoredWorkshop, now: Date): void {
  if (w.status !== 'SCHEDULED') throw codedError('CONFLICT', `The workshop ${w._id} is ${w.status} and can no longer change.`, { field: 'id' });
  if (w.startsAt.getTime() <= now.getTime()) throw codedError('CONFLICT', `The workshop ${w._id} has already started (${w.startsAt.toISOString()}) and can no longer change.`, { field: 'id' });
}

async function loadWorkshop(ctx: Context, id: string, field = 'id'): Promise<StoredWorkshop> {
  const w = await storedWorkshops(ctx.db).findOne({ _id: { $eq: id } });
  if (!w) throw codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(id)}.`, { field });
  return w;
}

const detailsOf = (w: StoredWorkshop): Details => ({
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

export async function scheduleWorkshop(_: unknown, args: { input: ScheduleWorkshopInput }, ctx: Context): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const details = validateDetails({ ...args.input, hostCityId: args.input.hostCityId ?? null, facilitator: args.input.facilitator ?? null }, ctx.settings.now(), true);
  if (details.hostCityId) await requireCitiesExist(ctx, [{ id: details.hostCityId, field: 'input.hostCityId' }]);
  return withLocks(ctx.db, slotLocks(details), async () => {
    await refuseDoubleBooking(ctx, details);
    const now = ctx.settings.now();
    const workshop: StoredWorkshop = {
      _id: `ws-${randomBytes(6).toString('hex')}`,
      ...details,
      seatsTaken: 0,
      status: 'SCHEDULED',
      sampleData: false,
      version: 1,
      cancellationReason: null,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await storedWorkshops(ctx.db).insertOne(workshop);
    await recordAudit(ctx.db, actor, now, [{ cityId: workshop.hostCityId, action: 'workshop.scheduled', subject: `workshop:${workshop._id}`, old: null, new: { ...details } }]);
    return workshop;
  });
}

export async function updateWorkshop(_: unknown, args: { id: string; input: UpdateWorkshopInput }, ctx: Context): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const input = args.input;
  const given = (Object.keys(input) as (keyof UpdateWorkshopInput)[]).filter((k) => k !== 'expectedVersion');
  if (given.length === 0) throw badField('input', 'names no field to change');
  for (const k of ['title', 'themes', 'format', 'startsAt', 'endsAt', 'timezone', 'capacity'] as const) {
    if (k in input && input[k] === null) throw badField(`input.${k}`, 'cannot be null (leave it out to keep the current value)');
  }
  // Lock keys depend on the host and facilitator the workshop ends up with; if another change moved
  // them between our first read and taking the locks, take the right ones and check again.
  for (let attempt = 0; ; attempt++) {
    const before = await loadWorkshop(ctx, args.id);
    const merged = { ...detailsOf(before), ...(Object.fromEntries(given.map((k) => [k, input[k] ?? null])) as Partial<Details>) };
    const keys = [workshopLock(args.id), ...slotLocks(merged)];
    const result = await withLocks(ctx.db, keys, async () => {
      const current = await loadWorkshop(ctx, args.id);
      if (current.hostCityId !== before.hostCityId || facilitatorKey(current.facilitator) !== facilitatorKey(before.facilitator)) return null;
      const now = ctx.settings.now();
      requireChangeable(current, now);
      const version = current.version ?? 1;
      if (input.expectedVersion != null && input.expectedVersion !== version) {
        throw codedError('CONFLICT', `The workshop ${current._id} is at version ${version}, not ${input.expectedVersion}: it changed since you read it.`, { field: 'input.expectedVersion' });
      }
      const details = validateDetails({ ...detailsOf(current), ...(Object.fromEntries(given.map((k) => [k, input[k] ?? null])) as Partial<Details>) }, now, 'startsAt' in input);
      if (details.hostCityId && details.hostCityId !== current.hostCityId) await requireCitiesExist(ctx, [{ id: details.hostCityId, field: 'input.hostCityId' }]);
      const { confirmed } = await fillSeats(ctx.db, current, now, { dryRun: true });
      if (details.capacity < confirmed) {
        throw codedError('CONFLICT', `The workshop ${current._id} has ${confirmed} confirmed seats; capacity cannot drop to ${details.capacity}.`, { field: 'input.capacity' });
      }
      await refuseDoubleBooking(ctx, details, current._id);
      const changed = (Object.keys(details) as (keyof Details)[]).filter((k) => JSON.stringify(details[k]) !== JSON.stringify(current[k]));
      if (changed.length === 0) return current; // nothing differs: no write, no new version
      const set = { ...Object.fromEntries(changed.map((k) => [k, details[k]])), version: version + 1, updatedAt: now };
      await storedWorkshops(ctx.db).updateOne({ _id: { $eq: current._id } }, { $set: set });
      const audits = [
        {
          cityId: details.hostCityId,
          action: 'workshop.updated',
          subject: `workshop:${current._id}`,
          old: Object.fromEntries(changed.map((k) => [k, current[k]])),
          new: Object.fromEntries(changed.map((k) => [k, details[k]])),
        },
      ];
      let updated: StoredWorkshop = { ...current, ...set };
      if (details.capacity > current.capacity) {
        // More seats: the waitlist moves up, in order.
        const filled = await fillSeats(ctx.db, updated, now);
        updated = { ...updated, seatsTaken: filled.confirmed };
        for (const r of filled.promoted) {
          audits.push({ cityId: r.cityId, action: 'registration.promoted', subject: `registration:${r._id}`, old: { status: 'WAITLISTED' }, new: { status: 'CONFIRMED' } });
        }
      }
      await recordAudit(ctx.db, actor, now, audits);
      return updated;
    });
    if (result) return result;
    if (attempt >= 3) throw codedError('CONFLICT', `The workshop ${args.id} keeps changing; try again.`, { retryable: true });
  }
}

export async function cancelWorkshop(_: unknown, args: { id: string; reason: string }, ctx: Context): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const reason = requireText(args.reason, 'reason', 3, 1000);
  return withLocks(ctx.db, [workshopLock(args.id)], async () => {
    const current = await loadWorkshop(ctx, args.id);
    const now = ctx.settings.now();
    requireChangeable(current, now);
    const set = { status: 'CANCELLED' as const, cancellationReason: reason, cancelledAt: now, version: (current.version ?? 1) + 1, updatedAt: now };
    await storedWorkshops(ctx.db).updateOne({ _id: { $eq: current._id } }, { $set: set });
    await recordAudit(ctx.db, actor, now, [
      { cityId: current.hostCityId, action: 'workshop.cancelled', subject: `workshop:${current._id}`, old: { status: current.status }, new: { status: 'CANCELLED', reason } },
    ]);
    return { ...current, ...set };
  });
}
