/**
 * Read-your-writes through the cache (issue 10): once a mutation is acknowledged, no read through any
 * gateway process returns the old value.
 * - Two real gateway processes (gateway/index.ts) share Redis with the subgraphs: 1 000 write-then-read
 *   pairs, each write through one gateway and the reads through the other (and the first), every read
 *   answered from the cache whenever it can be; 0 stale reads.
 * - Without Redis, in one process (`npm start`, the test stack): the same through the stack's gateway.
 * - Without Redis, one gateway of two worker processes (production's default on a multi-core machine),
 *   while other callers keep reading the same cities: a read after a write never joins an identical
 *   read another worker started before the write.
 */
import { randomBytes } from 'node:crypto';
import { createInvalidationBus, type InvalidationBus } from '../../lib/cache/bus';
import { startTestStack, type TestStack } from '../support/stack';
import { startProcess, type Proc } from '../support/processes';
import { tokenFor } from '../support/tokens';
import { until } from '../support/poll';
import { startDelayingProxy, type DelayingProxy } from '../support/delaying-proxy';

jest.setTimeout(600_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLUSTER_SETS = [['CLIMATE_CHANGE'], ['DISASTER', 'SDGS'], ['INFRASTRUCTURE'], ['SDGS', 'CLIMATE_CHANGE', 'DISASTER']];
const READ = 'query Clusters($id: ID!) { city(id: $id) { id membership { clusters } } }';
const WRITE = 'mutation SetClusters($id: ID!, $clusters: [Cluster!]!) { setMemberClusters(memberId: $id, clusters: $clusters) { id clusters } }';

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return response.json();
}

async function cacheHits(url: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  let hits = 0;
  for (const m of text.matchAll(/^gateway_cache_lookups_total\{[^}]*result="hit"[^}]*\} (\d+)/gm)) hits += Number(m[1]);
  return hits;
}

/** The first n full members' cities of the stack's sample data (one write-then-read lane each). */
function fullMemberCities(t: TestStack, n: number): string[] {
  return t.dataset.membership.members
    .filter((m) => m.category === 'FULL' && m.cityId)
    .slice(0, n)
    .map((m) => m.cityId!);
}

/** Lanes of write-then-read pairs, one city per lane (lanes run concurrently). */
async function writeThenRead(cities: string[], pairsPerLane: number, writeUrl: (i: number) => string, readUrls: (i: number) => string[], token: string) {
  let stale = 0;
  let reads = 0;
  const problems: string[] = [];
  await Promise.all(
    cities.map(async (id, lane) => {
      for (let i = 0; i < pairsPerLane; i++) {
        const clusters = [...CLUSTER_SETS[(i + lane) % CLUSTER_SETS.length]].sort();
        const written = await post(writeUrl(i), WRITE, { id, clusters }, token);
        if (written.errors) throw new Error(`write failed: ${JSON.stringify(written.errors)}`);
        for (const url of readUrls(i)) {
          const read = await post(url, READ, { id });
          reads++;
          const seen = [...(read.data?.city?.membership?.clusters ?? [])].sort();
          if (JSON.stringify(seen) !== JSON.stringify(clusters)) {
            stale++;
            if (problems.length < 5) problems.push(`${id} pair ${i}: wrote ${clusters}, read ${seen} at ${url}`);
          }
        }
      }
    }),
  );
  return { stale, reads, problems };
}

describe('across two gateway processes sharing Redis', () => {
  let t: TestStack;
  let bus: InvalidationBus;
  const gateways: Proc[] = [];
  let staff: string;
  let cities: string[];

  beforeAll(async () => {
    const prefix = `ryw${randomBytes(3).toString('hex')}:`;
    bus = createInvalidationBus(REDIS_URL, { prefix });
    t = await startTestStack({ bus, gateway: { cache: { redisUrl: REDIS_URL, keyPrefix: prefix } } });
    const env = {
      REDIS_URL,
      CACHE_KEY_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      SUBGRAPH_MEMBERSHIP_URL: t.stack.subgraphUrls.membership,
      SUBGRAPH_INDICATORS_URL: t.stack.subgraphUrls.indicators,
      SUBGRAPH_CERTIFICATION_URL: t.stack.subgraphUrls.certification,
      SUBGRAPH_WORKSHOPS_URL: t.stack.subgraphUrls.workshops,
    };
    for (let i = 0; i < 2; i++) gateways.push(await startProcess(['gateway/index.ts'], { ...env, LOG_LEVEL: 'info' }));
    staff = await tokenFor('CITYNET_STAFF', { sub: 'staff-ryw' });
    cities = fullMemberCities(t, 8);
  }, 180_000);

  afterAll(async () => {
    for (const g of gateways) {
      g.child.kill('SIGTERM');
      await g.exited;
    }
    await t?.cleanup();
    await bus?.close();
  });

  test('1 000 write-then-read pairs: 0 stale reads, and the reads were served from the cache', async () => {
    const [a, b] = gateways.map((g) => g.url);
    const hitsBefore = (await cacheHits(a)) + (await cacheHits(b));
    // 8 lanes x 125 pairs. Writes alternate between the gateways; each write is read back through the
    // other one twice (the second read is a cache hit) and through the writer.
    const result = await writeThenRead(
      cities,
      125,
      (i) => (i % 2 ? a : b),
      (i) => (i % 2 ? [b, b, a] : [a, a, b]),
      staff,
    );
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ stale: 0, reads: 3000 });
    // Reads were answered from the cache during the pairs. How many depends on timing: every write
    // also invalidates the membership lists (\`membership|Query\`, which \`city(id:)\` reads through), so
    // another lane's write between a read and its repeat sends the repeat to the subgraph.
    const hits = (await cacheHits(a)) + (await cacheHits(b)) - hitsBefore;
    expect(hits).toBeGreaterThan(0);
    // With the writes over, a repeated read is a hit on each gateway, for every city, and still fresh.
    const quietBefore = (await cacheHits(a)) + (await cacheHits(b));
    for (const url of [a, b]) {
      for (const id of cities) {
        const first = await post(url, READ, { id });
        expect(await post(url, READ, { id })).toEqual(first);
      }
    }
    expect((await cacheHits(a)) + (await cacheHits(b)) - quietBefore).toBeGreaterThanOrEqual(2 * cities.length);
  });
});

describe('without Redis, in one process', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  test('write-then-read pairs through the in-process cache: 0 stale reads', async () => {
    const staff = await tokenFor('CITYNET_STAFF', { sub: 'staff-ryw-local' });
    const cities = fullMemberCities(t, 2);
    const url = t.stack.gatewayUrl;
    const result = await writeThenRead(
      cities,
      100,
      () => url,
      () => [url, url],
      staff,
    );
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ stale: 0, reads: 400 });
    // Hits during the pairs depend on timing (the other lane's writes invalidate the lists `city(id:)`
    // reads through); with the writes over, a repeated read must be a hit, and still fresh.
    expect(await cacheHits(url)).toBeGreaterThan(0);
    const quietBefore = await cacheHits(url);
    for (const id of cities) {
      const first = await post(url, READ, { id });
      expect(await post(url, READ, { id })).toEqual(first);
    }
    expect((await cacheHits(url)) - quietBefore).toBeGreaterThanOrEqual(cities.length);
  });
});

describe('one gateway of two workers (node:cluster), without Redis', () => {
  let t: TestStack;
  let gateway: Proc;
  let proxy: DelayingProxy;
  beforeAll(async () => {
    t = await startTestStack();
    // Reads of membership answer 150 ms after the subgraph has read the database, writes at once: a
    // read that started before a write is still running when the write is acknowledged.
    proxy = await startDelayingProxy(t.stack.subgraphUrls.membership, (request) =>
      /^\s*mutation\b/.test(JSON.parse(request.body || '{}').query ?? '') ? {} : { after: 150 },
    );
    gateway = await startProcess(['gateway/index.ts'], {
      GATEWAY_WORKERS: '2',
      REDIS_URL: '',
      SUBGRAPH_MEMBERSHIP_URL: proxy.url,
      SUBGRAPH_INDICATORS_URL: t.stack.subgraphUrls.indicators,
      SUBGRAPH_CERTIFICATION_URL: t.stack.subgraphUrls.certification,
      SUBGRAPH_WORKSHOPS_URL: t.stack.subgraphUrls.workshops,
    });
    await until('both gateway workers ready', () => gateway.lines.filter((l) => /ready at/.test(l.msg ?? '')).length >= 2);
  }, 180_000);
  afterAll(async () => {
    gateway?.child.kill('SIGTERM');
    await gateway?.exited;
    await proxy?.close();
    await t?.cleanup();
  });

  test('write-then-read pairs while other callers keep reading the same cities through both workers: 0 stale reads', async () => {
    const staff = await tokenFor('CITYNET_STAFF', { sub: 'staff-ryw-cluster' });
    const cities = fullMemberCities(t, 4);
    const url = gateway.url;
    // Other callers reading the same cities all along, so that a read made after a write often finds
    // an identical one already running in one of the workers, started before the write (and about to
    // answer what the database held then): it must not join that one (gateway/cache/cluster-sharing.ts).
    let writing = true;
    let noiseReads = 0;
    const noise = cities.flatMap((id) =>
      [0, 1, 2].map(async () => {
        while (writing) {
          await post(url, READ, { id });
          noiseReads++;
        }
      }),
    );
    const result = await writeThenRead(
      cities,
      75,
      () => url,
      () => [url, url],
      staff,
    ).finally(() => (writing = false));
    await Promise.all(noise);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ stale: 0, reads: 600 });
    expect(noiseReads).toBeGreaterThan(100);
  });
});
