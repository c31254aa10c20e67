import { randomBytes } from 'node:crypto';
import { requireRole } from '../../../lib/auth/guards';
import { loadForChange, changeDocument, writeChange, type AuditChange } from '../../../lib/db/outbox';
import { withLocks } from '../../../lib/db/locks';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkText } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { findWorkshopRegistrations } from '../data/registrations';
import type { StoredWorkshop, WorkshopFormat } from '../data/types';
import { findOverlapping, findWorkshop, workshopsCollection } from '../data/workshops';
import { splitRegistrations } from '../domain/registrations';
import { changedDetails, checkDetails, clashes, detailsOf, detailsVersionOf, facilitatorKey, requireChangeable, DETAIL_FIELDS, type Details } from '../domain/workshops';
import { requireCitiesExist } from './cities';
import { declareWorkshopChanged } from './invalidation';
import { fillSeats, workshopConflict, workshopLock } from './seats';

/** An instant as the DateTime scalar parses it (a Date; the generated types also allow its string form). */
const instant = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export interface ScheduleWorkshopInput {
  title: string;
  themes: string[];
  format: WorkshopFormat;
  hostCityId?: string | null;
  facilitator?: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  timezone: string;
  capacity: number;
}

export type UpdateWorkshopInput = { [K in keyof ScheduleWorkshopInput]?: ScheduleWorkshopInput[K] | null } & { expectedVersion?: number | null };

/** Locks that serialise the double-booking check of a slot: one per host city and per facilitator. */
function slotLocks(details: Pick<Details, 'hostCityId' | 'facilitator'>): string[] {
  const keys: string[] = [];
  if (details.hostCityId) keys.push(`host:${details.hostCityId}`);
  const fac = facilitatorKey(details.facilitator);
  if (fac) keys.push(`facilitator:${fac}`);
  return keys;
}

/** Refuses (CONFLICT) a slot that double-books the host city or the facilitator. Callers hold the slot's locks. */
async function refuseDoubleBooking(ctx: Context, details: Details, excludeId?: string): Promise<void> {
  const [w] = clashes(details, await findOverlapping(ctx.db, details), excludeId);
  if (!w) return;
  const who = details.hostCityId && w.hostCityId === details.hostCityId ? `The host city ${details.hostCityId}` : `The facilitator ${JSON.stringify(details.facilitator)}`;
  throw codedError(
    'CONFLICT',
    `${who} is already booked for the workshop ${w._id} ("${w.title}") from ${w.startsAt.toISOString()} to ${w.endsAt.toISOString()}, which overlaps ${details.startsAt.toISOString()}–${details.endsAt.toISOString()}.`,
    { field: 'input.startsAt', conflictingWorkshopId: w._id },
  );
}

const notFound = (id: string, field = 'id') => codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(id)}.`, { field });

export async function scheduleWorkshop(ctx: Context, input: ScheduleWorkshopInput): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const now = ctx.settings.now();
  const details = checkDetails(
    { ...input, hostCityId: input.hostCityId ?? null, facilitator: input.facilitator ?? null, startsAt: instant(input.startsAt), endsAt: instant(input.endsAt) },
    now,
    true,
  );
  if (details.hostCityId) await requireCitiesExist(ctx, [{ id: details.hostCityId, field: 'input.hostCityId' }]);
  const id = `ws-${randomBytes(6).toString('hex')}`;
  const workshop = await changeDocument({
    collection: workshopsCollection(ctx.db),
    id,
    actor,
    at: now,
    locks: slotLocks(details),
    conflict: `A workshop with id ${id} exists already; try again.`,
    async change() {
      await refuseDoubleBooking(ctx, details);
      return {
        next: {
          _id: id,
          ...details,
          seatsTaken: 0,
          status: 'SCHEDULED' as const,
          sampleData: false,
          detailsVersion: 1,
          cancellationReason: null,
          cancelledAt: null,
          createdAt: now,
          updatedAt: now,
        },
        audit: [{ action: 'workshop.scheduled', subject: `workshop:${id}`, old: null, new: { ...details } }],
        scope: { cityId: details.hostCityId },
      };
    },
  });
  declareWorkshopChanged(ctx, workshop!, []);
  return workshop!;
}

export async function updateWorkshop(ctx: Context, id: string, input: UpdateWorkshopInput): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const given = DETAIL_FIELDS.filter((k) => k in input);
  if (given.length === 0) throw inputError('input', 'names no field to change');
  for (const k of given) {
    if (k !== 'hostCityId' && k !== 'facilitator' && input[k] === null) throw inputError(`input.${k}`, 'cannot be null (leave it out to keep the current value)');
  }
  const changes: Partial<Details> = {};
  for (const k of given) {
    const value = input[k] ?? null;
    Object.assign(changes, { [k]: k === 'startsAt' || k === 'endsAt' ? instant(value as Date | string) : value });
  }
  // Lock keys depend on the host and facilitator the workshop ends up with; if another change moved
  // them between our first read and taking the locks, take the right ones and check again.
  for (let attempt = 0; ; attempt++) {
    const before = await findWorkshop(ctx.db, id);
    if (!before) throw notFound(id);
    const keys = [workshopLock(id), ...slotLocks({ ...detailsOf(before), ...changes })];
    const result = await withLocks(ctx.db, keys, async () => {
      const current = await loadForChange(workshopsCollection(ctx.db), id);
      if (!current) throw notFound(id);
      if (current.hostCityId !== before.hostCityId || facilitatorKey(current.facilitator) !== facilitatorKey(before.facilitator)) return null;
      const now = ctx.settings.now();
      requireChangeable(current, now);
      const version = detailsVersionOf(current);
      if (input.expectedVersion != null && input.expectedVersion !== version) {
        throw codedError('CONFLICT', `The workshop ${current._id} is at version ${version}, not ${input.expectedVersion}: it changed since you read it.`, { field: 'input.expectedVersion' });
      }
      const details = checkDetails({ ...detailsOf(current), ...changes }, now, 'startsAt' in input);
      if (details.hostCityId && details.hostCityId !== current.hostCityId) await requireCitiesExist(ctx, [{ id: details.hostCityId, field: 'input.hostCityId' }]);
      const known = splitRegistrations(await findWorkshopRegistrations(ctx.db, current._id));
      if (details.capacity < known.confirmed.length) {
        throw codedError('CONFLICT', `The workshop ${current._id} has ${known.confirmed.length} confirmed seats; capacity cannot drop to ${details.capacity}.`, { field: 'input.capacity' });
      }
      await refuseDoubleBooking(ctx, details, current._id);
      const changed = changedDetails(detailsOf(current), details);
      if (changed.length === 0) {
        ctx.changes.unchanged(); // nothing differs: no write, no new version
        return current;
      }
      const audit: AuditChange[] = [
        {
          action: 'workshop.updated',
          subject: `workshop:${current._id}`,
          old: Object.fromEntries(changed.map((k) => [k, current[k]])),
          new: Object.fromEntries(changed.map((k) => [k, details[k]])),
        },
      ];
      let updated = await writeChange(
        workshopsCollection(ctx.db),
        current,
        { next: { ...current, ...details, detailsVersion: version + 1, updatedAt: now }, audit, scope: { cityId: details.hostCityId } },
        actor,
        now,
        workshopConflict(current._id),
      );
      // More seats: the waitlist moves up, in order.
      if (details.capacity > current.capacity) updated = (await fillSeats(ctx, updated, known, actor, now)).workshop;
      declareWorkshopChanged(ctx, updated, known.all, [current.hostCityId]);
      return updated;
    });
    if (result) return result;
    if (attempt >= 3) throw codedError('CONFLICT', `The workshop ${id} keeps changing; try again.`, { retryable: true });
  }
}

export async function cancelWorkshop(ctx: Context, id: string, reasonInput: string): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const reason = checkText(reasonInput, 'reason', 3, 1000);
  const now = ctx.settings.now();
  let registrations: Awaited<ReturnType<typeof findWorkshopRegistrations>> = [];
  const cancelled = await changeDocument({
    collection: workshopsCollection(ctx.db),
    id,
    actor,
    at: now,
    locks: [workshopLock(id)],
    conflict: workshopConflict(id),
    async change(current) {
      if (!current) throw notFound(id);
      requireChangeable(current, now);
      // Whose upcoming workshops list it: read under the lock, for the invalidation.
      registrations = await findWorkshopRegistrations(ctx.db, id);
      return {
        next: { ...current, status: 'CANCELLED' as const, cancellationReason: reason, cancelledAt: now, detailsVersion: detailsVersionOf(current) + 1, updatedAt: now },
        audit: [{ action: 'workshop.cancelled', subject: `workshop:${id}`, old: { status: current.status }, new: { status: 'CANCELLED', reason } }],
        scope: { cityId: current.hostCityId },
      };
    },
  });
  declareWorkshopChanged(ctx, cancelled!, registrations);
  return cancelled!;
}
