import { requireRole } from '../../../lib/auth/guards';
import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { loadForChange, writeChange } from '../../../lib/db/outbox';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { insertAudited } from '../data/auditedInserts';
import { findRegistration, findWorkshopRegistrations, registrationsCollection } from '../data/registrations';
import type { StoredRegistration, StoredWorkshop } from '../data/types';
import { workshopsCollection } from '../data/workshops';
import { registrationId, registrationOrder, splitRegistrations } from '../domain/registrations';
import type { CancelRegistrationOutcome } from '../domain/views';
import { closedForRegistrations, requireOpen } from '../domain/workshops';
import { KeyedBatcher, type Outcome } from './batch';
import { requireCitiesExist } from './cities';
import { declareWorkshopChanged } from './invalidation';
import { fillSeats, registrationConflict, storeSeatCount, workshopLock } from './seats';

/** CITYNET_STAFF for any city; a CITY_OFFICER for its own city only. */
function requireActorFor(user: AuthUser | null, cityId: string): AuthUser {
  const actor = requireRole(user, 'CITY_OFFICER', 'CITYNET_STAFF');
  if (!hasRole(actor, 'CITYNET_STAFF') && actor.cityId !== cityId) {
    throw codedError('FORBIDDEN', `A city officer of ${actor.cityId} cannot act for ${cityId}.`);
  }
  return actor;
}

const noWorkshop = (id: string) => codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(id)}.`, { field: 'workshopId' });

/**
 * CONFIRMED while seats remain, else WAITLISTED behind everyone already waiting. Everything that
 * decides the status happens under the workshop's lock, so 50 simultaneous registrations for 10 seats
 * give exactly 10 confirmed, and the waitlist order is the order the lock was obtained.
 */
export async function registerForWorkshop(ctx: Context, workshopId: string, cityId: string): Promise<StoredRegistration> {
  const actor = requireActorFor(ctx.user, cityId);
  // The city is asked of membership first (batched across requests); everything about the workshop
  // is checked in the batch, under the lock, so a burst costs no per-request reads.
  await requireCitiesExist(ctx, [{ id: cityId, field: 'cityId' }]);
  const outcome = await registrationBatcher.submit(`${ctx.db.databaseName}/${workshopId}`, { ctx, actor, id: registrationId(workshopId, cityId), cityId, workshopId });
  // The answer's workshop and waitlist position come from what the batch just wrote: no reads per request.
  ctx.loaders.workshopById.prime(outcome.workshop._id, outcome.workshop);
  ctx.loaders.registrationsByWorkshopId.prime(outcome.workshop._id, [...outcome.registrations].sort(registrationOrder));
  declareWorkshopChanged(ctx, outcome.workshop, outcome.registrations, [cityId, ...outcome.promoted.map((r) => r.cityId)]);
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
  /** The workshop after the batch (its seat count stored). */
  workshop: StoredWorkshop;
  /** Every registration of the workshop after the batch, and those promoted from the waitlist in it. */
  registrations: StoredRegistration[];
  promoted: StoredRegistration[];
}

/**
 * One batch of registrations for one workshop, in arrival order, under the workshop's lock: each is
 * checked on its own (a refused one writes nothing), each accepted one is one audited single-document
 * write (its audit entry in its own outbox; new ones inserted together), then the seat count is one
 * write of the workshop. A burst of 50 costs a few commands, not 150.
 */
async function registerBatch(items: RegistrationRequest[]): Promise<Outcome<RegistrationOutcome>[]> {
  const { ctx, workshopId } = items[0];
  return withLocks(ctx.db, [workshopLock(workshopId)], async () => {
    const now = ctx.settings.now();
    const found = await loadForChange(workshopsCollection(ctx.db), workshopId);
    if (!found) return items.map(() => ({ ok: false as const, error: noWorkshop(workshopId) }));
    let workshop: StoredWorkshop = found;
    // A closed workshop refuses every item and writes nothing.
    const closed = closedForRegistrations(workshop, now);
    if (closed) return items.map(() => ({ ok: false as const, error: closed }));
    const known = splitRegistrations(await findWorkshopRegistrations(ctx.db, workshopId));
    // Seats freed earlier (an interrupted change) go to those already waiting before anyone new.
    const filled = await fillSeats(ctx, workshop, known, items[0].actor, now, { storeCount: false });
    const promoted = filled.promoted;
    let confirmed = filled.confirmed;
    let waiting = filled.waitlisted.length;
    const byId = new Map(known.all.map((r) => [r._id, r]));
    for (const r of promoted) byId.set(r._id, r);
    let seq = known.lastSeq;
    // Decide every item in arrival order (a refused one writes nothing), then write the accepted ones.
    const decided: ({ error: unknown } | { item: RegistrationRequest; previous: StoredRegistration | null; next: StoredRegistration })[] = [];
    for (const item of items) {
      const previous = byId.get(item.id) ?? null;
      if (previous && previous.status !== 'CANCELLED') {
        decided.push({ error: codedError('CONFLICT', `${previous.cityId} is already registered for ${workshopId} (${previous.status}).`, { field: 'cityId', registrationId: previous._id }) });
        continue;
      }
      const seat = confirmed < workshop.capacity && waiting === 0;
      if (seat) confirmed++;
      else waiting++;
      seq++;
      const next: StoredRegistration = {
        _id: item.id,
        workshopId,
        cityId: item.cityId,
        status: seat ? 'CONFIRMED' : 'WAITLISTED',
        registeredAt: now,
        seq,
        confirmedAt: seat ? now : null,
        cancelledAt: null,
      };
      byId.set(item.id, next);
      decided.push({ item, previous, next });
    }
    const created = (d: { previous: StoredRegistration | null; next: StoredRegistration; item: RegistrationRequest }) => ({
      next: d.next,
      audit: [{ action: 'registration.created', subject: `registration:${d.item.id}`, old: d.previous ? { status: d.previous.status } : null, new: { status: d.next.status, seq: d.next.seq } }],
      scope: { cityId: d.item.cityId },
      actor: d.item.actor,
    });
    // New registrations: one audited insert each, all in one command (data/auditedInserts.ts).
    const fresh = decided.filter((d): d is Extract<typeof d, { next: StoredRegistration }> => 'next' in d && d.previous === null);
    const inserted = await insertAudited(registrationsCollection(ctx.db), fresh.map(created), now, registrationConflict);
    const written = new Map<RegistrationRequest, StoredRegistration | Error>(fresh.map((d, i) => [d.item, inserted[i]]));
    // A city that cancelled may come back: the same document, at the end of the queue.
    for (const d of decided) {
      if (!('next' in d) || d.previous === null) continue;
      const { actor, ...change } = created(d);
      try {
        written.set(d.item, await writeChange(registrationsCollection(ctx.db), d.previous, change, actor, now, registrationConflict(d.item.id)));
      } catch (error) {
        written.set(d.item, error instanceof Error ? error : new Error(String(error)));
      }
    }
    const outcomes: Outcome<StoredRegistration>[] = decided.map((d) => {
      if (!('next' in d)) return { ok: false, error: d.error };
      const result = written.get(d.item)!;
      if (result instanceof Error) {
        // Not written: its seat or place stays free (the count below and the next batch see the stored state).
        byId.delete(d.item.id);
        if (d.previous) byId.set(d.item.id, d.previous);
        if (d.next.status === 'CONFIRMED') confirmed--;
        return { ok: false, error: result };
      }
      byId.set(d.item.id, result);
      return { ok: true, value: result };
    });
    workshop = await storeSeatCount(ctx, workshop, confirmed, items[0].actor, now);
    const registrations = [...byId.values()];
    return outcomes.map((o) => (o.ok ? { ok: true, value: { registration: o.value, workshop, registrations, promoted } } : o));
  });
}

const registrationBatcher = new KeyedBatcher<RegistrationRequest, RegistrationOutcome>((_key, items) => registerBatch(items));

/** Cancels a registration; a freed seat goes to the first waitlisted registration, under the same lock. */
export async function cancelRegistration(ctx: Context, id: string): Promise<CancelRegistrationOutcome> {
  requireRole(ctx.user, 'CITY_OFFICER', 'CITYNET_STAFF');
  const found = await findRegistration(ctx.db, id);
  if (!found) throw codedError('NOT_FOUND', `No registration with id ${JSON.stringify(id)}.`, { field: 'registrationId' });
  const actor = requireActorFor(ctx.user, found.cityId);

  return withLocks(ctx.db, [workshopLock(found.workshopId)], async () => {
    const now = ctx.settings.now();
    const workshop = await loadForChange(workshopsCollection(ctx.db), found.workshopId);
    if (!workshop) throw noWorkshop(found.workshopId);
    const known = await findWorkshopRegistrations(ctx.db, workshop._id);
    const current = known.find((r) => r._id === found._id)!;
    if (current.status === 'CANCELLED') throw codedError('CONFLICT', `The registration ${current._id} is already cancelled.`, { field: 'registrationId' });
    requireOpen(workshop, now);
    const registration = await writeChange(
      registrationsCollection(ctx.db),
      current,
      {
        next: { ...current, status: 'CANCELLED', cancelledAt: now },
        audit: [{ action: 'registration.cancelled', subject: `registration:${current._id}`, old: { status: current.status }, new: { status: 'CANCELLED' } }],
        scope: { cityId: current.cityId },
      },
      actor,
      now,
      registrationConflict(current._id),
    );
    const remaining = splitRegistrations(known.filter((r) => r._id !== current._id));
    const filled = await fillSeats(ctx, workshop, remaining, actor, now);
    declareWorkshopChanged(ctx, filled.workshop, known, [current.cityId]);
    return { registration, promoted: filled.promoted[0] ?? null, workshop: filled.workshop };
  });
}
