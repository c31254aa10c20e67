/**
 * End to end through the gateway: four subgraphs on ephemeral ports over the real database, seeded
 * with the sample data. Expected values are computed from the dataset, not copied from responses.
 */
import catalogue from '../../data/catalogues/iso37120-2014.json';
import { SUBGRAPH_NAMES } from '../../lib/config';
import { GOLDEN_OPERATION } from '../golden/golden';
import { startTestStack, TEST_NOW, type TestStack } from '../support/stack';

const PROFILE = GOLDEN_OPERATION;
const CORE_IDS = catalogue.indicators.filter((i) => i.kind === 'core').map((i) => i.id);
const ECONOMY = catalogue.indicators.filter((i) => i.theme === 'Economy');

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

function valuesOf(cityId: string, year: number) {
  return t.dataset.indicators.indicator_values.filter((v) => v.cityId === cityId && v.year === year);
}

describe('the unified city profile', () => {
  test('returns every part for Makati', async () => {
    const { data, errors } = await t.query(PROFILE, { id: 'makati', year: 2014 });
    expect(errors).toBeUndefined();
    const city = data.city;
    expect(city).toMatchObject({ id: 'makati', name: 'Makati', country: 'PH', timezone: 'Asia/Manila' });
    expect(city.membership).toEqual({ category: 'FULL', status: 'ACTIVE', since: '1990-04-01', clusters: ['DISASTER', 'CLIMATE_CHANGE'] });
    expect(city.certification).toEqual({ year: 2016, level: 'PLATINUM', status: 'CERTIFIED' });
    // Makati 2014: 98 of 100 indicators verified (all 46 core + 52 supporting).
    expect(city.indicatorCoverage).toMatchObject({ coreVerified: 46, supportingVerified: 52, missingCore: [] });
    const economy = valuesOf('makati', 2014).filter((v) => ECONOMY.some((i) => i.id === v.indicatorId));
    expect(city.indicators).toHaveLength(economy.length);
    for (const entry of city.indicators) {
      const stored = economy.find((v) => v.indicatorId === entry.indicator.id)!;
      const def = ECONOMY.find((i) => i.id === entry.indicator.id)!;
      expect(entry).toEqual({
        indicator: { id: def.id, name: def.name, unit: def.unit, kind: def.kind.toUpperCase() },
        value: stored.value,
        status: stored.status,
      });
    }
    expect(Array.isArray(city.upcomingWorkshops)).toBe(true);
    for (const w of city.upcomingWorkshops) {
      expect(new Date(w.startsAt).getTime()).toBeGreaterThan(TEST_NOW.getTime());
      expect(['IN_PERSON', 'ONLINE', 'HYBRID']).toContain(w.format);
    }
  });

  test('resolves for every seeded city, with coverage matching the stored values', async () => {
    for (const cityDoc of t.dataset.membership.cities) {
      const { data, errors } = await t.query(PROFILE, { id: cityDoc._id, year: 2014 });
      expect(errors).toBeUndefined();
      expect(data.city.name).toBe(cityDoc.name);
      const member = t.dataset.membership.members.find((m) => m.cityId === cityDoc._id);
      expect(data.city.membership?.status ?? null).toBe(member?.status ?? null);
      const values = valuesOf(cityDoc._id, 2014);
      const verified = values.filter((v) => v.status === 'VERIFIED').map((v) => v.indicatorId);
      expect(data.city.indicatorCoverage.coreVerified).toBe(verified.filter((id) => CORE_IDS.includes(id)).length);
      expect(data.city.indicatorCoverage.supportingVerified).toBe(verified.filter((id) => !CORE_IDS.includes(id)).length);
      const reported = new Set(values.map((v) => v.indicatorId));
      expect(data.city.indicatorCoverage.missingCore.map((i: { id: string }) => i.id).sort()).toEqual(CORE_IDS.filter((id) => !reported.has(id)).sort());
      const certs = t.dataset.certification.certifications.filter((c) => c.cityId === cityDoc._id).sort((a, b) => b.year - a.year);
      expect(data.city.certification?.year ?? null).toBe(certs[0]?.year ?? null);
    }
  });

  test('an unknown city id gives null, not an error', async () => {
    const { data, errors } = await t.query(PROFILE, { id: 'atlantis' });
    expect(errors).toBeUndefined();
    expect(data.city).toBeNull();
  });
});

describe('the Global Cities Registry', () => {
  const REGISTRY = `query Registry($first: Int, $level: CertificationLevel, $year: Int) {
    registry(first: $first, level: $level, year: $year) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { city { id name country } year level awardedAt coverage { coreVerified supportingVerified earnedLevel } } }
    }
  }`;

  test('lists each certified city once, at its latest year, at every level, with the level its verified data earns', async () => {
    const { data, errors } = await t.query(REGISTRY, { first: 50 });
    expect(errors).toBeUndefined();
    const certified = t.dataset.certification.certifications.filter((c) => c.status === 'CERTIFIED');
    const cities = new Set(certified.map((c) => c.cityId));
    expect(data.registry.totalCount).toBe(cities.size);
    const nodes = data.registry.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.city.id)).size).toBe(cities.size);
    for (const node of nodes) {
      const latestYear = Math.max(...certified.filter((c) => c.cityId === node.city.id).map((c) => c.year));
      expect(node.year).toBe(latestYear);
      expect(node.city.name).toBeTruthy(); // resolved by the membership subgraph
      expect(node.coverage.earnedLevel).toBe(node.level); // computed across subgraphs via @requires
    }
    expect(new Set(nodes.map((n: any) => n.level))).toEqual(new Set(['PLATINUM', 'GOLD', 'SILVER', 'BRONZE', 'ASPIRATIONAL']));
    expect(nodes.find((n: any) => n.city.id === 'makati')).toMatchObject({ year: 2016, level: 'PLATINUM' });
  });

  test('filters by year and level', async () => {
    const { data, errors } = await t.query(REGISTRY, { first: 50, year: 2014, level: 'PLATINUM' });
    expect(errors).toBeUndefined();
    const expected = t.dataset.certification.certifications.filter((c) => c.year === 2014 && c.level === 'PLATINUM').map((c) => c.cityId);
    expect(data.registry.edges.map((e: any) => e.node.city.id).sort()).toEqual(expected.sort());
    expect(expected).toContain('makati');
  });
});

describe('batching: a list of N cities costs a constant number of database commands', () => {
  const CITIES = `query Cities($first: Int) {
    cities(first: $first) {
      edges { node {
        id name country timezone
        membership { category status since clusters }
        certification { year level status }
        indicatorCoverage(year: 2014) { coreVerified supportingVerified missingCore { id } }
        indicators(year: 2014, theme: "Economy") { indicator { id name unit kind } value status }
        upcomingWorkshops { title startsAt format }
      } }
    }
  }`;

  /** Per subgraph: commands that are not primary-key lookups (queries, scans, counts), and lookups by `_id`. */
  async function commandsFor(first: number): Promise<Record<string, { queries: number; lookups: number; sent: string[] }>> {
    for (const name of SUBGRAPH_NAMES) t.recorders[name].reset();
    const { data, errors } = await t.query(CITIES, { first });
    expect(errors).toBeUndefined();
    expect(data.cities.edges).toHaveLength(first);
    return Object.fromEntries(
      // Background work (event feeds and consumers, the data layer's size probes) is not part of the answer.
      SUBGRAPH_NAMES.map((name) => {
        const request = t.recorders[name].entries.filter((e) => !e.background);
        const queries = request.filter((e) => !e.byId);
        // `sent`: what the queries were, shown when a bound below fails.
        return [
          name,
          {
            queries: queries.length,
            lookups: request.length - queries.length,
            sent: queries.map((e) => `${e.command} ${e.collection} ${JSON.stringify(e.body?.filter ?? e.body?.deletes ?? '')}`),
          },
        ];
      }),
    );
  }

  test('10 cities and 30 cities send the same queries per subgraph; only primary-key lookups may grow with the list', async () => {
    // The gateway asks each subgraph once per level (_entities with every representation), and each
    // subgraph's loaders batch: on MongoDB one `$in` per collection, on FerretDB (which scans for
    // anything but `{_id: <string>}`) either one scan or one `{_id}` lookup per id, whichever reads
    // less (lib/db/access.ts). Either way no query is repeated per city.
    const ten = await commandsFor(10);
    const thirty = await commandsFor(30);
    for (const name of SUBGRAPH_NAMES) {
      expect({ name, queries: thirty[name].queries, sent: thirty[name].sent }).toEqual({ name, queries: ten[name].queries, sent: expect.any(Array) });
      expect(thirty[name].lookups).toBeLessThanOrEqual(ten[name].lookups + 20 * 3);
    }
    // At most a few queries per subgraph fetch (plus one count for totalCount). Workshops: the cities'
    // registrations, the workshops they host, and the workshops they registered for (by id: one scan
    // or a lookup per id, whichever reads less, so 2 or 3).
    const bounds = { membership: 4, indicators: 2, certification: 1, workshops: 3 };
    for (const name of SUBGRAPH_NAMES)
      expect({ name, withinBound: ten[name].queries <= bounds[name], sent: ten[name].sent }).toEqual({ name, withinBound: true, sent: ten[name].sent });
  });
});

describe('bad input', () => {
  test.each([
    ['negative first', '{ cities(first: -1) { totalCount } }', 'first'],
    ['first above the maximum', '{ cities(first: 100000) { totalCount } }', 'first'],
    ['unknown theme', '{ city(id: "makati") { indicators(year: 2014, theme: "Astrology") { value } } }', 'theme'],
    ['year out of range', '{ city(id: "makati") { indicatorCoverage(year: 1850) { coreVerified } } }', 'year'],
    ['malformed cursor', '{ registry(first: 5, after: "not-a-cursor") { totalCount } }', 'after'],
  ])('%s gives BAD_USER_INPUT naming the argument', async (_name, query, argument) => {
    const { errors } = await t.query(query);
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toContain(argument);
  });
});

describe('bad input caught by a subgraph', () => {
  test('a malformed DateTime variable is BAD_USER_INPUT with the subgraph\'s message, not "service unavailable"', async () => {
    const { data, errors } = await t.query('query W($from: DateTime) { workshops(from: $from) { totalCount } }', { from: '2026-13-45T99:00:00Z' });
    expect(data ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toMatch(/DateTime/);
    // The gateway applies the subgraphs' scalar rules before execution (gateway/limits/scalars.ts):
    // a request error like any other, and no subgraph is called.
    expect(errors![0].extensions.serviceName).toBeUndefined();
  });
});

describe('HTTP', () => {
  test('GET /health answers 200', async () => {
    const response = await fetch(t.stack.gatewayUrl.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('each subgraph answers /ready when its database answers', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const response = await fetch(t.stack.subgraphUrls[name].replace('/graphql', '/ready'));
      expect(response.status).toBe(200);
    }
  });
});
