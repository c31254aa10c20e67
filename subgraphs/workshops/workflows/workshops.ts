import { randomBytes } from 'node:crypto';
import { requireRole } from '../../../lib/auth/guards';
import { AUDIT, auditEntriesFor, changeDocument, loadForChange, writeChange, type AuditChange, type DerivedWrite } from '../../../lib/db/outbox';
import { withLocks } from '../../../lib/db/locks';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkText } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { registrationsCollection } from '../data/registrations';
import type { StoredRegistration, StoredWorkshop, WorkshopFormat } from '../data/types';
import { findOverlapping, findWorkshop, workshopsCollection } from '../data/workshops';
import { isLive, participantsOf, SeatBook, seatsOf } from '../domain/participants';
import {
  changedDetails,
  checkDraft,
  checkSchedule,
  clashes,
  detailsOf,
  detailsVersionOf,
  doubleBooking,
  facilitatorKey,
  requireChangeable,
  settleTimeZone,
  DETAIL_FIELDS,
  type Details,
  type DraftDetails,
} from '../domain/workshops';
import { requireCityFacts } from './cities';
import { declareWorkshopChanged } from './invalidation';
import { fillSeats, loadRegistrationsForChange, workshopConflict, workshopLock } from './seats';

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
  timezone?: string | null;
  capacity: number;
  maxParticipantsPerCity?: number | null;
}

export type UpdateWorkshopInput = { [K in keyof ScheduleWorkshopInput]?: ScheduleWorkshopInput[K] | null } & { expectedVersion?: number | null };

/** Fields an update may clear with null. */
const NULLABLE = new Set<keyof Details>(['hostCityId', 'facilitator', 'timezone', 'maxParticipantsPerCity']);

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
  if (w) throw doubleBooking(details, w);
}

/**
 * The zone the draft is held in: an in-person or hybrid workshop takes its host city's, asked of
 * membership (which also says whether the host exists); an online one keeps its own.
 */
async function settle(ctx: Context, draft: DraftDetails): Promise<Details> {
  if (draft.format === 'ONLINE') {
    if (draft.hostCityId) await requireCityFacts(ctx, [{ id: draft.hostCityId, field: 'input.hostCityId' }]);
    return settleTimeZone(draft, null);
  }
  const host = (await requireCityFacts(ctx, [{ id: draft.hostCityId!, field: 'input.hostCityId' }])).get(draft.hostCityId!)!;
  return settleTimeZone(draft, host);
}

const notFound = (id: string, field = 'id') => codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(id)}.`, { field });

export async function scheduleWorkshop(ctx: Context, input: ScheduleWorkshopInput): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const now = ctx.settings.now();
  const draft = checkDraft({
    ...input,
    hostCityId: input.hostCityId ?? null,
    facilitator: input.facilitator ?? null,
    timezone: input.timezone ?? null,
    maxParticipantsPerCity: input.maxParticipantsPerCity ?? null,
    startsAt: instant(input.startsAt),
    endsAt: instant(input.endsAt),
  });
  const details = checkSchedule(await settle(ctx, draft), now, true);
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
    if (!NULLABLE.has(k) && input[k] === null) throw inputError(`input.${k}`, 'cannot be null (leave it out to keep the current value)');
  }
  const changes: Partial<DraftDetails> = {};
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
        throw codedError('CONFLICT', `The workshop ${current._id} is at version ${version}, not ${input.expectedVersion}: it changed since you read it.`, {
          field: 'input.expectedVersion',
        });
      }
      const merged: DraftDetails = { ...detailsOf(current), ...changes };
      // An in-person or hybrid workshop follows its host's zone: asked again whenever the host, the
      // format or the zone is part of the change (the zone given must agree with the host's).
      const zoneInvolved = 'hostCityId' in changes || 'format' in changes || 'timezone' in changes;
      const draft = checkDraft({ ...merged, timezone: zoneInvolved && merged.format !== 'ONLINE' ? (changes.timezone ?? null) : merged.timezone });
      const details = checkSchedule(zoneInvolved ? await settle(ctx, draft) : { ...draft, timezone: draft.timezone! }, now, 'startsAt' in input);
      const known = await loadRegistrationsForChange(ctx, current._id);
      const book = new SeatBook(details.capacity, known);
      if (details.capacity < book.confirmed) {
        throw codedError('CONFLICT', `The workshop ${current._id} has ${book.confirmed} confirmed participants; capacity cannot drop to ${details.capacity}.`, {
          field: 'input.capacity',
        });
      }
      const cap = details.maxParticipantsPerCity;
      const over = cap == null ? undefined : known.find((r) => isLive(r) && seatsOf(r).length > cap);
      if (over) {
        throw codedError('CONFLICT', `${over.cityId} has ${seatsOf(over).length} participants registered; the cap per city cannot drop to ${cap}.`, {
          field: 'input.maxParticipantsPerCity',
          registrationId: over._id,
        });
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
          old: Object.fromEntries(changed.map((k) => [k, detailsOf(current)[k]])),
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
      if (details.capacity > current.capacity) updated = (await fillSeats(ctx, updated, book, actor, now)).workshop;
      declareWorkshopChanged(ctx, updated, known, [current.hostCityId]);
      return updated;
    });
    if (result) return result;
    if (attempt >= 3) throw codedError('CONFLICT', `The workshop ${id} keeps changing; try again.`, { retryable: true });
  }
}

/**
 * Cancels a scheduled workshop, and with it every registration and waitlist entry, in ONE
 * single-document write: the workshop document carries in its outbox its own audit entry, every
 * registration as it becomes (CANCELLED_BY_ORGANISER, with the reason and the status it had) and each
 * registration's audit entry (lib/db/outbox.ts `derived`, replaced by `_id`, so a flush interrupted by
 * a crash is simply redone). Seats taken drop to 0. Under the workshop's lock, so no registration
 * changes meanwhile.
 */
export async function cancelWorkshop(ctx: Context, id: string, reasonInput: string): Promise<StoredWorkshop> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const reason = checkText(reasonInput, 'reason', 3, 1000);
  const now = ctx.settings.now();
  let registrations: StoredRegistration[] = [];
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
      registrations = await loadRegistrationsForChange(ctx, id);
      const derived: DerivedWrite[] = [];
      const affected: { registrationId: string; cityId: string; status: string; participants: number }[] = [];
      for (const r of registrations.filter(isLive)) {
        const version = (r.version ?? 0) + 1;
        const status = r.status as 'CONFIRMED' | 'WAITLISTED';
        const { outbox: _none, ...fields } = r;
        const next: StoredRegistration = {
          ...fields,
          participants: participantsOf(r),
          status: 'CANCELLED_BY_ORGANISER',
          statusBeforeCancellation: status,
          cancellationReason: reason,
          cancelledAt: now,
          version,
        };
        derived.push({ collection: registrationsCollection(ctx.db).collectionName, doc: next });
        const change: AuditChange = {
          action: 'registration.cancelledByOrganiser',
          subject: `registration:${r._id}`,
          old: { status },
          new: { status: 'CANCELLED_BY_ORGANISER', reason },
        };
        for (const entry of auditEntriesFor(`${registrationsCollection(ctx.db).collectionName}:${r._id}`, version, { cityId: r.cityId }, actor, now, [
          change,
        ])) {
          derived.push({ collection: AUDIT, doc: entry });
        }
        affected.push({ registrationId: r._id, cityId: r.cityId, status, participants: seatsOf(r).length });
      }
      return {
        next: {
          ...current,
          status: 'CANCELLED' as const,
          seatsTaken: 0,
          cancellationReason: reason,
          cancelledAt: now,
          detailsVersion: detailsVersionOf(current) + 1,
          updatedAt: now,
        },
        audit: [
          {
            action: 'workshop.cancelled',
            subject: `workshop:${id}`,
            old: { status: current.status, seatsTaken: current.seatsTaken },
            new: { status: 'CANCELLED', reason, seatsTaken: 0, affected },
          },
        ],
        scope: { cityId: current.hostCityId },
        derived,
      };
    },
  });
  ctx.loaders.registrationsByWorkshopId.clear(id);
  declareWorkshopChanged(ctx, cancelled!, registrations);
  return cancelled!;
}
