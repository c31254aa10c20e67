import { requireRole } from '../../../lib/auth/guards';
import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { loadForChange, writeChange, type AuditChange } from '../../../lib/db/outbox';
import { withLocks } from '../../../lib/db/locks';
import { codedError, inputError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { insertAudited } from '../data/auditedInserts';
import { findRegistration, registrationsCollection } from '../data/registrations';
import type { StoredParticipant, StoredRegistration, StoredWorkshop } from '../data/types';
import { workshopsCollection } from '../data/workshops';
import {
  checkParticipants,
  isLive,
  nextParticipantId,
  participantsOf,
  SeatBook,
  seatsOf,
  withParticipants,
  type ParticipantInput,
} from '../domain/participants';
import { registrationId, registrationOrder } from '../domain/registrations';
import type { CancelRegistrationOutcome } from '../domain/views';
import { closedForRegistrations, requireOpen } from '../domain/workshops';
import { attemptOf, KeyedBatcher, type Outcome } from './batch';
import { requireCitiesExist } from './cities';
import { declareWorkshopChanged } from './invalidation';
import { fillSeats, loadRegistrationsForChange, registrationConflict, storeSeatCount, workshopLock } from './seats';

/** CITYNET_STAFF for any city; a CITY_OFFICER for its own city only. */
export function requireActorFor(user: AuthUser | null, cityId: string): AuthUser {
  const actor = requireRole(user, 'CITY_OFFICER', 'CITYNET_STAFF');
  if (!hasRole(actor, 'CITYNET_STAFF') && actor.cityId !== cityId) {
    throw codedError('FORBIDDEN', `A city officer of ${actor.cityId} cannot act for ${cityId}.`);
  }
  return actor;
}

const noWorkshop = (id: string) => codedError('NOT_FOUND', `No workshop with id ${JSON.stringify(id)}.`, { field: 'workshopId' });
const noRegistration = (id: string) => codedError('NOT_FOUND', `No registration with id ${JSON.stringify(id)}.`, { field: 'registrationId' });

/** The most people one registration may name at once (a workshop's own cap per city may be lower). */
export const MAX_PARTICIPANTS_PER_REQUEST = 50;

function checkParticipantList(inputs: readonly ParticipantInput[] | null | undefined, field: string, required: boolean): ParticipantInput[] {
  if (inputs == null) {
    if (required) throw inputError(field, 'must name at least one participant');
    return [];
  }
  if (required && inputs.length === 0) throw inputError(field, 'must name at least one participant');
  if (inputs.length > MAX_PARTICIPANTS_PER_REQUEST)
    throw inputError(field, `must name at most ${MAX_PARTICIPANTS_PER_REQUEST} participants at once, got ${inputs.length}`);
  return checkParticipants(inputs, field);
}

/**
 * CONFIRMED while seats remain, else WAITLISTED behind everyone already waiting; with participants,
 * each person takes a seat or a place in the queue in turn. Everything that decides happens under
 * the workshop's lock, so 50 simultaneous registrations for 10 seats give exactly 10 seats taken, and
 * the queue order is the order the lock was obtained.
 */
export async function registerForWorkshop(
  ctx: Context,
  workshopId: string,
  cityId: string,
  participantsInput?: readonly ParticipantInput[] | null,
): Promise<StoredRegistration> {
  const actor = requireActorFor(ctx.user, cityId);
  const participants = checkParticipantList(participantsInput, 'participants', false);
  // The city is asked of membership first (batched across requests); everything about the workshop
  // is checked in the batch, under the lock, so a burst costs no per-request reads.
  await requireCitiesExist(ctx, [{ id: cityId, field: 'cityId' }]);
  const outcome = await seatBatcher.submit(`${ctx.db.databaseName}/${workshopId}`, {
    kind: 'register',
    ctx,
    actor,
    id: registrationId(workshopId, cityId),
    cityId,
    workshopId,
    participants,
  });
  return answer(ctx, outcome, cityId);
}

/**
 * Adds people to a live registration: each takes a free seat while nobody waits, else goes to the
 * end of the queue. The first one named fills a registration's unnamed seat. Decided under the
 * workshop's lock, in the same batches as registrations.
 */
export async function addParticipants(ctx: Context, id: string, participantsInput: readonly ParticipantInput[]): Promise<StoredRegistration> {
  requireRole(ctx.user, 'CITY_OFFICER', 'CITYNET_STAFF');
  const found = await findRegistration(ctx.db, id);
  if (!found) throw noRegistration(id);
  const actor = requireActorFor(ctx.user, found.cityId);
  const participants = checkParticipantList(participantsInput, 'participants', true);
  const outcome = await seatBatcher.submit(`${ctx.db.databaseName}/${found.workshopId}`, {
    kind: 'add',
    ctx,
    actor,
    id,
    cityId: found.cityId,
    workshopId: found.workshopId,
    participants,
  });
  return answer(ctx, outcome, found.cityId);
}

function answer(ctx: Context, outcome: SeatOutcome, cityId: string): StoredRegistration {
  // The answer's workshop and waitlist positions come from what the batch just wrote: no reads per request.
  ctx.loaders.workshopById.prime(outcome.workshop._id, outcome.workshop);
  ctx.loaders.registrationsByWorkshopId.clear(outcome.workshop._id).prime(outcome.workshop._id, [...outcome.registrations].sort(registrationOrder));
  declareWorkshopChanged(ctx, outcome.workshop, outcome.registrations, [cityId, ...outcome.promoted.map((r) => r.cityId)]);
  return outcome.registration;
}

interface SeatRequest {
  kind: 'register' | 'add';
  ctx: Context;
  actor: AuthUser;
  /** The registration's id. */
  id: string;
  cityId: string;
  workshopId: string;
  participants: ParticipantInput[];
}

interface SeatOutcome {
  registration: StoredRegistration;
  /** The workshop after the batch (its seat count stored). */
  workshop: StoredWorkshop;
  /** Every registration of the workshop after the batch, and those promoted from the waitlist in it. */
  registrations: StoredRegistration[];
  promoted: StoredRegistration[];
}

/** The cap of people per city, as a refusal naming the input (BAD_USER_INPUT). */
function checkCap(workshop: StoredWorkshop, total: number, adding: number, existing: number): void {
  const cap = workshop.maxParticipantsPerCity;
  if (cap != null && total > cap) {
    const had = existing ? ` (the city has ${existing} already)` : '';
    throw inputError('participants', `would bring the city to ${total} participants${had}, above the workshop's cap of ${cap} per city; got ${adding}`);
  }
}

/** The decided change of one request: the registration before and after, and its audit entry. */
interface Decided {
  item: SeatRequest;
  previous: StoredRegistration | null;
  next: StoredRegistration;
  audit: AuditChange;
}

/** Decides one request against the book (a refusal throws; nothing is written yet). */
function decide(item: SeatRequest, workshop: StoredWorkshop, book: SeatBook, now: Date): Decided {
  const previous = book.registrations.get(item.id) ?? null;
  if (item.kind === 'register') {
    if (previous && isLive(previous)) {
      throw codedError('CONFLICT', `${previous.cityId} is already registered for ${item.workshopId} (${previous.status}); add people with addParticipants.`, {
        field: 'cityId',
        registrationId: previous._id,
      });
    }
    const people = item.participants.length ? item.participants : [{ name: null, role: null, email: null }];
    checkCap(workshop, people.length, item.participants.length, 0);
    const seats = book.allocate(
      people.map((p, i) => ({ id: `p${i + 1}`, ...p })),
      now,
    );
    const base: StoredRegistration = {
      _id: item.id,
      workshopId: item.workshopId,
      cityId: item.cityId,
      status: 'WAITLISTED',
      registeredAt: now,
      seq: seats[0].seq,
      confirmedAt: null,
      cancelledAt: null,
      cancellationReason: null,
      statusBeforeCancellation: null,
      attendance: null,
    };
    const next = withParticipants(base, seats, now);
    book.put(next);
    return {
      item,
      previous,
      next,
      audit: {
        action: 'registration.created',
        subject: `registration:${item.id}`,
        old: previous ? { status: previous.status } : null,
        new: {
          status: next.status,
          seq: next.seq,
          // Named people only (a registration without names books one unnamed seat).
          ...(item.participants.length ? { participants: seats.map((p) => ({ name: p.name, role: p.role, email: p.email, status: p.status })) } : {}),
        },
      },
    };
  }
  if (!previous) throw noRegistration(item.id);
  if (!isLive(previous))
    throw codedError('CONFLICT', `The registration ${previous._id} is ${previous.status}: register again instead.`, { field: 'registrationId' });
  const current = seatsOf(previous);
  const incoming = checkParticipants(item.participants, 'participants', current);
  const unnamed = current.findIndex((p) => p.name === null);
  const fills = unnamed >= 0 ? 1 : 0;
  const namedBefore = current.filter((p) => p.name !== null).length;
  checkCap(workshop, current.length + incoming.length - fills, incoming.length, namedBefore);
  const participants: StoredParticipant[] = current.map((p) => ({ ...p }));
  // The first person named takes the registration's unnamed seat (its status and place kept).
  if (fills) Object.assign(participants[unnamed], incoming[0]);
  const extra = incoming.slice(fills);
  let nextId = nextParticipantId(participants);
  const seats = book.allocate(
    extra.map((p) => {
      const id = nextId;
      nextId = `p${Number(id.slice(1)) + 1}`;
      return { id, ...p };
    }),
    now,
  );
  participants.push(...seats);
  const next = withParticipants(previous, participants, now);
  book.put(next);
  return {
    item,
    previous,
    next,
    audit: {
      action: 'registration.participantsAdded',
      subject: `registration:${item.id}`,
      old: { status: previous.status, participants: current.length },
      new: {
        status: next.status,
        participants: participants.length,
        added: [...(fills ? [participants[unnamed]] : []), ...seats].map((p) => ({ name: p.name, role: p.role, email: p.email, status: p.status })),
      },
    },
  };
}

/**
 * One batch of requests (registrations and added participants) for one workshop, in arrival order,
 * under the workshop's lock: each is decided on its own (a refused one writes nothing), each accepted
 * one is one audited single-document write (new registrations inserted together), then the seat
 * count is one write of the workshop. A burst of 50 costs a few commands, not 150.
 */
async function seatBatch(items: SeatRequest[]): Promise<Outcome<SeatOutcome>[]> {
  const { ctx, workshopId } = items[0];
  return withLocks(ctx.db, [workshopLock(workshopId)], async () => {
    const now = ctx.settings.now();
    const found = await loadForChange(workshopsCollection(ctx.db), workshopId);
    if (!found) return items.map(() => ({ ok: false as const, error: noWorkshop(workshopId) }));
    let workshop: StoredWorkshop = found;
    // A closed workshop refuses every item (naming what each one gave) and writes nothing.
    if (closedForRegistrations(workshop, now)) {
      return items.map((item) => ({
        ok: false as const,
        error: closedForRegistrations(workshop, now, item.kind === 'add' ? 'registrationId' : 'workshopId')!,
      }));
    }
    const book = new SeatBook(workshop.capacity, await loadRegistrationsForChange(ctx, workshopId));
    // Seats freed earlier (an interrupted change) go to those already waiting before anyone new.
    const { promoted } = await fillSeats(ctx, workshop, book, items[0].actor, now, { storeCount: false });
    const decided: (Decided | { error: unknown })[] = items.map((item) => {
      try {
        return decide(item, workshop, book, now);
      } catch (error) {
        return { error };
      }
    });

    // New registrations: one audited insert each, all in one command (data/auditedInserts.ts).
    const fresh = decided.filter((d): d is Decided => 'next' in d && d.previous === null && d.item.kind === 'register');
    const inserted = await insertAudited(
      registrationsCollection(ctx.db),
      fresh.map((d) => ({ next: d.next, audit: [d.audit], scope: { cityId: d.item.cityId }, actor: d.item.actor, attempt: attemptOf(d.item) })),
      now,
      registrationConflict,
    );
    const written = new Map<Decided, StoredRegistration | Error>(fresh.map((d, i) => [d, inserted[i]]));
    // Changes of existing documents (a city registering again, people added): documents in parallel
    // (each its own single-document write, all under the workshop's lock), a document changed twice in
    // one batch written twice in order, each time from what the previous write left.
    const stored = new Map<string, StoredRegistration>();
    const byDoc = new Map<string, Decided[]>();
    for (const d of decided) {
      if (!('next' in d) || written.has(d)) continue;
      byDoc.set(d.next._id, [...(byDoc.get(d.next._id) ?? []), d]);
    }
    await Promise.all(
      [...byDoc.values()].map(async (changes) => {
        let base = changes[0].previous!;
        for (const d of changes) {
          try {
            base = await writeChange(
              registrationsCollection(ctx.db),
              base,
              { next: d.next, audit: [d.audit], scope: { cityId: d.item.cityId } },
              d.item.actor,
              now,
              registrationConflict(d.next._id),
            );
            written.set(d, base);
          } catch (error) {
            written.set(d, error instanceof Error ? error : new Error(String(error)));
          }
        }
      }),
    );
    for (const [d, result] of written) if (!(result instanceof Error)) stored.set(d.next._id, result);
    const failed = [...written.values()].some((r) => r instanceof Error);
    // What was written is what counts: after a failed write, rebuild the book from the stored state.
    let final = book;
    if (failed) {
      final = new SeatBook(workshop.capacity, await loadRegistrationsForChange(ctx, workshopId));
    } else {
      for (const r of stored.values()) final.put(r);
    }
    workshop = await storeSeatCount(ctx, workshop, final.confirmed, items[0].actor, now);
    const registrations = [...final.registrations.values()];
    return decided.map((d): Outcome<SeatOutcome> => {
      if (!('next' in d)) return { ok: false, error: d.error };
      const result = written.get(d)!;
      if (result instanceof Error) return { ok: false, error: result };
      // The answer shows the registration as it stands after the whole batch.
      const registration = final.registrations.get(result._id) ?? result;
      return { ok: true, value: { registration, workshop, registrations, promoted } };
    });
  });
}

const seatBatcher = new KeyedBatcher<SeatRequest, SeatOutcome>((_key, items) => seatBatch(items));

/** Cancels a registration with all its people; freed seats go to the queue in order, under the same lock. */
export async function cancelRegistration(ctx: Context, id: string): Promise<CancelRegistrationOutcome> {
  requireRole(ctx.user, 'CITY_OFFICER', 'CITYNET_STAFF');
  const found = await findRegistration(ctx.db, id);
  if (!found) throw noRegistration(id);
  const actor = requireActorFor(ctx.user, found.cityId);

  return withLocks(ctx.db, [workshopLock(found.workshopId)], async () => {
    const now = ctx.settings.now();
    const workshop = await loadForChange(workshopsCollection(ctx.db), found.workshopId);
    if (!workshop) throw noWorkshop(found.workshopId);
    const known = await loadRegistrationsForChange(ctx, workshop._id);
    const current = known.find((r) => r._id === found._id)!;
    if (!isLive(current)) throw codedError('CONFLICT', `The registration ${current._id} is already ${current.status}.`, { field: 'registrationId' });
    requireOpen(workshop, now, 'registrationId');
    const registration = await writeChange(
      registrationsCollection(ctx.db),
      current,
      {
        next: { ...current, participants: participantsOf(current), status: 'CANCELLED', cancelledAt: now },
        audit: [
          {
            action: 'registration.cancelled',
            subject: `registration:${current._id}`,
            old: { status: current.status, participants: seatsOf(current).length },
            new: { status: 'CANCELLED' },
          },
        ],
        scope: { cityId: current.cityId },
      },
      actor,
      now,
      registrationConflict(current._id),
    );
    const book = new SeatBook(workshop.capacity, known);
    book.put(registration);
    const filled = await fillSeats(ctx, workshop, book, actor, now);
    declareWorkshopChanged(ctx, filled.workshop, known, [current.cityId]);
    return { registration, promoted: filled.promoted[0] ?? null, promotedAll: filled.promoted, workshop: filled.workshop };
  });
}
