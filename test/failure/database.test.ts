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
import { until } from '../support/poll';
import { TEST_SETTINGS } from '../support/stack';
import { GOLDEN_OPERATION } from '../golden/golden';

const PREFIX = 'dbfail_';
let dataDir: string;
let port: number;
let db: LocalServer;
let stack: Stack;
const clients = {} as Record<SubgraphName, MongoClient>;

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}
const readyOf = async (url: string) => (await fetch(url.replace(/\/graphql$/, '/ready'))).status;
/** How long the driver looks for a server before failing a command (lib/db/mongo.ts). */
const serverSelectionMs = () => clients.membership.options.serverSelectionTimeoutMS;

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
  const urls = [...SUBGRAPH_NAMES.map((name) => [name, stack.subgraphUrls[name]]), ['gateway', stack.gatewayUrl]];
  const readiness = async () => Object.fromEntries(await Promise.all(urls.map(async ([name, url]) => [name, await readyOf(url)])));
  const everyReady = (statuses: Record<string, number>) => Object.values(statuses).every((s) => s === 200);
  // Checked every 100 ms; the deadline bounds a failure, not the machine's speed.
  await until('every process ready again (each /ready answering 200)', readiness, { accept: everyReady, timeoutMs: 120_000, intervalMs: 100 });
  // A database just restarted on a busy machine may still be slow for a first read: a query that
  // timed out (a passing condition) is asked again at once; any other error fails the test.
  const r = await until('the golden query answered without a subgraph timeout', () => gql(stack.gatewayUrl, GOLDEN_OPERATION, { id: 'makati' }), {
    accept: (answer) => !answer.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_TIMEOUT'),
    timeoutMs: 120_000,
    intervalMs: 0,
  });
  expect(r.errors).toBeUndefined();
  expect(r.data.city.certification.level).toBe('PLATINUM');
  expect(everyReady(await readiness())).toBe(true);
  const membership = clients.membership.db(databaseName(DATABASE_NAMES.membership, PREFIX));
  expect(await membership.collection('failure_test_writes').countDocuments({ _id: 'before-outage' as never })).toBe(1);
}, 300_000);
