/**
 * Subgraph failure isolation through the real gateway: a stopped subgraph yields the other parts of
 * the profile plus an error naming it, readiness drops, the circuit opens and closes again by itself
 * when the subgraph returns (no gateway restart); a subgraph that hangs is cut off by the timeout; a
 * connection reset is retried for a query but never for a mutation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GOLDEN_OPERATION } from '../golden/golden';
import { startTestStack, type TestStack } from '../support/stack';
import { createGateway, type Gateway } from '../../gateway/server';
import { listen, type RunningHttpServer } from '../../lib/http/graphql-http-server';
import { tokenFor } from '../support/tokens';

let t: TestStack;
const base = () => t.stack.gatewayUrl.replace(/\/graphql$/, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await startTestStack({ gateway: { subgraphTimeoutMs: 1500, circuitFailureThreshold: 3, circuitCooldownMs: 4000, readyCacheMs: 0 } });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

function expectOtherParts(city: any) {
  expect(city).toMatchObject({ id: 'makati', name: 'Makati', country: 'PH' });
  expect(city.membership).toMatchObject({ category: 'FULL', status: 'ACTIVE' });
  expect(city.indicatorCoverage).toEqual({ coreVerified: 46, supportingVerified: 52, missingCore: [] });
  expect(city.indicators.length).toBeGreaterThan(0);
  expect(Array.isArray(city.upcomingWorkshops)).toBe(true);
}

describe('a subgraph stopped mid-run', () => {
  test('everything works and the gateway is ready first', async () => {
    const r = await t.query(GOLDEN_OPERATION, { id: 'makati' });
    expect(r.errors).toBeUndefined();
    expect(r.data.city.certification).toEqual({ year: 2016, level: 'PLATINUM', status: 'CERTIFIED' });
    expect((await fetch(`${base()}/ready`)).status).toBe(200);
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
    for (let i = 0; i < 3; i++) await t.query(GOLDEN_OPERATION, { id: 'makati' });
    const breaker = t.stack.gateway.dataSources.get('certification')!.breaker;
    expect(breaker.currentState).toBe('open');
    const started = Date.now();
    const r = await t.query(GOLDEN_OPERATION, { id: 'makati' });
    expect(Date.now() - started).toBeLessThan(1000);
    expectOtherParts(r.data.city);
    expect(r.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'certification', circuit: 'open' });
  });

  test('restarted, everything is back without restarting the gateway; the circuit closes by itself', async () => {
    await t.stack.restartSubgraph('certification');
    await sleep(4100); // the cool-down: the next request is the half-open trial
    const r = await t.query(GOLDEN_OPERATION, { id: 'makati' });
    expect(r.errors).toBeUndefined();
    expect(r.data.city.certification).toEqual({ year: 2016, level: 'PLATINUM', status: 'CERTIFIED' });
    expect(t.stack.gateway.dataSources.get('certification')!.breaker.currentState).toBe('closed');
    expect((await fetch(`${base()}/ready`)).status).toBe(200);
  });
});

/** A gateway in front of the test stack whose certification subgraph is `url` instead. */
async function gatewayWithCertificationAt(url: string, extra: Partial<Parameters<typeof createGateway>[0]> = {}): Promise<{ gateway: Gateway; http: RunningHttpServer }> {
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
    const g = await gatewayWithCertificationAt(sleepy.url, { subgraphTimeoutMs: 2000 });
    try {
      const started = Date.now();
      const r = await postTo(g.http.url, GOLDEN_OPERATION, { id: 'makati' });
      expect(Date.now() - started).toBeLessThan(5000);
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
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length' && k !== 'connection') headers[k] = v;
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

  test('a mutation is never retried', async () => {
    const { fake, requests } = await resettingProxy();
    const g = await gatewayWithCertificationAt(fake.url);
    try {
      const token = await tokenFor('WCCD_STAFF');
      const r = await postTo(g.http.url, 'mutation { openCertification(cityId: "atlantis", year: 2020) { id } }', {}, token);
      expect(r.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'certification' });
      expect(requests()).toBe(1);
    } finally {
      await g.http.close(100);
      await g.gateway.stop();
      await fake.close();
    }
  });
});
