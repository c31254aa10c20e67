import { inputError } from '../../../lib/graphql/errors';
import { checkText } from '../../../lib/graphql/inputs';
import type { SeatStatus, StoredParticipant, StoredRegistration } from '../data/types';

/**
 * Seats are people in a room. A registration names the city's participants; each one holds a seat
 * (CONFIRMED) or a place in the workshop's queue (WAITLISTED). A registration made without names holds
 * one unnamed seat, filled in by the first person named later. Pure: the workflows decide with these
 * under the workshop's lock.
 */

export interface ParticipantInput {
  name: string;
  role: string;
  email: string;
}

/** Live registrations hold seats or places in the queue (and list the workshop as upcoming for the city). */
export const isLive = (r: Pick<StoredRegistration, 'status'>): boolean => r.status === 'CONFIRMED' || r.status === 'WAITLISTED';

// A pragmatic address check: one @, no spaces, a dot in the domain.
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validated, normalised participants (names and roles trimmed, e-mails lower case, no e-mail twice). */
export function checkParticipants(inputs: readonly ParticipantInput[], field: string, already: readonly StoredParticipant[] = []): ParticipantInput[] {
  const taken = new Map(already.filter((p) => p.email).map((p) => [p.email!, p.name]));
  return inputs.map((p, i) => {
    const at = `${field}[${i}]`;
    const email = checkText(p.email, `${at}.email`, 3, 254).toLowerCase();
    if (!EMAIL_RE.test(email)) throw inputError(`${at}.email`, `must be an e-mail address such as name@city.gov, got ${JSON.stringify(p.email)}`);
    if (taken.has(email)) throw inputError(`${at}.email`, `names a participant already registered (${email})`);
    const participant = { name: checkText(p.name, `${at}.name`, 2, 200), role: checkText(p.role, `${at}.role`, 2, 100), email };
    taken.set(email, participant.name);
    return participant;
  });
}

/**
 * The seats and places a registration holds: its participants, or for one written before
 * participants existed, its one unnamed seat (status and queue position from the registration).
 */
export function seatsOf(r: StoredRegistration): StoredParticipant[] {
  if (!isLive(r)) return [];
  if (r.participants) return r.participants;
  const status: SeatStatus = r.status === 'CONFIRMED' ? 'CONFIRMED' : 'WAITLISTED';
  return [
    {
      id: 'p1',
      name: null,
      role: null,
      email: null,
      status,
      seq: r.seq ?? -1,
      addedAt: r.registeredAt,
      confirmedAt: status === 'CONFIRMED' ? (r.confirmedAt ?? r.registeredAt) : null,
    },
  ];
}

/** The people of a registration as stored or shown (also after it was cancelled: who was registered). */
export const participantsOf = (r: StoredRegistration): StoredParticipant[] => (r.participants ? r.participants : isLive(r) ? seatsOf(r) : []);

export const namedParticipants = (r: StoredRegistration): StoredParticipant[] => participantsOf(r).filter((p) => p.name !== null);

export const confirmedSeats = (r: StoredRegistration): number => seatsOf(r).filter((p) => p.status === 'CONFIRMED').length;
export const waitingSeats = (r: StoredRegistration): number => seatsOf(r).filter((p) => p.status === 'WAITLISTED').length;

/** A registration with these participants: CONFIRMED when any has a seat, WAITLISTED otherwise. */
export function withParticipants(r: StoredRegistration, participants: StoredParticipant[], now: Date): StoredRegistration {
  const seated = participants.some((p) => p.status === 'CONFIRMED');
  return {
    ...r,
    participants,
    status: seated ? 'CONFIRMED' : 'WAITLISTED',
    confirmedAt: seated ? (r.status === 'CONFIRMED' && r.confirmedAt ? r.confirmedAt : now) : null,
  };
}

/** The next participant id of a registration (`p<n>`). */
export function nextParticipantId(existing: readonly StoredParticipant[]): string {
  const max = existing.reduce((m, p) => Math.max(m, Number(p.id.slice(1)) || 0), 0);
  return `p${max + 1}`;
}

/** Queue order of a waiting seat: its sequence number, then (seeded seats, all -1) its registration's time and id, then its place in the registration. */
interface QueueEntry {
  registrationId: string;
  registeredAt: Date;
  participantIndex: number;
  seq: number;
}

function queueOrder(a: QueueEntry, b: QueueEntry): number {
  return (
    a.seq - b.seq ||
    a.registeredAt.getTime() - b.registeredAt.getTime() ||
    (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0) ||
    a.participantIndex - b.participantIndex
  );
}

/**
 * The seats of one workshop at a moment: who is seated, who waits in which order, the last sequence
 * number handed out. `allocate` seats newcomers (a seat while one is free and nobody waits, else the
 * end of the queue), `fill` gives free seats to the queue, first in line first.
 */
export class SeatBook {
  private confirmedCount = 0;
  private queue: QueueEntry[] = [];
  private seq = 0;
  /** Registrations by id, as they stand after what the book decided. */
  readonly registrations = new Map<string, StoredRegistration>();

  constructor(
    private readonly capacity: number,
    all: readonly StoredRegistration[],
  ) {
    for (const r of all) {
      this.registrations.set(r._id, r);
      this.seq = Math.max(this.seq, r.seq ?? 0, ...(r.participants ?? []).map((p) => p.seq));
      this.count(r, +1);
    }
  }

  get confirmed(): number {
    return this.confirmedCount;
  }

  get waiting(): number {
    return this.queue.length;
  }

  get lastSeq(): number {
    return this.seq;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  private count(r: StoredRegistration, sign: 1 | -1): void {
    seatsOf(r).forEach((p, i) => {
      if (p.status === 'CONFIRMED') this.confirmedCount += sign;
      else if (sign > 0) this.queue.push({ registrationId: r._id, registeredAt: r.registeredAt, participantIndex: i, seq: p.seq });
      else this.queue = this.queue.filter((q) => !(q.registrationId === r._id && q.participantIndex === i));
    });
    if (sign > 0) this.queue.sort(queueOrder);
  }

  /** Records a registration's new state (replacing what the book knew of it). */
  put(r: StoredRegistration): void {
    const before = this.registrations.get(r._id);
    if (before) this.count(before, -1);
    this.registrations.set(r._id, r);
    this.count(r, +1);
  }

  /**
   * New participants of one registration, each seated or queued in turn: a seat only while one is
   * free and nobody is waiting for it, else the end of the queue (sequence numbers handed out here).
   * The caller then records the registration with `put` before allocating for another one.
   */
  allocate(people: readonly Omit<StoredParticipant, 'status' | 'seq' | 'confirmedAt' | 'addedAt'>[], now: Date): StoredParticipant[] {
    let confirmed = this.confirmedCount;
    let waiting = this.queue.length;
    return people.map((p) => {
      const seated = confirmed < this.capacity && waiting === 0;
      if (seated) confirmed++;
      else waiting++;
      return { ...p, status: seated ? ('CONFIRMED' as const) : ('WAITLISTED' as const), seq: this.nextSeq(), addedAt: now, confirmedAt: seated ? now : null };
    });
  }

  /**
   * Gives free seats to the queue, first in line first: the registrations whose participants moved
   * up (each a new state for the book; the caller writes them) in queue order.
   */
  fill(now: Date): { before: StoredRegistration; after: StoredRegistration; promoted: StoredParticipant[] }[] {
    const moved = new Map<string, { before: StoredRegistration; participants: StoredParticipant[]; promoted: StoredParticipant[] }>();
    while (this.confirmedCount < this.capacity && this.queue.length > 0) {
      const next = this.queue.shift()!;
      const r = this.registrations.get(next.registrationId)!;
      const entry = moved.get(r._id) ?? { before: r, participants: seatsOf(r).map((p) => ({ ...p })), promoted: [] };
      const p = entry.participants[next.participantIndex];
      p.status = 'CONFIRMED';
      p.confirmedAt = now;
      entry.promoted.push(p);
      moved.set(r._id, entry);
      this.confirmedCount++;
    }
    return [...moved.values()].map(({ before, participants, promoted }) => {
      const after = withParticipants(before, participants, now);
      this.registrations.set(after._id, after);
      return { before, after, promoted };
    });
  }
}
