import { requireRole } from '../../../lib/auth/guards';
import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { recordAudit, recordAuditEntries, type AuditChange } from '../../../lib/db/audit-log';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import { requireCitiesExist } from '../cities';
import type { Context } from '../context';
import { findWorkshopRegistrations, registrationId, splitRegistrations, storedRegistrations, type StoredRegistration } from '../data/registrations';
import { storedWorkshops, type StoredWorkshop } from '../data/workshops';
import { KeyedBatcher, type Outcome } from './batch';
import { fillSeats } from './seats';
import { workshopLock } from './workshops';

/** CITYNET_STAFF for any city; a CITY_OFFICER for its own city only. */
function requireActorFor(user: AuthUser | null, cityId: string): AuthUser {
  const actor = requireRole(user, 'CITY_OFFICER', 'CITYNET_STAFF');
  if (!hasRole(actor, 'CITYNET_STAFF') && actor.cityId !== cityId) {
    throw codedError('FORBIDDEN', `A city officer of ${actor.cityId} cannot act for ${cityId}.`);
  }
  return actor;
}

/** Registrations and cancellations need a workshop that is still to come and not cancelled. */
function requireOpen(w: StoredWorkshop, now: Date): void {
  if (w.status !== 'SCHEDULED') throw codedError('CONFLICT', `The workshop ${w._id} is ${w.status}: registrations are closed.`, { field: 'workshopId' });
  if (w.startsAt.getTime() <= now.getTime()) throw codedError('CONFLICT', `The workshop ${w._id} started at ${w.startsAt.toISOString()}: registrations are closed.`, { field: 'workshopId' });
}

async function loadWorkshop(ctx: Context, id: string): Promise<StoredWorkshop> {
  const w = await storedWorkshops(ctx.db).findOne({ _id: { $eq: id } });
  if (!w) throw codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(id)}.`, { field: 'workshopId' });
  return w;
}

/**
 * CONFIRMED while seats remain, else WAITLISTED behind everyone already waiting. Everything that
 * decides the status happens under the workshop's lock, so 50 simultaneous registrations for 10 seats
 * give exactly 10 confirmed, and the waitlist order is the order the lock was obtained.
 */
export async function registerForWorkshop(_: unknown, args: { workshopId: string; cityId: string }, ctx: Context): Promise<StoredRegistration> {
  const actor = requireActorFor(ctx.user, args.cityId);
  const id = registrationId(args.workshopId, args.cityId);
  // The city is asked of membership first (batched across requests); everything about the workshop
  // is checked in the batch, under the lock, so a burst costs no per-request reads.
  await requireCitiesExist(ctx, [{ id: args.cityId, field: 'cityId' }]);
  const outcome = await registrationBatcher.submit(`${ctx.db.databaseName}/${args.workshopId}`, { ctx, actor, id, cityId: args.cityId, workshopId: args.workshopId });
  return outcome.registration;
}

interface RegistrationRequest {
  ctx: Context;
  actor: AuthUser;
  id: string;
  cityId: string;
  workshopId: string;
}

interface RegistrationOutcome {
  registration: StoredRegistration;
  previous: StoredRegistration | null;
  now: Date;
}

/**
 * One batch of registrations for one workshop, in arrival order: each is checked on its own (a
 * refused one writes nothing), the accepted ones are written together, then the seat count.
 */
async function registerBatch(items: RegistrationRequest[]): Promise<Outcome<RegistrationOutcome>[]> {
  const { ctx, workshopId } = items[0];
  const db = ctx.db;
  return withLocks(db, [workshopLock(workshopId)], async () => {
    const now = ctx.settings.now();
    const workshop = await storedWorkshops(db).findOne({ _id: { $eq: workshopId } });
    const known = await findWorkshopRegistrations(db, workshopId);
    // Seats freed earlier go to those already waiting before anyone new.
    const { confirmed, promoted, waitlisted } = workshop ? await fillSeats(db, workshop, now, { known, storeCount: false }) : { confirmed: 0, promoted: [], waitlisted: [] };
    let seats = confirmed;
    let waiting = waitlisted.length;
    let seq = known.lastSeq;
    const byId = new Map(known.all.map((r) => [r._id, r]));
    const inserts: StoredRegistration[] = [];
    const replacements: StoredRegistration[] = [];
    const outcomes: Outcome<RegistrationOutcome>[] = [];
    for (const item of items) {
      try {
        if (!workshop) throw codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(workshopId)}.`, { field: 'workshopId' });
        requireOpen(workshop, now);
        const previous = byId.get(item.id) ?? null;
        if (previous && previous.status !== 'CANCELLED') throw alreadyRegistered(previous);
        const seat = seats < workshop.capacity && waiting === 0;
        seq++;
        const registration: StoredRegistration = {
          _id: item.id,
          workshopId,
          cityId: item.cityId,
          status: seat ? 'CONFIRMED' : 'WAITLISTED',
          registeredAt: now,
          seq,
          confirmedAt: seat ? now : null,
          cancelledAt: null,
        };
        if (seat) seats++;
        else waiting++;
        byId.set(item.id, registration);
        // A city that cancelled may come back: the same document, at the end of the queue.
        (previous ? replacements : inserts).push(registration);
        outcomes.push({ ok: true, value: { registration, previous, now } });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    if (inserts.length) await storedRegistrations(db).insertMany(inserts, { ordered: true });
    for (const r of replacements) await storedRegistrations(db).replaceOne({ _id: { $eq: r._id } }, r);
    if (workshop && seats !== workshop.seatsTaken) await storedWorkshops(db).updateOne({ _id: { $eq: workshopId } }, { $set: { seatsTaken: seats } });
    // The batch's audit entries in one write (each with its own actor), promotions first.
    const entries = outcomes.flatMap((o, i) =>
      o.ok
        ? [
            ...(i === outcomes.findIndex((x) => x.ok) ? promoted.map((r) => ({ ...promotions([r])[0], actor: items[i].actor })) : []),
            {
              actor: items[i].actor,
              cityId: items[i].cityId,
              action: 'registration.created',
              subject: `registration:${items[i].id}`,
              old: o.value.previous ? { status: o.value.previous.status } : null,
              new: { status: o.value.registration.status, seq: o.value.registration.seq },
            },
          ]
        : [],
    );
    await recordAuditEntries(db, now, entries);
    return outcomes;
  });
}

const registrationBatcher = new KeyedBatcher<RegistrationRequest, RegistrationOutcome>((_key, items) => registerBatch(items));

function alreadyRegistered(r: StoredRegistration) {
  return codedError('CONFLICT', `${r.cityId} is already registered for ${r.workshopId} (${r.status}).`, { field: 'cityId', registrationId: r._id });
}

function promotions(promoted: StoredRegistration[]): AuditChange[] {
  return promoted.map((r) => ({ cityId: r.cityId, action: 'registration.promoted', subject: `registration:${r._id}`, old: { status: 'WAITLISTED' }, new: { status: 'CONFIRMED' } }));
}

/** Cancels a registration; a freed seat goes to the first waitlisted registration, under the same lock. */
export async function cancelRegistration(_: unknown, args: { registrationId: string }, ctx: Context) {
  requireRole(ctx.user, 'CITY_OFFICER', 'CITYNET_STAFF');
  const found = await storedRegistrations(ctx.db).findOne({ _id: { $eq: args.registrationId } });
  if (!found) throw codedError('NOT_FOUND', `No registration with id ${JSON.stringify(args.registrationId)}.`, { field: 'registrationId' });
  const actor = requireActorFor(ctx.user, found.cityId);

  const outcome = await withLocks(ctx.db, [workshopLock(found.workshopId)], async () => {
    const now = ctx.settings.now();
    const workshop = await loadWorkshop(ctx, found.workshopId);
    const known = await findWorkshopRegistrations(ctx.db, workshop._id);
    const registration = known.all.find((r) => r._id === found._id)!;
    if (registration.status === 'CANCELLED') throw codedError('CONFLICT', `The registration ${registration._id} is already cancelled.`, { field: 'registrationId' });
    requireOpen(workshop, now);
    await storedRegistrations(ctx.db).updateOne({ _id: { $eq: registration._id } }, { $set: { status: 'CANCELLED', cancelledAt: now } });
    const remaining = splitRegistrations(known.all.filter((r) => r._id !== registration._id));
    const { confirmed, promoted } = await fillSeats(ctx.db, workshop, now, { known: remaining });
    return {
      now,
      previousStatus: registration.status,
      registration: { ...registration, status: 'CANCELLED' as const, cancelledAt: now },
      promoted,
      workshop: { ...workshop, seatsTaken: confirmed },
    };
  });
  await recordAudit(ctx.db, actor, outcome.now, [
    { cityId: found.cityId, action: 'registration.cancelled', subject: `registration:${found._id}`, old: { status: outcome.previousStatus }, new: { status: 'CANCELLED' } },
    ...promotions(outcome.promoted),
  ]);
  return { registration: outcome.registration, promoted: outcome.promoted[0] ?? null, workshop: outcome.workshop };
}
