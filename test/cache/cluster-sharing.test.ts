/**
 * Identical requests in flight are shared across the gateway's worker processes
 * (gateway/cache/cluster-sharing.ts): the real gateway entry point with GATEWAY_WORKERS=2, in front of
 * a stand-in subgraph that counts what it receives and takes 300 ms to answer. Waves of identical
 * requests, each on its own connection (so the primary spreads them over both workers), reach the
 * subgraph about once per wave; without sharing, each worker would send its own (two per wave).
 * Freshness across workers (a read after a write never joins an execution from before it) is tested
 * in read-your-writes.test.ts.
 */
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { startProcess, type Proc } from '../support/processes';
import { until } from '../support/poll';

jest.setTimeout(120_000);

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { greeting(name: String!): String }
`;
const QUERY = 'query Greet($name: String!) { greeting(name: $name) }';
const ANSWER_DELAY_MS = 300;

let subgraph: http.Server;
let received: { name: string; at: number }[] = [];
let gateway: Proc;

/** One request on a connection of its own (a new connection is what the primary hands to the next worker). */
function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

beforeAll(async () => {
  // The stand-in subgraph: answers `greeting` after ANSWER_DELAY_MS, and anything else (health) at once.
  subgraph = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const { query, variables } = JSON.parse(text || '{}');
      const answer = (data: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data }));
      };
      if (typeof query === 'string' && query.includes('greeting')) {
        received.push({ name: variables?.name, at: Date.now() });
        setTimeout(() => answer({ greeting: `Hello, ${variables?.name}` }), ANSWER_DELAY_MS);
      } else answer({ __typename: 'Query' });
    });
  });
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
  const composed = composeServices([{ name: 'greeter', typeDefs: parse(SDL), url }]);
  if (composed.errors) throw composed.errors[0];
  const dir = mkdtempSync(join(tmpdir(), 'cluster-sharing-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl!);
  gateway = await startProcess(['gateway/index.ts'], {
    SUPERGRAPH_PATH: supergraphPath,
    GATEWAY_WORKERS: '2',
    TRUSTED_DOCUMENTS: 'off',
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'info',
    REDIS_URL: '',
    SUBGRAPH_MEMBERSHIP_URL: '',
    SUBGRAPH_INDICATORS_URL: '',
    SUBGRAPH_CERTIFICATION_URL: '',
    SUBGRAPH_WORKSHOPS_URL: '',
  });
  // Both workers listening: each logs that it is ready.
  await until('both gateway workers ready', () => gateway.lines.filter((l) => /ready at/.test(l.msg ?? '')).length >= 2 || undefined);
});

afterAll(async () => {
  gateway?.child.kill('SIGTERM');
  await gateway?.exited;
  await new Promise((resolve) => subgraph?.close(resolve));
});

test('waves of identical requests spread over two workers reach the subgraph about once per wave, and every answer is right', async () => {
  const waves = 8;
  const perWave = 40;
  received = [];
  for (let wave = 0; wave < waves; wave++) {
    const name = `wave-${wave}`;
    const answers = await Promise.all(Array.from({ length: perWave }, () => post(gateway.url, { query: QUERY, variables: { name } })));
    for (const answer of answers) expect(answer).toEqual({ status: 200, body: { data: { greeting: `Hello, ${name}` } } });
  }
  // Each wave's requests all arrive within the subgraph's 300 ms: one execution answers them all.
  // A request that comes in after the answer starts another, hence the slack; without sharing across
  // workers each wave costs two (one per worker).
  expect(received.length).toBeGreaterThanOrEqual(waves);
  expect(received.length).toBeLessThanOrEqual(waves + 2);
  // Both workers served requests (connections alternate between them): the access log names each pid.
  const pids = new Set(gateway.lines.filter((l) => l.msg === 'request' && l.path === '/graphql').map((l) => l.pid));
  expect(pids.size).toBe(2);
});

test('different requests are not shared: each reaches the subgraph', async () => {
  received = [];
  const names = Array.from({ length: 12 }, (_, i) => `distinct-${i}`);
  const answers = await Promise.all(names.map((name) => post(gateway.url, { query: QUERY, variables: { name } })));
  expect(answers.map((answer) => answer.body)).toEqual(names.map((name) => ({ data: { greeting: `Hello, ${name}` } })));
  expect(received.map((r) => r.name).sort()).toEqual([...names].sort());
});
