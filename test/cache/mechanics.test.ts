/**
 * The gateway's cache of public answers on a small federation built here (test/cache/mini-federation.ts):
 * which fetches go out public (no identity) and which keep the caller's token, what is served from the
 * response and entity caches, that only missing representations are fetched, that errors are never
 * kept, Cache-Control, exact invalidation (bus and mutation answers), the Redis layer shared by two
 * gateways, and GATEWAY_CACHE=off.
 */
import { localBus, RedisBus } from '../../lib/cache/bus';
import { until } from '../support/poll';
import { tokenFor } from '../support/tokens';
import { startMiniFederation, type MiniFederation } from './mini-federation';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let f: MiniFederation;
beforeAll(async () => {
  f = await startMiniFederation();
});
afterAll(async () => {
  await f?.stop();
});
beforeEach(() => {
  f.gateway.cache!.clear();
  f.received.length = 0;
});

const fetchesTo = (subgraph: string) => f.received.filter((r) => r.subgraph === subgraph);

describe('public fetches and the response cache', () => {
  test('an anonymous answer is kept and served to the next caller without any subgraph fetch; Cache-Control is public with the smallest maxAge', async () => {
    const first = await f.post('{ places { id name score } }');
    expect(first.body).toEqual({
      data: {
        places: [
          { id: 'p1', name: 'Alpha', score: 10 },
          { id: 'p2', name: 'Beta', score: 20 },
          { id: 'p3', name: 'Gamma', score: 30 },
        ],
      },
    });
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    expect(f.received).toHaveLength(2);
    expect(f.received.every((r) => r.authorization === undefined && r.view === 'public')).toBe(true);
    const second = await f.post('{ places { id name score } }');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('cache-control')).toBe('public, max-age=30');
    expect(f.received).toHaveLength(2);
  });

  test('partner apps with their own tokens share the public answers: no token reaches a subgraph', async () => {
    const tokens = await Promise.all([1, 2, 3].map((i) => tokenFor('PARTNER_APP', { sub: `partner-${i}` })));
    const answers = [];
    for (const token of tokens) answers.push((await f.post('{ places { id name } }', { token })).body);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(fetchesTo('places')).toHaveLength(1);
    expect(fetchesTo('places')[0]).toMatchObject({ authorization: undefined, view: 'public' });
  });

  test('a partner app sees PRIVATE fields as anonymous callers do (its token grants nothing more), shared', async () => {
    const partner = await tokenFor('PARTNER_APP', { sub: 'partner-x' });
    const a = await f.post('{ whoAmI }', { token: partner });
    const b = await f.post('{ whoAmI }');
    expect(a.body).toEqual({ data: { whoAmI: 'anonymous' } });
    expect(b.body).toEqual(a.body);
    expect(a.headers.get('cache-control')).toBe('private, no-store');
    expect(fetchesTo('places')).toHaveLength(1);
  });

  test('staff keep their token on a fetch with a PRIVATE field, and its answer is neither shared nor kept', async () => {
    const staff = await tokenFor('WCCD_STAFF', { sub: 'staff-1' });
    const a = await f.post('{ place(id: "p1") { name note } }', { token: staff });
    expect(a.body).toEqual({ data: { place: { name: 'Alpha', note: 'staff note' } } });
    expect(a.headers.get('cache-control')).toBe('private, no-store');
    expect(fetchesTo('places')[0].authorization).toBe(`Bearer ${staff}`);
    const anonymous = await f.post('{ place(id: "p1") { name note } }');
    expect(anonymous.body).toEqual({ data: { place: { name: 'Alpha', note: null } } });
    await f.post('{ place(id: "p1") { name note } }', { token: staff });
    expect(fetchesTo('places')).toHaveLength(3);
  });

  test('staff asking only PUBLIC fields get the shared public answer (their fetches carry no token)', async () => {
    const staff = await tokenFor('CITYNET_STAFF', { sub: 'staff-2' });
    await f.post('{ places { id name } }');
    const a = await f.post('{ places { id name } }', { token: staff });
    expect(a.body.data.places).toHaveLength(3);
    expect(fetchesTo('places')).toHaveLength(1);
    await f.post('{ place(id: "p2") { name score } }', { token: staff });
    expect(f.received.slice(1).every((r) => r.authorization === undefined)).toBe(true);
  });
});

describe('the entity cache', () => {
  test('entities already known are not fetched again: only the missing representations go to the subgraph', async () => {
    await f.post('{ place(id: "p1") { id score } }');
    expect(fetchesTo('stats').at(-1)!.representations).toEqual([{ __typename: 'Place', id: 'p1' }]);
    f.received.length = 0;
    const all = await f.post('{ places { id score } }');
    expect(all.body.data.places.map((p: { score: number }) => p.score)).toEqual([10, 20, 30]);
    expect(fetchesTo('stats')).toHaveLength(1);
    expect(fetchesTo('stats')[0].representations).toEqual([
      { __typename: 'Place', id: 'p2' },
      { __typename: 'Place', id: 'p3' },
    ]);
    // A different list shape needing the same entities fetches none of them.
    f.received.length = 0;
    await f.post('{ a: place(id: "p2") { score } b: place(id: "p3") { score } }');
    expect(fetchesTo('stats')).toHaveLength(0);
  });

  test("the arguments of an entity's fields are part of its cache key", async () => {
    const query = 'query Q($year: Int!) { place(id: "p2") { scoreIn(year: $year) } }';
    expect((await f.post(query, { variables: { year: 2014 } })).body.data.place.scoreIn).toBe(34);
    expect((await f.post(query, { variables: { year: 2016 } })).body.data.place.scoreIn).toBe(36);
    expect((await f.post(query, { variables: { year: 2014 } })).body.data.place.scoreIn).toBe(34);
    expect(fetchesTo('stats')).toHaveLength(2);
  });

  test('an answer with an error is never kept; the error keeps its path among the entities', async () => {
    await f.post('{ place(id: "p1") { fragile } }');
    f.received.length = 0;
    const first = await f.post('{ places { id fragile } }');
    expect(first.body.data.places).toEqual([
      { id: 'p1', fragile: 1 },
      { id: 'p2', fragile: 1 },
      { id: 'p3', fragile: null },
    ]);
    expect(first.body.errors).toHaveLength(1);
    expect(first.body.errors[0]).toMatchObject({ message: 'p3 is fragile', path: ['places', 2, 'fragile'] });
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const second = await f.post('{ places { id fragile } }');
    expect(second.body).toEqual(first.body);
    // Neither the whole answer nor the entity batch with the error was kept (p1 was, from before).
    expect(fetchesTo('stats')).toHaveLength(2);
    expect(fetchesTo('stats')[1].representations).toEqual([
      { __typename: 'Place', id: 'p2' },
      { __typename: 'Place', id: 'p3' },
    ]);
  });
});

describe('exact invalidation', () => {
  test('an invalidation on the bus drops exactly the entries carrying its tag', async () => {
    await f.post('{ places { id name score } }');
    f.received.length = 0;
    await localBus.publish(['stats|Place|{"id":"p2"}']);
    const again = await f.post('{ places { id name score } }');
    expect(again.body.data.places[1]).toEqual({ id: 'p2', name: 'Beta', score: 20 });
    // The response was dropped (it used p2's score); the places list and p1/p3 scores were not.
    expect(fetchesTo('places')).toHaveLength(0);
    expect(fetchesTo('stats').map((r) => r.representations)).toEqual([[{ __typename: 'Place', id: 'p2' }]]);
  });

  test('a mutation answer carrying its invalidations: the next read sees the change', async () => {
    const staff = await tokenFor('CITYNET_STAFF', { sub: 'staff-3' });
    expect((await f.post('{ place(id: "p1") { name } }')).body.data.place.name).toBe('Alpha');
    const renamed = await f.post('mutation { rename(id: "p1", name: "Aleph") { id name } }', { token: staff });
    expect(renamed.body).toEqual({ data: { rename: { id: 'p1', name: 'Aleph' } } });
    expect(renamed.headers.get('cache-control')).toBe('private, no-store');
    expect((await f.post('{ place(id: "p1") { name } }')).body.data.place.name).toBe('Aleph');
    await f.post(`mutation { rename(id: "p1", name: "Alpha") { id } }`, { token: staff });
    expect((await f.post('{ place(id: "p1") { name } }')).body.data.place.name).toBe('Alpha');
  });

  test('an answer fetched before an invalidation of its tags is not stored after it', async () => {
    const store = f.gateway.cache!;
    const ticket = store.ticket();
    store.invalidate(['stats|Place|{"id":"p9"}']);
    store.set('k-unrelated', '1', ['stats|Place|{"id":"p8"}'], 60, ticket);
    store.set('k-stale', '1', ['stats|Place|{"id":"p9"}'], 60, ticket);
    expect(store.getLocal('entity', 'k-unrelated')).toBe('1');
    expect(store.getLocal('entity', 'k-stale')).toBeUndefined();
  });
});

describe('settings', () => {
  test('GATEWAY_CACHE=off: every request fetches, public fetches are still shared in flight and carry no identity', async () => {
    const off = await f.extraGateway({ cache: { enabled: false } });
    const post = () =>
      fetch(off.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ places { id } }' }) }).then((r) =>
        r.json(),
      );
    await post();
    await post();
    expect(fetchesTo('places')).toHaveLength(2);
    expect(off.gateway.cache!.enabled).toBe(false);
    await off.stop();
  });

  test('identical requests in flight run once for every public viewer, even uncached and with different tokens; staff PRIVATE ones do not', async () => {
    const off = await f.extraGateway({ cache: { enabled: false } });
    const ask = (query: string, token?: string) =>
      fetch(off.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      }).then((r) => r.json());
    const partners = await Promise.all([1, 2, 3].map((i) => tokenFor('PARTNER_APP', { sub: `inflight-${i}` })));
    const joined = async () => (await off.gateway.metrics.cacheLookups.get()).values.find((v) => v.labels.layer === 'inflight')?.value ?? 0;
    let release = f.hold();
    const publicAnswers = Promise.all([ask('{ uncached }'), ask('{ uncached }'), ...partners.map((p) => ask('{ uncached }', p))]);
    // The first is at the subgraph, held; the four others have joined it.
    await until(
      'the first request held at the subgraph and the four others joined to it',
      async () => ({ fetches: fetchesTo('places').length, joined: await joined() }),
      {
        accept: (seen) => seen.fetches >= 1 && seen.joined >= 4,
        intervalMs: 10,
      },
    );
    release();
    expect(await publicAnswers).toEqual(Array(5).fill({ data: { uncached: 1 } }));
    expect(fetchesTo('places')).toHaveLength(1);

    f.received.length = 0;
    const staff = await tokenFor('WCCD_STAFF', { sub: 'inflight-staff' });
    release = f.hold();
    const privateAnswers = Promise.all([ask('{ uncached whoAmI }', staff), ask('{ uncached whoAmI }', staff)]);
    await until('the first private request at the subgraph', () => fetchesTo('places').length, { timeoutMs: 5000, intervalMs: 10 });
    release();
    await privateAnswers;
    // Both ran (the in-flight subgraph request may still be shared: same token, same body).
    expect(f.received.filter((r) => r.subgraph === 'places').every((r) => r.authorization === `Bearer ${staff}`)).toBe(true);
    await off.stop();
  });

  test('with Redis, a second gateway is served from the shared layer, and a published change reaches both', async () => {
    const prefix = `test${Date.now()}:`;
    const a = await f.extraGateway({ cache: { redisUrl: REDIS_URL, keyPrefix: prefix } });
    const b = await f.extraGateway({ cache: { redisUrl: REDIS_URL, keyPrefix: prefix } });
    const post = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ places { id score } }' }) }).then((r) =>
        r.json(),
      );
    // Both subscribed before anything is published.
    await until('both gateways subscribed to Redis', () => ({ a: a.gateway.cache!.enabled, b: b.gateway.cache!.enabled }), {
      accept: (subscribed) => subscribed.a && subscribed.b,
      timeoutMs: 5000,
      intervalMs: 10,
    });
    await post(a.url);
    const before = f.received.length;
    expect(await post(b.url)).toEqual({
      data: {
        places: [
          { id: 'p1', score: 10 },
          { id: 'p2', score: 20 },
          { id: 'p3', score: 30 },
        ],
      },
    });
    // b fetched the root list again (root answers are per process unless in Redis too) but no entity.
    expect(f.received.slice(before).filter((r) => r.subgraph === 'stats')).toHaveLength(0);
    const publisher = new RedisBus({ url: REDIS_URL, prefix });
    await publisher.publish(['stats|Place|{"id":"p3"}']);
    const mark = f.received.length;
    await post(a.url);
    await post(b.url);
    const refetched = f.received
      .slice(mark)
      .filter((r) => r.subgraph === 'stats')
      .map((r) => r.representations);
    // a refetches p3; b then finds a's fresh p3 in Redis (the version moved on, a stored under the new one).
    expect(refetched).toEqual([[{ __typename: 'Place', id: 'p3' }]]);
    await publisher.close();
  });
});
