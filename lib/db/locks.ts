import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './access';
import { codedError } from '../graphql/errors';

/**
 * Short leased locks for read-check-write sequences that must not interleave (seat counts, double
 * booking, one active mentoring pair), without transactions.
 *
 * Why not a conditional `findOneAndUpdate`: FerretDB 1.24 (our development and test database)
 * implements findAndModify/update as "read, filter in Go, write the whole document back by _id",
 * with no compare-and-swap, so concurrent conditional updates all succeed and increments are lost
 * (50 concurrent `findOneAndUpdate({seatsTaken: {$lt: 10}}, {$inc: {seatsTaken: 1}})` all "succeed"
 * and leave seatsTaken at 7). The one write both FerretDB and MongoDB make atomic is an insert into
 * a unique `_id`: a lock is taken by inserting `{_id: key}` and released by deleting it (only by its
 * owner). Waiters retry with jittered back-off until a deadline, then get a retryable CONFLICT.
 *
 * A holder that dies leaves its lock until the lease expires (`expiresAt`); the next waiter then
 * removes it. Sections under a lock are a few database round trips, far below the lease.
 *
 * Within one process, callers first queue in memory (first come, first served, no polling), so only
 * the head of each queue competes for the database lock: many simultaneous requests to one process
 * cost no retries, and the database lock still excludes other processes (other replicas).
 */
export interface LockDoc {
  _id: string;
  owner: string;
  acquiredAt: Date;
  expiresAt: Date;
}

export interface LockOptions {
  /** How long a lock is held at most before others may break it (ms). */
  leaseMs?: number;
  /** How long to wait for a busy lock before giving up with a retryable CONFLICT (ms). */
  waitMs?: number;
}

const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_WAIT_MS = 20_000;

export function locksCollection(db: Db): Collection<LockDoc> {
  return db.collection<LockDoc>('locks');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireOne(db: Db, key: string, owner: string, leaseMs: number, deadline: number): Promise<void> {
  const locks = locksCollection(db);
  let backoff = 2;
  for (;;) {
    const now = Date.now();
    try {
      await locks.insertOne({ _id: key, owner, acquiredAt: new Date(now), expiresAt: new Date(now + leaseMs) });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const held = await locks.findOne({ _id: { $eq: key } });
    if (held && held.expiresAt.getTime() < Date.now()) {
      // The holder died (its lease ran out): break the lock, then compete for it again.
      await locks.deleteOne({ _id: { $eq: key }, owner: { $eq: held.owner } });
      continue;
    }
    if (Date.now() >= deadline) {
      throw codedError('CONFLICT', `Another change to the same ${key.split(':')[0]} is in progress; try again.`, { retryable: true });
    }
    await sleep(backoff / 2 + Math.random() * backoff);
    backoff = Math.min(backoff * 2, 40);
  }
}

async function release(db: Db, keys: string[], owner: string): Promise<void> {
  await locksCollection(db).deleteMany({ _id: { $in: keys }, owner: { $eq: owner } });
}

/** In-process queues, by database and key: each entry resolves when the previous holder is done. */
const localTails = new Map<string, Promise<void>>();

async function acquireLocal(name: string): Promise<() => void> {
  const previous = localTails.get(name) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  localTails.set(name, tail);
  await previous;
  return () => {
    release();
    if (localTails.get(name) === tail) localTails.delete(name);
  };
}

/**
 * Runs `section` while holding every lock in `keys` (taken in sorted order, so two callers that need
 * overlapping sets never deadlock), and releases them afterwards whatever happens.
 */
export async function withLocks<T>(db: Db, keys: string[], section: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const owner = randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  const localReleases: (() => void)[] = [];
  const taken: string[] = [];
  try {
    for (const key of sorted) localReleases.push(await acquireLocal(`${db.databaseName}/${key}`));
    for (const key of sorted) {
      await acquireOne(db, key, owner, leaseMs, deadline);
      taken.push(key);
    }
    return await section();
  } finally {
    try {
      if (taken.length) await release(db, taken, owner);
    } finally {
      for (const releaseLocal of localReleases.reverse()) releaseLocal();
    }
  }
}
