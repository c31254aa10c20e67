/**
 * City search and stable pages (issue 13) through the gateway, on the sample data and the real test
 * database: `cities(filter: { search })` by English, native-script, former and alternative names,
 * insensitive to case and diacritics, ranked EXACT, PREFIX, WORD; served by one `_id` lookup of a
 * normalised key document (no scan of the cities on FerretDB or MongoDB); search strings length-limited
 * and taken literally; `city(id:)` exact with `citySuggestions(query)` for the nearest ids; and keyset
 * pages of cities, searches and members that neither skip nor repeat a row when cities are added
 * between two page fetches.
 */
import type { Db } from 'mongodb';
import { startTestStack, type TestStack } from './support/stack';
import { dbOf, expectError, expectOk, makeTokens, type Tokens } from './workflows/helpers';

let t: TestStack;
let tokens: Tokens;
let db: Db;

beforeAll(async () => {
  // The subgraph's own answers (a cached page would hide what the paging test inserts).
  t = await startTestStack({ gateway: { cache: { enabled: false } } });
  tokens = await makeTokens();
  db = dbOf(t, 'membership');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const SEARCH = `query($q: String!, $first: Int, $after: String) {
  cities(filter: { search: $q }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id name } match { kind name } }
  }
}`;
const FILTERED = `query($filter: CityFilter, $first: Int, $after: String) {
  cities(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name } match { kind name } }
  }
}`;
const SUGGEST = `query($q: String!, $first: Int) { citySuggestions(query: $q, first: $first) { id name match matchedName distance city { id country } } }`;
const ADMIT = `mutation($input: AdmitMemberInput!) { admitMember(input: $input) { id } }`;

const search = async (q: string, first = 20) => expectOk(await t.query(SEARCH, { q, first })).cities;
/** `[id, kind, matched name]` of each result, in order. */
const hits = async (q: string) => (await search(q)).edges.map((e: any) => [e.node.id, e.match.kind, e.match.name]);

const admitCity = async (name: string, over: Record<string, unknown> = {}) =>
  expectOk(
    await t.query(
      ADMIT,
      { input: { category: 'FULL', name, country: 'PH', city: { region: 'SOUTH_EAST_ASIA', timezone: 'Asia/Manila', ...over } } },
      { token: tokens.staff },
    ),
  ).admitMember.id;

describe('search', () => {
  test('by the beginning of a name, case-insensitive: "mak", "MAK", "Mak" find Makati', async () => {
    for (const q of ['mak', 'MAK', 'Mak', '  mak ']) expect(await hits(q)).toEqual([['makati', 'PREFIX', 'Makati']]);
  });

  test('ranked EXACT, then PREFIX, then WORD, then by name', async () => {
    await admitCity('Maka');
    await admitCity('New Maka Bay', { otherNames: [{ name: 'Bagong Maka', kind: 'NATIVE', language: 'fil' }] });
    await admitCity('Old Makarov', { otherNames: [] });
    expect(await hits('maka')).toEqual([
      ['maka', 'EXACT', 'Maka'],
      ['makati', 'PREFIX', 'Makati'],
      // A later word of a name: New Maka Bay ("maka bay", and its native "Bagong Maka"), Old Makarov.
      ['new-maka-bay', 'WORD', 'New Maka Bay'],
      ['old-makarov', 'WORD', 'Old Makarov'],
    ]);
    expect((await search('maka')).totalCount).toBe(4);
  });

  test('accents and punctuation do not matter: Đà Nẵng, "da nang", "DA-NANG"; St. John\'s', async () => {
    for (const q of ['da nang', 'Đà Nẵng', 'DA-NANG', 'dà nẵng'])
      expect((await hits(q))[0]).toEqual(['da-nang', 'EXACT', expect.stringMatching(/^(Da Nang|Đà Nẵng)$/)]);
    expect(await hits("st john's")).toEqual([['st-johns', 'EXACT', "St. John's"]]);
    expect(await hits('st joh')).toEqual([['st-johns', 'PREFIX', "St. John's"]]);
    expect(await hits('ho chi')).toEqual([['ho-chi-minh-city', 'PREFIX', 'Ho Chi Minh City']]);
  });

  test('by the native-script name (서울, 台北, 臺北, 上海, ललितपुर, กรุงเทพ)', async () => {
    expect(await hits('서울')).toEqual([['seoul', 'EXACT', '서울']]);
    expect(await hits('서울특별')).toEqual([['seoul', 'PREFIX', '서울특별시']]);
    expect(await hits('台北')).toEqual([['taipei', 'EXACT', '台北']]);
    expect(await hits('臺北')).toEqual([['taipei', 'EXACT', '臺北']]);
    expect(await hits('上海')).toEqual([['shanghai', 'EXACT', '上海']]);
    expect(await hits('ललितपुर')).toEqual([['lalitpur', 'EXACT', 'ललितपुर']]);
    expect(await hits('กรุงเทพ')).toEqual([['bangkok', 'PREFIX', 'กรุงเทพมหานคร']]);
    const seoul = expectOk(await t.query(`{ city(id: "seoul") { nativeName otherNames { name kind language source } } }`)).city;
    expect(seoul.nativeName).toBe('서울');
    expect(seoul.otherNames).toContainEqual({ name: 'Keijō', kind: 'FORMER', language: 'ja-Latn', source: 'https://en.wikipedia.org/wiki/Seoul' });
  });

  test('by former and alternative names (Saigon, Sài Gòn, Madras, Batavia, Poona, Patan, KL)', async () => {
    expect(await hits('saigon')).toEqual([['ho-chi-minh-city', 'EXACT', 'Saigon']]);
    expect(await hits('sai gon')).toEqual([['ho-chi-minh-city', 'EXACT', 'Sài Gòn']]);
    expect(await hits('madras')).toEqual([['chennai', 'EXACT', 'Madras']]);
    expect(await hits('batav')).toEqual([['jakarta', 'PREFIX', 'Batavia']]);
    expect(await hits('Poona')).toEqual([['pune', 'EXACT', 'Poona']]);
    expect(await hits('patan')).toEqual([['lalitpur', 'EXACT', 'Patan']]);
    expect(await hits('kl')).toEqual([['kuala-lumpur', 'EXACT', 'KL']]);
    // Every name of the sample cities is data with its source.
    const sample = new Set(t.dataset.membership.cities.map((c) => c._id));
    const sources = expectOk(await t.query(`{ cities(first: 100) { edges { node { id otherNames { source } } } } }`))
      .cities.edges.filter((e: any) => sample.has(e.node.id))
      .flatMap((e: any) => e.node.otherNames.map((n: any) => n.source));
    expect(sources.length).toBeGreaterThan(60);
    expect(sources.every((s: string) => /^https:\/\/en\.wikipedia\.org\/wiki\/\S+$/.test(s))).toBe(true);
  });

  test('by a later word: "lumpur", "city"', async () => {
    expect(await hits('lumpur')).toEqual([['kuala-lumpur', 'WORD', 'Kuala Lumpur']]);
    expect((await hits('city')).map((h: any[]) => [h[0], h[1]])).toEqual([
      ['ho-chi-minh-city', 'WORD'],
      ['iloilo-city', 'WORD'],
      ['tarlac', 'WORD'],
    ]);
  });

  test('combines with the other filters', async () => {
    const data = expectOk(await t.query(FILTERED, { filter: { search: 'city', country: 'PH' }, first: 10 })).cities;
    expect(data.edges.map((e: any) => e.node.id)).toEqual(['iloilo-city', 'tarlac']);
    expect(expectOk(await t.query(FILTERED, { filter: { search: 'city', enrolled: true }, first: 10 })).cities.edges.map((e: any) => e.node.id)).toEqual([
      'iloilo-city',
    ]);
    expect(expectOk(await t.query(FILTERED, { filter: { search: 'mak', cityNetMember: false }, first: 10 })).cities.totalCount).toBe(0);
    expect(
      expectOk(await t.query(FILTERED, { filter: { search: 'mak', region: 'SOUTH_EAST_ASIA', cluster: 'DISASTER' }, first: 10 })).cities.edges.map(
        (e: any) => e.node.id,
      ),
    ).toEqual(['makati']);
  });

  test('nothing found is an empty page, not an error', async () => {
    expect(await search('atlantis')).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null }, edges: [] });
  });

  test('operators and regular-expression characters are taken literally', async () => {
    // As patterns these would match Kuala Lumpur (or everything); as text they are punctuation around letters.
    expect(await hits('l.mpur')).toEqual([]);
    expect(await hits('lu.*')).toEqual(await hits('lu'));
    expect(await hits('^lumpur')).toEqual([['kuala-lumpur', 'WORD', 'Kuala Lumpur']]);
    expect(await hits('(lumpur')).toEqual([['kuala-lumpur', 'WORD', 'Kuala Lumpur']]);
    expect(await hits('[a-z]')).toEqual(await hits('a z'));
    expect(await hits('{"$ne": null}')).toEqual([]);
    expect(await hits('$where')).toEqual([]);
  });

  test.each([
    ['too long', 'm'.repeat(101)],
    ['nothing to search', '***'],
    ['only spaces', '   '],
    ['only a pattern', '.*'],
  ])('refuses a search with %s, naming filter.search', async (_why, q) => {
    expectError(await t.query(SEARCH, { q, first: 5 }), 'BAD_USER_INPUT', 'filter.search');
  });

  test('a query longer than the keys is checked against the names', async () => {
    expect(await hits('ho chi minh city')).toEqual([['ho-chi-minh-city', 'EXACT', 'Ho Chi Minh City']]);
    expect(await hits('thanh pho ho chi minh')).toEqual([['ho-chi-minh-city', 'EXACT', 'Thành phố Hồ Chí Minh']]);
    expect(await hits('thanh pho ho chi mi')).toEqual([['ho-chi-minh-city', 'PREFIX', 'Thành phố Hồ Chí Minh']]);
    expect(await hits('thanh pho ho chi mx')).toEqual([]);
    expect(await hits('prince of wales island')).toEqual([['penang-island', 'EXACT', 'Prince of Wales Island']]);
  });

  test('is one lookup of a key document by _id; the cities are read by _id (no scan, no pattern)', async () => {
    const recorder = t.recorders.membership;
    recorder.reset();
    expect(await hits('lumpur')).toEqual([['kuala-lumpur', 'WORD', 'Kuala Lumpur']]);
    const ours = recorder.entries.filter(
      (e) => e.db === db.databaseName && ['city_search_keys', 'cities', 'members', 'enrolments'].includes(e.collection ?? ''),
    );
    const keyReads = ours.filter((e) => e.collection === 'city_search_keys');
    expect(keyReads.map((e) => e.body?.filter)).toEqual([{ _id: 'lumpur' }]);
    for (const e of ours.filter((x) => x.collection === 'cities')) {
      const filter = e.body?.filter as Record<string, unknown>;
      expect(Object.keys(filter)).toEqual(['_id']);
      expect(typeof filter._id === 'string' || Array.isArray((filter._id as { $in?: unknown }).$in)).toBe(true);
    }
    expect(JSON.stringify(ours.map((e) => e.body))).not.toMatch(/\$regex|\$where|\$text/);
  });
});

describe('city(id:) is exact; citySuggestions(query) gives the nearest ids', () => {
  test('an id in another spelling is null, without an error', async () => {
    for (const id of ['Makati', 'makati city', 'Kuala Lumpur']) {
      const r = await t.query(`query($id: ID!) { city(id: $id) { id } }`, { id });
      expect(r).toEqual({ data: { city: null } });
    }
    expect(expectOk(await t.query(`{ city(id: "makati") { id } }`)).city).toEqual({ id: 'makati' });
  });

  test.each([
    ['Makati', 'makati', 'EXACT', 0],
    ['Kuala Lumpur', 'kuala-lumpur', 'EXACT', 0],
    ['makati-city', 'makati', 'SIMILAR', 5],
    ['kuala lumpor', 'kuala-lumpur', 'SIMILAR', 1],
    ['tornto', 'toronto', 'SIMILAR', 1],
    ['서울', 'seoul', 'EXACT', 0],
    ['saigon', 'ho-chi-minh-city', 'EXACT', 0],
    ['chenai', 'chennai', 'SIMILAR', 1],
  ])('%s -> %s (%s, distance %d)', async (q, id, match, distance) => {
    const [first] = expectOk(await t.query(SUGGEST, { q })).citySuggestions;
    expect(first).toMatchObject({ id, match, distance, city: { id } });
  });

  test('ranks exact, prefix and word matches before similar names, at most `first`', async () => {
    const list = expectOk(await t.query(SUGGEST, { q: 'ma', first: 3 })).citySuggestions;
    expect(list).toHaveLength(3);
    expect(list.map((s: any) => s.match)).toEqual(['PREFIX', 'PREFIX', 'PREFIX']);
    expect(list.map((s: any) => s.id)).toContain('makati');
    expectError(await t.query(SUGGEST, { q: 'ma', first: 21 }), 'BAD_USER_INPUT', 'first');
    expectError(await t.query(SUGGEST, { q: '!!!' }), 'BAD_USER_INPUT', 'query');
    expect(expectOk(await t.query(SUGGEST, { q: 'zzzzqqq' })).citySuggestions).toEqual([]);
  });
});

describe('keyset pages: cities added between two page fetches neither skip nor repeat a row', () => {
  /** Pages through a list `size` rows at a time, calling `between` after each page; returns the ids in order. */
  async function pageThrough(
    document: string,
    variables: Record<string, unknown>,
    pick: (data: any) => any,
    between: (page: number) => Promise<void>,
    size = 4,
  ): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const connection = pick(expectOk(await t.query(document, { ...variables, first: size, after })));
      seen.push(...connection.edges.map((e: any) => e.node.id));
      if (!connection.pageInfo.hasNextPage) return seen;
      after = connection.pageInfo.endCursor;
      await between(page);
    }
    throw new Error('did not reach the last page');
  }

  const allIds = async (document: string, variables: Record<string, unknown>, pick: (data: any) => any) =>
    pick(expectOk(await t.query(document, { ...variables, first: 100 }))).edges.map((e: any) => e.node.id);

  test('cities by name', async () => {
    const before = await allIds(FILTERED, {}, (d) => d.cities);
    let n = 0;
    // Each time: a city that sorts before the position (Aaa…), one after it (Zzz…), one right beside it.
    const seen = await pageThrough(
      FILTERED,
      {},
      (d) => d.cities,
      async () => {
        n++;
        await admitCity(`Aaa Paging ${n}`);
        // Numbered so that each sorts after the ones before it (always ahead of the position).
        await admitCity(`Zzz Paging ${String(n).padStart(3, '0')}`);
      },
    );
    expect(seen.length).toBe(new Set(seen).size);
    // Every city that was there all along is on exactly one page; those added behind the position are not.
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    expect(seen.some((id) => id.startsWith('aaa-paging'))).toBe(false);
    expect(seen.filter((id) => id.startsWith('zzz-paging')).length).toBe(n);
  }, 180_000);

  test('a search', async () => {
    const before = await allIds(SEARCH, { q: 'paging' }, (d) => d.cities);
    expect(before.length).toBeGreaterThanOrEqual(4);
    let n = 0;
    const seen = await pageThrough(
      SEARCH,
      { q: 'paging' },
      (d) => d.cities,
      async () => {
        n++;
        await admitCity(`Paging ${n}`); // a PREFIX match: ranked before every WORD match, so behind the position
        await admitCity(`Aaa Paging Extra ${n}`); // a WORD match, among the others by name
      },
    );
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  }, 180_000);

  test('members by name', async () => {
    const MEMBERS = `query($first: Int, $after: String) { members(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const before = await allIds(MEMBERS, {}, (d) => d.members);
    let n = 0;
    const seen = await pageThrough(
      MEMBERS,
      {},
      (d) => d.members,
      async () => {
        n++;
        await admitCity(`Aab Member ${n}`);
      },
      10,
    );
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  }, 180_000);

  test('a cursor of another list, or tampered, is refused naming `after`', async () => {
    const members = expectOk(await t.query(`{ members(first: 1) { pageInfo { endCursor } } }`)).members.pageInfo.endCursor;
    expectError(await t.query(FILTERED, { first: 2, after: members }), 'BAD_USER_INPUT', 'after');
    const cities = expectOk(await t.query(FILTERED, { first: 1 })).cities.pageInfo.endCursor;
    expectError(await t.query(SEARCH, { q: 'ma', first: 2, after: cities }), 'BAD_USER_INPUT', 'after');
    expectError(await t.query(FILTERED, { first: 2, after: 'offset:4' }), 'BAD_USER_INPUT', 'after');
    expectError(
      await t.query(FILTERED, { first: 2, after: Buffer.from('{"c":"cities","v":[{"$gt":""}],"id":"x"}').toString('base64url') }),
      'BAD_USER_INPUT',
      'after',
    );
  });
});
