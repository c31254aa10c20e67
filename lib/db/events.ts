import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Collection, Db } from 'mongodb';
import type { Logger } from 'pino';
import { send } from '../http/respond';
import type { Route } from '../http/listener';
import { sign, signatureProblem } from '../subgraph/signature';
import { ensureIndexes, findById, findByIds, insertManyIgnoringDuplicates } from './access';
import { withLocks } from './locks';
import { EVENTS, setEventAppender, type EventDoc } from './outbox';

/**
 * Domain events between subgraphs (issue 11), without transactions or change streams (FerretDB has
 * neither), delivered at least once and applied idempotently.
 *
 * Producing: a change another domain must learn of puts its events in the outbox of its one audited
 * write (lib/db/outbox.ts). Carrying out the outbox appends them here, to the producer's own `events`
 * collection, each numbered with `seq` under the stream's lock: the number is taken and the event
 * inserted before the lock passes on, so an event with a higher `seq` is never visible before one with
 * a lower `seq` (a reader that has seen `seq` n has seen everything up to n, and never skips a late
 * commit). An event's `_id` is deterministic (`<type>:<entity>:v<version>`): appended twice, it is one
 * event with one `seq`.
 *
 * Serving: every subgraph's HTTP server answers `GET /events?after=<seq>&limit=<n>&wait=<ms>` with the
 * events after `seq` in order (long-polling up to `wait` ms when there are none yet), protected like
 * its GraphQL endpoint (signed with SUBGRAPH_SIGNING_SECRET when that is set).
 *
 * Consuming: an `EventConsumer` polls one producer's feed, applies each event with its handler in the
 * consumer's own database, and records its position there after each event. A consumer killed between
 * applying an event and recording it gets that event again: handlers are idempotent (they compare
 * versions or states), so nothing is lost and nothing takes effect twice.
 */
export { EVENTS } from './outbox';
export type { EventDoc } from './outbox';

/** The stream's own bookkeeping: `{ _id: 'stream', streamId, last, committed }`. */
export const EVENTS_META = 'events_meta';
/** The stream in `seq` order: a copy of each event under `_id` = its `seq`, zero-padded (read by `_id`). */
export const EVENTS_BY_SEQ = 'events_by_seq';
/** A consumer's position in each producer's stream: `{ _id: <producer>, seq, streamId }`. */
export const EVENT_POSITIONS = 'event_positions';

const APPEND_LOCK = 'events:append';

interface StreamMeta {
  _id: string;
  /** Random, made when the stream starts: a consumer that sees another one starts again from 0. */
  streamId: string;
  /** The highest `seq` handed out. */
  last: number;
  /**
   * Every `seq` up to this one is stored (or is a gap a crashed append left, which stays empty):
   * readers never look past it, so an append in progress is never half seen.
   */
  committed?: number;
}

/** An event in `seq` order (`_id` = `seqKey(seq)`); `eventId` is its `_id` in `events`. */
interface SeqDoc {
  _id: string;
  seq: number;
  eventId: string;
  type: string;
  at: Date;
  payload: Record<string, unknown>;
}

const seqKey = (seq: number): string => String(seq).padStart(15, '0');

interface PositionDoc {
  _id: string;
  seq: number;
  streamId: string | null;
  updatedAt: Date;
}

/** An event as a consumer receives it. */
export interface DeliveredEvent {
  _id: string;
  type: string;
  at: Date;
  payload: Record<string, unknown>;
  seq: number;
}

export function eventsCollection(db: Db): Collection<EventDoc> {
  return db.collection<EventDoc>(EVENTS);
}

function metaCollection(db: Db): Collection<StreamMeta> {
  return db.collection<StreamMeta>(EVENTS_META);
}

function bySeqCollection(db: Db): Collection<SeqDoc> {
  return db.collection<SeqDoc>(EVENTS_BY_SEQ);
}

export function positionsCollection(db: Db): Collection<PositionDoc> {
  return db.collection<PositionDoc>(EVENT_POSITIONS);
}

/** The index of `events` by `seq` (created at start-up by every subgraph). */
export async function ensureEventIndexes(db: Db): Promise<void> {
  await ensureIndexes(eventsCollection(db), [{ key: { seq: 1 }, name: 'seq' }]);
}

/**
 * Brings a stream written by an earlier version up to date (at start-up; one lookup when it is):
 * numbered events without their `events_by_seq` copy get it, and the committed mark is set.
 */
export async function ensureEventStream(db: Db): Promise<void> {
  const meta = await findById(metaCollection(db), 'stream');
  if (meta && meta.committed !== undefined) return;
  await withLocks(db, [APPEND_LOCK], async () => {
    const current = await findById(metaCollection(db), 'stream');
    if (current && current.committed !== undefined) return;
    const numbered = await eventsCollection(db)
      .find({ seq: { $exists: true } })
      .toArray();
    if (!current && numbered.length === 0) return;
    await insertManyIgnoringDuplicates(
      bySeqCollection(db),
      numbered.map((e) => ({ _id: seqKey(e.seq!), seq: e.seq!, eventId: e._id, type: e.type, at: e.at, payload: e.payload })),
    );
    const last = Math.max(current?.last ?? 0, ...numbered.map((e) => e.seq!));
    await metaCollection(db).updateOne(
      { _id: 'stream' },
      { $set: { last, committed: last }, $setOnInsert: { streamId: current?.streamId ?? randomUUID() } },
      { upsert: true },
    );
  });
}

// ---- Appending ---------------------------------------------------------------------------------------

/** Callbacks of feed requests waiting for events of a database (by name), woken by appends here. */
const waiting = new Map<string, Set<() => void>>();

function wake(databaseName: string): void {
  const set = waiting.get(databaseName);
  if (!set) return;
  waiting.delete(databaseName);
  for (const resolve of set) resolve();
}

/** Resolves when an event is appended to this database in this process, or after `ms`. */
function appendedOrAfter(databaseName: string, ms: number): { promise: Promise<void>; cancel(): void } {
  let set = waiting.get(databaseName);
  if (!set) waiting.set(databaseName, (set = new Set()));
  let done!: () => void;
  const promise = new Promise<void>((resolve) => (done = resolve));
  const timer = setTimeout(() => finish(), ms);
  timer.unref();
  const finish = () => {
    clearTimeout(timer);
    waiting.get(databaseName)?.delete(done);
    done();
  };
  set.add(done);
  return { promise, cancel: finish };
}

/** The stream's bookkeeping (under the append lock), created on first use. */
async function streamMeta(db: Db): Promise<StreamMeta & { committed: number }> {
  const meta = await findById(metaCollection(db), 'stream');
  if (meta) return { ...meta, committed: meta.committed ?? meta.last };
  const created = { _id: 'stream', streamId: randomUUID(), last: 0, committed: 0 };
  await metaCollection(db).insertOne(created);
  return created;
}

/**
 * Appends events to this database's stream, numbering the new ones in order (events already in the
 * stream, by `_id`, are skipped). Under the stream's lock: the numbers are taken, each event stored
 * (first in `seq` order, then by its `_id`), one after the other, and only then are they committed
 * (readers look no further than the committed mark). A crash half-way leaves numbers that stay empty
 * (gaps) and events the next carrying-out of the outbox appends again, numbered anew: delivered at
 * least once, never half.
 */
export async function appendToStream(db: Db, events: readonly EventDoc[]): Promise<void> {
  if (events.length === 0) return;
  await withLocks(db, [APPEND_LOCK], async () => {
    const stored = await findByIds(
      eventsCollection(db),
      events.map((e) => e._id),
      { projection: { _id: 1 } },
    );
    const seen = new Set(stored.map((e) => e._id));
    const fresh: EventDoc[] = [];
    for (const event of events) {
      if (seen.has(event._id)) continue;
      seen.add(event._id);
      fresh.push(event);
    }
    if (fresh.length === 0) return;
    const meta = await streamMeta(db);
    // The numbers are taken first: a crash before the inserts leaves a gap, never a number used twice.
    const last = meta.last + fresh.length;
    await metaCollection(db).updateOne({ _id: 'stream' }, { $set: { last } });
    let seq = meta.last;
    for (const event of fresh) {
      seq++;
      await insertManyIgnoringDuplicates(bySeqCollection(db), [
        { _id: seqKey(seq), seq, eventId: event._id, type: event.type, at: event.at, payload: event.payload },
      ]);
      await insertManyIgnoringDuplicates(eventsCollection(db), [{ ...event, seq }]);
    }
    await metaCollection(db).updateOne({ _id: 'stream' }, { $set: { committed: last } });
  });
  wake(db.databaseName);
}

/** Makes the stream number every event appended from an outbox (lib/db/outbox.ts). Idempotent. */
export function installEventStream(): void {
  setEventAppender(appendToStream);
}
installEventStream();

/**
 * The committed events after `after`, in stream order (at most `limit`), looked up by their `seq` keys
 * (what FerretDB serves from its primary key, whatever the length of the stream), and `through`: the
 * last `seq` this answer covers (every one up to it is in `events` or is a gap that stays empty).
 */
export async function readStream(db: Db, after: number, limit: number, committed?: number): Promise<{ events: EventDoc[]; through: number }> {
  const upTo = Math.min(after + Math.max(0, limit), committed ?? (await streamHead(db)).last);
  if (upTo <= after) return { events: [], through: after };
  const keys = Array.from({ length: upTo - after }, (_, i) => seqKey(after + 1 + i));
  const docs = await findByIds(bySeqCollection(db), keys);
  const events = docs.sort((a, b) => a.seq - b.seq).map((d) => ({ _id: d.eventId, type: d.type, at: d.at, payload: d.payload, seq: d.seq }));
  return { events, through: upTo };
}

/** The stream's id and its committed head (0 when none): every event up to `last` can be read. */
export async function streamHead(db: Db): Promise<{ streamId: string | null; last: number }> {
  const meta = await findById(metaCollection(db), 'stream');
  return { streamId: meta?.streamId ?? null, last: meta?.committed ?? meta?.last ?? 0 };
}

// ---- Serving -----------------------------------------------------------------------------------------

export const FEED_PATH = '/events';
const MAX_FEED_LIMIT = 500;
const MAX_FEED_WAIT_MS = 25_000;
/** How often a waiting feed request looks again (events appended by another process wake nobody here). */
const RECHECK_MS = 500;

export interface EventFeedOptions {
  db: Db;
  /** When set, only requests signed with it (lib/subgraph/signature.ts) are served (403 otherwise). */
  signingSecret?: string;
}

export interface EventFeed {
  route: Route;
  /**
   * Answers every waiting request at once (the server is closing) and every later one without waiting;
   * resolves when no request is being answered any more (none reads the database after that).
   */
  close(): Promise<void>;
}

/** A query parameter that must be an integer in [min, max]; a message naming it when it is not. */
function intParam(url: URL, name: string, fallback: number, min: number, max: number): number | string {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    return `"${name}" must be an integer from ${min} to ${max}, got ${JSON.stringify(raw.slice(0, 32))}`;
  return Number(raw);
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): true {
  send(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });
  return true;
}

/**
 * `GET /events?after=<seq>&limit=<n>&wait=<ms>`: `{ streamId, last, through, events }`, the events
 * after `seq` in order up to `through` (the answer covers every number up to it), `last` the committed
 * head; when there is nothing after `seq` yet, the answer waits up to `wait` ms for it.
 */
export function createEventFeed(options: EventFeedOptions): EventFeed {
  const { db, signingSecret } = options;
  let closing = false;
  const pending = new Set<() => void>();
  let answering = 0;
  const idle: (() => void)[] = [];
  const route: Route = async (req, res, url) => {
    if (url.pathname !== FEED_PATH) return false;
    answering++;
    try {
      return await answer(req, res, url);
    } finally {
      if (--answering === 0) for (const resolve of idle.splice(0)) resolve();
    }
  };
  const answer: Route = async (req, res, url) => {
    if (req.method !== 'GET') {
      send(res, 405, { errors: [{ message: 'The event feed answers GET only.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] }, undefined, { allow: 'GET' });
      return true;
    }
    // Answered here, not thrown: the feed is plain HTTP, its refusals keep their status whatever the Accept header.
    if (signingSecret) {
      const problem = signatureProblem(signingSecret, req.headers, 'GET', url.pathname + url.search, '');
      if (problem) return refuse(res, 403, 'FORBIDDEN', `Only the subgraphs may read the event feed: ${problem}.`);
    }
    const after = intParam(url, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(url, 'limit', 100, 1, MAX_FEED_LIMIT);
    const wait = intParam(url, 'wait', 0, 0, MAX_FEED_WAIT_MS);
    for (const [name, value] of [
      ['after', after],
      ['limit', limit],
      ['wait', wait],
    ] as const) {
      if (typeof value === 'string') return refuse(res, 400, 'BAD_USER_INPUT', value, { field: name });
    }
    if (typeof after !== 'number' || typeof limit !== 'number' || typeof wait !== 'number') return true;
    const deadline = Date.now() + wait;
    // A poller that went away (a consumer stopping) is not waited for, and nothing more is read for it:
    // its database may be closing too.
    let gone = false;
    let cancelWait: (() => void) | undefined;
    const onClose = () => {
      gone = true;
      cancelWait?.();
    };
    res.once('close', onClose);
    try {
      for (;;) {
        if (gone) return true;
        // The committed head first (one lookup): only past it are events read (gaps are passed over).
        const head = await streamHead(db);
        const { events, through } = head.last > after ? await readStream(db, after, limit, head.last) : { events: [], through: after };
        const left = deadline - Date.now();
        // Something to say (events, or numbers left empty that the position may pass), or time is up.
        if (through > after || left <= 0 || closing || gone) {
          if (!gone) send(res, 200, { streamId: head.streamId, last: head.last, through, events: events.map(feedEntry) });
          return true;
        }
        const waiter = appendedOrAfter(db.databaseName, Math.min(left, RECHECK_MS));
        pending.add(waiter.cancel);
        cancelWait = waiter.cancel;
        await waiter.promise;
        cancelWait = undefined;
        pending.delete(waiter.cancel);
      }
    } finally {
      res.off('close', onClose);
    }
  };
  return {
    route,
    close() {
      closing = true;
      for (const cancel of pending) cancel();
      pending.clear();
      return answering === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

function feedEntry(event: EventDoc) {
  return { _id: event._id, type: event.type, at: event.at.toISOString(), payload: event.payload, seq: event.seq };
}

// ---- Consuming ---------------------------------------------------------------------------------------

export type EventHandler = (event: DeliveredEvent) => Promise<void>;

export interface EventConsumerOptions {
  /** The consuming subgraph (for logs). */
  consumer: string;
  /** The producing subgraph: the name the position is kept under. */
  producer: string;
  /** The consumer's own database (positions, and whatever the handlers write). */
  db: Db;
  /** The producer's feed (`…/events`); resolved on every poll (undefined: not known yet, try later). */
  url: () => string | undefined;
  /** A handler per event type; events of other types are passed over. */
  handlers: Record<string, EventHandler>;
  /** Signs each feed request (SUBGRAPH_SIGNING_SECRET), when the producer requires it. */
  signingSecret?: string;
  /** How long one poll waits for new events at the producer (ms). */
  waitMs?: number;
  /** Events per poll. */
  batch?: number;
  logger?: Logger;
  /** Called after an event is applied and before its position is recorded (tests simulate a crash there). */
  afterApply?: (event: DeliveredEvent) => Promise<void> | void;
}

interface FeedAnswer {
  streamId: string | null;
  last: number;
  /** Every number up to this one is covered by `events` (the others are gaps): the position may move to it. */
  through?: number;
  events: { _id: string; type: string; at: string; payload: Record<string, unknown>; seq: number }[];
}

/** Waits `ms` (or until `signal` aborts); leaves no listener on the signal behind. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Polls one producer's feed and applies its events in order, at least once, keeping its position in
 * the consumer's database. Applying is serialised by a lock in that database (`events-consumer:<producer>`),
 * so replicas of the consumer, and a `catchUp` beside the polling loop, never apply the same events at
 * the same time; the position is read again under the lock, so nothing is applied twice in a row.
 */
export class EventConsumer {
  private running = false;
  private loop: Promise<void> | null = null;
  private abort = new AbortController();
  private failures = 0;
  /** The last error of a poll or a handler (cleared by the next success), for diagnostics. */
  lastError: Error | null = null;

  constructor(private readonly options: EventConsumerOptions) {}

  get producer(): string {
    return this.options.producer;
  }

  get consumer(): string {
    return this.options.consumer;
  }

  /** Starts polling (in the background). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  /** Stops polling; resolves when the loop has ended (an event being applied is finished first). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort.abort();
    await this.loop;
    this.loop = null;
  }

  get started(): boolean {
    return this.running;
  }

  /** The `seq` of the last event applied (0: none yet). */
  async position(): Promise<number> {
    return (await findById(positionsCollection(this.options.db), this.options.producer))?.seq ?? 0;
  }

  /**
   * Fetches and applies until the producer has nothing more, without waiting for new events; returns
   * the position reached. Throws when the producer cannot be reached.
   */
  async catchUp(): Promise<number> {
    for (;;) {
      const answer = await this.fetchBatch(0, undefined);
      if (!answer) throw new Error(`The ${this.options.producer} event feed is not configured.`);
      await this.apply(answer);
      const position = await this.position();
      if (position >= answer.last || (answer.events.length === 0 && (answer.through ?? answer.after) <= answer.after)) return position;
    }
  }

  private async run(): Promise<void> {
    const log = this.options.logger;
    while (this.running) {
      try {
        const answer = await this.fetchBatch(this.options.waitMs ?? 20_000, this.abort.signal);
        if (!this.running) break;
        if (!answer) {
          // The producer's address is not known yet (it starts after this subgraph).
          await sleep(100, this.abort.signal);
          continue;
        }
        await this.apply(answer);
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        if (!this.running) break;
        this.failures++;
        this.lastError = error as Error;
        const delay = Math.min(5_000, 50 * 2 ** Math.min(this.failures, 7));
        // A producer that is restarting is expected; a handler that keeps failing is not.
        if (this.failures === 5 || this.failures % 50 === 0)
          log?.warn({ producer: this.options.producer, err: error, failures: this.failures }, 'event delivery keeps failing; retrying');
        else log?.debug({ producer: this.options.producer, err: error }, 'event delivery failed; retrying');
        await sleep(delay, this.abort.signal);
      }
    }
  }

  /** One poll of the feed after the stored position (null when the feed's address is not known). */
  private async fetchBatch(waitMs: number, signal: AbortSignal | undefined): Promise<(FeedAnswer & { after: number }) | null> {
    const base = this.options.url();
    if (!base) return null;
    const after = await this.position();
    const url = new URL(base);
    url.searchParams.set('after', String(after));
    url.searchParams.set('limit', String(this.options.batch ?? 100));
    url.searchParams.set('wait', String(waitMs));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.signingSecret) Object.assign(headers, sign(this.options.signingSecret, 'GET', url.pathname + url.search, ''));
    // Aborted by `stop()` or when the producer does not answer in time; no listener left on `signal` after.
    const controller = new AbortController();
    const abort = () => controller.abort();
    const timer = setTimeout(abort, waitMs + 10_000);
    timer.unref();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const response = await fetch(url, { headers, signal: controller.signal });
      if (!response.ok) throw new Error(`The ${this.options.producer} event feed answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      return { ...((await response.json()) as FeedAnswer), after };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  /** Applies the events of one answer that are still after the stored position; returns how many. */
  private async apply(answer: FeedAnswer & { after: number }): Promise<number> {
    const { db, producer } = this.options;
    return withLocks(db, [`events-consumer:${producer}`], async () => {
      const positions = positionsCollection(db);
      const stored = await findById(positions, producer);
      // The producer's stream was started again (e.g. its database was replaced): start from its beginning.
      if (stored?.streamId && answer.streamId && stored.streamId !== answer.streamId) {
        this.options.logger?.warn({ producer, was: stored.streamId, now: answer.streamId }, 'the producer has a new event stream: reading it from the start');
        await positions.updateOne({ _id: producer }, { $set: { seq: 0, streamId: answer.streamId, updatedAt: new Date() } });
        return 0;
      }
      let position = stored?.seq ?? 0;
      // Another poll applied these meanwhile (replica, catchUp): fetch again from the stored position.
      if (position !== answer.after) return 0;
      let applied = 0;
      for (const entry of answer.events) {
        if (entry.seq <= position) continue;
        const event: DeliveredEvent = { _id: entry._id, type: entry.type, at: new Date(entry.at), payload: entry.payload, seq: entry.seq };
        const handler = this.options.handlers[event.type];
        if (handler) await handler(event);
        await this.options.afterApply?.(event);
        await positions.updateOne({ _id: producer }, { $set: { seq: event.seq, streamId: answer.streamId, updatedAt: new Date() } }, { upsert: true });
        position = event.seq;
        applied++;
      }
      // Numbers after the last event that stay empty (a crashed append's gap) are passed over.
      if (answer.through !== undefined && answer.through > position) {
        await positions.updateOne({ _id: producer }, { $set: { seq: answer.through, streamId: answer.streamId, updatedAt: new Date() } }, { upsert: true });
      }
      return applied;
    });
  }
}
