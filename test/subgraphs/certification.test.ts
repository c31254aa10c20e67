import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { DATABASE_NAMES, type SubgraphSettings } from '../../lib/config';
import type { SubgraphService } from '../../lib/subgraph/service';
import type { CertificationDoc } from '../../subgraphs/certification/data/types';
import type { SampleDataset } from '../../data/sample/types';
import type { Context } from '../../subgraphs/certification/context';
import { earnedLevel, levelRank, loadLevelTable, parseLevelTable, type CertificationLevel } from '../../subgraphs/certification/levels';
import { seed } from '../../subgraphs/certification/seed';
import { createServer } from '../../subgraphs/certification/server';
import { openTestMongo, type TestMongo } from '../support/mongo';

const settings: SubgraphSettings = { dbPrefix: '', defaultPageSize: 20, maxPageSize: 100, minDataYear: 2014, maxDataYear: 2024, now: () => new Date() };

function cert(
  cityId: string,
  country: string,
  year: number,
  status: CertificationDoc['status'],
  level: CertificationLevel | null = null,
  latest = false,
): CertificationDoc {
  return {
    _id: `${cityId}:${year}`,
    cityId,
    country,
    year,
    status,
    level,
    levelRank: levelRank(level),
    verifierOrganisation: status === 'CERTIFIED' ? 'Verifier Inc.' : null,
    awardedAt: status === 'CERTIFIED' ? new Date(Date.UTC(year + 1, 2, 1)) : null,
    latest,
    sampleData: true,
  };
}

const fixtures: CertificationDoc[] = [
  cert('toronto', 'CA', 2014, 'CERTIFIED', 'PLATINUM'),
  cert('toronto', 'CA', 2015, 'CERTIFIED', 'PLATINUM', true),
  cert('toronto', 'CA', 2016, 'UNDER_VERIFICATION'),
  cert('markham', 'CA', 2015, 'CERTIFIED', 'GOLD'),
  cert('markham', 'CA', 2016, 'CERTIFIED', 'PLATINUM', true),
  cert('taipei', 'TW', 2016, 'CERTIFIED', 'PLATINUM', true),
  cert('amman', 'JO', 2014, 'CERTIFIED', 'SILVER'),
  cert('amman', 'JO', 2015, 'CERTIFIED', 'GOLD', true),
  cert('pune', 'IN', 2016, 'CERTIFIED', 'SILVER', true),
  cert('surat', 'IN', 2016, 'CERTIFIED', 'BRONZE', true),
  cert('jamshedpur', 'IN', 2016, 'CERTIFIED', 'ASPIRATIONAL', true),
  cert('chennai', 'IN', 2016, 'ENROLLED'),
  cert('haiphong', 'VN', 2015, 'REJECTED'),
];
// 50 more cities for the batching test, three certifications each: 150 documents, more than the driver's
// default first batch (101), so getMore round trips would show up in the command count.
const manyCities = Array.from({ length: 50 }, (_, i) => `city-${String(i).padStart(2, '0')}`);
const manyCerts = manyCities.flatMap((c) => [cert(c, 'XX', 2017, 'REJECTED'), cert(c, 'XX', 2018, 'ENROLLED'), cert(c, 'XX', 2016, 'REJECTED')]);

let mongo: TestMongo;
let db: Db;
let service: SubgraphService<Context>;

type Result = { data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };

async function run(query: string, variables: Record<string, unknown> = {}, svc: SubgraphService<Context> = service): Promise<Result> {
  const response = await svc.server.executeOperation({ query, variables }, { contextValue: svc.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  mongo = await openTestMongo();
  db = mongo.client.db(mongo.prefix + DATABASE_NAMES.certification);
  service = await createServer({ db, settings: { ...settings, dbPrefix: mongo.prefix } });
  await db.collection<CertificationDoc>('certifications').insertMany([...fixtures, ...manyCerts]);
});

afterAll(async () => {
  await service?.stop();
  await mongo?.cleanup();
});

describe('level table', () => {
  const boundaries: [number, number, CertificationLevel | null][] = [
    [29, 0, null],
    [30, 0, 'ASPIRATIONAL'],
    [45, 54, 'ASPIRATIONAL'],
    [46, 0, 'BRONZE'],
    [46, 13, 'BRONZE'],
    [46, 14, 'SILVER'],
    [46, 23, 'SILVER'],
    [46, 24, 'GOLD'],
    [46, 33, 'GOLD'],
    [46, 34, 'PLATINUM'],
    [46, 54, 'PLATINUM'],
  ];

  test.each(boundaries)('earnedLevel(%i, %i) = %s', (core, supporting, level) => {
    expect(earnedLevel(core, supporting)).toBe(level);
  });

  test('certificationLevels returns the default table, highest first', async () => {
    const r = await run(`{ certificationLevels { level minCoreVerified minSupportingVerified } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.certificationLevels).toEqual([
      { level: 'PLATINUM', minCoreVerified: 46, minSupportingVerified: 34 },
      { level: 'GOLD', minCoreVerified: 46, minSupportingVerified: 24 },
      { level: 'SILVER', minCoreVerified: 46, minSupportingVerified: 14 },
      { level: 'BRONZE', minCoreVerified: 46, minSupportingVerified: 0 },
      { level: 'ASPIRATIONAL', minCoreVerified: 30, minSupportingVerified: 0 },
    ]);
  });

  test('invalid tables are rejected with clear messages', () => {
    const row = (level: string, c: number, s: number) => ({ level, minCoreVerified: c, minSupportingVerified: s });
    const bad: [unknown, RegExp][] = [
      [[], /JSON object/],
      [{ levels: [] }, /non-empty array/],
      [{ levels: [row('DIAMOND', 1, 1)] }, /levels\[0\]\.level must be one of/],
      [{ levels: [row('GOLD', -1, 0)] }, /levels\[0\]\.minCoreVerified must be a non-negative integer/],
      [{ levels: [row('GOLD', 1.5, 0)] }, /minCoreVerified/],
      [{ levels: [row('BRONZE', 46, 0), row('GOLD', 46, 24)] }, /highest first/],
      [{ levels: [row('GOLD', 46, 24), row('GOLD', 46, 20)] }, /highest first and once each/],
      [{ levels: [row('GOLD', 46, 10), row('SILVER', 46, 14)] }, /GOLD .* must require more than SILVER/],
      [{ levels: [row('GOLD', 46, 14), row('SILVER', 46, 14)] }, /must require more/],
    ];
    for (const [json, message] of bad) expect(() => parseLevelTable(json, 'test.json')).toThrow(message);
    expect(() => parseLevelTable({ levels: [row('GOLD', 10, 0)] }, 'x')).not.toThrow();
  });

  test('the table file is configurable (CERTIFICATION_LEVELS_PATH) and drives earnedLevel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'levels-'));
    const path = join(dir, 'levels.json');
    const previous = process.env.CERTIFICATION_LEVELS_PATH;
    try {
      writeFileSync(path, JSON.stringify({ edition: 'ISO 37120:2018', levels: [{ level: 'GOLD', minCoreVerified: 10, minSupportingVerified: 5 }, { level: 'BRONZE', minCoreVerified: 5, minSupportingVerified: 0 }] }));
      process.env.CERTIFICATION_LEVELS_PATH = path;
      const table = loadLevelTable();
      expect(table.edition).toBe('ISO 37120:2018');
      expect(earnedLevel(10, 5, table)).toBe('GOLD');
      expect(earnedLevel(10, 4, table)).toBe('BRONZE');
      expect(earnedLevel(4, 50, table)).toBeNull();

      const custom = await createServer({ db, settings }, { levels: table });
      try {
        const r = await run(
          `{ certificationLevels { level } _entities(representations: [{__typename: "IndicatorCoverage", cityId: "x", year: 2016, coreVerified: 12, supportingVerified: 6}]) { ... on IndicatorCoverage { earnedLevel } } }`,
          {},
          custom,
        );
        expect(r.errors).toBeUndefined();
        expect(r.data!.certificationLevels).toEqual([{ level: 'GOLD' }, { level: 'BRONZE' }]);
        expect(r.data!._entities).toEqual([{ earnedLevel: 'GOLD' }]);
      } finally {
        await custom.stop();
      }

      writeFileSync(path, '{ not json');
      expect(() => loadLevelTable()).toThrow(/levels\.json: not valid JSON/);
      expect(() => loadLevelTable(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot be read/);
    } finally {
      if (previous === undefined) delete process.env.CERTIFICATION_LEVELS_PATH;
      else process.env.CERTIFICATION_LEVELS_PATH = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('registry', () => {
  const REGISTRY = `query($year: Int, $level: CertificationLevel, $country: String, $first: Int, $after: String) {
    registry(year: $year, level: $level, country: $country, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id year level status city { id } } } } }`;
  const ids = (r: Result) => r.data!.registry.edges.map((e: any) => e.node.id);

  test("default: each city's latest CERTIFIED, by level then city", async () => {
    const r = await run(REGISTRY);
    expect(r.errors).toBeUndefined();
    expect(ids(r)).toEqual(['markham:2016', 'taipei:2016', 'toronto:2015', 'amman:2015', 'pune:2016', 'surat:2016', 'jamshedpur:2016']);
    expect(r.data!.registry.totalCount).toBe(7);
    expect(r.data!.registry.edges[0].node).toEqual({ id: 'markham:2016', year: 2016, level: 'PLATINUM', status: 'CERTIFIED', city: { id: 'markham' } });
  });

  test('by year, level and country', async () => {
    const y2016 = await run(REGISTRY, { year: 2016 });
    expect(ids(y2016)).toEqual(['markham:2016', 'taipei:2016', 'pune:2016', 'surat:2016', 'jamshedpur:2016']);
    const y2015 = await run(REGISTRY, { year: 2015 });
    expect(ids(y2015)).toEqual(['toronto:2015', 'amman:2015', 'markham:2015']);
    expect(y2015.data!.registry.totalCount).toBe(3);
    const gold = await run(REGISTRY, { level: 'GOLD' });
    expect(ids(gold)).toEqual(['amman:2015']);
    const canada = await run(REGISTRY, { country: 'CA' });
    expect(ids(canada)).toEqual(['markham:2016', 'toronto:2015']);
    const india2016Silver = await run(REGISTRY, { country: 'IN', year: 2016, level: 'SILVER' });
    expect(ids(india2016Silver)).toEqual(['pune:2016']);
    const none = await run(REGISTRY, { country: 'VN' });
    expect(none.data!.registry).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, startCursor: null } });
  });

  test('pagination with first/after, pageInfo and totalCount', async () => {
    const p1 = await run(REGISTRY, { first: 3 });
    expect(ids(p1)).toEqual(['markham:2016', 'taipei:2016', 'toronto:2015']);
    expect(p1.data!.registry.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(p1.data!.registry.totalCount).toBe(7);
    const p2 = await run(REGISTRY, { first: 3, after: p1.data!.registry.pageInfo.endCursor });
    expect(ids(p2)).toEqual(['amman:2015', 'pune:2016', 'surat:2016']);
    expect(p2.data!.registry.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const p3 = await run(REGISTRY, { first: 3, after: p2.data!.registry.pageInfo.endCursor });
    expect(ids(p3)).toEqual(['jamshedpur:2016']);
    expect(p3.data!.registry.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const zero = await run(REGISTRY, { first: 0 });
    expect(zero.data!.registry).toMatchObject({ edges: [], totalCount: 7, pageInfo: { hasNextPage: true } });
  });

  test('bad input is BAD_USER_INPUT naming the argument', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ first: -1 }, /first/],
      [{ first: 101 }, /first/],
      [{ after: 'not-a-cursor' }, /after/],
      [{ country: 'ca' }, /country/],
      [{ country: 'CAN' }, /country/],
      [{ year: 2013 }, /year/],
      [{ year: 2025 }, /year/],
    ];
    for (const [variables, message] of cases) {
      const r = await run(REGISTRY, variables);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toMatch(message);
    }
  });
});

describe('certification query', () => {
  test('by city and year; null when none; year validated', async () => {
    const r = await run(`{ a: certification(cityId: "toronto", year: 2015) { id year status level verifierOrganisation awardedAt sampleData city { id } coverage { cityId year } }
                           b: certification(cityId: "toronto", year: 2020) { id }
                           c: certification(cityId: "chennai", year: 2016) { status level awardedAt verifierOrganisation } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.a).toEqual({
      id: 'toronto:2015',
      year: 2015,
      status: 'CERTIFIED',
      level: 'PLATINUM',
      verifierOrganisation: 'Verifier Inc.',
      awardedAt: '2016-03-01T00:00:00.000Z',
      sampleData: true,
      city: { id: 'toronto' },
      coverage: { cityId: 'toronto', year: 2015 },
    });
    expect(r.data!.b).toBeNull();
    expect(r.data!.c).toEqual({ status: 'ENROLLED', level: null, awardedAt: null, verifierOrganisation: null });
    const bad = await run(`{ certification(cityId: "toronto", year: 1999) { id } }`);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('_entities', () => {
  test('City: latest certification whatever its status, and all of them latest first', async () => {
    const r = await run(`{ _entities(representations: [
        {__typename: "City", id: "toronto"}, {__typename: "City", id: "haiphong"}, {__typename: "City", id: "nowhere"}]) {
        ... on City { id certification { id status level } certifications { year status } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual([
      {
        id: 'toronto',
        certification: { id: 'toronto:2016', status: 'UNDER_VERIFICATION', level: null },
        certifications: [
          { year: 2016, status: 'UNDER_VERIFICATION' },
          { year: 2015, status: 'CERTIFIED' },
          { year: 2014, status: 'CERTIFIED' },
        ],
      },
      { id: 'haiphong', certification: { id: 'haiphong:2015', status: 'REJECTED', level: null }, certifications: [{ year: 2015, status: 'REJECTED' }] },
      { id: 'nowhere', certification: null, certifications: [] },
    ]);
  });

  test('Certification by id; unknown -> null', async () => {
    const r = await run(`{ _entities(representations: [
        {__typename: "Certification", id: "amman:2014"}, {__typename: "Certification", id: "amman:1999"}, {__typename: "Certification", id: "pune:2016"}]) {
        ... on Certification { id year level city { id } coverage { cityId year } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual([
      { id: 'amman:2014', year: 2014, level: 'SILVER', city: { id: 'amman' }, coverage: { cityId: 'amman', year: 2014 } },
      null,
      { id: 'pune:2016', year: 2016, level: 'SILVER', city: { id: 'pune' }, coverage: { cityId: 'pune', year: 2016 } },
    ]);
  });

  test('IndicatorCoverage: earnedLevel from the @requires fields, without the database', async () => {
    const counts: [number, number, CertificationLevel | null][] = [
      [29, 0, null],
      [30, 0, 'ASPIRATIONAL'],
      [45, 54, 'ASPIRATIONAL'],
      [46, 0, 'BRONZE'],
      [46, 13, 'BRONZE'],
      [46, 14, 'SILVER'],
      [46, 24, 'GOLD'],
      [46, 34, 'PLATINUM'],
    ];
    const reps = counts.map(([coreVerified, supportingVerified], i) => ({ __typename: 'IndicatorCoverage', cityId: `c${i}`, year: 2016, coreVerified, supportingVerified }));
    mongo.recorder.reset();
    const r = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on IndicatorCoverage { cityId year earnedLevel } } }`, { reps });
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual(counts.map(([, , level], i) => ({ cityId: `c${i}`, year: 2016, earnedLevel: level })));
    expect(mongo.recorder.count()).toBe(0);
  });

  test('IndicatorCoverage without the required fields is an error, not a wrong level', async () => {
    const r = await run(`{ _entities(representations: [{__typename: "IndicatorCoverage", cityId: "x", year: 2016}]) { ... on IndicatorCoverage { earnedLevel } } }`);
    expect(r.errors?.[0].message).toMatch(/coreVerified and supportingVerified/);
  });

  test('City lists cost the same single query for 10 and 50 cities', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on City { id certification { id year status } certifications { id year } } } }`;
    const countFor = async (n: number) => {
      const reps = manyCities.slice(0, n).map((id) => ({ __typename: 'City', id }));
      mongo.recorder.reset();
      const r = await run(query, { reps });
      expect(r.errors).toBeUndefined();
      expect(r.data!._entities).toHaveLength(n);
      for (const [i, city] of r.data!._entities.entries()) {
        expect(city.certification).toEqual({ id: `${manyCities[i]}:2018`, year: 2018, status: 'ENROLLED' });
        expect(city.certifications.map((c: any) => c.year)).toEqual([2018, 2017, 2016]);
      }
      // Every data command counts, getMore included.
      return mongo.recorder.count();
    };
    const ten = await countFor(10);
    const fifty = await countFor(50);
    expect(ten).toBe(fifty);
    expect(fifty).toBe(1);
  });

  test('Certification lists are one query too', async () => {
    const reps = manyCities.map((c) => ({ __typename: 'Certification', id: `${c}:2017` }));
    mongo.recorder.reset();
    const r = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Certification { id status } } }`, { reps });
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.every((c: any) => c.status === 'REJECTED')).toBe(true);
    expect(mongo.recorder.count((e) => e.command === 'find')).toBe(1);
  });
});

describe('indexes and seed', () => {
  test('one certification per city and year; a restart keeps the indexes', async () => {
    await expect(db.collection<CertificationDoc>('certifications').insertOne({ ...fixtures[0], _id: 'dup' })).rejects.toThrow(/duplicate key/i);
    const again = await createServer({ db, settings });
    await again.stop();
    const names = (await db.collection('certifications').listIndexes().toArray()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'city_year', 'status_latest_level', 'status_year']);
  });

  test('seed inserts once, then is a no-op', async () => {
    const seedDb = mongo.client.db(mongo.prefix + 'seed_' + DATABASE_NAMES.certification);
    const dataset = { certification: { certifications: fixtures } } as unknown as SampleDataset;
    expect(await seed(seedDb, dataset)).toBe(true);
    expect(await seedDb.collection('certifications').countDocuments()).toBe(fixtures.length);
    expect(await seed(seedDb, dataset)).toBe(false);
    expect(await seedDb.collection('certifications').countDocuments()).toBe(fixtures.length);
  });
});
