import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandStartedEvent, Db, Document } from 'mongodb';
import { engineOf, type DbEngine } from '../../lib/db/engine';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { DATABASE_NAMES, type SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import { entityTag, listsTag, typeTag } from '../../lib/cache/tags';
import type { AuditEntryDoc } from '../../lib/db/audit-entry';
import type { DeliveredEvent } from '../../lib/db/events';
import type { LegacyCertificationRecord } from '../../subgraphs/certification/data/types';
import type { SubgraphService } from '../../lib/subgraph/service';
import type { CertificationDoc } from '../../subgraphs/certification/data/types';
import type { SampleDataset } from '../../data/sample/types';
import type { Context } from '../../subgraphs/certification/context';
import { earnedLevel, levelRank, loadLevelTable, parseLevelTable, type CertificationLevel } from '../../subgraphs/certification/domain/levels';
import { seed } from '../../subgraphs/certification/seed';
import { createServer } from '../../subgraphs/certification/server';
import { defaultLevelTable } from '../../subgraphs/certification/domain/levels';
import { defaultVerifierOrganisations, parseVerifierOrganisations } from '../../subgraphs/certification/domain/organisations';
import { defaultValidityRule, parseValidityRule, shownStatus } from '../../subgraphs/certification/domain/validity';
import { snapshot } from '../../subgraphs/certification/workflows/certify';
import { buildSampleDataset } from '../../data/sample/dataset';
import type { CertificationRecord } from '../../subgraphs/certification/data/types';
import { indicatorsHandlers, membershipHandlers } from '../../subgraphs/certification/workflows/follow';
import { openTestMongo, type TestMongo } from '../support/mongo';

/** The clock of these tests: mid-2022, so data years from 2020 are in force (validity: 2 years). */
const NOW = new Date('2022-06-01T00:00:00Z');
const settings: SubgraphSettings = { dbPrefix: '', defaultPageSize: 20, maxPageSize: 100, minDataYear: 2014, maxDataYear: 2024, now: () => new Date(NOW) };

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
let engine: DbEngine;

type Result = { data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };

async function run(query: string, variables: Record<string, unknown> = {}, svc: SubgraphService<Context> = service): Promise<Result> {
  const response = await svc.server.executeOperation({ query, variables }, { contextValue: svc.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const codes = (r: Result) => (r.errors ?? []).map((e) => e.extensions?.code);

/** The filters of the `find`s on certifications (and the getMores) issued while `action` runs. */
async function commandsDuring<T>(action: () => Promise<T>): Promise<{ result: T; finds: Document[]; findCommands: Document[]; getMores: number }> {
  const findCommands: Document[] = [];
  let getMores = 0;
  const listener = (event: CommandStartedEvent) => {
    if (event.databaseName !== db.databaseName) return;
    if (event.commandName === 'find' && event.command.find === 'certifications') findCommands.push(event.command);
    if (event.commandName === 'getMore') getMores++;
  };
  mongo.client.on('commandStarted', listener);
  try {
    const result = await action();
    return { result, finds: findCommands.map((c) => c.filter), findCommands, getMores };
  } finally {
    mongo.client.off('commandStarted', listener);
  }
}

/**
 * The shape lib/db/access.ts picks per engine: on FerretDB one literal `{_id: id}` per id (the one
 * filter it serves from its primary key), on MongoDB one `$in` on `_id`; each id asked once.
 */
function expectIdLookups(finds: Document[], ids: string[]): void {
  // On FerretDB either one lookup per id or, when the collection is small enough (lib/db/access.ts's
  // cost model), one `$in` scan: never more than one command per id.
  if (engine === 'ferretdb' && !(finds.length === 1 && finds[0]._id?.$in)) {
    for (const filter of finds) expect(Object.keys(filter)).toEqual(['_id']);
    expect(finds.map((f) => f._id).sort()).toEqual([...ids].sort());
  } else {
    expect(finds).toHaveLength(1);
    expect([...finds[0]._id.$in].sort()).toEqual([...ids].sort());
  }
}

beforeAll(async () => {
  mongo = await openTestMongo();
  db = mongo.client.db(mongo.prefix + DATABASE_NAMES.certification);
  service = await createServer({ db, settings: { ...settings, dbPrefix: mongo.prefix } });
  engine = await engineOf(db);
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
      writeFileSync(
        path,
        JSON.stringify({
          edition: 'ISO 37120:2018',
          levels: [
            { level: 'GOLD', minCoreVerified: 10, minSupportingVerified: 5 },
            { level: 'BRONZE', minCoreVerified: 5, minSupportingVerified: 0 },
          ],
        }),
      );
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
    // A page loads no more than the page (and one row to tell whether more follow), from its position
    // (keyset: no skip), without workflow internals.
    const { findCommands } = await commandsDuring(() => run(REGISTRY, { first: 3, after: p1.data!.registry.pageInfo.endCursor }));
    expect(findCommands).toHaveLength(1);
    expect(findCommands[0]).toMatchObject({ limit: 4, projection: { outbox: 0 } });
    expect(findCommands[0].skip).toBeUndefined();
    // A cursor stays a position: a city listed before it meanwhile neither repeats nor shifts the next page.
    await db.collection<CertificationDoc>('certifications').insertOne(cert('aaa-city', 'CA', 2016, 'CERTIFIED', 'PLATINUM', true));
    try {
      const again = await run(REGISTRY, { first: 3, after: p1.data!.registry.pageInfo.endCursor });
      expect(ids(again)).toEqual(['amman:2015', 'pune:2016', 'surat:2016']);
      expect(again.data!.registry.totalCount).toBe(8);
    } finally {
      await db.collection('certifications').deleteOne({ _id: 'aaa-city:2016' as any });
    }
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
    const r =
      await run(`{ a: certification(cityId: "toronto", year: 2015) { id year status level verifierOrganisation awardedAt sampleData city { id } coverage { cityId year } }
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
    const reps = counts.map(([coreVerified, supportingVerified], i) => ({
      __typename: 'IndicatorCoverage',
      cityId: `c${i}`,
      year: 2016,
      coreVerified,
      supportingVerified,
    }));
    mongo.recorder.reset();
    const r = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on IndicatorCoverage { cityId year earnedLevel } } }`, { reps });
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual(counts.map(([, , level], i) => ({ cityId: `c${i}`, year: 2016, earnedLevel: level })));
    expect(mongo.recorder.count()).toBe(0);
  });

  test('IndicatorCoverage without the required fields is an error, not a wrong level', async () => {
    const r = await run(
      `{ _entities(representations: [{__typename: "IndicatorCoverage", cityId: "x", year: 2016}]) { ... on IndicatorCoverage { earnedLevel } } }`,
    );
    expect(r.errors?.[0].message).toMatch(/coreVerified and supportingVerified/);
  });

  test('City lists cost the same single query for 10 and 50 cities', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on City { id certification { id year status } certifications { id year } } } }`;
    const countFor = async (n: number) => {
      const reps = manyCities.slice(0, n).map((id) => ({ __typename: 'City', id }));
      mongo.recorder.reset();
      const { result: r, finds } = await commandsDuring(() => run(query, { reps }));
      expect(r.errors).toBeUndefined();
      expect(r.data!._entities).toHaveLength(n);
      for (const [i, city] of r.data!._entities.entries()) {
        expect(city.certification).toEqual({ id: `${manyCities[i]}:2018`, year: 2018, status: 'ENROLLED' });
        expect(city.certifications.map((c: any) => c.year)).toEqual([2018, 2017, 2016]);
      }
      // By city, not by the ids of every data year (one primary-key lookup per id would cost far more on FerretDB).
      expect(finds).toEqual([{ cityId: { $in: manyCities.slice(0, n) } }]);
      // Every data command counts, getMore included.
      return mongo.recorder.count();
    };
    const ten = await countFor(10);
    const fifty = await countFor(50);
    expect(ten).toBe(fifty);
    expect(fifty).toBe(1);
  });

  test('Certification lists are looked up by _id, each certification once', async () => {
    const reps = manyCities.map((c) => ({ __typename: 'Certification', id: `${c}:2017` }));
    const { result: r, finds } = await commandsDuring(() =>
      run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Certification { id status } } }`, { reps }),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities.every((c: any) => c.status === 'REJECTED')).toBe(true);
    expectIdLookups(
      finds,
      reps.map((c) => c.id),
    );
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
    const seedDb = mongo.client.db(`${mongo.prefix}seed_${DATABASE_NAMES.certification}`);
    const dataset = { certification: { certifications: fixtures } } as unknown as SampleDataset;
    expect(await seed(seedDb, dataset)).toBe(true);
    expect(await seedDb.collection('certifications').countDocuments()).toBe(fixtures.length);
    expect(await seed(seedDb, dataset)).toBe(false);
    expect(await seedDb.collection('certifications').countDocuments()).toBe(fixtures.length);
  });
});

const STAFF: AuthUser = { sub: 'wccd-staff-1', roles: ['WCCD_STAFF'] };

const SILVER_DATA = { coreVerified: 46, supportingVerified: 20, coreReported: 46, supportingReported: 54 };

/** Runs an operation as `user`; returns the result and what it declared changed. */
async function runAs(user: AuthUser | null, query: string, variables: Record<string, unknown> = {}, svc = service) {
  const contextValue = svc.createContext(user);
  const response = await svc.server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { result: response.body.singleResult as Result & { extensions?: Record<string, any> }, changes: contextValue.changes };
}

/**
 * What the other domains tell certification, applied by the real event handlers (workflows/follow.ts)
 * as the consumers would: membership announces a city, indicators a submission, a verdict and coverage.
 */
const followDeps = () => ({
  db,
  settings: { ...settings, dbPrefix: mongo.prefix },
  levels: defaultLevelTable(),
  organisations: defaultVerifierOrganisations(),
  validity: defaultValidityRule(),
});
let seq = 10_000;
const delivered = (type: string, id: string, payload: Record<string, unknown>): DeliveredEvent => ({ _id: id, type, at: NOW, payload, seq: ++seq });
async function knownCity(cityId: string, country = 'KR') {
  await membershipHandlers(followDeps())['city.admitted'](
    delivered('city.admitted', `city.admitted:${cityId}`, { cityId, name: cityId, country, region: 'EAST_ASIA' }),
  );
}
/** Values submitted (report v1), a first verdict (v2) and the coverage it leaves (v2). */
async function reported(cityId: string, year: number, counts = SILVER_DATA) {
  const handlers = indicatorsHandlers(followDeps());
  const by = { sub: 'officer', roles: ['CITY_OFFICER'] };
  await handlers['indicators.submitted'](
    delivered('indicators.submitted', `indicators.submitted:${cityId}:${year}:v1`, { cityId, year, version: 1, submittedAt: NOW.toISOString(), by }),
  );
  await handlers['indicators.verdict'](
    delivered('indicators.verdict', `indicators.verdict:${cityId}:${year}:v2`, {
      cityId,
      year,
      version: 2,
      verdicts: [],
      by: { sub: 'verifier', roles: ['VERIFIER'] },
    }),
  );
  await handlers['coverage.changed'](delivered('coverage.changed', `coverage.changed:${cityId}:${year}:v2`, { cityId, year, version: 2, ...counts }));
}

const OPEN = `mutation($cityId: ID!, $year: Int!) { openCertification(cityId: $cityId, year: $year) { id status } }`;
const ASSIGN = `mutation($cityId: ID!, $year: Int!, $org: ID!) { assignVerifier(cityId: $cityId, year: $year, verifierOrganisationId: $org) { id status verifierOrganisationId } }`;
const AWARD = `mutation($cityId: ID!, $year: Int!, $level: CertificationLevel) { awardCertification(cityId: $cityId, year: $year, level: $level) { id status level } }`;
const REJECT = `mutation($cityId: ID!, $year: Int!, $reason: String!) { rejectCertification(cityId: $cityId, year: $year, reason: $reason) { id status rejectionReason } }`;

const certificationTags = (cityId: string, year: number) => [
  entityTag('certification', 'Certification', { id: `${cityId}:${year}` }),
  entityTag('certification', 'City', { id: cityId }),
  entityTag('certification', 'AuditTrail', { cityId, year }),
  listsTag('certification'),
];

/** Opened, assigned and reported up to UNDER_VERIFICATION (ready to be awarded). */
async function certifiedUpTo(cityId: string, year: number, earned = SILVER_DATA) {
  await knownCity(cityId);
  expect((await runAs(STAFF, OPEN, { cityId, year })).result.errors).toBeUndefined();
  expect((await runAs(STAFF, ASSIGN, { cityId, year, org: 'bsi' })).result.errors).toBeUndefined();
  await reported(cityId, year, earned);
}

async function certified(cityId: string, year: number, earned = SILVER_DATA) {
  await knownCity(cityId);
  expect((await runAs(STAFF, OPEN, { cityId, year })).result.errors).toBeUndefined();
  expect((await runAs(STAFF, ASSIGN, { cityId, year, org: 'bsi' })).result.errors).toBeUndefined();
  await reported(cityId, year, earned);
  const award = await runAs(STAFF, AWARD, { cityId, year });
  expect(award.result.errors).toBeUndefined();
  return award;
}

const stored = (id: string) => db.collection<LegacyCertificationRecord & { outbox?: unknown }>('certifications').findOne({ _id: id });
const auditOf = (cityId: string, year: number) => db.collection<AuditEntryDoc>('audit').find({ cityId, year }).sort({ seq: 1 }).toArray();

describe('the workflow writes: one audited write each, and what it declares changed', () => {
  test('open, assign, assign again, award, reject: the tags of each, nothing when nothing changed or the write was refused', async () => {
    await knownCity('testville');
    const open = await runAs(STAFF, OPEN, { cityId: 'testville', year: 2020 });
    expect(open.result.errors).toBeUndefined();
    expect(open.changes.tags.sort()).toEqual(certificationTags('testville', 2020).sort());
    // The subgraph sends them along with the answer (and published them before answering).
    expect(open.result.extensions?.invalidations).toEqual({ tags: open.changes.tags, declared: true });

    const assign = await runAs(STAFF, ASSIGN, { cityId: 'testville', year: 2020, org: 'bsi' });
    // The status stays: the work moves it on.
    expect(assign.result.data!.assignVerifier).toEqual({ id: 'testville:2020', status: 'ENROLLED', verifierOrganisationId: 'bsi' });
    expect(assign.changes.tags.sort()).toEqual(certificationTags('testville', 2020).sort());

    // Already so: nothing written, and it says so (no invalidation at all).
    const again = await runAs(STAFF, ASSIGN, { cityId: 'testville', year: 2020, org: 'bsi' });
    expect(again.result.errors).toBeUndefined();
    expect(again.changes).toMatchObject({ declared: true, tags: [] });
    expect(again.result.extensions?.invalidations).toBeUndefined();

    // Indicators: submitted (DATA_SUBMITTED), a first verdict (UNDER_VERIFICATION), coverage earning SILVER.
    await reported('testville', 2020);
    const award = await runAs(STAFF, AWARD, { cityId: 'testville', year: 2020 });
    expect(award.result.data!.awardCertification).toEqual({ id: 'testville:2020', status: 'CERTIFIED', level: 'SILVER' });
    // An award changes who may mentor: every gap's mentor pool.
    expect(award.changes.tags.sort()).toEqual([...certificationTags('testville', 2020), typeTag('certification', 'CertificationGap')].sort());

    const refused = await runAs(STAFF, AWARD, { cityId: 'testville', year: 2020 });
    expect(codes(refused.result)).toEqual(['CONFLICT']);
    expect(refused.changes.tags).toEqual([]);

    await runAs(STAFF, OPEN, { cityId: 'testville', year: 2021 });
    const reject = await runAs(STAFF, REJECT, { cityId: 'testville', year: 2021, reason: '  Incomplete   data year ' });
    expect(reject.result.data!.rejectCertification).toEqual({ id: 'testville:2021', status: 'REJECTED', rejectionReason: 'Incomplete data year' });
    expect(reject.changes.tags.sort()).toEqual(certificationTags('testville', 2021).sort());

    // Each change is one version with its audit entry, copied to `audit` and the outbox emptied.
    expect(await stored('testville:2020')).toMatchObject({ version: 5, status: 'CERTIFIED', latest: true });
    expect((await stored('testville:2020'))!.outbox).toBeUndefined();
    expect((await auditOf('testville', 2020)).map((e) => [e._id, e.action, e.actor])).toEqual([
      ['certifications:testville:2020:v1:0', 'CERTIFICATION_OPENED', 'wccd-staff-1'],
      ['certifications:testville:2020:v2:0', 'VERIFIER_ASSIGNED', 'wccd-staff-1'],
      ['certifications:testville:2020:v3:0', 'DATA_SUBMITTED', 'officer'],
      ['certifications:testville:2020:v4:0', 'VERIFICATION_STARTED', 'verifier'],
      ['certifications:testville:2020:v5:0', 'CERTIFICATION_AWARDED', 'wccd-staff-1'],
    ]);
    // Every change announced to the other domains in the same write: its state, and the assignment.
    const events = await db.collection('events').find({ 'payload.cityId': 'testville', 'payload.year': 2020 }).sort({ seq: 1 }).toArray();
    expect(events.map((e) => e._id)).toEqual([
      'certification.changed:testville:2020:v1',
      'certification.changed:testville:2020:v2',
      'verifier.assigned:testville:2020:v2',
      'certification.changed:testville:2020:v3',
      'certification.changed:testville:2020:v4',
      'certification.changed:testville:2020:v5',
    ]);
    expect(events.at(-1)!.payload).toEqual({
      cityId: 'testville',
      year: 2020,
      status: 'CERTIFIED',
      level: 'SILVER',
      verifierOrganisationId: 'bsi',
      inForceUntil: 2022,
    });
    expect(events[2].payload).toEqual({ cityId: 'testville', year: 2020, verifierOrganisationId: 'bsi', country: 'KR' });
  });

  test('bad input is BAD_USER_INPUT naming the field, in the one message style', async () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [OPEN, { cityId: 'Not A Slug', year: 2020 }, 'cityId', /^"cityId" must be a city id/],
      [OPEN, { cityId: 'testville', year: 2031 }, 'year', /^"year" must be a data year from 2014 to 2024, got 2031$/],
      [
        ASSIGN,
        { cityId: 'testville', year: 2021, org: 'acme' },
        'verifierOrganisationId',
        /^"verifierOrganisationId" must be a verification organisation \(bsi, .*\), got "acme"$/,
      ],
      [REJECT, { cityId: 'testville', year: 2021, reason: '   ' }, 'reason', /^"reason" must be 1–2000 characters long, got 0$/],
    ];
    for (const [query, variables, field, message] of cases) {
      const { result, changes } = await runAs(STAFF, query, variables);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors![0].message).toMatch(message);
      expect(changes.tags).toEqual([]);
    }
  });

  test('the latest flag follows the newest certified year; a run interrupted before the flags is repaired by the next award', async () => {
    await certified('flagtown', 2020);
    expect((await stored('flagtown:2020'))!.latest).toBe(true);
    await certified('flagtown', 2022);
    expect((await stored('flagtown:2020'))!.latest).toBe(false);
    expect((await stored('flagtown:2022'))!.latest).toBe(true);
    // An award that stopped after its own write left an older year flagged too.
    await db.collection('certifications').updateOne({ _id: 'flagtown:2020' as any }, { $set: { latest: true } });
    await certified('flagtown', 2021);
    const flags = await db.collection('certifications').find({ cityId: 'flagtown' }).project({ latest: 1 }).sort({ _id: 1 }).toArray();
    expect(flags).toEqual([
      { _id: 'flagtown:2020', latest: false },
      { _id: 'flagtown:2021', latest: false },
      { _id: 'flagtown:2022', latest: true },
    ]);
    const registry = await run(`{ registry(first: 100) { edges { node { id } } } }`);
    expect(registry.data!.registry.edges.map((e: any) => e.node.id).filter((id: string) => id.startsWith('flagtown:'))).toEqual(['flagtown:2022']);
  });

  test('concurrent awards of one certification: exactly one wins, the others are CONFLICT, one audit entry', async () => {
    await knownCity('racetown');
    await runAs(STAFF, OPEN, { cityId: 'racetown', year: 2020 });
    await runAs(STAFF, ASSIGN, { cityId: 'racetown', year: 2020, org: 'sgs' });
    await reported('racetown', 2020);
    const results = await Promise.all([1, 2, 3, 4].map(() => runAs(STAFF, AWARD, { cityId: 'racetown', year: 2020 })));
    expect(results.filter((r) => !r.result.errors)).toHaveLength(1);
    expect(results.flatMap((r) => codes(r.result)).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect((await auditOf('racetown', 2020)).filter((e) => e.action === 'CERTIFICATION_AWARDED')).toHaveLength(1);
    expect(await stored('racetown:2020')).toMatchObject({ version: 5, status: 'CERTIFIED', latest: true });
  });

  test('an outbox left by a crash after the write is carried out before the trail is read', async () => {
    await knownCity('crashville');
    await runAs(STAFF, OPEN, { cityId: 'crashville', year: 2020 });
    const orphan: AuditEntryDoc = {
      _id: 'certifications:crashville:2020:v2:0',
      cityId: 'crashville',
      year: 2020,
      at: new Date(),
      actor: 'wccd-staff-1',
      actorRoles: ['WCCD_STAFF'],
      action: 'VERIFIER_ASSIGNED',
      subject: 'certification',
      old: { status: 'ENROLLED' },
      new: { status: 'UNDER_VERIFICATION' },
      seq: 20_000,
    };
    await db
      .collection('certifications')
      .updateOne({ _id: 'crashville:2020' as any }, { $set: { version: 2, status: 'UNDER_VERIFICATION', outbox: { audit: [orphan] } } });
    const TRAIL = `{ _entities(representations: [{__typename: "AuditTrail", cityId: "crashville", year: 2020}]) { ... on AuditTrail { certificationChanges { id action } } } }`;
    const trail = await runAs(STAFF, TRAIL);
    expect(trail.result.data!._entities[0].certificationChanges).toEqual([
      { id: 'certifications:crashville:2020:v1:0', action: 'CERTIFICATION_OPENED' },
      { id: 'certifications:crashville:2020:v2:0', action: 'VERIFIER_ASSIGNED' },
    ]);
    expect((await stored('crashville:2020'))!.outbox).toBeUndefined();
    // The city's officer reads it too; anyone else is refused by this subgraph itself.
    expect((await runAs({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'crashville' }, TRAIL)).result.errors).toBeUndefined();
    expect(codes((await runAs({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'makati' }, TRAIL)).result)).toEqual(['FORBIDDEN']);
    expect(codes((await runAs(null, TRAIL)).result)).toEqual(['UNAUTHENTICATED']);
  });

  test("the rejection reason is shown to WCCD staff and the city's officers only", async () => {
    const Q = `{ certification(cityId: "testville", year: 2021) { status rejectionReason } }`;
    const reason = async (user: AuthUser | null) => (await runAs(user, Q)).result.data!.certification.rejectionReason;
    expect(await reason(STAFF)).toBe('Incomplete data year');
    expect(await reason({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'testville' })).toBe('Incomplete data year');
    expect(await reason({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'makati' })).toBeNull();
    expect(await reason({ sub: 'p', roles: ['PARTNER_APP'] })).toBeNull();
    expect(await reason(null)).toBeNull();
  });
});

const SUSPEND = `mutation($cityId: ID!, $year: Int!, $reason: String!) { suspendCertification(cityId: $cityId, year: $year, reason: $reason) { id status statusReason inForce } }`;
const REINSTATE = `mutation($cityId: ID!, $year: Int!, $reason: String!) { reinstateCertification(cityId: $cityId, year: $year, reason: $reason) { id status statusReason inForce } }`;
const WITHDRAW = `mutation($cityId: ID!, $year: Int!, $reason: String!) { withdrawCertification(cityId: $cityId, year: $year, reason: $reason) { id status statusReason inForce } }`;
const inRegistry = async (id: string, svc = service) =>
  (await runAs(null, `{ registry(first: 100) { edges { node { id } } } }`, {}, svc)).result.data!.registry.edges.some((e: any) => e.node.id === id);

describe('after the award: suspend, reinstate, withdraw; expiry by the validity period', () => {
  test('suspended is off the registry until reinstated; withdrawn is off for good; each with its reason, in the trail', async () => {
    await certified('lifetown', 2021);
    expect(await inRegistry('lifetown:2021')).toBe(true);
    const suspended = await runAs(STAFF, SUSPEND, { cityId: 'lifetown', year: 2021, reason: 'Data under review after a complaint' });
    expect(suspended.result.data!.suspendCertification).toEqual({
      id: 'lifetown:2021',
      status: 'SUSPENDED',
      statusReason: 'Data under review after a complaint',
      inForce: false,
    });
    expect(suspended.changes.tags.sort()).toEqual([...certificationTags('lifetown', 2021), typeTag('certification', 'CertificationGap')].sort());
    expect(await inRegistry('lifetown:2021')).toBe(false);
    // Suspending again, or withdrawing a reason-less request, changes nothing.
    const before = await stored('lifetown:2021');
    expect(codes((await runAs(STAFF, SUSPEND, { cityId: 'lifetown', year: 2021, reason: 'again' })).result)).toEqual(['CONFLICT']);
    const noReason = await runAs(STAFF, WITHDRAW, { cityId: 'lifetown', year: 2021, reason: ' ' });
    expect(noReason.result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(
      codes((await runAs({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'lifetown' }, WITHDRAW, { cityId: 'lifetown', year: 2021, reason: 'x' })).result),
    ).toEqual(['FORBIDDEN']);
    expect(await stored('lifetown:2021')).toEqual(before);

    const reinstated = await runAs(STAFF, REINSTATE, { cityId: 'lifetown', year: 2021, reason: 'Review closed: the data stands' });
    expect(reinstated.result.data!.reinstateCertification).toMatchObject({ status: 'CERTIFIED', inForce: true });
    expect(await inRegistry('lifetown:2021')).toBe(true);
    const withdrawn = await runAs(STAFF, WITHDRAW, { cityId: 'lifetown', year: 2021, reason: 'The city asked to leave the programme' });
    expect(withdrawn.result.data!.withdrawCertification).toEqual({
      id: 'lifetown:2021',
      status: 'WITHDRAWN',
      statusReason: 'The city asked to leave the programme',
      inForce: false,
    });
    expect(await inRegistry('lifetown:2021')).toBe(false);
    // Withdrawing twice is a CONFLICT, and nothing is written.
    const after = await stored('lifetown:2021');
    const twice = await runAs(STAFF, WITHDRAW, { cityId: 'lifetown', year: 2021, reason: 'again' });
    expect(codes(twice.result)).toEqual(['CONFLICT']);
    expect(twice.result.errors![0].message).toMatch(/is WITHDRAWN/);
    expect(await stored('lifetown:2021')).toEqual(after);
    // The latest awarded year stays flagged: an older certified year does not come back into the registry.
    expect(after).toMatchObject({ latest: true });
    // The reason is the staff's and the city's; the history keeps every state with its reason.
    const reasonOf = async (user: AuthUser | null) =>
      (await runAs(user, `{ certification(cityId: "lifetown", year: 2021) { statusReason } }`)).result.data!.certification.statusReason;
    expect(await reasonOf(null)).toBeNull();
    expect(await reasonOf({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'lifetown' })).toBe('The city asked to leave the programme');
    const trail = await auditOf('lifetown', 2021);
    expect(trail.map((e) => [e.action, e.new?.status, e.new?.statusReason])).toEqual([
      ['CERTIFICATION_OPENED', 'ENROLLED', null],
      ['VERIFIER_ASSIGNED', 'ENROLLED', null],
      ['DATA_SUBMITTED', 'DATA_SUBMITTED', null],
      ['VERIFICATION_STARTED', 'UNDER_VERIFICATION', null],
      ['CERTIFICATION_AWARDED', 'CERTIFIED', null],
      ['CERTIFICATION_SUSPENDED', 'SUSPENDED', 'Data under review after a complaint'],
      ['CERTIFICATION_REINSTATED', 'CERTIFIED', 'Review closed: the data stands'],
      ['CERTIFICATION_WITHDRAWN', 'WITHDRAWN', 'The city asked to leave the programme'],
    ]);
    const events = await db.collection('events').find({ type: 'certification.changed', 'payload.cityId': 'lifetown' }).sort({ seq: 1 }).toArray();
    expect(events.map((e) => e.payload.status)).toEqual([
      'ENROLLED',
      'ENROLLED',
      'DATA_SUBMITTED',
      'UNDER_VERIFICATION',
      'CERTIFIED',
      'SUSPENDED',
      'CERTIFIED',
      'WITHDRAWN',
    ]);
  });

  test('EXPIRED once the data year is more than validYears before the current year: fields, registry and mentors alike', async () => {
    await certified('oldtown', 2020);
    const later = await createServer({ db, settings: { ...settings, now: () => new Date('2023-02-01T00:00:00Z') } });
    try {
      const Q = `{ certification(cityId: "oldtown", year: 2020) { status inForce level } city: _entities(representations: [{__typename: "City", id: "oldtown"}]) { ... on City { certification { status } } } }`;
      expect((await runAs(null, Q)).result.data!.certification).toEqual({ status: 'CERTIFIED', inForce: true, level: 'SILVER' });
      const expired = (await runAs(null, Q, {}, later)).result.data!;
      expect(expired.certification).toEqual({ status: 'EXPIRED', inForce: false, level: 'SILVER' });
      expect(expired.city[0].certification).toEqual({ status: 'EXPIRED' });
      // The registry lists a city while its latest certification is in force; the data year's view keeps it, as EXPIRED.
      expect(await inRegistry('oldtown:2020')).toBe(true);
      expect(await inRegistry('oldtown:2020', later)).toBe(false);
      const ofYear = (await runAs(null, `{ registry(year: 2020, first: 100) { edges { node { id status } } } }`, {}, later)).result.data!.registry.edges.map(
        (e: any) => e.node,
      );
      expect(ofYear).toContainEqual({ id: 'oldtown:2020', status: 'EXPIRED' });
      // Sample data is judged as of its own year (sampleDataAsOf): it stays in force.
      expect((await runAs(null, `{ certification(cityId: "markham", year: 2016) { status inForce } }`, {}, later)).result.data!.certification).toEqual({
        status: 'CERTIFIED',
        inForce: true,
      });
      expect(await inRegistry('markham:2016', later)).toBe(true);
      // An expired certification cannot be suspended or reinstated; it can be withdrawn.
      const before = await stored('oldtown:2020');
      const suspend = await runAs(STAFF, SUSPEND, { cityId: 'oldtown', year: 2020, reason: 'x' }, later);
      expect(codes(suspend.result)).toEqual(['CONFLICT']);
      expect(suspend.result.errors![0].message).toMatch(/is EXPIRED/);
      expect(await stored('oldtown:2020')).toEqual(before);

      // Awarding a data year already past the validity period is refused, naming the year, and nothing changes.
      await certifiedUpTo('stale', 2020);
      const stale = await stored('stale:2020');
      const award = await runAs(STAFF, AWARD, { cityId: 'stale', year: 2020 }, later);
      expect(award.result.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'year' });
      expect(award.result.errors![0].message).toMatch(/^"year" 2020 is past the validity period: .* in force only until 2022/);
      expect(await stored('stale:2020')).toEqual(stale);
      expect(await auditOf('stale', 2020)).toHaveLength(4);
      const withdrawn = await runAs(STAFF, WITHDRAW, { cityId: 'oldtown', year: 2020, reason: 'Not renewed' }, later);
      expect(withdrawn.result.data!.withdrawCertification).toMatchObject({ status: 'WITHDRAWN' });
    } finally {
      await later.stop();
    }
  });

  test('the validity period is configuration (CERTIFICATION_VALIDITY_PATH), validated at start-up', () => {
    expect(parseValidityRule({ validYears: 3, sampleDataAsOf: null }, 'x')).toEqual({ validYears: 3, sampleDataAsOf: null, source: 'x' });
    expect(() => parseValidityRule({ validYears: -1 }, 'v.json')).toThrow(/v\.json: "validYears" must be an integer from 0 to 50/);
    expect(() => parseValidityRule({ validYears: 2, sampleDataAsOf: 'soon' }, 'v.json')).toThrow(/"sampleDataAsOf" must be a year or null/);
    expect(() => parseValidityRule([], 'v.json')).toThrow(/JSON object/);
    expect(defaultValidityRule()).toMatchObject({ validYears: 2, sampleDataAsOf: 2016 });
    const rule = parseValidityRule({ validYears: 2, sampleDataAsOf: 2016 }, 'x');
    const now = new Date('2026-11-28T00:00:00Z');
    expect(shownStatus(rule, now, { status: 'CERTIFIED', year: 2024, sampleData: false })).toBe('CERTIFIED');
    expect(shownStatus(rule, now, { status: 'CERTIFIED', year: 2023, sampleData: false })).toBe('EXPIRED');
    expect(shownStatus(rule, now, { status: 'CERTIFIED', year: 2014, sampleData: true })).toBe('CERTIFIED');
    expect(shownStatus(rule, now, { status: 'CERTIFIED', year: 2013, sampleData: true })).toBe('EXPIRED');
    expect(shownStatus(rule, now, { status: 'SUSPENDED', year: 2010, sampleData: false })).toBe('SUSPENDED');
  });
});

describe('conflicts of interest at assignment', () => {
  test('an organisation that declared the city or its country excluded is FORBIDDEN, naming the reason; nothing changes', async () => {
    await knownCity('busan', 'KR');
    await knownCity('leeds', 'GB');
    for (const [cityId, org, reason] of [
      ['busan', 'dnv', /DNV \(dnv\) declared a conflict of interest with busan \(an excluded city\)/],
      ['leeds', 'bsi', /BSI Group \(bsi\) declared a conflict of interest with cities in GB \(an excluded country\)/],
    ] as const) {
      await runAs(STAFF, OPEN, { cityId, year: 2021 });
      const before = await stored(`${cityId}:2021`);
      const refused = await runAs(STAFF, ASSIGN, { cityId, year: 2021, org });
      expect(refused.result.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'verifierOrganisationId' });
      expect(refused.result.errors![0].message).toMatch(reason);
      expect(refused.changes.tags).toEqual([]);
      expect(await stored(`${cityId}:2021`)).toEqual(before);
      // Another organisation may.
      expect((await runAs(STAFF, ASSIGN, { cityId, year: 2021, org: 'sgs' })).result.data!.assignVerifier).toMatchObject({ verifierOrganisationId: 'sgs' });
    }
  });

  test('exclusions are configuration, validated; the organisations are announced to the other domains, again only when they change', async () => {
    const bad: [unknown, RegExp][] = [
      [{ organisations: [{ id: 'x', name: 'X', excludes: { countries: ['gb'] } }] }, /excludes\.countries must be a list of ISO 3166-1 alpha-2/],
      [{ organisations: [{ id: 'x', name: 'X', excludes: { cities: ['Not A Slug'] } }] }, /excludes\.cities must be a list of city ids/],
      [{ organisations: [{ id: 'x', name: 'X', excludes: [] }] }, /excludes must be an object/],
    ];
    for (const [json, message] of bad) expect(() => parseVerifierOrganisations(json, 'orgs.json')).toThrow(message);
    const announced = await db.collection('events').find({ type: 'verifier.organisation' }).sort({ seq: 1 }).toArray();
    expect(announced.map((e) => e._id).sort()).toEqual(
      defaultVerifierOrganisations()
        .list.map((o) => `verifier.organisation:${o.id}:v1`)
        .sort(),
    );
    expect(announced.find((e) => e.payload.organisationId === 'dnv')!.payload).toEqual({
      organisationId: 'dnv',
      name: 'DNV',
      excludedCities: ['busan'],
      excludedCountries: ['NO'],
    });
    // A new declaration: one more version of that organisation, audited, announced; the others unchanged.
    const changed = parseVerifierOrganisations(
      {
        organisations: defaultVerifierOrganisations().list.map((o) => ({
          id: o.id,
          name: o.name,
          excludes: { cities: o.id === 'sgs' ? ['makati'] : o.excludedCities, countries: o.excludedCountries },
        })),
      },
      'changed.json',
    );
    const restarted = await createServer({ db, settings }, { organisations: changed });
    await restarted.stop();
    const again = await createServer({ db, settings }, { organisations: changed });
    await again.stop();
    const now = await db.collection('events').find({ type: 'verifier.organisation' }).toArray();
    expect(now.map((e) => e._id).sort()).toEqual([...announced.map((e) => e._id), 'verifier.organisation:sgs:v2'].sort());
    expect(await db.collection('audit').findOne({ _id: 'verifier_organisations:sgs:v2:0' as any })).toMatchObject({
      action: 'VERIFIER_ORGANISATION_CONFIGURED',
      actor: 'system:configuration',
      old: { excludedCities: [] },
      new: { excludedCities: ['makati'] },
    });
  });
});

describe('seeded history, in the shapes the workflow writes', () => {
  test('every seeded certification has its trail, reasons, verifier and dates; a database seeded before gets the same by migration', async () => {
    const dataset = buildSampleDataset();
    const fresh = mongo.client.db(`${mongo.prefix}history_${DATABASE_NAMES.certification}`);
    expect(await seed(fresh, dataset)).toBe(true);
    const docs = await fresh.collection<CertificationRecord>('certifications').find({}).sort({ _id: 1 }).toArray();
    expect(docs).toHaveLength(dataset.certification.certifications.length);
    const trail = await fresh.collection<AuditEntryDoc>('audit').find({}).toArray();
    for (const doc of docs) {
      const entries = trail.filter((e) => e.cityId === doc.cityId && e.year === doc.year).sort((a, b) => a.seq! - b.seq!);
      // One entry per version, chained: each one's old state is the previous one's new state.
      expect(entries.map((e) => e._id)).toEqual(Array.from({ length: doc.version! }, (_, i) => `certifications:${doc._id}:v${i + 1}:0`));
      expect(entries[0]).toMatchObject({ action: 'CERTIFICATION_OPENED', old: null, actorRoles: ['WCCD_STAFF'] });
      entries.slice(1).forEach((e, i) => {
        expect(e.old).toEqual(entries[i].new);
      });
      for (let i = 1; i < entries.length; i++) expect(entries[i].at.getTime()).toBeGreaterThan(entries[i - 1].at.getTime());
      // The last entry is the stored state, in the workflow's snapshot shape.
      expect(entries.at(-1)!.new).toEqual(snapshot(doc));
      expect(doc.openedAt).toEqual(entries[0].at);
      expect(doc.statusChangedAt).toEqual(entries.at(-1)!.at);
      if (doc.status === 'CERTIFIED') {
        expect(entries.at(-1)).toMatchObject({ action: 'CERTIFICATION_AWARDED', at: doc.awardedAt });
        expect(entries.map((e) => e.action)).toEqual([
          'CERTIFICATION_OPENED',
          'VERIFIER_ASSIGNED',
          'DATA_SUBMITTED',
          'VERIFICATION_STARTED',
          'CERTIFICATION_AWARDED',
        ]);
        expect(doc.verifierOrganisationId).toEqual(expect.any(String));
      }
      if (doc.status === 'REJECTED') expect(doc.rejectionReason).toEqual(expect.stringMatching(/30 verified core/));
      else expect(doc.rejectionReason ?? null).toBeNull();
    }
    // Muntinlupa's 2015 rejection now has its reason and its trail.
    const muntinlupa = docs.find((d) => d._id === 'muntinlupa:2015')!;
    expect(muntinlupa).toMatchObject({ status: 'REJECTED', rejectionReason: expect.any(String), verifierOrganisationId: 'sgs' });
    expect(
      trail
        .filter((e) => e.cityId === 'muntinlupa' && e.year === 2015)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['CERTIFICATION_OPENED', 'CERTIFICATION_REJECTED', 'DATA_SUBMITTED', 'VERIFICATION_STARTED', 'VERIFIER_ASSIGNED'].sort());
    // The sample's cities are known (as membership's events would make them).
    expect(await fresh.collection('city_copies').countDocuments()).toBe(dataset.membership.cities.length);

    // A database seeded by the previous version (version 1, no trail) gets exactly the same by migration.
    const old = mongo.client.db(`${mongo.prefix}oldseed_${DATABASE_NAMES.certification}`);
    await old.collection('certifications').insertMany(
      dataset.certification.certifications.map((c) => ({
        ...c,
        verifierOrganisationId: c.verifierOrganisation ? defaultVerifierOrganisations().byName.get(c.verifierOrganisation)!.id : null,
        version: 1,
      })) as any[],
    );
    const upgraded = await createServer({ db: old, settings });
    await upgraded.stop();
    const strip = (d: Record<string, unknown>) => ({ ...d });
    expect((await old.collection('certifications').find({}).sort({ _id: 1 }).toArray()).map(strip)).toEqual(docs.map(strip));
    const oldTrail = await old.collection<AuditEntryDoc>('audit').find({ subject: 'certification' }).sort({ _id: 1 }).toArray();
    expect(oldTrail).toEqual([...trail].sort((a, b) => (a._id < b._id ? -1 : 1)));
  });
});

describe('migrations: a database in the previous shape is upgraded at start-up, nothing lost', () => {
  test('pendingAudit becomes the outbox and is carried out; old documents without a version still change; a restart runs nothing twice', async () => {
    const legacyDb = mongo.client.db(`${mongo.prefix}legacy_${DATABASE_NAMES.certification}`);
    const entry = (version: number, action: string, old: Record<string, unknown> | null, next: Record<string, unknown>): AuditEntryDoc => ({
      _id: `old-city:2016:v${version}:0`,
      cityId: 'old-city',
      year: 2016,
      at: new Date(Date.UTC(2017, 0, version)),
      actor: 'wccd-staff-1',
      actorRoles: ['WCCD_STAFF'],
      action,
      subject: 'certification',
      old,
      new: next,
      seq: version * 10_000,
    });
    const opened = entry(1, 'CERTIFICATION_OPENED', null, { status: 'ENROLLED' });
    const assigned = entry(2, 'VERIFIER_ASSIGNED', { status: 'ENROLLED' }, { status: 'UNDER_VERIFICATION' });
    const awarded = entry(3, 'CERTIFICATION_AWARDED', { status: 'UNDER_VERIFICATION' }, { status: 'CERTIFIED', level: 'GOLD' });
    // As the old code left them: the award acknowledged, its copy to `audit` interrupted (its outbox
    // still carries the assignment's entry, copied already); a seeded document from before versions.
    const interrupted: LegacyCertificationRecord = {
      ...cert('old-city', 'JP', 2016, 'CERTIFIED', 'GOLD', true),
      verifierOrganisationId: 'bsi',
      version: 3,
      pendingAudit: [assigned, awarded],
    };
    const seededWithoutVersion = { ...cert('old-city', 'JP', 2017, 'ENROLLED'), sampleData: false };
    await legacyDb.collection<LegacyCertificationRecord>('certifications').insertMany([interrupted, seededWithoutVersion]);
    await legacyDb.collection<AuditEntryDoc>('audit').insertMany([opened, assigned]);
    await legacyDb.collection('audit').createIndexes([{ key: { cityId: 1, year: 1, seq: 1 }, name: 'city_year_seq' }]);

    const upgraded = await createServer({ db: legacyDb, settings });
    try {
      const migrations = await legacyDb.collection('migrations').find().toArray();
      expect(migrations.map((m) => m._id)).toEqual([
        '2026-11-30-certifications-outbox',
        '2026-12-01-certifications-city-copies',
        '2026-12-01-certifications-seeded-history',
      ]);
      const doc = await legacyDb.collection<LegacyCertificationRecord & { outbox?: unknown }>('certifications').findOne({ _id: 'old-city:2016' });
      const { pendingAudit: _pending, ...rest } = interrupted;
      expect(doc).toEqual(rest);
      const audit = await legacyDb.collection<AuditEntryDoc>('audit').find({ cityId: 'old-city' }).sort({ seq: 1 }).toArray();
      expect(audit).toEqual([opened, assigned, awarded]);

      const TRAIL = `{ _entities(representations: [{__typename: "AuditTrail", cityId: "old-city", year: 2016}]) { ... on AuditTrail { certificationChanges { id action } } } }`;
      const trail = await runAs(STAFF, TRAIL, {}, upgraded);
      expect(trail.result.data!._entities[0].certificationChanges.map((e: any) => e.action)).toEqual([
        'CERTIFICATION_OPENED',
        'VERIFIER_ASSIGNED',
        'CERTIFICATION_AWARDED',
      ]);

      // A document from before versions changes like any other, and is versioned from then on.
      const assign = await runAs(STAFF, ASSIGN, { cityId: 'old-city', year: 2017, org: 'dnv' }, upgraded);
      expect(assign.result.data!.assignVerifier).toEqual({ id: 'old-city:2017', status: 'ENROLLED', verifierOrganisationId: 'dnv' });
      expect(await legacyDb.collection('certifications').findOne({ _id: 'old-city:2017' as any })).toMatchObject({ version: 1, verifierOrganisation: 'DNV' });
      expect(await legacyDb.collection('audit').countDocuments({ _id: 'certifications:old-city:2017:v1:0' as any })).toBe(1);
    } finally {
      await upgraded.stop();
    }

    const restarted = await createServer({ db: legacyDb, settings });
    await restarted.stop();
    expect(await legacyDb.collection('migrations').find().toArray()).toHaveLength(3);
    expect(await legacyDb.collection('audit').countDocuments({ cityId: 'old-city' })).toBe(4);
    const auditIndexes = (await legacyDb.collection('audit').listIndexes().toArray()).map((i) => i.name).sort();
    expect(auditIndexes).toEqual(['_id_', 'city_year_seq', 'subject_at']);
  });
});

describe('cache hints in the SDL', () => {
  const sdl = parse(readFileSync(join(__dirname, '../../subgraphs/certification/schema.graphql'), 'utf8'));
  const hint = (directives: readonly ConstDirectiveNode[] | undefined) => {
    const d = directives?.find((x) => x.name.value === 'cacheControl');
    if (!d) return undefined;
    return Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, 'value' in a.value ? a.value.value : undefined]));
  };
  const types = new Map(sdl.definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => [d.name.value, d]));
  const fieldHints = (type: string) => new Map((types.get(type)!.fields ?? []).map((f) => [f.name.value, hint(f.directives)]));

  test('every Query field has a hint; mutations none; configuration for an hour, the clock-dependent registry 60 s, the rest 300 s', () => {
    expect(Object.fromEntries(fieldHints('Query'))).toEqual({
      registry: { maxAge: '60', scope: 'PUBLIC' },
      certification: { maxAge: '300', scope: 'PUBLIC' },
      certificationLevels: { maxAge: '3600', scope: 'PUBLIC' },
      verifierOrganisations: { maxAge: '3600', scope: 'PUBLIC' },
    });
    expect([...fieldHints('Mutation').values()].every((h) => h === undefined)).toBe(true);
  });

  test('types several subgraphs define: no type-level hint, a hint on every field but the key and external ones', () => {
    for (const type of ['City', 'IndicatorCoverage', 'CertificationGap', 'AuditTrail']) {
      const def = types.get(type)!;
      expect(hint(def.directives)).toBeUndefined();
      const key = (def.directives!.find((d) => d.name.value === 'key')!.arguments![0].value as { value: string }).value;
      for (const field of def.fields ?? []) {
        const external = field.directives?.some((d) => d.name.value === 'external');
        if (key.split(' ').includes(field.name.value) || external) continue;
        expect([type, field.name.value, hint(field.directives)]).toEqual([type, field.name.value, expect.objectContaining({ maxAge: expect.any(String) })]);
      }
    }
  });

  test('what depends on the caller is PRIVATE: the rejection and status reasons and the audit trail, nothing else', () => {
    const privateFields = [...types.values()].flatMap((t) =>
      (t.fields ?? []).filter((f) => hint(f.directives)?.scope === 'PRIVATE').map((f) => `${t.name.value}.${f.name.value}`),
    );
    expect(privateFields.sort()).toEqual(['AuditTrail.certificationChanges', 'Certification.rejectionReason', 'Certification.statusReason']);
    expect(hint(types.get('Certification')!.directives)).toEqual({ maxAge: '300', scope: 'PUBLIC' });
  });
});
