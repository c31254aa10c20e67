/**
 * Deduplication of identical in-flight subgraph requests (gateway/dedup.ts through the subgraph
 * fetcher): shared only for queries with the same URL, headers (authorization) and body; never for
 * mutations; each caller gets its own parsed copy; nothing is kept once the answer is in.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetcher } from '../gateway/subgraph-client';
import { until } from './support/poll';

const IDEMPOTENT = { 'x-gateway-idempotent': '1' };

describe('in-flight subgraph request deduplication', () => {
  let server: http.Server;
  let url: string;
  let received: { body: string; authorization?: string; requestId?: string }[] = [];
  let release: (() => void)[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        received.push({ body, authorization: req.headers.authorization, requestId: req.headers['x-request-id'] as string | undefined });
        // Answers are held until the test releases them, so requests overlap for sure.
        release.push(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { echo: body, n: received.length } }));
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    received = [];
    release = [];
  });

  const settle = async (count: number) => {
    await until(`${count} request(s) at the subgraph`, () => received.length, { accept: (n) => n >= count, intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 20)); // no further request is on its way
    for (const r of release.splice(0)) r();
  };

  it('sends identical concurrent queries once and gives each caller its own copy', async () => {
    const fetcher = createSubgraphFetcher({ timeoutMs: 5000, retries: 0 });
    const body = JSON.stringify({ query: '{ a }', variables: { x: 1 } });
    const calls = [1, 2, 3].map((i) => fetcher(url, { method: 'POST', headers: { ...IDEMPOTENT, 'x-request-id': `r${i}`, authorization: 'Bearer A' }, body }));
    await settle(1);
    const results = await Promise.all(calls.map(async (c) => (await c).json()));
    expect(received).toHaveLength(1);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).not.toBe(results[1]); // separately parsed: the gateway mutates what it merges
    expect(fetcher.dedup?.joined).toBe(2);
    // Once answered, nothing is kept: the next identical query goes to the subgraph again.
    const again = fetcher(url, { method: 'POST', headers: { ...IDEMPOTENT, authorization: 'Bearer A' }, body });
    await settle(2);
    await (await again).json();
    expect(received).toHaveLength(2);
  });

  it('never shares between different authorizations, bodies, or for mutations', async () => {
    const fetcher = createSubgraphFetcher({ timeoutMs: 5000, retries: 0 });
    const body = JSON.stringify({ query: '{ a }' });
    const calls = [
      fetcher(url, { method: 'POST', headers: { ...IDEMPOTENT, authorization: 'Bearer A' }, body }),
      fetcher(url, { method: 'POST', headers: { ...IDEMPOTENT, authorization: 'Bearer B' }, body }),
      fetcher(url, { method: 'POST', headers: { ...IDEMPOTENT, authorization: 'Bearer A' }, body: JSON.stringify({ query: '{ b }' }) }),
      // Mutations carry no idempotent marker: each one runs.
      fetcher(url, { method: 'POST', headers: { authorization: 'Bearer A' }, body: JSON.stringify({ query: 'mutation { m }' }) }),
      fetcher(url, { method: 'POST', headers: { authorization: 'Bearer A' }, body: JSON.stringify({ query: 'mutation { m }' }) }),
    ];
    await settle(5);
    await Promise.all(calls);
    expect(received).toHaveLength(5);
    expect(received.map((r) => r.authorization).sort()).toEqual(['Bearer A', 'Bearer A', 'Bearer A', 'Bearer A', 'Bearer B']);
    expect(fetcher.dedup?.joined).toBe(0);
  });

  it('can be switched off', async () => {
    const fetcher = createSubgraphFetcher({ timeoutMs: 5000, retries: 0, dedupe: false });
    const body = JSON.stringify({ query: '{ a }' });
    const calls = [1, 2].map(() => fetcher(url, { method: 'POST', headers: { ...IDEMPOTENT }, body }));
    await settle(2);
    await Promise.all(calls);
    expect(received).toHaveLength(2);
  });
});
