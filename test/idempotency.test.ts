/**
 * Idempotency keys and write timeouts, through the real gateway and subgraphs: a repeat of a mutation
 * with its `Idempotency-Key` gets the first answer without the work being done again; the same key
 * with another request, or while the first attempt still runs, or after a crash that lost the answer,
 * is answered honestly; keys are the caller's own and expire; a mutation the gateway stops waiting for
 * is MUTATION_OUTCOME_UNKNOWN with the key to repeat it with (never repeated by the gateway itself),
 * distinct from a query's SUBGRAPH_TIMEOUT; the client can lower the timeouts with `x-timeout-ms`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { until } from './support/poll';
import { startTestStack, type TestStack } from './support/stack';
import { startDelayingProxy, type Delay, type DelayingProxy, type ProxiedRequest } from './support/delaying-proxy';
import { createGateway, type Gateway } from '../gateway/server';
import { listen, type RunningHttpServer } from '../lib/http/graphql-http-server';
import { makeTokens, snapshot, type Tokens } from './workflows/helpers';
import { ALL_IDS, officer, validValues } from './workflows/wccd-helpers';
import { beginAttempt, deleteExpired, finishAttempt, IDEMPOTENCY, idempotencyCollection, recordIdOf, runInAttempt, type Attempt } from '../lib/db/idempotency';
import { writeChange, type VersionedDoc } from '../lib/db/outbox';
import { withLocks } from '../lib/db/locks';

let t: TestStack;
let tokens: Tokens;
let workshops: Db;
let indicators: Db;

beforeAll(async () => {
  t = await startTestStack();
  tokens = await makeTokens();
  workshops = t.stack.subgraphs.workshops.service.db;
  indicators = t.stack.subgraphs.indicators.service.db;
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

interface Answer {
  status: number;
  data?: any;
  errors?: any[];
}

/** POSTs to a gateway with the given token, Idempotency-Key and x-timeout-ms. */
async function call(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: { token?: string; key?: string; timeoutMs?: string | number } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  if (options.timeoutMs !== undefined) headers['x-timeout-ms'] = String(options.timeoutMs);
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

const gateway = () => t.stack.gatewayUrl;

const REGISTER = `mutation Register($w: ID!, $c: ID!) { registerForWorkshop(workshopId: $w, cityId: $c) { id status waitlistPosition workshop { id seatsTaken } } }`;
const SCHEDULE = `mutation($input: ScheduleWorkshopInput!) { scheduleWorkshop(input: $input) { id } }`;
const WORKSHOP = `query($id: ID!) { workshop(id: $id) { id title seatsTaken } }`;

let slot = 0;
/** A fresh online workshop in 2029 (no host: no double booking between tests). */
async function newWorkshop(capacity = 5): Promise<string> {
  slot++;
  const startsAt = new Date(Date.UTC(2029, 0, 1 + slot, 1)).toISOString();
  const endsAt = new Date(Date.UTC(2029, 0, 1 + slot, 3)).toISOString();
  const input = { title: `Idempotency test ${slot}`, themes: ['Governance'], format: 'ONLINE', startsAt, endsAt, timezone: 'UTC', capacity };
  const r = await call(gateway(), SCHEDULE, { input }, { token: tokens.staff });
  expect(r.errors).toBeUndefined();
  return r.data.scheduleWorkshop.id;
}

const STORED = ['workshops', 'registrations', 'audit'];
const registrationsOf = (w: string) => workshops.collection('registrations').find({ workshopId: w }).toArray();

describe('a repeated request', () => {
  test('with the same key gets the first answer, and the work is done once', async () => {
    const w = await newWorkshop();
    const first = await call(gateway(), REGISTER, { w, c: 'makati' }, { token: tokens.staff, key: 'reg-makati-1' });
    expect(first.errors).toBeUndefined();
    expect(first.data.registerForWorkshop).toMatchObject({ id: `${w}:makati`, status: 'CONFIRMED', workshop: { seatsTaken: 1 } });
    // Something else changes the workshop meanwhile: the repeat still gets the first answer, as it was.
    expect((await call(gateway(), REGISTER, { w, c: 'seoul' }, { token: tokens.staff })).errors).toBeUndefined();
    const before = await snapshot(workshops, STORED);
    const again = await call(gateway(), REGISTER, { w, c: 'makati' }, { token: tokens.staff, key: 'reg-makati-1' });
    expect(again).toEqual(first);
    expect(await snapshot(workshops, STORED)).toBe(before);
    const audit = await workshops.collection('audit').countDocuments({ subject: `registration:${w}:makati` });
    expect(audit).toBe(1);
  });

  test('with the same key and another request is a CONFLICT naming the key, and changes nothing', async () => {
    const w = await newWorkshop();
    expect((await call(gateway(), REGISTER, { w, c: 'busan' }, { token: tokens.staff, key: 'reg-busan' })).errors).toBeUndefined();
    const before = await snapshot(workshops, [...STORED, IDEMPOTENCY]);
    const other = await call(gateway(), REGISTER, { w, c: 'colombo' }, { token: tokens.staff, key: 'reg-busan' });
    expect(other.errors).toHaveLength(1);
    expect(other.errors![0].extensions).toMatchObject({ code: 'CONFLICT', idempotencyKey: 'reg-busan', field: 'Idempotency-Key' });
    expect(other.errors![0].message).toContain('"reg-busan"');
    expect(await snapshot(workshops, [...STORED, IDEMPOTENCY])).toBe(before);
  });

  test("a key is its caller's own: another caller with the same key makes its own request", async () => {
    const w = await newWorkshop();
    const staff = await call(gateway(), REGISTER, { w, c: 'suwon' }, { token: tokens.staff, key: 'shared-key' });
    const own = await call(gateway(), REGISTER, { w, c: 'makati' }, { token: await tokens.officer('makati'), key: 'shared-key' });
    expect(staff.errors).toBeUndefined();
    expect(own.errors).toBeUndefined();
    expect((await registrationsOf(w)).map((r) => r.cityId).sort()).toEqual(['makati', 'suwon']);
  });

  test('without a key a repeat is a new request (the gateway makes up a key for each)', async () => {
    const w = await newWorkshop();
    expect((await call(gateway(), REGISTER, { w, c: 'seoul' }, { token: tokens.staff })).errors).toBeUndefined();
    const again = await call(gateway(), REGISTER, { w, c: 'seoul' }, { token: tokens.staff });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'cityId' });
  });

  test('a refused request keeps no record: the stored data is exactly as before, and a repeat is decided again', async () => {
    const w = await newWorkshop();
    const colombo = await tokens.officer('colombo');
    const before = await snapshot(workshops, [...STORED, IDEMPOTENCY, 'locks']);
    const refused = await call(gateway(), REGISTER, { w, c: 'makati' }, { token: colombo, key: 'refused-1' });
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await snapshot(workshops, [...STORED, IDEMPOTENCY, 'locks'])).toBe(before);
    // The same key with the same request: decided again, refused again for the same reason.
    expect((await call(gateway(), REGISTER, { w, c: 'makati' }, { token: colombo, key: 'refused-1' })).errors![0].extensions.code).toBe('FORBIDDEN');
  });

  test('a repeat while the first attempt still runs waits for it and gets its answer', async () => {
    const w = await newWorkshop();
    // The test holds the workshop's lock, so the first attempt waits inside the subgraph.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const held = new Promise<void>((resolve) => (entered = resolve));
    const holding = withLocks(workshops, [`workshop:${w}`], async () => {
      entered();
      await released;
    });
    await held;
    const first = call(gateway(), REGISTER, { w, c: 'makati' }, { token: tokens.staff, key: 'slow-1' });
    // The first attempt has claimed the key once its record exists (polled with a deadline; the lock is let go if it never does).
    const recordId = recordIdOf('staff:citynet-1', 'slow-1');
    await until('the first attempt to claim the key (its idempotency record)', () => idempotencyCollection(workshops).findOne({ _id: recordId }), {
      timeoutMs: 20_000,
      intervalMs: 20,
    }).catch((error) => {
      release();
      throw error;
    });
    const second = call(gateway(), REGISTER, { w, c: 'makati' }, { token: tokens.staff, key: 'slow-1' });
    release();
    await holding;
    const [a, b] = await Promise.all([first, second]);
    expect(a.errors).toBeUndefined();
    expect(b).toEqual(a);
    expect(await registrationsOf(w)).toHaveLength(1);
    expect(await workshops.collection('audit').countDocuments({ subject: `registration:${w}:makati` })).toBe(1);
  });

  test('a request writing in two subgraphs: the repeat gets both answers, neither is applied again', async () => {
    const w = await newWorkshop();
    const both = `mutation Both($w: ID!, $input: SaveIndicatorValuesInput!) {
      saveIndicatorValues(input: $input) { cityId year version draftCount }
      registerForWorkshop(workshopId: $w, cityId: "makati") { id status }
    }`;
    const variables = { w, input: { cityId: 'makati', year: 2027, expectedVersion: 0, values: validValues(ALL_IDS.slice(0, 5)) } };
    const token = await officer('makati');
    const first = await call(gateway(), both, variables, { token, key: 'both-1' });
    expect(first.errors).toBeUndefined();
    expect(first.data).toMatchObject({ saveIndicatorValues: { version: 1, draftCount: 5 }, registerForWorkshop: { status: 'CONFIRMED' } });
    const before = [await snapshot(workshops, STORED), await snapshot(indicators, ['indicator_reports', 'audit'])];
    expect(await call(gateway(), both, variables, { token, key: 'both-1' })).toEqual(first);
    expect([await snapshot(workshops, STORED), await snapshot(indicators, ['indicator_reports', 'audit'])]).toEqual(before);
  });
});

describe('after a crash that lost the answer', () => {
  /** Runs a keyed registration, then puts its record back as the attempt left it when it died. */
  async function registerThenCrash(w: string, city: string, key: string, flushed: boolean) {
    const first = await call(gateway(), REGISTER, { w, c: city }, { token: tokens.staff, key });
    expect(first.errors).toBeUndefined();
    const recordId = recordIdOf('staff:citynet-1', key);
    const collection = idempotencyCollection(workshops);
    // The attempt died before it stored the answer: its record still says running, its lease has run out.
    await collection.updateOne({ _id: recordId }, { $set: { state: 'running', owner: 'dead', leaseUntil: new Date(0) }, $unset: { answer: '' } });
    const evidence = (await collection.find({ rid: recordId }).toArray()) as any[];
    expect(evidence.length).toBeGreaterThan(0);
    if (!flushed) {
      // ... and before it flushed the change's outbox: the marker is still in the registration itself.
      await collection.deleteMany({ rid: recordId });
      const marker = evidence.find((e) => e.doc === `registrations:${w}:${city}`)!;
      await workshops.collection('registrations').updateOne(
        { _id: `${w}:${city}` as any },
        {
          $set: {
            outbox: {
              audit: [],
              derived: [],
              events: [],
              applied: [{ recordId, doc: marker.doc, subjects: marker.subjects, at: marker.at, expiresAt: marker.expiresAt }],
            },
          },
        },
      );
    }
  }

  test.each([
    ['after its outbox was flushed', true],
    ['before its outbox was flushed (the marker is in the changed document)', false],
  ])('%s: the repeat says the change was applied, names what to read, and does not apply it again', async (_name, flushed) => {
    const w = await newWorkshop();
    await registerThenCrash(w, 'busan', `crash-${flushed}`, flushed);
    const before = await snapshot(workshops, ['workshops', 'audit']);
    const versions = (await registrationsOf(w)).map((r) => r.version);
    const retry = await call(gateway(), REGISTER, { w, c: 'busan' }, { token: tokens.staff, key: `crash-${flushed}` });
    expect(retry.errors).toHaveLength(1);
    expect(retry.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      applied: true,
      idempotencyKey: `crash-${flushed}`,
      changed: [`registration:${w}:busan`],
    });
    expect(retry.errors![0].message).toContain(`registration:${w}:busan`);
    expect(await snapshot(workshops, ['workshops', 'audit'])).toBe(before);
    expect((await registrationsOf(w)).map((r) => r.version)).toEqual(versions);
    // From now on the record says so itself.
    const again = await call(gateway(), REGISTER, { w, c: 'busan' }, { token: tokens.staff, key: `crash-${flushed}` });
    expect(again).toEqual(retry);
  });

  describe('the attempt records (lib/db/idempotency.ts) on the real database', () => {
    interface Thing extends VersionedDoc {
      n: number;
    }
    const things = () => workshops.collection<Thing>('idempotency_test_things');
    const actor = { sub: 'tester', roles: ['CITYNET_STAFF'] } as never;
    const request = (key: string) => ({ key, subject: 'tester', hash: 'h1' });

    async function dies(attempt: Attempt): Promise<void> {
      attempt.stop(); // no answer is stored, no lease renewed
      await idempotencyCollection(workshops).updateOne({ _id: attempt.recordId }, { $set: { leaseUntil: new Date(0) } });
    }

    test('an attempt that died before writing anything is taken over and run', async () => {
      const begun = await beginAttempt(workshops, request('died-early'));
      expect(begun.kind).toBe('run');
      await dies((begun as { attempt: Attempt }).attempt);
      const retry = await beginAttempt(workshops, request('died-early'));
      expect(retry.kind).toBe('run');
      await finishAttempt((retry as { attempt: Attempt }).attempt, { data: { ok: true } });
      // Nothing was written: nothing is kept.
      expect(await idempotencyCollection(workshops).findOne({ _id: recordIdOf('tester', 'died-early') })).toBeNull();
    });

    test('an attempt that died after writing is reported as applied, with what it changed', async () => {
      const begun = await beginAttempt(workshops, request('died-late'));
      const attempt = (begun as { attempt: Attempt }).attempt;
      await runInAttempt(attempt, () =>
        writeChange(
          things(),
          null,
          { next: { _id: 'thing-1', n: 1 }, audit: [{ action: 'thing.created', subject: 'thing:1', old: null, new: { n: 1 } }], scope: { cityId: null } },
          actor,
          new Date(),
          'conflict',
        ),
      );
      await dies(attempt);
      expect(await beginAttempt(workshops, request('died-late'))).toEqual({ kind: 'applied', subjects: ['thing:1'] });
      expect(await beginAttempt(workshops, { ...request('died-late'), hash: 'h2' })).toEqual({ kind: 'conflict' });
    });

    test('an answered key is replayed until it expires; expired keys are removed', async () => {
      const begun = await beginAttempt(workshops, request('expiring'), { ttlMs: 60_000 });
      const attempt = (begun as { attempt: Attempt }).attempt;
      await runInAttempt(attempt, () =>
        writeChange(
          things(),
          null,
          { next: { _id: 'thing-2', n: 2 }, audit: [{ action: 'thing.created', subject: 'thing:2', old: null, new: { n: 2 } }], scope: { cityId: null } },
          actor,
          new Date(),
          'conflict',
        ),
      );
      await finishAttempt(attempt, { data: { thing: 2 } });
      expect(await beginAttempt(workshops, request('expiring'))).toEqual({ kind: 'replay', answer: { data: { thing: 2 } } });
      const recordId = recordIdOf('tester', 'expiring');
      // The clock moves past the expiry: the record and its evidence are removed, the key is new again.
      const later = new Date(Date.now() + 61_000);
      expect(await deleteExpired(workshops, later)).toBeGreaterThanOrEqual(2);
      expect(await idempotencyCollection(workshops).countDocuments({ _id: recordId })).toBe(0);
      expect(await idempotencyCollection(workshops).countDocuments({ rid: recordId })).toBe(0);
    });

    test('a record past its expiry is ignored even before the cleanup removes it', async () => {
      const recordId = recordIdOf('tester', 'stale');
      await idempotencyCollection(workshops).insertOne({
        _id: recordId,
        kind: 'record',
        key: 'stale',
        subject: 'tester',
        hash: 'other',
        state: 'done',
        answer: '{"data":{"old":true}}',
        createdAt: new Date(0),
        expiresAt: new Date(1),
      });
      const begun = await beginAttempt(workshops, request('stale'));
      expect(begun.kind).toBe('run');
      await finishAttempt((begun as { attempt: Attempt }).attempt, { data: null });
    });
  });
});

describe('timeouts', () => {
  let proxy: DelayingProxy;
  let g: { gateway: Gateway; http: RunningHttpServer } | undefined;
  let plan: (request: ProxiedRequest) => Delay = () => ({});

  /** A gateway whose workshops subgraph is behind the delaying proxy, with these timeouts. */
  async function slowGateway(settings: { subgraphTimeoutMs: number; subgraphMutationTimeoutMs: number }) {
    const gatewayInstance = await createGateway({
      ...t.stack.gateway.settings,
      logger: undefined,
      subgraphUrls: { ...t.stack.subgraphUrls, workshops: proxy.url },
      port: 0,
      host: '127.0.0.1',
      circuitFailureThreshold: 1000,
      ...settings,
    });
    g = { gateway: gatewayInstance, http: await listen(gatewayInstance.listener, 0) };
    return g.http.url;
  }

  beforeAll(async () => {
    proxy = await startDelayingProxy(t.stack.subgraphUrls.workshops, (request) => plan(request));
  });
  afterEach(async () => {
    plan = () => ({});
    await proxy.settled();
    if (g) {
      await g.http.close(100);
      await g.gateway.stop();
      g = undefined;
    }
  });
  afterAll(async () => {
    await proxy?.close();
  });

  test('a mutation the gateway stops waiting for is MUTATION_OUTCOME_UNKNOWN with its key; repeated with the key, it answers without applying it again', async () => {
    const url = await slowGateway({ subgraphTimeoutMs: 5_000, subgraphMutationTimeoutMs: 1_000 });
    const w = await newWorkshop();
    // The subgraph does the work; its answer is held until the gateway has given up.
    let gaveUp!: () => void;
    const unknown = new Promise<void>((resolve) => (gaveUp = resolve));
    plan = (request) =>
      request.headers['idempotency-key'] === 'late-1' && proxy.seen.filter((r) => r.headers['idempotency-key'] === 'late-1').length === 1
        ? { after: unknown }
        : {};
    const started = Date.now();
    const first = await call(url, REGISTER, { w, c: 'makati' }, { token: tokens.staff, key: 'late-1' });
    gaveUp();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(first.data?.registerForWorkshop ?? null).toBeNull();
    expect(first.errors).toHaveLength(1);
    expect(first.errors![0].extensions).toMatchObject({
      code: 'MUTATION_OUTCOME_UNKNOWN',
      serviceName: 'workshops',
      idempotencyKey: 'late-1',
      timeoutMs: 1_000,
    });
    expect(first.errors![0].message).toContain('Idempotency-Key: late-1');
    await proxy.settled();
    // It was applied; the repeat says how, and applies nothing.
    expect(await registrationsOf(w)).toHaveLength(1);
    const before = await snapshot(workshops, STORED);
    const again = await call(url, REGISTER, { w, c: 'makati' }, { token: tokens.staff, key: 'late-1' });
    expect(again.errors).toBeUndefined();
    expect(again.data.registerForWorkshop).toMatchObject({ id: `${w}:makati`, status: 'CONFIRMED' });
    expect(await snapshot(workshops, STORED)).toBe(before);
    // The gateway never sent it more than the client did.
    expect(proxy.seen.filter((r) => r.headers['idempotency-key'] === 'late-1')).toHaveLength(2);
  });

  test('without a key of its own the client is given the key the gateway made up', async () => {
    const url = await slowGateway({ subgraphTimeoutMs: 5_000, subgraphMutationTimeoutMs: 1_000 });
    const w = await newWorkshop();
    let gaveUp!: () => void;
    const unknown = new Promise<void>((resolve) => (gaveUp = resolve));
    const from = proxy.seen.length;
    plan = (request) =>
      /registerForWorkshop/.test(request.body) && proxy.seen.slice(from).filter((r) => /registerForWorkshop/.test(r.body)).length === 1
        ? { after: unknown }
        : {};
    const first = await call(url, REGISTER, { w, c: 'seoul' }, { token: tokens.staff });
    gaveUp();
    const key = first.errors![0].extensions.idempotencyKey;
    expect(first.errors![0].extensions.code).toBe('MUTATION_OUTCOME_UNKNOWN');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await proxy.settled();
    const again = await call(url, REGISTER, { w, c: 'seoul' }, { token: tokens.staff, key });
    expect(again.data.registerForWorkshop).toMatchObject({ id: `${w}:seoul`, status: 'CONFIRMED' });
  });

  test('queries and mutations have their own timeouts: a query past its timeout is SUBGRAPH_TIMEOUT; a mutation may take longer', async () => {
    const queryTimeout = 500;
    const url = await slowGateway({ subgraphTimeoutMs: queryTimeout, subgraphMutationTimeoutMs: 60_000 });
    const w = await newWorkshop();
    // Every answer of the workshops subgraph is held past the query timeout (and well within the mutation timeout).
    plan = () => ({ after: queryTimeout * 2 });
    const query = await call(url, WORKSHOP, { id: w });
    expect(query.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'workshops' });
    const mutation = await call(url, REGISTER, { w, c: 'busan' }, { token: tokens.staff });
    expect(mutation.errors).toBeUndefined();
    expect(mutation.data.registerForWorkshop.status).toBe('CONFIRMED');
  });

  test('x-timeout-ms lowers the timeouts for one request', async () => {
    const url = await slowGateway({ subgraphTimeoutMs: 60_000, subgraphMutationTimeoutMs: 60_000 });
    const w = await newWorkshop();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    plan = () => ({ after: held });
    const started = Date.now();
    const r = await call(url, REGISTER, { w, c: 'colombo' }, { token: tokens.staff, key: 'lowered-1', timeoutMs: 800 });
    release();
    // The client's 800 ms, not the configured 60 s.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.errors![0].extensions).toMatchObject({ code: 'MUTATION_OUTCOME_UNKNOWN', idempotencyKey: 'lowered-1', timeoutMs: 800 });
    // Above the configured timeout it changes nothing (a client can only lower it).
    plan = () => ({});
    const q = await call(url, WORKSHOP, { id: w }, { timeoutMs: 10_000_000 });
    expect(q.errors).toBeUndefined();
  });

  test('a malformed Idempotency-Key or x-timeout-ms is refused and nothing is sent', async () => {
    const url = await slowGateway({ subgraphTimeoutMs: 5_000, subgraphMutationTimeoutMs: 5_000 });
    const w = await newWorkshop();
    const seen = proxy.seen.length;
    const badKey = await call(url, REGISTER, { w, c: 'makati' }, { token: tokens.staff, key: 'has spaces' });
    expect(badKey.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    const badTimeout = await call(url, REGISTER, { w, c: 'makati' }, { token: tokens.staff, timeoutMs: 'soon' });
    expect(badTimeout.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-timeout-ms' });
    expect(proxy.seen.length).toBe(seen);
    expect(await registrationsOf(w)).toHaveLength(0);
  });
});

describe('the documented safe retries (docs/partner-apps.md, docs/citynet-staff.md)', () => {
  /** The request of the shell example in a page's retry section: its JSON body and its key (if literal). */
  function documentedRetry(page: string): { body: { query: string; variables: Record<string, unknown> }; key?: string } {
    const text = readFileSync(join(__dirname, '..', 'docs', page), 'utf8');
    const section = /## Retry[^\n]*\n([\s\S]*?)(?=\n## |$)/.exec(text)![1];
    const example = /```sh\n([\s\S]*?)```/.exec(section)![1];
    const body = JSON.parse(/--data '(.*?)'/.exec(example)![1]);
    const key = /Idempotency-Key: ([0-9a-f-]{36})/.exec(example)?.[1];
    return { body, key };
  }

  test.each([
    ['citynet-staff.md', () => tokens.staff, () => workshops],
    ['partner-apps.md', () => officer('makati'), () => indicators],
  ] as const)('%s: the example, sent twice with its key, is applied once and answered the same both times', async (page, token, db) => {
    const { body, key } = documentedRetry(page);
    const sentKey = key ?? 'documented-retry-key';
    const first = await call(gateway(), body.query, body.variables, { token: await token(), key: sentKey });
    expect(first.errors).toBeUndefined();
    expect(Object.values(first.data).every((v) => v !== null)).toBe(true);
    const trail = await db().collection('audit').countDocuments();
    expect(await call(gateway(), body.query, body.variables, { token: await token(), key: sentKey })).toEqual(first);
    expect(await db().collection('audit').countDocuments()).toBe(trail);
  });

  test('citynet-staff.md: without the key, the repeat is a new request (refused: the city is registered already)', async () => {
    const { body } = documentedRetry('citynet-staff.md');
    const unkeyed = await call(gateway(), body.query, body.variables, { token: tokens.staff });
    expect(unkeyed.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'cityId' });
  });
});
