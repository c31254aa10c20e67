/**
 * The event stream between subgraphs (lib/db/events.ts), on the real test database (FerretDB, or
 * MongoDB when MONGODB_URI names one) and real HTTP:
 * - producing: events from the outbox of audited writes, numbered in commit order under concurrency,
 *   an event appended twice is one event;
 * - serving: the feed after a position, long-polling for late commits, signed like the rest;
 * - consuming: in order, at least once, idempotent; a consumer process killed mid-stream (right after
 *   applying an event, before recording it, and at a random moment) resumes with nothing lost and
 *   nothing applied twice; a producer restarted meanwhile is waited for.
 */
import type { Db } from 'mongodb';
import { join } from 'node:path';
import { DATABASE_NAMES } from '../lib/config';
import {
  appendToStream,
  createEventFeed,
  ensureEventStream,
  EventConsumer,
  EVENTS_META,
  eventsCollection,
  readStream,
  streamHead,
  type DeliveredEvent,
} from '../lib/db/events';
import { changeDocument, type EventDoc, type VersionedDoc } from '../lib/db/outbox';
import { createListener } from '../lib/http/listener';
import { listen, type RunningHttpServer } from '../lib/http/server';
import { sign } from '../lib/subgraph/signature';
import { openTestMongo, type TestMongo } from './support/mongo';
import { until } from './support/poll';
import { startProcess, type Proc } from './support/processes';

jest.setTimeout(180_000);

let mongo: TestMongo;
let producer: Db;
let consumerDb: Db;
let feed: ReturnType<typeof createEventFeed>;
let server: RunningHttpServer;
let port = 0;
const SECRET = 'a-test-signing-secret-of-at-least-32-characters';

/** The producer's feed on a real HTTP server (restartable on the same port). */
async function serveFeed(): Promise<void> {
  feed = createEventFeed({ db: producer, signingSecret: SECRET });
  server = await listen(createListener({ routes: [feed.route] }), port);
  port = server.port;
}
async function stopFeed(): Promise<void> {
  feed.close();
  await server.close(0);
  server.httpServer.closeAllConnections();
}
const feedUrl = () => `http://127.0.0.1:${port}/events`;

interface Counter extends VersionedDoc {
  n: number;
}

/** One audited write of counter `id` whose outbox carries `events` events of type test.counted (n = 1, 2, …). */
async function write(id: string, events: number, first: number): Promise<void> {
  await changeDocument<Counter>({
    collection: producer.collection<Counter>('counters'),
    id,
    actor: { sub: 'test', roles: [] },
    at: new Date(),
    conflict: 'raced',
    change(current) {
      const version = (current?.version ?? 0) + 1;
      const out: EventDoc[] = Array.from({ length: events }, (_, i) => ({
        _id: `test.counted:${id}:v${version}:${i}`,
        type: 'test.counted',
        at: new Date(),
        payload: { n: first + i, doc: id, version },
      }));
      return { next: { _id: id, n: (current?.n ?? 0) + 1 }, audit: [], scope: { cityId: null }, events: out };
    },
  });
}

beforeAll(async () => {
  mongo = await openTestMongo();
  producer = mongo.client.db(`${mongo.prefix}producer_${DATABASE_NAMES.indicators}`);
  consumerDb = mongo.client.db(`${mongo.prefix}consumer_${DATABASE_NAMES.certification}`);
  await serveFeed();
});
afterAll(async () => {
  await stopFeed();
  await mongo?.cleanup();
});

describe('producing', () => {
  test('events of concurrent audited writes are numbered 1, 2, 3, … in commit order, each write in its order', async () => {
    // 10 documents written 4 times each, all at once: 40 writes of 2 events.
    const jobs = Array.from({ length: 10 }, (_, d) => async () => {
      for (let v = 0; v < 4; v++) await write(`doc-${d}`, 2, 0);
    });
    await Promise.all(jobs.map((job) => job()));
    const events = await eventsCollection(producer).find({}).sort({ seq: 1 }).toArray();
    expect(events).toHaveLength(80);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // Within a document, versions in order (a later write's events never precede an earlier write's).
    for (let d = 0; d < 10; d++) {
      const versions = events.filter((e) => e.payload.doc === `doc-${d}`).map((e) => e.payload.version);
      expect(versions).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    }
    expect(await streamHead(producer)).toMatchObject({ last: 80, streamId: expect.any(String) });
    // Appended again (an outbox carried out twice): nothing new, no number used twice.
    await appendToStream(
      producer,
      events.slice(0, 5).map(({ seq: _seq, ...e }) => e),
    );
    expect(await eventsCollection(producer).countDocuments({})).toBe(80);
    expect((await streamHead(producer)).last).toBe(80);
  });
});

test('a stream written by the previous version (events numbered in place, no seq copies, no committed mark) is brought up to date at start-up', async () => {
  const old = mongo.client.db(`${mongo.prefix}oldstream_${DATABASE_NAMES.membership}`);
  const at = new Date('2026-11-30T00:00:00Z');
  await old.collection('events').insertMany([1, 2, 3].map((seq) => ({ _id: `old.event:${seq}`, type: 'old.event', at, payload: { seq }, seq })) as any[]);
  await old.collection(EVENTS_META).insertOne({ _id: 'stream', streamId: 'old-stream', last: 3 } as any);
  expect((await readStream(old, 0, 10)).events).toEqual([]);
  await ensureEventStream(old);
  await ensureEventStream(old);
  expect(await streamHead(old)).toEqual({ streamId: 'old-stream', last: 3 });
  expect((await readStream(old, 1, 10)).events.map((e) => [e._id, e.seq])).toEqual([
    ['old.event:2', 2],
    ['old.event:3', 3],
  ]);
  // And it goes on from there.
  await appendToStream(old, [{ _id: 'old.event:4', type: 'old.event', at, payload: {} }]);
  expect((await readStream(old, 3, 10)).events.map((e) => e.seq)).toEqual([4]);
});

/** A GET of the feed, signed unless `unsigned`. */
async function get(query: string, unsigned = false): Promise<{ status: number; body: any }> {
  const url = new URL(feedUrl() + query);
  const headers = unsigned ? {} : sign(SECRET, 'GET', url.pathname + url.search, '');
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.json() };
}

describe('serving', () => {
  test('the events after a position, in order, at most `limit`; refused unsigned or with bad parameters', async () => {
    const page = await get('?after=10&limit=5');
    expect(page.status).toBe(200);
    expect(page.body.events.map((e: any) => e.seq)).toEqual([11, 12, 13, 14, 15]);
    expect(page.body).toMatchObject({ last: 80, streamId: (await streamHead(producer)).streamId });
    expect(page.body.events[0]).toEqual({ _id: expect.any(String), type: 'test.counted', at: expect.any(String), payload: expect.any(Object), seq: 11 });
    expect((await get('?after=80')).body.events).toEqual([]);
    const unsigned = await get('?after=0', true);
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.errors[0].extensions.code).toBe('FORBIDDEN');
    for (const bad of ['?after=-1', '?limit=0', '?limit=501', '?wait=99999', '?after=x']) {
      const r = await get(bad);
      expect([bad, r.status, r.body.errors[0].extensions.code]).toEqual([bad, 400, 'BAD_USER_INPUT']);
    }
  });

  test('a request with nothing new waits for the next commit (long poll), and answers it at once', async () => {
    const started = Date.now();
    const waiting = get('?after=80&wait=20000');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await write('late', 1, 7);
    const answer = await waiting;
    expect(answer.body.events.map((e: any) => [e.seq, e.payload.n])).toEqual([[81, 7]]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('consuming', () => {
  test('in order, once each, keeping the position in its own database; resumes after a restart of either side', async () => {
    const seen: DeliveredEvent[] = [];
    const make = () =>
      new EventConsumer({
        consumer: 'test',
        producer: 'in-process',
        db: consumerDb,
        url: feedUrl,
        signingSecret: SECRET,
        waitMs: 1_000,
        batch: 30,
        handlers: { 'test.counted': async (e) => void seen.push(e) },
      });
    let consumer = make();
    consumer.start();
    const reached = (seq: number) =>
      until(`the consumer's position to reach ${seq}`, () => consumer.position(), { accept: (position) => position >= seq, timeoutMs: 30_000 });
    await reached(81);
    expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    expect(seen[0].at).toBeInstanceOf(Date);

    // The producer goes away; events committed meanwhile arrive once it is back.
    await stopFeed();
    await write('while-down', 3, 100);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await consumer.position()).toBe(81);
    await serveFeed();
    await reached(84);

    // The consumer restarts: it goes on from its stored position.
    await consumer.stop();
    await write('while-stopped', 2, 200);
    consumer = make();
    consumer.start();
    await reached(86);
    await consumer.stop();
    expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 86 }, (_, i) => i + 1));
    // catchUp: a stopped consumer brought up to date on demand (what the stack's settleEvents does).
    await write('caught-up', 1, 300);
    expect(await consumer.catchUp()).toBe(87);
  });

  test('numbers a crashed append took but never filled are passed over; a half-done append is never seen', async () => {
    const consumer = new EventConsumer({ consumer: 'test', producer: 'gaps', db: consumerDb, url: feedUrl, signingSecret: SECRET, handlers: {} });
    const start = await consumer.catchUp();
    const { last } = await streamHead(producer);
    expect(start).toBe(last);
    // An append that took 3 numbers and died before storing its events (and before committing them).
    await producer.collection(EVENTS_META).updateOne({ _id: 'stream' as any }, { $inc: { last: 3 } });
    expect((await get(`?after=${last}`)).body).toMatchObject({ last, through: last, events: [] });
    // The next append numbers after the gap and commits it: readers pass over the empty numbers.
    await write('after-gap', 1, 9);
    const page = (await get(`?after=${last}`)).body;
    expect(page.events.map((e: any) => e.seq)).toEqual([last + 4]);
    expect(page.through).toBe(last + 4);
    expect(await consumer.catchUp()).toBe(last + 4);
  });

  test('a consumer process killed mid-stream resumes: nothing lost, nothing applied twice', async () => {
    const first = 1000;
    const total = 100;
    // 50 writes of 2 events: n = 1000 … 1099 (seq 88 … 187).
    for (let i = 0; i < total / 2; i++) await write(`stream-${i}`, 2, first + 2 * i);
    const expectedSum = Array.from({ length: total }, (_, i) => first + i).reduce((a, b) => a + b, 0);
    const lastSeq = (await streamHead(producer)).last;
    const dbName = `${mongo.prefix}killed_${DATABASE_NAMES.certification}`;
    const db = mongo.client.db(dbName);
    // Only the test.counted events from seq 1 (the earlier 87 count too).
    const all = (await readStream(producer, 0, 1000)).events.filter((e) => e.type === 'test.counted');
    const allSum = all.reduce((s, e) => s + (e.payload.n as number), 0);
    // Every number but the 3 of the crashed append (previous test) holds an event.
    expect(all.length).toBe(lastSeq - 3);
    expect(allSum).toBeGreaterThan(expectedSum);

    const env = { CONSUMER_DB: dbName, FEED_URL: feedUrl(), SUBGRAPH_SIGNING_SECRET: SECRET, HANDLER_DELAY_MS: '5' };
    const script = [join(__dirname, 'support', 'event-consumer-process.ts')];
    const position = async () => ((await db.collection('event_positions').findOne({ _id: 'test-producer' as any })) as any)?.seq ?? 0;

    // 1. It kills itself right after applying event 57, before recording its position.
    const crashing = await startProcess(script, { ...env, CRASH_AFTER_SEQ: '57' });
    await crashing.exited;
    expect(crashing.child.signalCode).toBe('SIGKILL');
    expect(await position()).toBe(56);
    expect((await db.collection('ledger').findOne({ _id: 'ledger' as any }))!.lastSeq).toBe(57);

    // 2. Restarted, it is killed from outside at some moment mid-stream.
    const second: Proc = await startProcess(script, env);
    try {
      await until('the restarted consumer past event 120', position, { accept: (seq) => seq >= 120, timeoutMs: 60_000, intervalMs: 20 });
    } finally {
      second.child.kill('SIGKILL');
    }
    await second.exited;
    const killedAt = await position();
    expect(killedAt).toBeGreaterThanOrEqual(120);
    expect(killedAt).toBeLessThan(lastSeq);

    // 3. Restarted again, it finishes the stream.
    const third = await startProcess(script, env);
    try {
      await until(`the consumer to finish the stream (event ${lastSeq})`, position, { accept: (seq) => seq >= lastSeq, timeoutMs: 60_000 });
    } finally {
      third.child.kill('SIGTERM');
    }
    await third.exited;

    expect(await position()).toBe(lastSeq);
    const ledger = await db.collection('ledger').findOne({ _id: 'ledger' as any });
    // Every event applied exactly once: the sum of all n, one application per event.
    expect(ledger).toMatchObject({ total: allSum, count: all.length, lastSeq });
    // Delivered at least once each; event 57 (applied, then the crash) was delivered twice.
    const deliveries = await db.collection('deliveries').find({}).toArray();
    expect(new Set(deliveries.map((d) => d.seq)).size).toBe(all.length);
    expect(deliveries.filter((d) => d.seq === 57)).toHaveLength(2);
  });
});
