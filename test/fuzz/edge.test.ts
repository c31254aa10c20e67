/**
 * Property-based fuzzing of the gateway at the edge (fast-check arbitraries, seeded: FUZZ_SEED replays a
 * run). The real gateway process (gateway/index.ts) in front of the real subgraphs and database gets over
 * 20 000 generated requests, 64 in flight at a time:
 * - the HTTP layer (test/fuzz/requests.ts httpRequest): methods, paths, headers, media types, random
 *   JSON shapes, thousands of nesting levels, huge numbers, unicode and invalid UTF-8, duplicate keys,
 *   truncated JSON, batches, oversized bodies, GET query strings;
 * - the GraphQL layer (graphqlRequest): random documents built from the schema, anonymous and with
 *   tokens of every role.
 * Invariant: every answer is 2xx or 4xx (never 5xx, never a broken connection), and a GraphQL answer is
 * a JSON body. The process stays healthy: /health answers during the run, and afterwards it is alive,
 * ready, answers a normal query correctly, and its memory stayed bounded.
 */
import fc from 'fast-check';
import http from 'node:http';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { startProcess, type Proc } from '../support/processes';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { graphqlRequest, httpRequest, rawRequest, type FuzzRequest } from './requests';

jest.setTimeout(300_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
/** Requests in flight at once. */
const CONCURRENCY = 64;
/**
 * 20 500 requests in all: up to 2 500 of the GraphQL layer first (those that pass the limits are
 * executed against the subgraphs and FerretDB, the slow part; the phase stops generating after 45 s on
 * a loaded machine), then the HTTP layer for the rest. About 30 s on a quiet machine.
 */
const TOTAL_REQUESTS = 20_500;
const GRAPHQL_REQUESTS = 2_500;
const GRAPHQL_BUDGET_MS = 45_000;
/** The HTTP phase's bound (it is many times faster): past it the count below fails. */
const HTTP_BUDGET_MS = 90_000;

let t: TestStack;
let gateway: Proc;
let base: string;
let schema: GraphQLSchema;
let tokens: string[];

interface Outcome {
  status: number;
  text: string;
  contentType: string;
}

const stats = {
  sent: 0,
  byStatus: new Map<number, number>(),
  /** Requests and total milliseconds by kind. */
  byKind: new Map<string, { n: number; ms: number }>(),
  internalErrors: [] as string[],
  slowHealth: 0,
  ms: {} as Record<string, number>,
};

/** Keep-alive connections, one per request in flight (node:http: far less client CPU than fetch). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function send(request: FuzzRequest): Promise<Outcome> {
  const target = new URL(base);
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.path,
        agent,
        headers: { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', reject);
    req.end(body);
  });
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? request.body : `<${request.body.length} bytes>`;
  return `${request.kind} ${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers)} ${body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body}`;
}

/** The invariant for one request: a 2xx or 4xx answer; GraphQL answers are JSON. */
async function check(request: FuzzRequest): Promise<void> {
  let outcome: Outcome;
  const started = Date.now();
  try {
    outcome = await send(request);
  } catch (error) {
    throw new Error(`No answer (${(error as Error).message}; ${String((error as { cause?: unknown }).cause ?? '')}) to ${describeRequest(request)}`);
  }
  stats.sent++;
  stats.byStatus.set(outcome.status, (stats.byStatus.get(outcome.status) ?? 0) + 1);
  const kind = stats.byKind.get(request.kind) ?? { n: 0, ms: 0 };
  stats.byKind.set(request.kind, { n: kind.n + 1, ms: kind.ms + Date.now() - started });
  if (outcome.status < 200 || outcome.status >= 500) {
    throw new Error(`HTTP ${outcome.status} for ${describeRequest(request)}\n  answer: ${outcome.text.slice(0, 500)}`);
  }
  if (/json/.test(outcome.contentType) && request.method !== 'HEAD') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(outcome.text);
    } catch {
      throw new Error(
        `HTTP ${outcome.status} with a body that is not JSON (${outcome.contentType}) for ${describeRequest(request)}: ${outcome.text.slice(0, 300)}`,
      );
    }
    // An internal error inside a 200 would be a 5xx in disguise: collected and reported.
    if (outcome.text.includes('"INTERNAL_SERVER_ERROR"') && stats.internalErrors.length < 10) {
      stats.internalErrors.push(`${describeRequest(request)}\n  answer: ${JSON.stringify(parsed).slice(0, 400)}`);
    }
  }
}

async function healthy(): Promise<void> {
  const started = Date.now();
  const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) });
  expect(response.status).toBe(200);
  if (Date.now() - started > 1000) stats.slowHealth++;
}

/**
 * Draws `count` requests from `arbitrary` (fast-check, seeded; in chunks, so that large bodies are not
 * all held at once) and sends them through a pool of CONCURRENCY: a slow answer holds up one slot, not
 * a batch. The first failures are collected with the seed and index that replay them.
 */
async function runProperty(name: string, arbitrary: fc.Arbitrary<FuzzRequest>, count: number, seed: number, budgetMs: number): Promise<string[]> {
  const failures: string[] = [];
  const started = Date.now();
  const CHUNK = 500;
  let sentHere = 0;
  for (let chunk = 0; chunk * CHUNK < count && Date.now() - started < budgetMs; chunk++) {
    const requests = fc.sample(arbitrary, { seed: seed + chunk, numRuns: Math.min(CHUNK, count - chunk * CHUNK) });
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length && failures.length < 5) {
          const index = next++;
          try {
            await check(requests[index]);
          } catch (error) {
            failures.push(`[${name} seed ${seed + chunk}, request ${index}] ${(error as Error).message}`);
          }
          if (++sentHere % 1000 === 0) await healthy();
        }
      }),
    );
    if (failures.length >= 5) break;
  }
  stats.ms[name] = Date.now() - started;
  return failures;
}

beforeAll(async () => {
  t = await startTestStack();
  gateway = await startProcess(['gateway/index.ts'], {
    LOG_LEVEL: 'info',
    SUBGRAPH_MEMBERSHIP_URL: t.stack.subgraphUrls.membership,
    SUBGRAPH_INDICATORS_URL: t.stack.subgraphUrls.indicators,
    SUBGRAPH_CERTIFICATION_URL: t.stack.subgraphUrls.certification,
    SUBGRAPH_WORKSHOPS_URL: t.stack.subgraphUrls.workshops,
    CORS_ORIGINS: 'https://partner.example.org',
  });
  base = gateway.url.replace(/\/graphql$/, '');
  schema = Supergraph.build(readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
  tokens = await Promise.all([
    tokenFor('PARTNER_APP', { sub: 'fuzz-partner' }),
    tokenFor('CITY_OFFICER', { cityId: 'makati', sub: 'fuzz-officer' }),
    tokenFor('VERIFIER', { orgId: 'bsi', sub: 'fuzz-verifier' }),
    tokenFor('WCCD_STAFF', { sub: 'fuzz-wccd' }),
    tokenFor('CITYNET_STAFF', { sub: 'fuzz-citynet' }),
  ]);
});

afterAll(async () => {
  agent.destroy();
  if (gateway) {
    gateway.child.kill('SIGTERM');
    await gateway.exited;
  }
  await t?.cleanup();
});

test('the GraphQL layer: random documents built from the schema get a 2xx or 4xx', async () => {
  expect(await runProperty('graphql', graphqlRequest(schema, tokens), GRAPHQL_REQUESTS, SEED + 1_000, GRAPHQL_BUDGET_MS)).toEqual([]);
});

test('the HTTP layer: random requests of every shape get a 2xx or 4xx', async () => {
  expect(await runProperty('http', httpRequest(schema, tokens), TOTAL_REQUESTS - stats.sent, SEED, HTTP_BUDGET_MS)).toEqual([]);
});

/** Raw bytes: the status line of whatever comes back (none when the connection is closed unanswered). */
function sendRaw(bytes: Buffer): Promise<number | undefined> {
  const target = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(target.port), target.hostname);
    let head = '';
    const done = () => {
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve(m ? Number(m[1]) : undefined);
    };
    socket.setTimeout(3_000, done);
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      // Skip interim answers (100 Continue): the final status is what counts.
      head = head.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
      if (/^HTTP\/1\.[01] \d{3}/.test(head)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.end(bytes);
  });
}

test('malformed HTTP on the wire (request lines, headers, framing) gets a 4xx or a closed connection', async () => {
  const requests = fc.sample(rawRequest(), { seed: SEED + 2_000, numRuns: 400 });
  const rawStatuses = new Map<number | string, number>();
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const status = await sendRaw(request.bytes);
        stats.sent++;
        stats.byKind.set('raw', { n: (stats.byKind.get('raw')?.n ?? 0) + 1, ms: 0 });
        rawStatuses.set(status ?? 'closed', (rawStatuses.get(status ?? 'closed') ?? 0) + 1);
        if (status !== undefined && (status < 100 || status >= 500) && failures.length < 5)
          failures.push(`HTTP ${status} for ${JSON.stringify(request.bytes.toString('utf8').slice(0, 300))}`);
      }
    }),
  );
  expect(failures).toEqual([]);
  // Most of them are answered (Node's parser: 400, 431; ours: 4xx; some well-formed ones: 200).
  expect([...rawStatuses].filter(([status]) => status !== 'closed').reduce((n, [, count]) => n + count, 0)).toBeGreaterThan(requests.length / 2);
  console.log(`raw: ${JSON.stringify(Object.fromEntries(rawStatuses))}`);
  await healthy();
});

test('over 20 000 requests, no internal error, and the gateway is healthy afterwards', async () => {
  expect(stats.sent).toBeGreaterThanOrEqual(20_000);
  expect(stats.internalErrors).toEqual([]);
  // Every kind of request was generated.
  for (const kind of [
    'http:shaped',
    'http:json',
    'http:batch',
    'http:handmade',
    'http:unicode',
    'http:bytes',
    'http:truncated',
    'http:get',
    'http:method',
    'http:oversized',
    'graphql:query',
    'graphql:mutation',
    'raw',
  ]) {
    expect([kind, (stats.byKind.get(kind)?.n ?? 0) > 0]).toEqual([kind, true]);
  }
  expect(gateway.child.exitCode).toBeNull();
  expect((await fetch(`${base}/health`)).status).toBe(200);
  expect((await fetch(`${base}/ready`)).status).toBe(200);
  const answer = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ city(id: "makati") { name } certificationLevels { level } }' }),
  });
  expect(answer.status).toBe(200);
  const json = (await answer.json()) as any;
  expect(json.data.city.name).toBe('Makati');
  expect(json.data.certificationLevels).toHaveLength(5);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  const rss = Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(metrics)?.[1]);
  expect(rss).toBeLessThan(1.5e9);
  expect(stats.slowHealth).toBeLessThanOrEqual(2);
  // For the record (jest prints it with the test): what was sent, what came back, how long it took.
  const kinds = Object.fromEntries([...stats.byKind].map(([k, v]) => [k, `${v.n} (mean ${Math.round(v.ms / v.n)} ms)`]));
  console.log(
    `fuzz: ${stats.sent} requests in ${JSON.stringify(stats.ms)} ms; statuses ${JSON.stringify(Object.fromEntries(stats.byStatus))}; kinds ${JSON.stringify(kinds)}`,
  );
});
