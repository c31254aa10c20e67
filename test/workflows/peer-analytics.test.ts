/**
 * Peer analytics for certified cities (issue 11 item 5) and time series (issue 13 item 2), through the
 * gateway on the sample data. Every expectation is computed here from the sample dataset itself (the
 * cities' region, population and country; the VERIFIED values of the year), independently of the
 * subgraph's code: rank and percentile follow each indicator's direction (catalogue data), and the city
 * is never among its own peers.
 */
import catalogueFile from '../../data/catalogues/iso37120-2014.json';
import peerGroups from '../../subgraphs/indicators/domain/peer-groups.json';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';

let t: TestStack;
let staff: string;
beforeAll(async () => {
  t = await startTestStack();
  staff = await tokenFor('WCCD_STAFF', { sub: 'wccd-peers' });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const YEAR = 2016;
const direction = (id: string) => catalogueFile.indicators.find((i) => i.id === id)!.betterWhen.toUpperCase();

const PEERS = `query($id: ID!, $year: Int!, $ids: [ID!]!, $group: PeerGroup!) {
  city(id: $id) { id name peerComparison(year: $year, indicatorIds: $ids, peerGroup: $group) {
    year peerGroup group groupSource peerCityCount
    indicators { indicator { id } betterWhen value peerCount rank percentile median min max peers { city { id } value } } } } }`;

interface Standing {
  indicator: { id: string };
  betterWhen: string;
  value: number | null;
  peerCount: number;
  rank: number | null;
  percentile: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  peers: { city: { id: string }; value: number }[];
}

/** The sample's VERIFIED values of a year: city -> indicator -> value. */
function verified(year: number): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const v of t.dataset.indicators.indicator_values) {
    if (v.year !== year || v.status !== 'VERIFIED') continue;
    const m = out.get(v.cityId) ?? new Map();
    m.set(v.indicatorId, v.value);
    out.set(v.cityId, m);
  }
  return out;
}

const bandOf = (population: number) => peerGroups.populationBands.find((b) => population >= b.min && (b.max === null || population < b.max))!.id;
const incomeOf = (country: string) => (peerGroups.incomeGroups.countries as Record<string, string>)[country];

/** The other cities of the city's group, from membership's sample data. */
function groupPeers(cityId: string, group: string): string[] {
  const cities = t.dataset.membership.cities;
  const city = cities.find((c) => c._id === cityId)!;
  const key = (c: (typeof cities)[number]) =>
    group === 'REGION' ? c.region : group === 'POPULATION_BAND' ? bandOf(c.population!) : group === 'INCOME_GROUP' ? incomeOf(c.country) : 'all';
  return cities.filter((c) => c._id !== cityId && key(c) === key(city)).map((c) => c._id);
}

/** The standing computed here, by the definition (not the subgraph's code). */
function expectedStanding(cityId: string, group: string, indicatorId: string) {
  const values = verified(YEAR);
  const dir = direction(indicatorId);
  const own = values.get(cityId)?.get(indicatorId) ?? null;
  const peers = groupPeers(cityId, group)
    .filter((id) => values.get(id)?.has(indicatorId))
    .map((id) => ({ id, value: values.get(id)!.get(indicatorId)! }));
  const better = (a: number, b: number) => (dir === 'HIGHER' ? a > b : dir === 'LOWER' ? a < b : false);
  const ranked = own !== null && dir !== 'NEITHER' && peers.length > 0;
  const above = peers.filter((p) => own !== null && better(p.value, own)).length;
  const below = peers.filter((p) => own !== null && better(own, p.value)).length;
  const sorted = peers.map((p) => p.value).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    indicator: { id: indicatorId },
    betterWhen: dir,
    value: own,
    peerCount: peers.length,
    rank: ranked ? above + 1 : null,
    percentile: ranked ? Math.round((1000 * (below + 0.5 * (peers.length - above - below))) / peers.length) / 10 : null,
    median: sorted.length ? (sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2) : null,
    min: sorted.length ? sorted[0] : null,
    max: sorted.length ? sorted.at(-1)! : null,
    peers: [...peers]
      .sort((a, b) => (dir === 'HIGHER' ? b.value - a.value : a.value - b.value) || a.id.localeCompare(b.id))
      .map((p) => ({ city: { id: p.id }, value: p.value })),
  };
}

// Unemployment and homicides (lower is better), life expectancy and recycling (higher), a structure (neither).
const IDS = ['5.1', '14.2', '12.1', '16.3', '5.2'];

describe('peer comparison, asserted from the data', () => {
  test.each(['REGION', 'POPULATION_BAND', 'INCOME_GROUP', 'ALL'])(
    'Makati %s: rank, percentile and statistics by direction, the city never its own peer',
    async (group) => {
      const r = await t.query(PEERS, { id: 'makati', year: YEAR, ids: IDS, group }, { token: staff });
      expect(r.errors).toBeUndefined();
      const comparison = r.data.city.peerComparison;
      expect(comparison).toMatchObject({ year: YEAR, peerGroup: group, peerCityCount: groupPeers('makati', group).length });
      expect(comparison.indicators).toEqual(IDS.map((id) => expectedStanding('makati', group, id)));
      for (const s of comparison.indicators as Standing[]) expect(s.peers.map((p) => p.city.id)).not.toContain('makati');
    },
  );

  test('a LOWER-is-better indicator: rank 1 is the lowest value, and the city is not counted among its peers', async () => {
    const r = await t.query(PEERS, { id: 'makati', year: YEAR, ids: ['5.1'], group: 'ALL' }, { token: staff });
    const s: Standing = r.data.city.peerComparison.indicators[0];
    expect(s.betterWhen).toBe('LOWER');
    expect(s.value).not.toBeNull();
    const values = verified(YEAR);
    const others = [...values].filter(([id, v]) => id !== 'makati' && v.has('5.1')).map(([, v]) => v.get('5.1')!);
    expect(s.peerCount).toBe(others.length);
    expect(s.rank).toBe(others.filter((v) => v < s.value!).length + 1);
    // Best first: ascending values for a LOWER indicator.
    expect(s.peers.map((p) => p.value)).toEqual([...others].sort((a, b) => a - b));
    // With its own value among the peers the median would move; it does not.
    const sorted = [...others].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    expect(s.median).toBe(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    // The old chart ranked 1 = highest value: that would be (number of peers above) + 1, here different.
    expect(s.rank).not.toBe(others.filter((v) => v > s.value!).length + 1);
  });

  test('groups are labelled; the income group names its public classification and fiscal year', async () => {
    const income = await t.query(PEERS, { id: 'makati', year: YEAR, ids: ['5.1'], group: 'INCOME_GROUP' }, { token: staff });
    expect(income.data.city.peerComparison).toMatchObject({ group: 'Lower middle income', groupSource: expect.stringMatching(/World Bank.*FY2017/) });
    const band = await t.query(PEERS, { id: 'makati', year: YEAR, ids: ['5.1'], group: 'POPULATION_BAND' }, { token: staff });
    expect(band.data.city.peerComparison).toMatchObject({ group: '500 000 – 1 million', groupSource: null });
    const region = await t.query(PEERS, { id: 'toronto', year: YEAR, ids: ['5.1'], group: 'REGION' }, { token: staff });
    expect(region.data.city.peerComparison).toMatchObject({ group: 'North America', peerCityCount: 3 });
  });
});

describe('who may compare (part of what certification brings), and the rest stays public', () => {
  const ask = async (cityId: string, token?: string) => t.query(PEERS, { id: cityId, year: YEAR, ids: ['5.1'], group: 'REGION' }, { token });

  test('officers of a currently certified city (their own), WCCD staff and CityNet staff', async () => {
    const officer = await tokenFor('CITY_OFFICER', { cityId: 'makati', sub: 'officer-makati-peers' });
    const citynet = await tokenFor('CITYNET_STAFF', { sub: 'citynet-peers' });
    for (const token of [officer, citynet, staff]) {
      const r = await ask('makati', token);
      expect(r.errors).toBeUndefined();
      expect(r.data.city.peerComparison.indicators[0]).toEqual(expectedStanding('makati', 'REGION', '5.1'));
    }
  });

  test('everyone else is refused with the reason; the city and its other fields stay; the staff answer to the same request is never served to them', async () => {
    const cases: [string, string | undefined, string, RegExp][] = [
      ['anonymous', undefined, 'UNAUTHENTICATED', /Sign in.*WCCD_STAFF, CITYNET_STAFF, CITY_OFFICER/],
      ['partner app', await tokenFor('PARTNER_APP', { sub: 'partner-peers' }), 'FORBIDDEN', /needs one of the roles WCCD_STAFF, CITYNET_STAFF, CITY_OFFICER/],
      ['verifier', await tokenFor('VERIFIER', { orgId: 'bureau-veritas', sub: 'verifier-peers' }), 'FORBIDDEN', /officers of currently certified cities/],
      ['officer of another city', await tokenFor('CITY_OFFICER', { cityId: 'toronto', sub: 'officer-toronto-peers' }), 'FORBIDDEN', /makati's own officers/],
    ];
    for (const [who, token, code, message] of cases) {
      const r = await ask('makati', token);
      expect([who, r.data.city]).toEqual([who, { id: 'makati', name: 'Makati', peerComparison: null }]);
      expect([who, r.errors!.map((e: any) => [e.path.join('.'), e.extensions.code])]).toEqual([who, [['city.peerComparison', code]]]);
      expect(r.errors![0].message).toMatch(message);
    }
  });

  test('officers of a city without a certification in force (never certified, in progress) are refused, saying so', async () => {
    for (const cityId of ['seoul', 'suwon']) {
      const token = await tokenFor('CITY_OFFICER', { cityId, sub: `officer-${cityId}-peers` });
      const r = await ask(cityId, token);
      expect(r.data.city.peerComparison).toBeNull();
      expect(r.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(r.errors![0].message).toMatch(new RegExp(`${cityId} has no certification in force`));
    }
  });

  test('the registry and each city\u2019s verified values stay public', async () => {
    const r = await t.query(`{ registry(first: 5) { totalCount } city(id: "makati") { indicators(year: ${YEAR}, themeId: ECONOMY) { value status } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.registry.totalCount).toBeGreaterThan(5);
    expect(r.data.city.indicators.length).toBeGreaterThan(0);
    expect(r.data.city.indicators.every((v: { status: string }) => v.status === 'VERIFIED')).toBe(true);
  });

  test('bad arguments are named, and only the comparison is null', async () => {
    const bad = await t.query(PEERS, { id: 'makati', year: YEAR, ids: ['5.1', '99.1'], group: 'REGION' }, { token: staff });
    expect(bad.data.city).toMatchObject({ id: 'makati', peerComparison: null });
    expect(bad.errors!.map((e: any) => [e.extensions.code, e.extensions.field])).toEqual([['BAD_USER_INPUT', 'indicatorIds[1]']]);
    const year = await t.query(PEERS, { id: 'makati', year: 1990, ids: ['5.1'], group: 'REGION' }, { token: staff });
    expect(year.errors!.map((e: any) => [e.extensions.code, e.extensions.field])).toEqual([['BAD_USER_INPUT', 'year']]);
  });
});

describe('time series through the gateway', () => {
  const SERIES = `query($id: ID!, $ids: [ID!]!, $from: Int, $to: Int) { city(id: $id) { id latestDataYear
      indicatorSeries(indicatorIds: $ids, from: $from, to: $to) { indicator { id betterWhen } points { year value status change trend } } } }`;

  /** The sample's values of a city for an indicator by year, in the statuses a caller sees. */
  const sampleSeries = (cityId: string, indicatorId: string, all: boolean) =>
    t.dataset.indicators.indicator_values
      .filter((v) => v.cityId === cityId && v.indicatorId === indicatorId && (all || v.status === 'VERIFIED'))
      .sort((a, b) => a.year - b.year)
      .map((v) => [v.year, v.value, v.status] as const);

  test('anonymous callers see VERIFIED values; the city officers every status; changes from the previous visible year', async () => {
    const officer = await tokenFor('CITY_OFFICER', { cityId: 'seoul', sub: 'officer-seoul-series' });
    for (const [token, all] of [
      [undefined, false],
      [officer, true],
    ] as const) {
      const r = await t.query(SERIES, { id: 'seoul', ids: ['5.1', '8.1', '12.1'] }, { token });
      expect(r.errors).toBeUndefined();
      for (const series of r.data.city.indicatorSeries) {
        const expected = sampleSeries('seoul', series.indicator.id, all);
        expect(series.points.map((p: any) => [p.year, p.value, p.status])).toEqual(expected);
        for (const p of series.points) {
          const prev = expected.find(([y]) => y === p.year - 1);
          expect(p.change).toBe(prev ? Math.round((p.value - prev[1]) * 1e9) / 1e9 + 0 : null);
          if (p.change && series.indicator.betterWhen === 'LOWER') expect(p.trend).toBe(p.change < 0 ? 'IMPROVED' : 'WORSENED');
        }
      }
    }
  });

  test('latestDataYear (PUBLIC) is the same whoever asks, for every sample city: counts of values are public', async () => {
    const tokens = [
      undefined,
      await tokenFor('PARTNER_APP', { sub: 'partner-latest' }),
      staff,
      await tokenFor('CITY_OFFICER', { cityId: 'iloilo-city', sub: 'officer-iloilo-latest' }),
    ];
    const doc = `{ cities(first: 100) { pageInfo { hasNextPage } edges { node { id latestDataYear } } } }`;
    const answers = await Promise.all(tokens.map((token) => t.query(doc, {}, { token })));
    for (const a of answers) expect(a.errors).toBeUndefined();
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    const nodes: { id: string; latestDataYear: number }[] = answers[0].data.cities.edges.map((e: { node: unknown }) => e.node);
    expect(answers[0].data.cities.pageInfo.hasNextPage).toBe(false);
    expect(nodes).toHaveLength(t.dataset.membership.cities.length);
    const latest = (id: string) => Math.max(...t.dataset.indicators.indicator_values.filter((v) => v.cityId === id).map((v) => v.year));
    expect(nodes.map((n) => n.latestDataYear)).toEqual(nodes.map((n) => latest(n.id)));
  });

  test('ranges are capped at 10 data years; the error names the argument and leaves the city', async () => {
    const r = await t.query(SERIES, { id: 'makati', ids: ['5.1'], from: 2010, to: 2025 });
    expect(r.data.city).toMatchObject({ id: 'makati', latestDataYear: 2016, indicatorSeries: null });
    expect(r.errors!.map((e: any) => [e.path.join('.'), e.extensions.code, e.extensions.field])).toEqual([['city.indicatorSeries', 'BAD_USER_INPUT', 'from']]);
    expect(r.errors![0].message).toMatch(/at most 10 data years/);
  });
});
