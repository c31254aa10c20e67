import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type { Collection, Db, Document } from 'mongodb';
import { ensureIndexes, findById, insertManyIgnoringDuplicates, isDuplicateKey } from './access';
import { engineOf } from './engine';
import { ERROR_CODES, isKnownCode } from '../graphql/error-codes';

/**
 * Idempotency keys: a client may send `Idempotency-Key` with any mutation (the gateway makes one up
 * when it does not, and names it whenever the outcome of a mutation is unknown), so that a write can
 * always be retried safely. The subgraph that owns the mutation keeps, in its own database
 * (`idempotency` collection), one record per key and caller:
 *
 * - `_id`: a hash of the caller's identity (token subject, or `anonymous`) and the key, so that two
 *   callers never share a key;
 * - `hash`: a hash of the request (document, operation name, variables): the same key with another
 *   request is refused (CONFLICT naming the key);
 * - `state`: `running` while an attempt is working on it (the record is that attempt's lock: inserting
 *   a unique `_id` is atomic on FerretDB and MongoDB alike; its lease is renewed while it runs), then
 *   `done` with the answer (a repeat returns it without doing the work again), or `applied` when the
 *   change was written but its answer was lost (a repeat is told so, and what to read, and the work is
 *   never done again);
 * - `expiresAt`: keys expire (IDEMPOTENCY_KEY_TTL_S, default 24 h): a TTL index on MongoDB and a
 *   periodic cleanup that works on FerretDB too.
 *
 * Evidence, so that a crash cannot hide an applied change: every audited write made while a keyed
 * mutation runs (lib/db/outbox.ts `writeChange`; the workshops' batched inserts) carries an "applied"
 * marker for the key in the outbox of the change itself — the same single-document write. Flushing the
 * outbox copies the marker into an evidence document here (deterministic `_id`, so copying twice is
 * harmless). When a retry finds the record of an attempt that died (its lease ran out), it looks for
 * that evidence (evidence documents, then outboxes not yet flushed) before deciding: evidence means
 * the change was applied and its answer lost; no evidence means nothing was written, and the work may
 * be done now.
 *
 * A record is kept only when the request wrote something: a refusal leaves the stored data exactly
 * as it was (the record of its attempt is removed), so a repeat of a refused request is decided again.
 */
export const IDEMPOTENCY = 'idempotency';
/** The header a client sends (HTTP headers are case-insensitive; Node gives them in lower case). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** How long the caller waits for this request (ms): the gateway passes the time left on to a subgraph. */
export const TIMEOUT_HEADER = 'x-timeout-ms';

/** Printable ASCII without spaces, at most 200 characters (a UUID, a ULID, base64...). */
const CLIENT_KEY = /^[\x21-\x7e]{1,200}$/;
/** What a subgraph accepts: a client key plus the gateway's `#<n>` for a request's n-th mutation fetch. */
const FORWARDED_KEY = /^[\x21-\x7e]{1,220}$/;

export function validClientKey(value: unknown): value is string {
  return typeof value === 'string' && CLIENT_KEY.test(value);
}

export function validForwardedKey(value: unknown): value is string {
  return typeof value === 'string' && FORWARDED_KEY.test(value);
}

export const DEFAULT_TTL_MS = 24 * 3600_000;
const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_WAIT_MS = 20_000;

// ---- The request scope -----------------------------------------------------------------------------

/** What the subgraph's HTTP layer learnt of a request (lib/subgraph/run.ts), for the whole request. */
export interface RequestScope {
  /** The `Idempotency-Key` the gateway forwarded with this request. */
  key?: string;
  /** The caller's token subject, or `anonymous`. */
  subject?: string;
  /** How long the caller waits for the answer (ms), when it said. */
  timeoutMs?: number;
  /** The attempt of a keyed mutation, while it runs. */
  attempt?: Attempt;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (the handling of one HTTP request) with a fresh scope. */
export function runInRequestScope<T>(fn: () => T): T {
  return scopes.run({}, fn);
}

/** The scope of the request being handled (undefined outside of one, e.g. at start-up). */
export function requestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** The keyed mutation attempt the current code runs for, if it is still running. */
export function currentAttempt(): Attempt | undefined {
  const attempt = scopes.getStore()?.attempt;
  return attempt?.active ? attempt : undefined;
}

/**
 * Runs `fn` on behalf of `attempt` (or of none): for work done together for several requests (a
 * batch), so that each change is marked with the key of the request it is for, and nothing else is.
 */
export function runInAttempt<T>(attempt: Attempt | undefined, fn: () => T): T {
  return scopes.run({ ...(scopes.getStore() ?? {}), attempt }, fn);
}

// ---- Markers and evidence --------------------------------------------------------------------------

/** In the outbox of a change: "this change was made by the keyed request `recordId`". */
export interface AppliedMarker {
  recordId: string;
  /** The changed document, `<collection>:<_id>`. */
  doc: string;
  /** What changed, to name in an answer (audit subjects such as `registration:ws-1:makati`). */
  subjects: string[];
  at: Date;
  expiresAt: Date;
}

/** A marker copied out of an outbox: the change of `doc` by `recordId` was applied. */
interface EvidenceDoc {
  _id: string;
  kind: 'evidence';
  rid: string;
  doc: string;
  subjects: string[];
  at: Date;
  expiresAt: Date;
}

/**
 * The markers a change of `doc` carries for `attempt` (none outside a keyed mutation). Asking counts
 * as applying: from here on the attempt may have written, whatever happens to the write.
 */
export function appliedMarkers(attempt: Attempt | undefined, doc: string, subjects: readonly string[]): AppliedMarker[] {
  if (!attempt?.active) return [];
  const named = subjects.length ? [...new Set(subjects)] : [doc];
  for (const subject of named) attempt.applied.add(subject);
  return [{ recordId: attempt.recordId, doc, subjects: named, at: new Date(), expiresAt: attempt.expiresAt }];
}

/** Copies markers out of an outbox (lib/db/outbox.ts flush): idempotent, by deterministic `_id`. */
export async function recordEvidence(db: Db, markers: readonly AppliedMarker[]): Promise<void> {
  const docs: EvidenceDoc[] = markers.map((m) => ({
    _id: `applied:${m.recordId}:${m.doc}`,
    kind: 'evidence',
    rid: m.recordId,
    doc: m.doc,
    subjects: m.subjects,
    at: m.at,
    expiresAt: m.expiresAt,
  }));
  await insertManyIgnoringDuplicates(db.collection<EvidenceDoc>(IDEMPOTENCY), docs);
}

/** Collections that never carry an outbox, skipped by the search for evidence. */
const NO_OUTBOX = new Set([IDEMPOTENCY, 'locks', 'audit', 'events', 'migrations']);

/**
 * What the attempt `recordId` changed, from the evidence it left: evidence documents, then outboxes not
 * flushed yet (a crash between a write and its flush). Only for a record whose attempt died: this
 * reads every document holding an outbox, which is fine on that rare path only.
 */
export async function findEvidence(db: Db, recordId: string): Promise<string[]> {
  const subjects = new Set<string>();
  const evidence = await db
    .collection<EvidenceDoc>(IDEMPOTENCY)
    .find({ rid: { $eq: recordId } })
    .toArray();
  for (const e of evidence) for (const s of e.subjects) subjects.add(s);
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections) {
    if (NO_OUTBOX.has(name) || name.startsWith('system.')) continue;
    const pending = await db
      .collection(name)
      .find({ outbox: { $exists: true } }, { projection: { outbox: 1 } })
      .toArray();
    for (const doc of pending) {
      const markers = (doc.outbox as { applied?: AppliedMarker[] } | undefined)?.applied ?? [];
      for (const m of markers) if (m.recordId === recordId) for (const s of m.subjects) subjects.add(s);
    }
  }
  return [...subjects].sort();
}

// ---- Records ---------------------------------------------------------------------------------------

/** A request's answer as stored (the GraphQL result, as JSON text: any key is safe in it). */
export interface StoredAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface IdempotencyRecord {
  _id: string;
  kind: 'record';
  key: string;
  subject: string;
  hash: string;
  state: 'running' | 'done' | 'applied';
  owner?: string;
  leaseUntil?: Date;
  /** `done`: the answer as JSON. */
  answer?: string;
  /** `applied`: what was changed. */
  subjects?: string[];
  createdAt: Date;
  completedAt?: Date;
  expiresAt: Date;
}

type IdempotencyDoc = IdempotencyRecord | EvidenceDoc;

export function idempotencyCollection(db: Db): Collection<IdempotencyDoc> {
  return db.collection<IdempotencyDoc>(IDEMPOTENCY);
}

/** The record id of a key: the caller's identity and the key, hashed (a key is the caller's own). */
export function recordIdOf(subject: string, key: string): string {
  return createHash('sha256').update(subject).update('\n').update(key).digest('hex');
}

/** Object keys sorted at every level, so that the same variables always hash the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The hash of a request: its document, operation name and variables. */
export function requestHash(query: string | undefined, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([query ?? '', operationName ?? null, canonical(variables ?? {})]))
    .digest('hex');
}

/** The indexes of `idempotency` (the collection exists from start-up on, empty or not). */
export async function ensureIdempotencyIndexes(db: Db): Promise<void> {
  const collection = idempotencyCollection(db);
  if ((await engineOf(db)) === 'mongodb') {
    // MongoDB removes expired records itself; FerretDB 1.24 has no TTL monitor (see deleteExpired).
    await ensureIndexes(collection as unknown as Collection<Document>, [
      { key: { expiresAt: 1 }, name: 'expires', expireAfterSeconds: 0 },
      { key: { rid: 1 }, name: 'evidence_rid', sparse: true },
    ]);
  } else {
    // Creates the collection, so that it is there (empty) before the first keyed mutation.
    await ensureIndexes(collection as unknown as Collection<Document>, [{ key: { expiresAt: 1 }, name: 'expires' }]);
  }
}

/** Removes expired records and evidence (works on every engine; MongoDB's TTL index does it as well). */
export async function deleteExpired(db: Db, now = new Date()): Promise<number> {
  const result = await idempotencyCollection(db).deleteMany({ expiresAt: { $lt: now } });
  return result.deletedCount;
}

/** Runs `deleteExpired` now and every `intervalMs`; returns the function that stops it. */
export function startExpiryCleanup(db: Db, intervalMs: number, onError: (error: unknown) => void): () => void {
  const run = () => void deleteExpired(db).catch(onError);
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// ---- Attempts --------------------------------------------------------------------------------------

export interface AttemptOptions {
  /** How long a key and its answer are kept (default 24 h). */
  ttlMs?: number;
  /** How long a running attempt's claim lasts without renewal (renewed every third of it). */
  leaseMs?: number;
  /** How long to wait for an earlier attempt with the same key that is still running. */
  waitMs?: number;
}

/** One attempt at a keyed mutation: it holds the key's record while it runs. */
export class Attempt {
  /** Audit subjects (or documents) this attempt wrote, or tried to: a marker went out for each. */
  readonly applied = new Set<string>();
  active = true;
  private renewal?: NodeJS.Timeout;
  /** The record's writes, one after the other (FerretDB replaces whole documents). */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    readonly db: Db,
    readonly recordId: string,
    readonly key: string,
    readonly owner: string,
    readonly expiresAt: Date,
    private readonly leaseMs: number,
  ) {}

  startRenewal(onError: (error: unknown) => void): void {
    this.renewal = setInterval(
      () => {
        this.write(() => idempotencyCollection(this.db).updateOne({ _id: this.recordId }, { $set: { leaseUntil: new Date(Date.now() + this.leaseMs) } })).catch(
          onError,
        );
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    this.renewal.unref();
  }

  write<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.writes.then(operation, operation);
    this.writes = next.catch(() => undefined);
    return next;
  }

  stop(): void {
    this.active = false;
    if (this.renewal) clearInterval(this.renewal);
  }
}

/** What the start of a keyed mutation found. */
export type Begun =
  /** No earlier answer: do the work (under this attempt). */
  | { kind: 'run'; attempt: Attempt }
  /** The same request was answered before: this is its answer. */
  | { kind: 'replay'; answer: StoredAnswer }
  /** The key was used for another request. */
  | { kind: 'conflict' }
  /** The change of an earlier attempt was applied, its answer lost; this is what it changed. */
  | { kind: 'applied'; subjects: string[] }
  /** An earlier attempt is still running after waiting `waitMs`. */
  | { kind: 'busy' };

/**
 * In-process: attempts running here, so that a repeat arriving at the same process waits for its end
 * without asking the database anything (a burst of retries adds no load) and wakes as soon as it ends.
 */
const runningHere = new Map<string, { attempt: Attempt; hash: string; done: Promise<void>; resolve: () => void }>();

function ownRecord(recordId: string, key: string, subject: string, hash: string, owner: string, leaseMs: number, ttlMs: number): IdempotencyRecord {
  const now = Date.now();
  return {
    _id: recordId,
    kind: 'record',
    key,
    subject,
    hash,
    state: 'running',
    owner,
    leaseUntil: new Date(now + leaseMs),
    createdAt: new Date(now),
    expiresAt: new Date(now + ttlMs),
  };
}

/**
 * Starts a keyed mutation: claims the key's record (an atomic insert), or finds what an earlier
 * attempt left: its answer, a conflict, an applied change whose answer was lost, or an attempt still
 * running (waited for, up to `waitMs`). An attempt whose lease ran out died: its record is taken
 * over, after looking for evidence of what it wrote.
 */
export async function beginAttempt(
  db: Db,
  request: { key: string; subject: string; hash: string },
  options: AttemptOptions & { onError?: (error: unknown) => void } = {},
): Promise<Begun> {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  const recordId = recordIdOf(request.subject, request.key);
  const records = idempotencyCollection(db);
  let backoff = 5;
  for (;;) {
    const local = runningHere.get(`${db.databaseName}/${recordId}`);
    // (An attempt stopped without settling — it cannot be, short of a bug — is left to its lease.)
    if (local?.attempt.active) {
      if (local.hash !== request.hash) return { kind: 'conflict' };
      if (Date.now() >= deadline) return { kind: 'busy' };
      await waitFor(local.done, Math.min(1000, deadline - Date.now()));
      continue;
    }
    const owner = randomUUID();
    const claim = ownRecord(recordId, request.key, request.subject, request.hash, owner, leaseMs, ttlMs);
    try {
      await records.insertOne(claim);
      return { kind: 'run', attempt: startAttempt(db, claim, leaseMs, options.onError) };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const found = (await findById(records, recordId)) as IdempotencyRecord | null;
    if (!found) continue;
    const now = Date.now();
    if (found.expiresAt.getTime() <= now) {
      // Expired but not cleaned up yet: as if it were not there.
      await records.deleteOne({ _id: recordId, expiresAt: { $eq: found.expiresAt } } as never);
      continue;
    }
    if (found.hash !== request.hash) return { kind: 'conflict' };
    if (found.state === 'done') return { kind: 'replay', answer: JSON.parse(found.answer ?? '{}') as StoredAnswer };
    if (found.state === 'applied') return { kind: 'applied', subjects: found.subjects ?? [] };
    if ((found.leaseUntil?.getTime() ?? 0) < now) {
      // The attempt died (its lease ran out): take its record over, then look for what it wrote.
      await records.deleteOne({ _id: recordId, owner: { $eq: found.owner } } as never);
      try {
        await records.insertOne(claim);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue; // another retry took it over first: wait for that one
      }
      const attempt = startAttempt(db, claim, leaseMs, options.onError);
      const subjects = await findEvidence(db, recordId);
      if (subjects.length === 0) return { kind: 'run', attempt };
      await finishApplied(attempt, subjects);
      return { kind: 'applied', subjects };
    }
    if (Date.now() >= deadline) return { kind: 'busy' };
    // Running in another process (another replica): polled with back-off.
    await waitFor(undefined, Math.min(backoff, deadline - Date.now()));
    backoff = Math.min(backoff * 2, 200);
  }
}

async function waitFor(event: Promise<void> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([event, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  clearTimeout(timer);
}

function startAttempt(db: Db, record: IdempotencyRecord, leaseMs: number, onError: (error: unknown) => void = () => undefined): Attempt {
  const attempt = new Attempt(db, record._id, record.key, record.owner!, record.expiresAt, leaseMs);
  attempt.startRenewal(onError);
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  runningHere.set(`${db.databaseName}/${record._id}`, { attempt, hash: record.hash, done, resolve });
  return attempt;
}

/** The attempt's last write of its record; then retries waiting in this process are woken. */
async function settle(attempt: Attempt, write: () => Promise<unknown>): Promise<void> {
  attempt.stop();
  try {
    await attempt.write(write);
  } finally {
    const name = `${attempt.db.databaseName}/${attempt.recordId}`;
    const local = runningHere.get(name);
    if (local) {
      runningHere.delete(name);
      local.resolve();
    }
  }
}

function finishApplied(attempt: Attempt, subjects: string[]): Promise<void> {
  return settle(attempt, () =>
    idempotencyCollection(attempt.db).updateOne(
      { _id: attempt.recordId },
      { $set: { state: 'applied', subjects, completedAt: new Date() }, $unset: { owner: '', leaseUntil: '' } },
    ),
  );
}

/** Whether an answer is final: no error, or only the caller's own (not a passing condition). */
export function isFinalAnswer(answer: StoredAnswer): boolean {
  return (answer.errors ?? []).every((e) => {
    const code = e.extensions?.code;
    return isKnownCode(code) && ERROR_CODES[code].kind === 'client' && e.extensions?.retryable !== true;
  });
}

/**
 * Ends an attempt with its answer: nothing written, nothing kept (the record goes); written with a
 * final answer, the answer is kept for repeats; written but failed on the way (a database failure
 * after the change, an internal error), the record says the change was applied and names it.
 */
export async function finishAttempt(attempt: Attempt, answer: StoredAnswer): Promise<void> {
  if (!attempt.active) return;
  const records = idempotencyCollection(attempt.db);
  if (attempt.applied.size === 0) return settle(attempt, () => records.deleteOne({ _id: attempt.recordId }));
  if (!isFinalAnswer(answer)) return finishApplied(attempt, [...attempt.applied].sort());
  const stored = JSON.stringify({ data: answer.data ?? null, ...(answer.errors?.length ? { errors: answer.errors } : {}) });
  await settle(attempt, () =>
    records.updateOne({ _id: attempt.recordId }, { $set: { state: 'done', answer: stored, completedAt: new Date() }, $unset: { owner: '', leaseUntil: '' } }),
  );
}
