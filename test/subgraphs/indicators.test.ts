import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { DATABASE_NAMES, type SubgraphSettings } from '../../lib/config';
import type { SubgraphService } from '../../lib/subgraph/service';
import type { IndicatorValueDoc } from '../../subgraphs/indicators/data/types';
import type { SampleDataset } from '../../data/sample/types';
import type { AuthUser } from '../../lib/auth/roles';
import { reportsFromValues } from '../../subgraphs/indicators/data/indicatorReports';
import { compareClauseIds, DEFAULT_CATALOGUE_DIR, loadCatalogue, type Catalogue } from '../../subgraphs/indicators/catalogue';
import type { Context } from '../../subgraphs/indicators/context';
import { seed } from '../../subgraphs/indicators/seed';
import { createServer } from '../../subgraphs/indicators/server';
import { openTestMongo, type TestMongo } from '../support/mongo';

const settings: SubgraphSettings = { dbPrefix: '', defaultPageSize: 20, maxPageSize: 100, minDataYear: 2015, maxDataYear: 2024, now: () => new Date() };
const EDITION = 'ISO 37120:2014';
const EDITION_2018 = 'ISO 37120:2018';
const YEAR = 2022;

const catalogue2014 = loadCatalogue();
const ids2014 = catalogue2014.default.indicators;
const core2014 = ids2014.filter((i) => i.kind === 'CORE');
const supporting2014 = ids2014.filter((i) => i.kind === 'SUPPORTING');

function value(cityId: string, year: number, indicatorId: string, status: IndicatorValueDoc['status'], edition = EDITION): IndicatorValueDoc {
  return {
    _id: `${cityId}:${year}:${indicatorId}`,
    cityId,
    year,
    edition,
    indicatorId,
    value: Number(indicatorId.replace('.', '')) / 10,
    status,
    sampleData: true,
    updatedAt: new Date('2024-01-01T00:00:00Z'),
  };
}

// alpha/2022: every core but 5.2; 5.1 SUBMITTED, the rest VERIFIED; the first 10 supporting, 6 VERIFIED and 4 DRAFT.
const alphaCore = core2014.filter((i) => i.id !== '5.2');
const alphaSupporting = supporting2014.slice(0, 10);
const alpha2022 = [
  ...alphaCore.map((i) => value('alpha', YEAR, i.id, i.id === '5.1' ? 'SUBMITTED' : 'VERIFIED')),
  ...alphaSupporting.map((i, n) => value('alpha', YEAR, i.id, n < 6 ? 'VERIFIED' : 'DRAFT')),
];
// beta/2022: out of clause order on purpose (16.10 must come after 16.9).
const beta2022 = [
  value('beta', YEAR, '16.10', 'VERIFIED'),
  value('beta', YEAR, '5.1', 'REJECTED'),
  value('beta', YEAR, '16.9', 'DRAFT'),
  value('beta', YEAR, '16.2', 'VERIFIED'),
];
const alpha2021 = [value('alpha', 2021, '5.1', 'VERIFIED'), value('alpha', 2021, '6.1', 'VERIFIED')];
// 50 more cities for the batching test, five values each: 250 documents for 50 cities, more than the
// driver's default first batch (101), so a missing batchSize would show up as extra getMore commands.
const manyCities = Array.from({ length: 50 }, (_, i) => `city-${String(i).padStart(2, '0')}`);
const MANY_IDS = ['5.1', '5.4', '6.1', '7.1', '8.1'];
const manyValues = manyCities.flatMap((c) => MANY_IDS.map((id, i) => value(c, YEAR, id, i === 1 ? 'DRAFT' : 'VERIFIED')));

let mongo: TestMongo;
let db: Db;
let service: SubgraphService<Context>;

// Values that are not VERIFIED are visible to WCCD staff (and verifiers and the city's officers) only.
const STAFF: AuthUser = { sub: 'staff-1', roles: ['WCCD_STAFF'] };

/** Stores value fixtures the way the subgraph keeps them: one report per city and year. */
function insertValues(target: Db, values: IndicatorValueDoc[]) {
  return target.collection('indicator_reports').insertMany(reportsFromValues(values, 'fixture') as any[]);
}

async function run(query: string, variables: Record<string, unknown> = {}, svc: SubgraphService<Context> = service, user: AuthUser | null = STAFF) {
  const response = await svc.server.executeOperation({ query, variables }, { contextValue: svc.createContext(user) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as { data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
}

function errorCodes(result: Awaited<ReturnType<typeof run>>): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

beforeAll(async () => {
  mongo = await openTestMongo();
  db = mongo.client.db(mongo.prefix + DATABASE_NAMES.indicators);
  service = await createServer({ db, settings: { ...settings, dbPrefix: mongo.prefix } });
  await insertValues(db, [...alpha2022, ...beta2022, ...alpha2021, ...manyValues]);
});

afterAll(async () => {
  await service?.stop();
  await mongo?.cleanup();
});

describe('catalogue', () => {
  test('loads the 2014 edition from data with the mapped enums and clause order', () => {
    const e = catalogue2014.default;
    expect(catalogue2014.defaultEdition).toBe(EDITION);
    expect(e.indicators).toHaveLength(100);
    expect(e.coreCount).toBe(46);
    expect(e.supportingCount).toBe(54);
    expect(e.themes).toHaveLength(17);
    const ids = e.indicators.map((i) => i.id);
    expect(ids.indexOf('16.10')).toBe(ids.indexOf('16.9') + 1);
    expect(compareClauseIds('5.10', '5.9')).toBeGreaterThan(0);
    expect(compareClauseIds('10.1', '9.4')).toBeGreaterThan(0);
  });

  test('rejects malformed catalogue files with a message naming the file and entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-bad-'));
    try {
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ standard: 'X', indicators: [{ id: '1.1', theme: 'T', name: 'n', kind: 'main', unit: '', unitSource: 'listed' }] }));
      expect(() => loadCatalogue({ dir, defaultEdition: 'X' })).toThrow(/bad\.json: indicators\[0\]\.kind/);
      writeFileSync(join(dir, 'bad.json'), '{');
      expect(() => loadCatalogue({ dir, defaultEdition: 'X' })).toThrow(/not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fails when the default edition is not loaded', () => {
    expect(() => loadCatalogue({ defaultEdition: 'ISO 37120:1999' })).toThrow(/ISO 37120:1999.*not loaded/);
  });
});

describe('catalogue queries', () => {
  test('indicator by id (default edition), unknown id -> null, unknown edition -> BAD_USER_INPUT', async () => {
    const r = await run(`{ a: indicator(id: "16.10") { id edition name theme kind unit unitSource }
                           b: indicator(id: "99.9") { id }
                           c: indicator(id: "5.1", edition: "ISO 37120:2014") { kind unitSource } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.a).toEqual({ id: '16.10', edition: EDITION, name: expect.any(String), theme: 'Solid Waste', kind: 'SUPPORTING', unit: expect.any(String), unitSource: expect.stringMatching(/^(LISTED|ASSUMED)$/) });
    expect(r.data!.b).toBeNull();
    expect(r.data!.c).toEqual({ kind: 'CORE', unitSource: 'LISTED' });

    const bad = await run(`{ indicator(id: "5.1", edition: "ISO 9999") { id } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].message).toMatch(/edition/);
  });

  test('indicatorCatalogue filters by theme and kind in clause order; unknown theme lists the valid ones', async () => {
    const all = await run(`{ indicatorCatalogue { id } }`);
    expect(all.data!.indicatorCatalogue).toHaveLength(100);
    const waste = await run(`{ indicatorCatalogue(theme: "Solid Waste", kind: SUPPORTING) { id theme kind } }`);
    expect(waste.data!.indicatorCatalogue.map((i: { id: string }) => i.id)).toEqual(['16.4', '16.5', '16.6', '16.7', '16.8', '16.9', '16.10']);
    const core = await run(`{ indicatorCatalogue(kind: CORE) { id } }`);
    expect(core.data!.indicatorCatalogue).toHaveLength(46);

    const bad = await run(`{ indicatorCatalogue(theme: "Weather") { id } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].message).toMatch(/theme/);
    expect(bad.errors![0].message).toMatch(/Solid Waste/);
    expect(bad.errors![0].message).toMatch(/Economy/);
  });

  test('themes and catalogueEditions', async () => {
    const r = await run(`{ themes { name coreCount supportingCount } catalogueEditions { edition indicatorCount coreCount supportingCount themeCount isDefault } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.themes).toHaveLength(17);
    expect(r.data!.themes[0]).toEqual({ name: 'Economy', coreCount: 3, supportingCount: 4 });
    expect(r.data!.themes.find((t: { name: string }) => t.name === 'Solid Waste')).toEqual({ name: 'Solid Waste', coreCount: 3, supportingCount: 7 });
    expect(r.data!.catalogueEditions).toEqual([
      { edition: EDITION, indicatorCount: 100, coreCount: 46, supportingCount: 54, themeCount: 17, isDefault: true },
    ]);
    const bad = await run(`{ themes(edition: "nope") { name } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a second edition is data only', () => {
  let dir: string;
  let catalogue: Catalogue;
  let svc2: SubgraphService<Context>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    copyFileSync(join(DEFAULT_CATALOGUE_DIR, 'iso37120-2014.json'), join(dir, 'iso37120-2014.json'));
    writeFileSync(
      join(dir, 'iso37120-2018.json'),
      JSON.stringify({
        standard: EDITION_2018,
        indicators: [
          { id: '5.1', theme: 'Economy', name: 'Unemployment', kind: 'core', unit: '%', unitSource: 'listed' },
          { id: '5.2', theme: 'Economy', name: 'Poverty', kind: 'supporting', unit: '%', unitSource: 'assumed' },
          { id: '7.1', theme: 'Energy', name: 'Electricity use', kind: 'core', unit: 'kWh', unitSource: 'listed' },
        ],
      }),
    );
    catalogue = loadCatalogue({ dir, defaultEdition: EDITION });
    svc2 = await createServer({ db, settings }, { catalogue });
    await insertValues(db, [value('gamma', YEAR, '5.1', 'VERIFIED', EDITION_2018), value('gamma', YEAR, '5.2', 'VERIFIED', EDITION_2018)]);
  });

  afterAll(async () => {
    await svc2?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('both editions are served; the default stays configurable', async () => {
    const r = await run(
      `{ catalogueEditions { edition indicatorCount coreCount isDefault }
         indicator(id: "5.2", edition: "ISO 37120:2018") { name kind unitSource edition }
         themes(edition: "ISO 37120:2018") { name coreCount supportingCount } }`,
      {},
      svc2,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.catalogueEditions).toEqual([
      { edition: EDITION, indicatorCount: 100, coreCount: 46, isDefault: true },
      { edition: EDITION_2018, indicatorCount: 3, coreCount: 2, isDefault: false },
    ]);
    expect(r.data!.indicator).toEqual({ name: 'Poverty', kind: 'SUPPORTING', unitSource: 'ASSUMED', edition: EDITION_2018 });
    expect(r.data!.themes).toEqual([
      { name: 'Economy', coreCount: 1, supportingCount: 1 },
      { name: 'Energy', coreCount: 1, supportingCount: 0 },
    ]);

    const previous = process.env.DEFAULT_CATALOGUE_EDITION;
    process.env.DEFAULT_CATALOGUE_EDITION = EDITION_2018;
    try {
      expect(loadCatalogue({ dir }).defaultEdition).toBe(EDITION_2018);
    } finally {
      if (previous === undefined) delete process.env.DEFAULT_CATALOGUE_EDITION;
      else process.env.DEFAULT_CATALOGUE_EDITION = previous;
    }
  });

  test('coverage uses the edition of the values', async () => {
    const r = await run(
      `{ _entities(representations: [{__typename: "IndicatorCoverage", cityId: "gamma", year: ${YEAR}}]) {
           ... on IndicatorCoverage { edition coreTotal supportingTotal coreVerified supportingVerified missingCore { id edition } } } }`,
      {},
      svc2,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities[0]).toEqual({
      edition: EDITION_2018,
      coreTotal: 2,
      supportingTotal: 1,
      coreVerified: 1,
      supportingVerified: 1,
      missingCore: [{ id: '7.1', edition: EDITION_2018 }],
    });
  });
});

describe('City fields', () => {
  test('indicators in clause order with indicator and city, filtered by theme and kind', async () => {
    const r = await run(`{ _entities(representations: [{__typename: "City", id: "beta"}]) {
        ... on City { id indicators(year: ${YEAR}) { indicator { id edition } city { id } year value status sampleData } } } }`);
    expect(r.errors).toBeUndefined();
    const values = r.data!._entities[0].indicators;
    expect(values.map((v: any) => v.indicator.id)).toEqual(['5.1', '16.2', '16.9', '16.10']);
    expect(values[0]).toEqual({ indicator: { id: '5.1', edition: EDITION }, city: { id: 'beta' }, year: YEAR, value: 5.1, status: 'REJECTED', sampleData: true });

    const filtered = await run(`{ _entities(representations: [{__typename: "City", id: "beta"}]) {
        ... on City { waste: indicators(year: ${YEAR}, theme: "Solid Waste") { indicator { id } }
                      supporting: indicators(year: ${YEAR}, theme: "Solid Waste", kind: SUPPORTING) { indicator { id } }
                      other: indicators(year: 2021) { indicator { id } } } } }`);
    expect(filtered.errors).toBeUndefined();
    const city = filtered.data!._entities[0];
    expect(city.waste.map((v: any) => v.indicator.id)).toEqual(['16.2', '16.9', '16.10']);
    expect(city.supporting.map((v: any) => v.indicator.id)).toEqual(['16.9', '16.10']);
    expect(city.other).toEqual([]);
  });

  test('indicators validate year and theme', async () => {
    for (const year of [2014, 2025]) {
      const r = await run(`{ _entities(representations: [{__typename: "City", id: "alpha"}]) { ... on City { indicators(year: ${year}) { value } } } }`);
      expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toMatch(/year/);
    }
    const r = await run(`{ _entities(representations: [{__typename: "City", id: "alpha"}]) { ... on City { indicators(year: ${YEAR}, theme: "Weather") { value } } } }`);
    expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/theme.*Solid Waste/s);
    const cov = await run(`{ _entities(representations: [{__typename: "City", id: "alpha"}]) { ... on City { indicatorCoverage(year: 2009) { coreTotal } } } }`);
    expect(errorCodes(cov)).toEqual(['BAD_USER_INPUT']);
  });

  test('indicatorCoverage counts reported, verified, missing and unverified core, per theme', async () => {
    const r = await run(`{ _entities(representations: [{__typename: "City", id: "alpha"}, {__typename: "City", id: "nowhere"}]) {
        ... on City { id indicatorCoverage(year: ${YEAR}) {
          cityId year edition coreTotal supportingTotal coreReported supportingReported coreVerified supportingVerified
          missingCore { id } unverifiedCore { id }
          byTheme { theme coreTotal supportingTotal coreReported supportingReported coreVerified supportingVerified } } } } }`);
    expect(r.errors).toBeUndefined();
    const [alpha, nowhere] = r.data!._entities.map((c: any) => c.indicatorCoverage);
    expect(alpha).toMatchObject({
      cityId: 'alpha',
      year: YEAR,
      edition: EDITION,
      coreTotal: 46,
      supportingTotal: 54,
      coreReported: 45,
      supportingReported: 10,
      coreVerified: 44,
      supportingVerified: 6,
      missingCore: [{ id: '5.2' }],
      unverifiedCore: [{ id: '5.1' }],
    });
    expect(alpha.byTheme).toHaveLength(17);
    // First 10 supporting in clause order: Economy 5.4-5.7 (4 verified of 4), Education 6.5-6.7 (2 verified, 1 draft), Energy 7.5-7.7 (draft).
    expect(alpha.byTheme[0]).toEqual({ theme: 'Economy', coreTotal: 3, supportingTotal: 4, coreReported: 2, supportingReported: 4, coreVerified: 1, supportingVerified: 4 });
    expect(alpha.byTheme[1]).toEqual({ theme: 'Education', coreTotal: 4, supportingTotal: 3, coreReported: 4, supportingReported: 3, coreVerified: 4, supportingVerified: 2 });
    expect(nowhere).toMatchObject({ cityId: 'nowhere', coreTotal: 46, coreReported: 0, coreVerified: 0, supportingVerified: 0, unverifiedCore: [] });
    expect(nowhere.missingCore).toHaveLength(46);
  });
});

describe('_entities', () => {
  test('IndicatorCoverage by {cityId, year}', async () => {
    const r = await run(`{ _entities(representations: [
        {__typename: "IndicatorCoverage", cityId: "alpha", year: ${YEAR}},
        {__typename: "IndicatorCoverage", cityId: "alpha", year: 2021},
        {__typename: "IndicatorCoverage", cityId: "beta", year: ${YEAR}}]) {
        ... on IndicatorCoverage { cityId year coreReported coreVerified supportingReported supportingVerified } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual([
      { cityId: 'alpha', year: YEAR, coreReported: 45, coreVerified: 44, supportingReported: 10, supportingVerified: 6 },
      { cityId: 'alpha', year: 2021, coreReported: 2, coreVerified: 2, supportingReported: 0, supportingVerified: 0 },
      // beta: 5.1 REJECTED and 16.2 VERIFIED are core; 16.9 DRAFT and 16.10 VERIFIED are supporting.
      { cityId: 'beta', year: YEAR, coreReported: 2, coreVerified: 1, supportingReported: 2, supportingVerified: 1 },
    ]);
  });

  test('Indicator by {edition, id}; unknown -> null', async () => {
    const r = await run(`{ _entities(representations: [
        {__typename: "Indicator", edition: "ISO 37120:2014", id: "16.10"},
        {__typename: "Indicator", edition: "ISO 37120:2014", id: "99.1"},
        {__typename: "Indicator", edition: "ISO 37120:1999", id: "5.1"}]) {
        ... on Indicator { id edition theme kind } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual([{ id: '16.10', edition: EDITION, theme: 'Solid Waste', kind: 'SUPPORTING' }, null, null]);
  });

  test('City lists cost the same few queries for 10 and 50 cities', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on City { id indicators(year: ${YEAR}) { indicator { id } value } indicatorCoverage(year: ${YEAR}) { coreReported supportingReported } } } }`;
    const countFor = async (n: number) => {
      const reps = manyCities.slice(0, n).map((id) => ({ __typename: 'City', id }));
      mongo.recorder.reset();
      const r = await run(query, { reps });
      expect(r.errors).toBeUndefined();
      expect(r.data!._entities).toHaveLength(n);
      for (const city of r.data!._entities) {
        expect(city.indicators.map((v: any) => v.indicator.id)).toEqual(MANY_IDS);
        expect(city.indicatorCoverage).toEqual({ coreReported: 4, supportingReported: 1 });
      }
      // Every data command counts, getMore included.
      return mongo.recorder.count();
    };
    const ten = await countFor(10);
    const fifty = await countFor(50);
    expect(ten).toBe(fifty);
    // One find by report _id serves both the values and the coverage of every city.
    expect(mongo.recorder.entries.map((e) => e.command)).toEqual(['find']);
  });
});

describe('indexes', () => {
  test('one report per city and year', async () => {
    const [beta] = reportsFromValues(beta2022, 'fixture');
    await expect(db.collection('indicator_reports').insertOne({ ...beta, _id: 'duplicate' } as any)).rejects.toThrow(/duplicate key/i);
  });

  test('creating the server again (a restart) keeps the indexes', async () => {
    const again = await createServer({ db, settings });
    await again.stop();
    const names = (await db.collection('indicator_reports').listIndexes().toArray()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'city_year']);
  });
});

describe('seed', () => {
  test('inserts once, then is a no-op', async () => {
    const seedDb = mongo.client.db(mongo.prefix + 'seed_' + DATABASE_NAMES.indicators);
    const dataset = { indicators: { indicator_values: [...alpha2022, ...beta2022] } } as unknown as SampleDataset;
    expect(await seed(seedDb, dataset)).toBe(true);
    // One report per city and year, holding all its values.
    const reports = await seedDb.collection('indicator_reports').find().sort({ _id: 1 }).toArray();
    expect(reports.map((r) => [r._id, r.values.length, r.version, r.values[0].enteredBy])).toEqual([
      [`alpha:${YEAR}`, alpha2022.length, 1, 'sample-data'],
      [`beta:${YEAR}`, beta2022.length, 1, 'sample-data'],
    ]);
    expect(await seed(seedDb, dataset)).toBe(false);
    expect(await seedDb.collection('indicator_reports').countDocuments()).toBe(2);
  });
});
