/**
 * Database failure: the whole system over its own FerretDB, which the test stops and starts again.
 * While it is down, subgraphs answer fast with UNAVAILABLE and report not-ready; when it returns they
 * recover by themselves (no restart), with every acknowledged write still there.
 *
 * Bounds come from the driver's own setting (server selection timeout), and recovery is awaited as
 * the event it is (every `/ready` answering 200), not assumed to take a fixed time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MongoClient } from 'mongodb';
import { buildSampleDataset } from '../../data/sample/dataset';
import { DATABASE_NAMES, SUBGRAPH_NAMES, type SubgraphName } from '../../lib/config';
import { connectMongo, databaseName } from '../../lib/db/mongo';
import { freePort, startLocalServer, type LocalServer } from '../../stack/local-server';
import { startStack, type Stack } from '../../stack/stack';
import { TEST_SETTINGS } from '../support/stack';
import { GOLDEN_OPERATION } from '../golden/golden';

const PREFIX = 'dbfail_';
let dataDir: string;
let port: number;
let db: LocalServer;
let stack: Stack;
const clients = {} as Record<SubgraphName, MongoClient>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}
const readyOf = async (url: string) => (await fetch(url.replace(/\/graphql$/, '/ready'))).status;
/** How long the driver looks for a server before failing a command (lib/db/mongo.ts). */
const serverSelectionMs = () => clients.membership.options.serverSelectionTimeoutMS;

/** Polls `condition` until it holds; fails after `deadlineMs` (a bound on a failure, not on speed). */
async function until(what: string, condition: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await sleep(100);
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'citynet-dbfail-'));
  port = await freePort();
  db = await startLocalServer({ dataDir, port, log: () => undefined });
  for (const name of SUBGRAPH_NAMES) clients[name] = await connectMongo(db.uri, { appName: `dbfail-${name}` });
  stack = await startStack({
    clients,
    settings: TEST_SETTINGS(PREFIX),
    dataset: buildSampleDataset(),
    // The cache is off: through the gateway, every request must reach the subgraphs whose database is down.
    gateway: {
      supergraphPath: join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
      maxBodyBytes: 1_000_000,
      readyCacheMs: 0,
      circuitFailureThreshold: 1000,
      cache: { enabled: false },
    },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  for (const name of SUBGRAPH_NAMES) await clients[name]?.close().catch(() => undefined);
  await db?.stop();
});

test('all is well first; an acknowledged write is made', async () => {
  const r = await gql(stack.gatewayUrl, GOLDEN_OPERATION, { id: 'makati' });
  expect(r.errors).toBeUndefined();
  expect(await readyOf(stack.subgraphUrls.membership)).toBe(200);
  const membership = clients.membership.db(databaseName(DATABASE_NAMES.membership, PREFIX));
  const ack = await membership.collection('failure_test_writes').insertOne({ _id: 'before-outage' as never, at: new Date() });
  expect(ack.acknowledged).toBe(true);
});

test('database stopped: clear UNAVAILABLE errors, fast; subgraphs and gateway not ready', async () => {
  await db.stop();
  // The first request may wait out the driver's server selection once (and not much more than that);
  // from then on the subgraph knows, and answers without waiting for the driver at all.
  const first = Date.now();
  const r1 = await gql(stack.subgraphUrls.membership, '{ city(id: "makati") { name } }');
  expect(Date.now() - first).toBeLessThan(2 * serverSelectionMs());
  expect(r1.errors![0].extensions.code).toBe('UNAVAILABLE');
  expect(r1.errors![0].message).toMatch(/membership database is unreachable/);

  const started = Date.now();
  const r2 = await gql(stack.subgraphUrls.membership, '{ city(id: "makati") { name } }');
  expect(Date.now() - started).toBeLessThan(serverSelectionMs());
  expect(r2.errors![0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });

  // Through the gateway: an error naming the service, not a hang nor a driver message.
  const viaGateway = await gql(stack.gatewayUrl, GOLDEN_OPERATION, { id: 'makati' });
  expect(viaGateway.data?.city ?? null).toBeNull();
  expect(viaGateway.errors![0].extensions).toMatchObject({ code: 'UNAVAILABLE', serviceName: 'membership' });
  expect(viaGateway.errors![0].message).not.toMatch(/Mongo|ECONNREFUSED|127\.0\.0\.1/);

  expect(await readyOf(stack.subgraphUrls.membership)).toBe(503);
  expect(await readyOf(stack.gatewayUrl)).toBe(503);
  expect((await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/health'))).status).toBe(200);
}, 120_000);

test('database started again: recovery by itself, acknowledged writes kept', async () => {
  db = await startLocalServer({ dataDir, port, log: () => undefined });
  // Recovery is an event: every subgraph's /ready, then the gateway's, answers 200 by itself.
  const allReady = async () =>
    (await Promise.all([...SUBGRAPH_NAMES.map((name) => readyOf(stack.subgraphUrls[name])), readyOf(stack.gatewayUrl)])).every((s) => s === 200);
  await until('every process ready again', allReady, 120_000);
  // A database just restarted on a busy machine may still be slow for a first read: a query that
  // timed out (a passing condition) is asked again; any other error fails the test.
  let r = await gql(stack.gatewayUrl, GOLDEN_OPERATION, { id: 'makati' });
  const deadline = Date.now() + 120_000;
  while (r.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_TIMEOUT') && Date.now() < deadline)
    r = await gql(stack.gatewayUrl, GOLDEN_OPERATION, { id: 'makati' });
  expect(r.errors).toBeUndefined();
  expect(r.data.city.certification.level).toBe('PLATINUM');
  expect(await allReady()).toBe(true);
  const membership = clients.membership.db(databaseName(DATABASE_NAMES.membership, PREFIX));
  expect(await membership.collection('failure_test_writes').countDocuments({ _id: 'before-outage' as never })).toBe(1);
}, 300_000);
