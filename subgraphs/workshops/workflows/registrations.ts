import { requireRole } from '../../../lib/auth/guards';
import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { recordAudit, type AuditChange } from '../../../lib/db/audit-log';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import { requireCitiesExist } from '../cities';
import type { Context } from '../context';
import { registrationId, storedRegistrations, type StoredRegistration } from '../data/registrations';
import { storedWorkshops, type StoredWorkshop } from '../data/workshops';
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
  requireOpen(await loadWorkshop(ctx, args.workshopId), ctx.settings.now());
  const id = registrationId(args.workshopId, args.cityId);
  const existing = await storedRegistrations(ctx.db).findOne({ _id: { $eq: id } });
  if (existing && existing.status !== 'CANCELLED') throw alreadyRegistered(existing);
  await requireCitiesExist(ctx, [{ id: args.cityId, field: 'cityId' }]);

  return withLocks(ctx.db, [workshopLock(args.workshopId)], async () => {
    const now = ctx.settings.now();
    const workshop = await loadWorkshop(ctx, args.workshopId);
    requireOpen(workshop, now);
    const previous = await storedRegistrations(ctx.db).findOne({ _id: { $eq: id } });
    if (previous && previous.status !== 'CANCELLED') throw alreadyRegistered(previous);
    // Seats freed earlier go to those already waiting before anyone new.
    const { confirmed, promoted, waitlisted } = await fillSeats(ctx.db, workshop, now);
    const seat = confirmed < workshop.capacity && waitlisted.length === 0;
    const seq = (workshop.registrationSeq ?? 0) + 1;
    const registration: StoredRegistration = {
      _id: id,
      workshopId: workshop._id,
      cityId: args.cityId,
      status: seat ? 'CONFIRMED' : 'WAITLISTED',
      registeredAt: now,
      seq,
      confirmedAt: seat ? now : null,
      cancelledAt: null,
    };
    // A city that cancelled may come back: the same document, at the end of the queue.
    if (previous) await storedRegistrations(ctx.db).replaceOne({ _id: { $eq: id } }, registration);
    else await storedRegistrations(ctx.db).insertOne(registration);
    await storedWorkshops(ctx.db).updateOne({ _id: { $eq: workshop._id } }, { $set: { registrationSeq: seq, seatsTaken: confirmed + (seat ? 1 : 0) } });
    await recordAudit(ctx.db, actor, now, [
      ...promotions(promoted),
      { cityId: args.cityId, action: 'registration.created', subject: `registration:${id}`, old: previous ? { status: previous.status } : null, new: { status: registration.status, seq } },
    ]);
    return registration;
  });
}

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

  return withLocks(ctx.db, [workshopLock(found.workshopId)], async () => {
    const now = ctx.settings.now();
    const registration = (await storedRegistrations(ctx.db).findOne({ _id: { $eq: found._id } }))!;
    if (registration.status === 'CANCELLED') throw codedError('CONFLICT', `The registration ${registration._id} is already cancelled.`, { field: 'registrationId' });
    const workshop = await loadWorkshop(ctx, registration.workshopId);
    requireOpen(workshop, now);
    await storedRegistrations(ctx.db).updateOne({ _id: { $eq: registration._id } }, { $set: { status: 'CANCELLED', cancelledAt: now } });
    const { confirmed, promoted } = await fillSeats(ctx.db, workshop, now);
    await recordAudit(ctx.db, actor, now, [
      { cityId: registration.cityId, action: 'registration.cancelled', subject: `registration:${registration._id}`, old: { status: registration.status }, new: { status: 'CANCELLED' } },
      ...promotions(promoted),
    ]);
    return {
      registration: { ...registration, status: 'CANCELLED', cancelledAt: now },
      promoted: promoted[0] ?? null,
      workshop: { ...workshop, seatsTaken: confirmed },
    };
  });
}
