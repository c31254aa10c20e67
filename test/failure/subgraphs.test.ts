/**
 * Subgraph failure isolation through the real gateway: a stopped subgraph yields the other parts of
 * the profile plus an error naming it, readiness drops, the circuit opens and closes again by itself
 * when the subgraph returns (no gateway restart); a subgraph that hangs is cut off by the timeout; a
 * connection reset is retried for a query but never for a mutation (whose outcome is then unknown).
 *
 * No bound here assumes the machine's speed: what a test means is awaited as the event itself (the
 * circuit's state, readiness, whether a call went out) or bounded by the configured settings.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GOLDEN_OPERATION, goldenResult } from '../golden/golden';
import { until } from '../support/poll';
import { startTestStack, type TestStack } from '../support/stack';
import { createGateway, type Gateway } from '../../gateway/server';
import { listen, type RunningHttpServer } from '../../lib/http/graphql-http-server';
import { tokenFor } from '../support/tokens';

let t: TestStack;
const base = () => t.stack.gatewayUrl.replace(/\/graphql$/, '');
/** Conditions here are checked every 20 ms; a deadline bounds a failure, not the machine's speed. */
const POLL_MS = 20;

/**
 * No test of this stack waits for a timeout (a stopped subgraph refuses connections at once), so the
 * query timeout is generous: a first, cold query on a busy machine must not be cut off. The cache is
 * off: every request must reach the subgraphs, whose failures are under test.
 */
const SETTINGS = { subgraphTimeoutMs: 60_000, circuitFailureThreshold: 3, circuitCooldownMs: 10_000, readyCacheMs: 0, cache: { enabled: false } };
/** A request only the certification subgraph answers (its root field): its fetch goes out at once. */
const LEVELS = '{ certificationLevels { level } }';

beforeAll(async () => {
  t = await startTestStack({ gateway: SETTINGS });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

/** The golden profile's parts from the subgraphs that are up, exactly as in the golden result. */
function expectOtherParts(city: any) {
  const golden = (goldenResult() as { data: { city: any } }).data.city;
  expect(city).toMatchObject({ id: golden.id, name: golden.name, country: golden.country });
  expect(city.membership).toEqual(golden.membership);
  expect(city.indicatorCoverage).toEqual(golden.indicatorCoverage);
  expect(city.indicators).toEqual(golden.indicators);
  expect(city.upcomingWorkshops).toEqual(golden.upcomingWorkshops);
}

describe('a subgraph stopped mid-run', () => {
  test('everything works and the gateway is ready first', async () => {
    await until('the gateway is ready (GET /ready answering 200)', async () => (await fetch(`${base()}/ready`)).status, {
      accept: (status) => status === 200,
      timeoutMs: 60_000,
      intervalMs: POLL_MS,
    });
    const r = await t.query(GOLDEN_OPERATION, { id: 'makati' });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual((goldenResult() as { data: unknown }).data);
  });

  test('the profile returns the other parts plus an error naming the service; /ready is 503; /health stays 200', async () => {
    await t.stack.stopSubgraph('certification');
    const r = await t.query(GOLDEN_OPERATION, { id: 'makati' });
    expect(r.status).toBe(200);
    expectOtherParts(r.data.city);
    expect(r.data.city.certification).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'certification' });
    expect(r.errors![0].message).toMatch(/certification service is unavailable/);
    expect(r.errors![0].message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost|http:/);
    expect((await fetch(`${base()}/ready`)).status).toBe(503);
    expect((await fetch(`${base()}/health`)).status).toBe(200);
  });

  test('after repeated failures the circuit opens and fails fast', async () => {
    const source = t.stack.gateway.dataSources.get('certification')!;
    // Failures, one by one, until the circuit opens: at most the threshold of them.
    for (let i = 0; i < SETTINGS.circuitFailureThreshold && source.breaker.currentState !== 'open'; i++) {
      expect((await t.query(LEVELS)).errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'certification' });
    }
    expect(source.breaker.currentState).toBe('open');
    // Failing fast means not calling at all (no connection attempt, no timeout to wait out): count calls.
    const fetcher = source.fetcher;
    let calls = 0;
    source.fetcher = (...args) => {
      calls++;
      return fetcher(...args);
    };
    try {
      const fast = await t.query(LEVELS);
      expect(calls).toBe(0);
      expect(fast.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'certification', circuit: 'open' });
      // The profile: the other parts, and the certification part refused by the open circuit.
      const r = await t.query(GOLDEN_OPERATION, { id: 'makati' });
      expectOtherParts(r.data.city);
      expect(r.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'certification' });
    } finally {
      source.fetcher = fetcher;
    }
  });

  test('restarted, everything is back without restarting the gateway; the circuit closes by itself', async () => {
    await t.stack.restartSubgraph('certification');
    // The cool-down ends: the next request is the half-open trial (the state change is awaited).
    const breaker = t.stack.gateway.dataSources.get('certification')!.breaker;
    await until('the circuit half-opens', () => breaker.currentState, {
      accept: (state) => state === 'half-open',
      timeoutMs: SETTINGS.circuitCooldownMs * 3,
      intervalMs: POLL_MS,
    });
    const r = await t.query(GOLDEN_OPERATION, { id: 'makati' });
    expect(r.errors).toBeUndefined();
    expect(r.data.city.certification).toEqual((goldenResult() as { data: { city: any } }).data.city.certification);
    expect(t.stack.gateway.dataSources.get('certification')!.breaker.currentState).toBe('closed');
    expect((await fetch(`${base()}/ready`)).status).toBe(200);
  });
});

/** A gateway in front of the test stack whose certification subgraph is `url` instead. */
async function gatewayWithCertificationAt(
  url: string,
  extra: Partial<Parameters<typeof createGateway>[0]> = {},
): Promise<{ gateway: Gateway; http: RunningHttpServer }> {
  const gateway = await createGateway({
    ...t.stack.gateway.settings,
    logger: undefined,
    subgraphUrls: { ...t.stack.subgraphUrls, certification: url },
    port: 0,
    host: '127.0.0.1',
    ...extra,
  });
  return { gateway, http: await listen(gateway.listener, 0) };
}

async function fakeSubgraph(handler: http.RequestListener): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    server,
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function postTo(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

describe('a subgraph that sleeps past the timeout', () => {
  test('yields a timeout error naming it, in bounded time, with the other parts', async () => {
    const sleepy = await fakeSubgraph(() => {
      /* never answers */
    });
    // The timeout must cut off the hung subgraph, not the others: measured, not assumed, as three
    // times what the whole profile takes from the live subgraphs right now (at least 2 s).
    const warm = Date.now();
    expect((await t.query(GOLDEN_OPERATION, { id: 'makati' })).errors).toBeUndefined();
    const timeoutMs = Math.max(2000, 3 * (Date.now() - warm));
    const g = await gatewayWithCertificationAt(sleepy.url, { subgraphTimeoutMs: timeoutMs });
    try {
      const started = Date.now();
      const r = await postTo(g.http.url, GOLDEN_OPERATION, { id: 'makati' });
      const elapsed = Date.now() - started;
      // It waited for the timeout, and not for ever: each of the plan's (at most three) sequential
      // fetch steps is bounded by the timeout, plus one more for the gateway's own work.
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs);
      expect(elapsed).toBeLessThan(4 * timeoutMs);
      expectOtherParts(r.data.city);
      expect(r.data.city.certification).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'certification' });
    } finally {
      await g.http.close(100);
      await g.gateway.stop();
      await sleepy.close();
    }
  });
});

describe('connection resets', () => {
  /** Resets the first connection it sees, then proxies to the real certification subgraph. */
  async function resettingProxy() {
    let requests = 0;
    const target = t.stack.subgraphUrls.certification;
    const fake = await fakeSubgraph((req, res) => {
      requests++;
      if (requests === 1) return void req.socket.destroy();
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && k !== 'host' && k !== 'content-length' && k !== 'connection') headers[k] = v;
        const answer = await fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    return { fake, requests: () => requests };
  }

  test('a query is retried once and succeeds', async () => {
    const { fake, requests } = await resettingProxy();
    const g = await gatewayWithCertificationAt(fake.url);
    try {
      const r = await postTo(g.http.url, GOLDEN_OPERATION, { id: 'makati' });
      expect(r.errors).toBeUndefined();
      expect(r.data.city.certification.level).toBe('PLATINUM');
      expect(requests()).toBe(2);
    } finally {
      await g.http.close(100);
      await g.gateway.stop();
      await fake.close();
    }
  });

  test('a mutation is never retried: its outcome is unknown, and the error names the key to repeat it with', async () => {
    const { fake, requests } = await resettingProxy();
    const g = await gatewayWithCertificationAt(fake.url);
    try {
      const token = await tokenFor('WCCD_STAFF');
      const r = await postTo(g.http.url, 'mutation { openCertification(cityId: "atlantis", year: 2020) { id } }', {}, token);
      expect(r.errors![0].extensions).toMatchObject({ code: 'MUTATION_OUTCOME_UNKNOWN', serviceName: 'certification' });
      expect(r.errors![0].extensions.idempotencyKey).toEqual(expect.any(String));
      expect(requests()).toBe(1);
    } finally {
      await g.http.close(100);
      await g.gateway.stop();
      await fake.close();
    }
  });
});
