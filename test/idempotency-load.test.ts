/**
 * Writes under load never leave a caller unsure (issue 16). Through a gateway whose mutation timeout
 * is short, with a proxy that makes the subgraph slow on purpose — for a third of the callers their
 * first attempt's answer is held (the subgraph did the work) and for another third the request itself
 * is held (the subgraph has not seen it yet) until the gateway has given up:
 *
 * - 50 simultaneous registrations for 10 seats,
 * - 50 simultaneous 100-value saves of indicator values (one per city, version-checked),
 * - 30 simultaneous cancellations of registrations (10 confirmed, 20 in the queue),
 *
 * every caller that saw MUTATION_OUTCOME_UNKNOWN (or any other retryable answer) sends the same request
 * again with its key — its own, or the one the gateway gave it — until it has a definite answer. Each
 * learns its real outcome; exactly 10 are CONFIRMED and 40 WAITLISTED; nothing is applied twice (one
 * audit entry per change, the held originals arriving late change nothing); nothing is lost.
 */
import type { Db } from 'mongodb';
import { buildSampleDataset } from '../data/sample/dataset';
import type { CityDoc } from '../subgraphs/membership/data/types';
import { createGateway, type Gateway } from '../gateway/server';
import { listen, type RunningHttpServer } from '../lib/http/graphql-http-server';
import { startTestStack, type TestStack } from './support/stack';
import { startDelayingProxy, type Delay, type DelayingProxy, type ProxiedRequest } from './support/delaying-proxy';
import { makeTokens, type Tokens } from './workflows/helpers';
import { ALL_IDS, officer, validValues } from './workflows/wccd-helpers';

const CITIES = Array.from({ length: 50 }, (_, i) => `load-city-${String(i + 1).padStart(2, '0')}`);
/** The gateway's mutation timeout here: short, so that held answers and requests outlast it. */
const MUTATION_TIMEOUT_MS = 3_000;
/** How long a caller keeps trying before the test calls it lost. */
const CALLER_DEADLINE_MS = 300_000;

let t: TestStack;
let tokens: Tokens;
let workshopsProxy: DelayingProxy;
let indicatorsProxy: DelayingProxy;
let slow: { gateway: Gateway; http: RunningHttpServer };
let workshops: Db;
let indicators: Db;

/** Which first attempts the proxies hold, and until when (released once the caller has its answer). */
type Group = 'fast' | 'answer-held' | 'request-held';
const groupOf = (i: number): Group => (['fast', 'answer-held', 'request-held'] as const)[i % 3];
const releases = new Map<string, () => void>();
const released = new Map<string, Promise<void>>();
const heldOnce = new Set<string>();

function holdFor(id: string): Promise<void> {
  if (!released.has(id)) {
    let release!: () => void;
    released.set(id, new Promise<void>((resolve) => (release = resolve)));
    releases.set(id, release);
  }
  return released.get(id)!;
}
const release = (id: string) => {
  holdFor(id);
  releases.get(id)!();
};

/** The proxies' plan: the first request naming a caller's city (and operation) is held as its group says. */
function planFor(operation: string, callers: () => string[]) {
  return (request: ProxiedRequest): Delay => {
    if (!request.body.includes(operation)) return {};
    const list = callers();
    const i = list.findIndex((id) => request.body.includes(`"${id}"`));
    if (i < 0) return {};
    const id = `${operation}:${list[i]}`;
    if (heldOnce.has(id)) return {};
    heldOnce.add(id);
    const group = groupOf(i);
    if (group === 'answer-held') return { after: holdFor(id) };
    if (group === 'request-held') return { before: holdFor(id) };
    return {};
  };
}

let registrationCallers: string[] = [];
let saveCallers: string[] = [];
let cancelCallers: string[] = [];

beforeAll(async () => {
  const dataset = buildSampleDataset();
  dataset.membership.cities.push(
    ...CITIES.map(
      (id, i): CityDoc => ({
        _id: id,
        name: `Load City ${i + 1}`,
        country: 'PH',
        region: 'SOUTH_EAST_ASIA',
        population: 100_000,
        areaKm2: 50,
        timezone: 'Asia/Manila',
        sampleData: true,
      }),
    ),
  );
  t = await startTestStack({ dataset });
  tokens = await makeTokens();
  workshops = t.stack.subgraphs.workshops.service.db;
  indicators = t.stack.subgraphs.indicators.service.db;
  workshopsProxy = await startDelayingProxy(t.stack.subgraphUrls.workshops, (r) =>
    r.body.includes('cancelRegistration')
      ? planFor('cancelRegistration', () => cancelCallers)(r)
      : planFor('registerForWorkshop', () => registrationCallers)(r),
  );
  indicatorsProxy = await startDelayingProxy(
    t.stack.subgraphUrls.indicators,
    planFor('saveIndicatorValues', () => saveCallers),
  );
  const gateway = await createGateway({
    ...t.stack.gateway.settings,
    logger: undefined,
    subgraphUrls: { ...t.stack.subgraphUrls, workshops: workshopsProxy.url, indicators: indicatorsProxy.url },
    port: 0,
    host: '127.0.0.1',
    subgraphMutationTimeoutMs: MUTATION_TIMEOUT_MS,
    // The circuit breaker is not under test here (test/failure is): held answers must not open it.
    circuitFailureThreshold: 1_000_000,
  });
  slow = { gateway, http: await listen(gateway.listener, 0) };
}, 180_000);

afterAll(async () => {
  for (const r of releases.values()) r();
  await workshopsProxy?.settled();
  await indicatorsProxy?.settled();
  await slow?.http.close(100);
  await slow?.gateway.stop();
  await workshopsProxy?.close();
  await indicatorsProxy?.close();
  await t?.cleanup();
});

interface Answer {
  data?: any;
  errors?: any[];
}

async function post(url: string, query: string, variables: Record<string, unknown>, token: string, key?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (key) headers['idempotency-key'] = key;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Answer;
}

/** Answers a client may simply send again, with the same key. */
const RETRYABLE = new Set(['MUTATION_OUTCOME_UNKNOWN', 'SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'UNAVAILABLE']);
const retryable = (a: Answer) => {
  const e = a.errors?.[0]?.extensions;
  return !!e && (RETRYABLE.has(e.code) || (e.code === 'CONFLICT' && e.retryable === true));
};

interface CallerOutcome {
  answer: Answer;
  attempts: number;
  unknown: number;
  key?: string;
}

/**
 * A well-behaved client: sends the request (with its own key, or none: then it adopts the key the
 * gateway names when the outcome is unknown) and sends it again with that key while the answer is
 * retryable, until it has a definite one.
 */
async function caller(
  query: string,
  variables: Record<string, unknown>,
  token: string,
  ownKey: string | undefined,
  onFirstAnswer: () => void,
): Promise<CallerOutcome> {
  const deadline = Date.now() + CALLER_DEADLINE_MS;
  let key = ownKey;
  let attempts = 0;
  let unknown = 0;
  for (;;) {
    const answer = await post(slow.http.url, query, variables, token, key);
    attempts++;
    if (attempts === 1) onFirstAnswer();
    const error = answer.errors?.[0]?.extensions;
    if (error?.code === 'MUTATION_OUTCOME_UNKNOWN') {
      unknown++;
      // The key to learn the outcome with: the one sent, or the one the gateway made up.
      if (key) expect(error.idempotencyKey).toBe(key);
      key = error.idempotencyKey;
    }
    if (!retryable(answer)) return { answer, attempts, unknown, key };
    if (Date.now() > deadline) throw new Error(`still unsure after ${attempts} attempts: ${JSON.stringify(answer.errors)}`);
    // The client's back-off: exponential with jitter, at most 2 s.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100 * 2 ** attempts, 2_000)));
  }
}

/** Runs the callers at once. A held request or answer is let go once its caller has its first answer. */
async function rush(operation: string, ids: string[], send: (id: string, i: number, firstAnswered: () => void) => Promise<CallerOutcome>) {
  const outcomes = await Promise.all(ids.map((id, i) => send(id, i, () => release(`${operation}:${id}`))));
  // The held originals reach the subgraph (or their answers the gateway) only now: they must change nothing.
  await workshopsProxy.settled();
  await indicatorsProxy.settled();
  return outcomes;
}

function expectUnknownsWereSeen(outcomes: CallerOutcome[]) {
  // Every caller whose first attempt was held saw an unknown outcome (and maybe others did, under load).
  const held = outcomes.filter((_, i) => groupOf(i) !== 'fast');
  for (const o of held) expect(o.unknown).toBeGreaterThanOrEqual(1);
  for (const o of outcomes) expect(o.answer.errors).toBeUndefined();
}

const SCHEDULE = `mutation($input: ScheduleWorkshopInput!) { scheduleWorkshop(input: $input) { id } }`;
const REGISTER = `mutation Register($w: ID!, $c: ID!) { registerForWorkshop(workshopId: $w, cityId: $c) { id status waitlistPosition city { id } } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelRegistration(registrationId: $id) { registration { id status } promoted { id status } workshop { id seatsTaken } } }`;
const SAVE = `mutation Save($input: SaveIndicatorValuesInput!) { saveIndicatorValues(input: $input) { cityId year version draftCount } }`;

let slot = 0;
async function newWorkshop(capacity: number): Promise<string> {
  slot++;
  const startsAt = new Date(Date.UTC(2029, 5, 1 + slot, 1)).toISOString();
  const endsAt = new Date(Date.UTC(2029, 5, 1 + slot, 3)).toISOString();
  const input = { title: `Load test ${slot}`, themes: ['Governance'], format: 'ONLINE', startsAt, endsAt, timezone: 'UTC', capacity };
  const r = await t.query(SCHEDULE, { input }, { token: tokens.staff });
  expect(r.errors).toBeUndefined();
  return r.data.scheduleWorkshop.id;
}

/** How many audit entries each value of `field` has, among the entries matching `filter` (one read). */
async function auditCounts(db: Db, filter: Record<string, unknown>, field: 'subject' | 'cityId'): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const entry of await db.collection('audit').find(filter).toArray()) counts.set(entry[field], (counts.get(entry[field]) ?? 0) + 1);
  return counts;
}

test('50 simultaneous registrations for 10 seats, a third of the answers and a third of the requests held past the timeout: every caller learns its real status, exactly 10 CONFIRMED and 40 WAITLISTED', async () => {
  const w = await newWorkshop(10);
  registrationCallers = CITIES;
  // Half the callers send a key of their own; the others learn one from the gateway when they need it.
  const outcomes = await rush('registerForWorkshop', CITIES, (city, i, firstAnswered) =>
    caller(REGISTER, { w, c: city }, tokens.staff, i % 2 === 0 ? `register-${city}` : undefined, firstAnswered),
  );
  expectUnknownsWereSeen(outcomes);
  const answers = outcomes.map((o) => o.answer.data.registerForWorkshop);
  expect(answers.map((a) => a.city.id)).toEqual(CITIES);
  expect(answers.filter((a) => a.status === 'CONFIRMED')).toHaveLength(10);
  expect(answers.filter((a) => a.status === 'WAITLISTED')).toHaveLength(40);
  expect(
    answers
      .filter((a) => a.status === 'WAITLISTED')
      .map((a) => a.waitlistPosition)
      .sort((a, b) => a - b),
  ).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  // What each caller was told is what is stored: one registration per city, none lost, none twice.
  const stored = await workshops.collection('registrations').find({ workshopId: w }).toArray();
  expect(stored).toHaveLength(50);
  expect(Object.fromEntries(stored.map((r) => [r.cityId, r.status]))).toEqual(Object.fromEntries(answers.map((a) => [a.city.id, a.status])));
  const created = await auditCounts(workshops, { subject: { $in: CITIES.map((city) => `registration:${w}:${city}`) } }, 'subject');
  expect(CITIES.map((city) => created.get(`registration:${w}:${city}`))).toEqual(CITIES.map(() => 1));
  expect((await workshops.collection('workshops').findOne({ _id: w as never }))!.seatsTaken).toBe(10);
}, 400_000);

test('50 simultaneous saves of 100 values, held the same way: every officer learns the version it wrote, each report is written once', async () => {
  const year = 2025;
  saveCallers = CITIES;
  const values = validValues(ALL_IDS);
  const officers = await Promise.all(CITIES.map((city) => officer(city)));
  const outcomes = await rush('saveIndicatorValues', CITIES, (city, i, firstAnswered) =>
    caller(SAVE, { input: { cityId: city, year, expectedVersion: 0, values } }, officers[i], i % 2 === 0 ? `save-${city}` : undefined, firstAnswered),
  );
  expectUnknownsWereSeen(outcomes);
  for (const [i, o] of outcomes.entries()) expect(o.answer.data.saveIndicatorValues).toEqual({ cityId: CITIES[i], year, version: 1, draftCount: 100 });
  for (const city of CITIES) {
    const report = await indicators.collection('indicator_reports').findOne({ _id: `${city}:${year}` as never });
    expect(report).toMatchObject({ version: 1 });
    expect(report!.values).toHaveLength(100);
  }
  // One audit entry per value: each save was applied once, whatever the retries.
  const entries = await auditCounts(indicators, { year, cityId: { $in: CITIES } }, 'cityId');
  expect(CITIES.map((city) => entries.get(city))).toEqual(CITIES.map(() => 100));
}, 400_000);

test('30 simultaneous cancellations (10 confirmed, 20 in the queue), held the same way: each learns whom its cancellation promoted, every promotion told exactly once', async () => {
  const w = await newWorkshop(10);
  // 50 registrations, made one after the other through the normal gateway: 10 confirmed, 40 waiting.
  for (const city of CITIES) expect((await t.query(REGISTER, { w, c: city }, { token: tokens.staff })).errors).toBeUndefined();
  const before = await workshops.collection('registrations').find({ workshopId: w }).toArray();
  const confirmed = before.filter((r) => r.status === 'CONFIRMED').map((r) => r._id as unknown as string);
  const waiting = before
    .filter((r) => r.status === 'WAITLISTED')
    .sort((a, b) => a.seq - b.seq)
    .map((r) => r._id as unknown as string);
  expect(confirmed).toHaveLength(10);
  // The confirmed ten and every other one in the queue.
  cancelCallers = [...confirmed, ...waiting.filter((_, i) => i % 2 === 0)];
  expect(cancelCallers).toHaveLength(30);
  const outcomes = await rush('cancelRegistration', cancelCallers, (id, i, firstAnswered) =>
    caller(CANCEL, { id }, tokens.staff, i % 2 === 0 ? `cancel-${id}` : undefined, firstAnswered),
  );
  expectUnknownsWereSeen(outcomes);
  const answers = outcomes.map((o) => o.answer.data.cancelRegistration);
  expect(answers.map((a) => a.registration)).toEqual(cancelCallers.map((id) => ({ id, status: 'CANCELLED' })));
  // Each promotion is told to exactly one caller, and every stored promotion is told.
  const told = answers.filter((a) => a.promoted).map((a) => a.promoted.id);
  expect(new Set(told).size).toBe(told.length);
  const promotions = await workshops
    .collection('audit')
    .find({ action: 'registration.promoted', subject: { $in: before.map((r) => `registration:${r._id}`) } })
    .toArray();
  expect(told.sort()).toEqual(promotions.map((p) => p.subject.replace(/^registration:/, '')).sort());
  // Ten seats filled in queue order by those who stayed; each cancellation applied once.
  const after = await workshops.collection('registrations').find({ workshopId: w }).toArray();
  expect(after.filter((r) => r.status === 'CANCELLED')).toHaveLength(30);
  const nowConfirmed = after.filter((r) => r.status === 'CONFIRMED').map((r) => r._id as unknown as string);
  const stayed = waiting.filter((id) => !cancelCallers.includes(id));
  expect(nowConfirmed.sort()).toEqual(stayed.slice(0, 10).sort());
  expect(after.filter((r) => r.status === 'WAITLISTED')).toHaveLength(10);
  const cancelled = await auditCounts(
    workshops,
    { action: 'registration.cancelled', subject: { $in: cancelCallers.map((id) => `registration:${id}`) } },
    'subject',
  );
  expect(cancelCallers.map((id) => cancelled.get(`registration:${id}`))).toEqual(cancelCallers.map(() => 1));
  expect((await workshops.collection('workshops').findOne({ _id: w as never }))!.seatsTaken).toBe(10);
}, 400_000);
