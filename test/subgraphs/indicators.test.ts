import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandStartedEvent, Db } from 'mongodb';
import { DATABASE_NAMES, type SubgraphSettings } from '../../lib/config';
import type { SubgraphService } from '../../lib/subgraph/service';
import type { AuditEntryDoc } from '../../lib/db/audit-entry';
import { engineOf } from '../../lib/db/engine';
import type { IndicatorReportDoc, IndicatorValueDoc } from '../../subgraphs/indicators/data/types';
import type { SampleDataset } from '../../data/sample/types';
import type { AuthUser } from '../../lib/auth/roles';
import { reportsFromValues } from '../../subgraphs/indicators/data/indicatorReports';
import { cityDataYears, indicatorMigrations, valuesToReports } from '../../subgraphs/indicators/data/migrations';
import { summaryWrite } from '../../subgraphs/indicators/data/indicatorCoverage';
import { compareClauseIds, DEFAULT_CATALOGUE_DIR, loadCatalogue, type Catalogue } from '../../subgraphs/indicators/domain/catalogue';
import { computeCoverage, coverageSummaryOf, reportStatuses } from '../../subgraphs/indicators/domain/coverage';
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

/** Stores value fixtures the way the subgraph keeps them: one report per city and year, each with its coverage summary. */
async function insertValues(target: Db, values: IndicatorValueDoc[], catalogue: Catalogue = catalogue2014) {
  const reports = reportsFromValues(values, 'fixture');
  await target.collection('indicator_reports').insertMany(reports as any[]);
  await target.collection('indicator_coverage').insertMany(reports.map((r) => coverageSummaryOf(r, catalogue)) as any[]);
}

async function run(query: string, variables: Record<string, unknown> = {}, svc: SubgraphService<Context> = service, user: AuthUser | null = STAFF) {
  const response = await svc.server.executeOperation({ query, variables }, { contextValue: svc.createContext(user) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as {
    data?: Record<string, any> | null;
    errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
}

function errorCodes(result: Awaited<ReturnType<typeof run>>): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

/** The data commands the test client sends to the indicators database from now on, with their filters. */
function recordCommands(target: Db = db) {
  const seen: { command: string; collection?: string; filter?: any }[] & { stop(): void } = Object.assign([], {
    stop: () => mongo.client.off('commandStarted', listener),
  });
  const listener = (event: CommandStartedEvent) => {
    if (event.databaseName !== target.databaseName || ['hello', 'isMaster', 'ismaster', 'ping', 'buildInfo', 'endSessions'].includes(event.commandName)) return;
    const command = event.command as Record<string, any>;
    seen.push({
      command: event.commandName,
      collection: typeof command[event.commandName] === 'string' ? command[event.commandName] : undefined,
      filter: command.filter,
    });
  };
  mongo.client.on('commandStarted', listener);
  return seen;
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
      writeFileSync(
        join(dir, 'bad.json'),
        JSON.stringify({ standard: 'X', indicators: [{ id: '1.1', theme: 'T', name: 'n', kind: 'main', unit: '', unitSource: 'listed' }] }),
      );
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
    expect(r.data!.a).toEqual({
      id: '16.10',
      edition: EDITION,
      name: expect.any(String),
      theme: 'Solid Waste',
      kind: 'SUPPORTING',
      unit: expect.any(String),
      unitSource: expect.stringMatching(/^(LISTED|ASSUMED)$/),
    });
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
    const r = await run(
      `{ themes { name coreCount supportingCount } catalogueEditions { edition indicatorCount coreCount supportingCount themeCount isDefault } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.themes).toHaveLength(17);
    expect(r.data!.themes[0]).toEqual({ name: 'Economy', coreCount: 3, supportingCount: 4 });
    expect(r.data!.themes.find((t: { name: string }) => t.name === 'Solid Waste')).toEqual({ name: 'Solid Waste', coreCount: 3, supportingCount: 7 });
    expect(r.data!.catalogueEditions).toEqual([{ edition: EDITION, indicatorCount: 100, coreCount: 46, supportingCount: 54, themeCount: 17, isDefault: true }]);
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
    await insertValues(db, [value('gamma', YEAR, '5.1', 'VERIFIED', EDITION_2018), value('gamma', YEAR, '5.2', 'VERIFIED', EDITION_2018)], catalogue);
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
    expect(values[0]).toEqual({
      indicator: { id: '5.1', edition: EDITION },
      city: { id: 'beta' },
      year: YEAR,
      value: 5.1,
      status: 'REJECTED',
      sampleData: true,
    });

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
    const r = await run(
      `{ _entities(representations: [{__typename: "City", id: "alpha"}]) { ... on City { indicators(year: ${YEAR}, theme: "Weather") { value } } } }`,
    );
    expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/theme.*Solid Waste/s);
    const cov = await run(
      `{ _entities(representations: [{__typename: "City", id: "alpha"}]) { ... on City { indicatorCoverage(year: 2009) { coreTotal } } } }`,
    );
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
    expect(alpha.byTheme[0]).toEqual({
      theme: 'Economy',
      coreTotal: 3,
      supportingTotal: 4,
      coreReported: 2,
      supportingReported: 4,
      coreVerified: 1,
      supportingVerified: 4,
    });
    expect(alpha.byTheme[1]).toEqual({
      theme: 'Education',
      coreTotal: 4,
      supportingTotal: 3,
      coreReported: 4,
      supportingReported: 3,
      coreVerified: 4,
      supportingVerified: 2,
    });
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

  test('City lists look up reports by _id only (per id, or one $in: no getMore); coverage asked beside the values comes from the same report', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on City { id indicators(year: ${YEAR}) { indicator { id } value } indicatorCoverage(year: ${YEAR}) { coreReported supportingReported } } } }`;
    const ferret = (await engineOf(db)) === 'ferretdb';
    const all = recordCommands();
    try {
      for (const n of [10, 50]) {
        const reps = manyCities.slice(0, n).map((id) => ({ __typename: 'City', id }));
        all.length = 0;
        const r = await run(query, { reps });
        expect(r.errors).toBeUndefined();
        expect(r.data!._entities).toHaveLength(n);
        for (const city of r.data!._entities) {
          expect(city.indicators.map((v: any) => v.indicator.id)).toEqual(MANY_IDS);
          expect(city.indicatorCoverage).toEqual({ coreReported: 4, supportingReported: 1 });
        }
        // On FerretDB the cost model reads a collection's statistics (collStats, no document decoded)
        // at most once a minute; every other command is a find.
        const stats = all.filter((c) => c.command === 'collStats');
        expect(stats.length).toBeLessThanOrEqual(ferret ? 1 : 0);
        const commands = all.filter((c) => c.command !== 'collStats');
        expect(commands.map((c) => c.command)).toEqual(commands.map(() => 'find'));
        const ids = manyCities
          .slice(0, n)
          .map((c) => `${c}:${YEAR}`)
          .sort();
        const finds = commands.filter((c) => c.collection === 'indicator_reports');
        expect(finds).toHaveLength(commands.length);
        // FerretDB pushes down only a literal {_id: <string>}: lib/db/access.ts picks one such lookup per
        // city, or one $in that reads the collection once, whichever its cost model says is cheaper.
        const perId = finds.every((f) => typeof f.filter?._id === 'string');
        if (perId) {
          expect(ferret).toBe(true);
          expect(finds.map((f) => f.filter).sort((a: any, b: any) => (a._id < b._id ? -1 : 1))).toEqual(ids.map((_id) => ({ _id })));
        } else {
          expect(finds).toHaveLength(1);
          expect([...finds[0].filter._id.$in].sort()).toEqual(ids);
        }
      }
    } finally {
      all.stop();
    }
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
  test('inserts reports and their coverage summaries once, then is a no-op; a fresh database needs no migration', async () => {
    const seedDb = mongo.client.db(`${mongo.prefix}seed_${DATABASE_NAMES.indicators}`);
    const dataset = { indicators: { indicator_values: [...alpha2022, ...beta2022] } } as unknown as SampleDataset;
    expect(await seed(seedDb, dataset)).toBe(true);
    // One report per city and year, holding all its values.
    const reports = await seedDb.collection<IndicatorReportDoc>('indicator_reports').find().sort({ _id: 1 }).toArray();
    expect(reports.map((r) => [r._id, r.values.length, r.version, r.values[0].enteredBy])).toEqual([
      [`alpha:${YEAR}`, alpha2022.length, 1, 'sample-data'],
      [`beta:${YEAR}`, beta2022.length, 1, 'sample-data'],
    ]);
    // Each with its summary, at the report's version.
    const summaries = await seedDb.collection('indicator_coverage').find().sort({ _id: 1 }).toArray();
    expect(summaries).toEqual(reports.map((r) => coverageSummaryOf(r, catalogue2014)));
    expect(summaries[0]).toMatchObject({ reportVersion: 1, coreReported: 45, coreVerified: 44 });
    // Compact: one state per indicator of the edition, in clause order (5.1 reported, 5.2 missing).
    const states = summaries[0].states as string;
    expect(states).toHaveLength(ids2014.length);
    const stateOf = (id: string) => states[ids2014.findIndex((i) => i.id === id)];
    expect([stateOf('5.1'), stateOf('5.2')]).toEqual(['r', '-']);
    expect(summaries[0]).not.toHaveProperty('byTheme');
    // The seed wrote the current shape: every migration is recorded, and start-up reads no report back.
    const ids = (await seedDb.collection('migrations').find().toArray()).map((m) => m._id).sort();
    expect(ids).toEqual(indicatorMigrations(catalogue2014).map((m) => m.id));
    const commands = recordCommands(seedDb);
    try {
      const svc = await createServer({ db: seedDb, settings });
      await svc.stop();
    } finally {
      commands.stop();
    }
    expect(commands.filter((c) => c.collection === 'indicator_reports' && c.command === 'find')).toEqual([]);

    expect(await seed(seedDb, dataset)).toBe(false);
    expect(await seedDb.collection('indicator_reports').countDocuments()).toBe(2);
    expect(await seedDb.collection('indicator_coverage').countDocuments()).toBe(2);
    // Each city's data years, for its latest data year in one lookup.
    expect(await seedDb.collection('indicator_city_years').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'alpha', years: [YEAR], version: 1 },
      { _id: 'beta', years: [YEAR], version: 1 },
    ]);
  });
});

describe("a city's data years (indicator_city_years): the latest data year in two lookups", () => {
  const CITY = 'years-city';
  const OFFICER: AuthUser = { sub: 'officer-years', roles: ['CITY_OFFICER'], cityId: CITY };
  const SAVE = `mutation($input: SaveIndicatorValuesInput!) { saveIndicatorValues(input: $input) { version } }`;
  const LATEST = `{ _entities(representations: [{__typename: "City", id: "${CITY}"}]) { ... on City { latestDataYear } } }`;
  const years = () => db.collection('indicator_city_years').findOne({ _id: CITY as any });

  test('a first save notes the year before writing the report; a refused first save notes nothing', async () => {
    const refused = await run(SAVE, { input: { cityId: CITY, year: 2019, values: [{ indicatorId: '5.1', value: 101 }] } }, service, OFFICER);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    const conflict = await run(SAVE, { input: { cityId: CITY, year: 2019, expectedVersion: 3, values: [{ indicatorId: '5.1', value: 5 }] } }, service, OFFICER);
    expect(errorCodes(conflict)).toEqual(['CONFLICT']);
    expect(await years()).toBeNull();
    for (const year of [2020, 2018, 2020]) {
      const r = await run(SAVE, { input: { cityId: CITY, year, values: [{ indicatorId: '5.1', value: year - 2010 }] } }, service, OFFICER);
      expect(r.errors).toBeUndefined();
    }
    expect(await years()).toMatchObject({ _id: CITY, years: [2018, 2020] });
    expect((await run(LATEST, {}, service, null)).data!._entities[0].latestDataYear).toBe(2020);
  });

  test('latestDataYear reads the noted years and the newest summary: two lookups by _id, not one per programme year', async () => {
    const commands = recordCommands();
    try {
      const r = await run(LATEST, {}, service, null);
      expect(r.data!._entities[0].latestDataYear).toBe(2020);
    } finally {
      commands.stop();
    }
    // (Besides the background document counts lib/db/access.ts takes for its cost model.)
    const id = (f: any) => (typeof f._id === 'string' ? f._id : f._id.$in.join());
    expect(commands.filter((c) => c.command !== 'count').map((c) => [c.command, c.collection, id(c.filter)])).toEqual([
      ['find', 'indicator_city_years', CITY],
      ['find', 'indicator_coverage', `${CITY}:2020`],
    ]);
  });

  test('a noted year without a report (a write that failed after the note) is passed over', async () => {
    await db.collection('indicator_city_years').updateOne({ _id: CITY as any }, { $set: { years: [2018, 2020, 2023] } });
    expect((await run(LATEST, {}, service, null)).data!._entities[0].latestDataYear).toBe(2020);
  });
});

/** The GraphQL coverage the previous code answered: computed from the report's values on every read. */
function coverageAsComputedFromReport(report: IndicatorReportDoc, catalogue: Catalogue = catalogue2014) {
  const c = computeCoverage(report.cityId, report.year, reportStatuses(report), catalogue);
  return { ...c, missingCore: c.missingCore.map((i) => ({ id: i.id })), unverifiedCore: c.unverifiedCore.map((i) => ({ id: i.id })) };
}

const COVERAGE_FIELDS = `cityId year edition coreTotal supportingTotal coreReported supportingReported coreVerified supportingVerified
  missingCore { id } unverifiedCore { id } byTheme { theme coreTotal supportingTotal coreReported supportingReported coreVerified supportingVerified }`;

async function coverageAnswers(svc: SubgraphService<Context>, keys: { cityId: string; year: number }[]) {
  const reps = keys.map((k) => ({ __typename: 'IndicatorCoverage', ...k }));
  const r = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on IndicatorCoverage { ${COVERAGE_FIELDS} } } }`, { reps }, svc, null);
  expect(r.errors).toBeUndefined();
  return r.data!._entities;
}

describe('migrations: a database written by older code is upgraded at start-up', () => {
  test('reports and summaries without data years (before indicator_city_years): the years are noted, latestDataYear unchanged', async () => {
    const oldDb = mongo.client.db(`${mongo.prefix}years_${DATABASE_NAMES.indicators}`);
    await insertValues(oldDb, [...alpha2022, ...alpha2021, ...beta2022]);
    await oldDb.collection('migrations').insertMany(
      indicatorMigrations(catalogue2014)
        .filter((m) => m.id !== '2026-12-02-indicator_city_years')
        .map((m) => ({ _id: m.id as any, description: m.description, appliedAt: new Date(), ms: 0 })),
    );
    const svc = await createServer({ db: oldDb, settings });
    try {
      expect(await oldDb.collection('indicator_city_years').find().sort({ _id: 1 }).project({ years: 1 }).toArray()).toEqual([
        { _id: 'alpha', years: [2021, YEAR] },
        { _id: 'beta', years: [YEAR] },
      ]);
      const r = await run(
        `{ _entities(representations: [{__typename: "City", id: "alpha"}, {__typename: "City", id: "beta"}]) { ... on City { latestDataYear } } }`,
        {},
        svc,
        null,
      );
      expect(r.data!._entities).toEqual([{ latestDataYear: YEAR }, { latestDataYear: YEAR }]);
      // Run again (a restart after a crash half-way): nothing changes.
      await cityDataYears.up(oldDb);
      expect(await oldDb.collection('indicator_city_years').countDocuments()).toBe(2);
    } finally {
      await svc.stop();
    }
  });

  test('reports with an audit outbox (pendingAudit) and no summaries: summaries built, entries carried out, coverage answers unchanged', async () => {
    const oldDb = mongo.client.db(`${mongo.prefix}old_${DATABASE_NAMES.indicators}`);
    // As the previous code left it: seeded reports, a `_meta` marker, one report changed since (version 3)
    // whose audit entries were still in its `pendingAudit` outbox (a crash before the copy), no summaries.
    const reports = reportsFromValues([...alpha2022, ...beta2022, ...alpha2021], 'sample-data');
    const beta = reports.find((r) => r.cityId === 'beta')!;
    const entry: AuditEntryDoc = {
      _id: `beta:${YEAR}:v3:0`,
      cityId: 'beta',
      year: YEAR,
      at: new Date('2024-02-01T00:00:00Z'),
      actor: 'officer-beta',
      actorRoles: ['CITY_OFFICER'],
      action: 'VALUE_CHANGED',
      subject: '16.9',
      old: { value: 1, status: 'DRAFT', source: null, note: null },
      new: { value: 1.69, status: 'DRAFT', source: null, note: null },
      seq: 30_000,
    };
    Object.assign(beta, { version: 3, pendingAudit: [entry] });
    await oldDb.collection('indicator_reports').insertMany(reports as any[]);
    await oldDb.collection('_meta').insertOne({ _id: 'seed' as any, seededAt: new Date('2024-01-01T00:00:00Z') });
    const keys = reports.map((r) => ({ cityId: r.cityId, year: r.year }));

    const svc = await createServer({ db: oldDb, settings });
    try {
      // The same coverage as the previous code computed from the reports, now read from summaries.
      expect(await coverageAnswers(svc, keys)).toEqual(reports.map((r) => coverageAsComputedFromReport(r)));
      expect((await coverageAnswers(svc, [{ cityId: 'alpha', year: YEAR }]))[0]).toMatchObject({
        coreReported: 45,
        coreVerified: 44,
        supportingReported: 10,
        supportingVerified: 6,
        missingCore: [{ id: '5.2' }],
        unverifiedCore: [{ id: '5.1' }],
      });
      const summaries = await oldDb.collection('indicator_coverage').find().sort({ _id: 1 }).toArray();
      expect(summaries.map((s) => [s._id, s.reportVersion])).toEqual(reports.map((r) => [r._id, r.version]).sort());
      // Nothing in the old outbox is lost: the entry is in the trail, and no outbox is left.
      expect(await oldDb.collection('audit').findOne({ _id: entry._id as any })).toMatchObject({ subject: '16.9', actor: 'officer-beta' });
      expect(await oldDb.collection('indicator_reports').countDocuments({ $or: [{ pendingAudit: { $exists: true } }, { outbox: { $exists: true } }] })).toBe(0);
      const trail = await run(`{ auditTrail(cityId: "beta", year: ${YEAR}) { valueChanges { id subject } } }`, {}, svc);
      expect(trail.data!.auditTrail.valueChanges).toEqual([{ id: entry._id, subject: '16.9' }]);
      // Values are served as before.
      const values = await run(
        `{ _entities(representations: [{__typename: "City", id: "beta"}]) { ... on City { indicators(year: ${YEAR}) { indicator { id } status } } } }`,
        {},
        svc,
      );
      expect(values.data!._entities[0].indicators.map((v: any) => v.indicator.id)).toEqual(['5.1', '16.2', '16.9', '16.10']);
    } finally {
      await svc.stop();
    }
    const ran = (await oldDb.collection('migrations').find().toArray()).map((m) => m._id).sort();
    expect(ran).toEqual(indicatorMigrations(catalogue2014).map((m) => m.id));

    // Idempotent: every migration run again (e.g. after a crash before its record) changes nothing.
    const state = async () =>
      JSON.stringify(await Promise.all(['indicator_reports', 'indicator_coverage', 'audit'].map((c) => oldDb.collection(c).find().sort({ _id: 1 }).toArray())));
    const before = await state();
    for (const migration of indicatorMigrations(catalogue2014)) await migration.up(oldDb);
    expect(await state()).toBe(before);
    // A restart runs none of them again.
    const again = await createServer({ db: oldDb, settings });
    await again.stop();
    expect(await state()).toBe(before);
  });

  test('summaries of the earlier shape (lists and per-theme counts, ~3 KB) are read from their reports, then rebuilt compact with the same answers', async () => {
    const oldDb = mongo.client.db(`${mongo.prefix}wide_${DATABASE_NAMES.indicators}`);
    const reports = reportsFromValues([...alpha2022, ...beta2022, ...alpha2021], 'sample-data');
    await oldDb.collection('indicator_reports').insertMany(reports as any[]);
    // As the previous code wrote them: the expanded coverage, with no `states`.
    const wide = reports.map((r) => {
      const { states: _states, ...counts } = coverageSummaryOf(r, catalogue2014);
      const c = computeCoverage(r.cityId, r.year, reportStatuses(r), catalogue2014);
      return { ...counts, missingCore: c.missingCore.map((i) => i.id), unverifiedCore: c.unverifiedCore.map((i) => i.id), byTheme: c.byTheme };
    });
    await oldDb.collection('indicator_coverage').insertMany(wide as any[]);
    const keys = reports.map((r) => ({ cityId: r.cityId, year: r.year }));
    const expected = reports.map((r) => coverageAsComputedFromReport(r));
    const compact = indicatorMigrations(catalogue2014).find((m) => m.id === '2026-12-03-indicator_coverage-compact')!;
    // Recorded as applied, so that the first start reads the old shape as it is (as this code does
    // until the migration has run): the same answers, from the reports.
    await oldDb
      .collection('migrations')
      .insertMany(indicatorMigrations(catalogue2014).map((m) => ({ _id: m.id as any, description: m.description, appliedAt: new Date(), ms: 0 })));
    const reading = await createServer({ db: oldDb, settings });
    const readCommands = recordCommands(oldDb);
    try {
      expect(await coverageAnswers(reading, keys)).toEqual(expected);
    } finally {
      readCommands.stop();
      await reading.stop();
    }
    expect(readCommands.filter((c) => c.collection === 'indicator_reports').length).toBeGreaterThan(0);
    await oldDb.collection('migrations').deleteOne({ _id: compact.id as any });
    const svc = await createServer({ db: oldDb, settings });
    try {
      const summaries = await oldDb.collection('indicator_coverage').find().sort({ _id: 1 }).toArray();
      expect(summaries).toEqual(reports.map((r) => coverageSummaryOf(r, catalogue2014)).sort((a, b) => a._id.localeCompare(b._id)));
      // Compact documents: a tenth of the earlier size.
      const { BSON } = await import('mongodb');
      const size = (docs: object[]) => docs.reduce((n, d) => n + BSON.calculateObjectSize(d), 0);
      expect(size(summaries)).toBeLessThan(size(wide) / 4);
      // The same answers, now from the summaries alone.
      const commands = recordCommands(oldDb);
      try {
        expect(await coverageAnswers(svc, keys)).toEqual(expected);
      } finally {
        commands.stop();
      }
      expect(commands.filter((c) => c.collection === 'indicator_reports')).toEqual([]);
    } finally {
      await svc.stop();
    }
    // Idempotent: run again, nothing changes.
    const before = JSON.stringify(await oldDb.collection('indicator_coverage').find().sort({ _id: 1 }).toArray());
    await compact.up(oldDb);
    expect(JSON.stringify(await oldDb.collection('indicator_coverage').find().sort({ _id: 1 }).toArray())).toBe(before);
  });

  test('a summary written for another list of indicators (its layout differs) is not trusted: the answer comes from the report', async () => {
    const otherDb = mongo.client.db(`${mongo.prefix}layout_${DATABASE_NAMES.indicators}`);
    const reports = reportsFromValues([...alpha2022, ...beta2022], 'sample-data');
    await otherDb.collection('indicator_reports').insertMany(reports as any[]);
    // The same number of states, in an order another catalogue would have had.
    const shuffled = reports.map((r) => {
      const summary = coverageSummaryOf(r, catalogue2014);
      return { ...summary, states: [...summary.states].reverse().join(''), layout: 'another' };
    });
    await otherDb.collection('indicator_coverage').insertMany(shuffled as any[]);
    await otherDb
      .collection('migrations')
      .insertMany(indicatorMigrations(catalogue2014).map((m) => ({ _id: m.id as any, description: m.description, appliedAt: new Date(), ms: 0 })));
    const svc = await createServer({ db: otherDb, settings });
    try {
      const keys = reports.map((r) => ({ cityId: r.cityId, year: r.year }));
      expect(await coverageAnswers(svc, keys)).toEqual(reports.map((r) => coverageAsComputedFromReport(r)));
    } finally {
      await svc.stop();
    }
  });

  test('one document per value (indicator_values, before reports existed) becomes reports with summaries', async () => {
    const oldDb = mongo.client.db(`${mongo.prefix}values_${DATABASE_NAMES.indicators}`);
    const values = [...alpha2022, ...beta2022, ...alpha2021];
    await oldDb.collection('indicator_values').insertMany(values as any[]);
    await oldDb.collection('_meta').insertOne({ _id: 'seed' as any, seededAt: new Date('2023-01-01T00:00:00Z') });

    const svc = await createServer({ db: oldDb, settings });
    try {
      const reports = await oldDb.collection<IndicatorReportDoc>('indicator_reports').find().sort({ _id: 1 }).toArray();
      expect(reports.map((r) => [r._id, r.version, r.values.length])).toEqual([
        [`alpha:2021`, 1, alpha2021.length],
        [`alpha:${YEAR}`, 1, alpha2022.length],
        [`beta:${YEAR}`, 1, beta2022.length],
      ]);
      // Every value kept, as the subgraph answers it (staff see all statuses).
      const r = await run(
        `{ _entities(representations: [{__typename: "City", id: "beta"}]) { ... on City { indicators(year: ${YEAR}) { indicator { id } value status sampleData enteredAt } } } }`,
        {},
        svc,
      );
      expect(r.data!._entities[0].indicators).toEqual(
        [...beta2022]
          .sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId))
          .map((v) => ({ indicator: { id: v.indicatorId }, value: v.value, status: v.status, sampleData: true, enteredAt: v.updatedAt.toISOString() })),
      );
      expect(
        await coverageAnswers(svc, [
          { cityId: 'alpha', year: YEAR },
          { cityId: 'alpha', year: 2021 },
        ]),
      ).toEqual(
        reports
          .filter((rep) => rep.cityId === 'alpha')
          .reverse()
          .map((rep) => coverageAsComputedFromReport(rep)),
      );
      expect(await oldDb.collection('indicator_coverage').countDocuments()).toBe(3);
      // The old collection is left as it was.
      expect(await oldDb.collection('indicator_values').countDocuments()).toBe(values.length);
    } finally {
      await svc.stop();
    }
    // Idempotent: converting again adds and changes nothing.
    const before = JSON.stringify(await oldDb.collection('indicator_reports').find().sort({ _id: 1 }).toArray());
    await valuesToReports.up(oldDb);
    expect(JSON.stringify(await oldDb.collection('indicator_reports').find().sort({ _id: 1 }).toArray())).toBe(before);
  });
});

describe('a change writes its report and coverage summary in one write, and says what it changed', () => {
  const CITY = 'delta';
  const OFFICER: AuthUser = { sub: 'officer-delta', roles: ['CITY_OFFICER'], cityId: CITY };
  const SAVE = `mutation($input: SaveIndicatorValuesInput!) { saveIndicatorValues(input: $input) { version draftCount } }`;
  const save = (expectedVersion: number, values: { indicatorId: string; value: number }[]) => ({
    input: { cityId: CITY, year: YEAR, expectedVersion, values },
  });

  test('the summary follows every version; the invalidations name the city, its coverage and trail, every gap, and the lists', async () => {
    const first = await run(
      SAVE,
      save(0, [
        { indicatorId: '5.1', value: 7 },
        { indicatorId: '5.4', value: 3 },
      ]),
      service,
      OFFICER,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.saveIndicatorValues).toEqual({ version: 1, draftCount: 2 });
    const tags = (first.extensions as any)?.invalidations?.tags;
    expect([...tags].sort()).toEqual(
      [
        `indicators|City|{"id":"${CITY}"}`,
        `indicators|IndicatorCoverage|{"cityId":"${CITY}","year":${YEAR}}`,
        `indicators|AuditTrail|{"cityId":"${CITY}","year":${YEAR}}`,
        'indicators|CertificationGap',
        'indicators|Query',
      ].sort(),
    );
    const report = await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` });
    expect(report!.outbox).toBeUndefined();
    expect(await db.collection('indicator_coverage').findOne({ _id: `${CITY}:${YEAR}` as any })).toEqual(coverageSummaryOf(report!, catalogue2014));

    const second = await run(SAVE, save(1, [{ indicatorId: '5.1', value: 8 }]), service, OFFICER);
    expect(second.data!.saveIndicatorValues.version).toBe(2);
    expect(await db.collection('indicator_coverage').findOne({ _id: `${CITY}:${YEAR}` as any })).toMatchObject({
      reportVersion: 2,
      coreReported: 1,
      supportingReported: 1,
    });

    // The same save again writes nothing and says so: no invalidation at all.
    const repeat = await run(SAVE, save(2, [{ indicatorId: '5.1', value: 8 }]), service, OFFICER);
    expect(repeat.data!.saveIndicatorValues.version).toBe(2);
    expect((repeat.extensions as any)?.invalidations).toBeUndefined();
  });

  test('50 concurrent saves with the same expectedVersion: exactly one is written, with its audit entry and summary', async () => {
    const before = (await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` }))!;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => run(SAVE, save(before.version, [{ indicatorId: '6.1', value: 20 + i }]), service, OFFICER)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(Array(49).fill('CONFLICT'));
    const stored = (await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` }))!;
    expect(stored.version).toBe(before.version + 1);
    const winner = stored.values.find((v) => v.indicatorId === '6.1')!.value;
    const entries = await db.collection('audit').find({ cityId: CITY, year: YEAR, subject: '6.1' }).toArray();
    expect(entries.map((e) => [e.action, e.new.value])).toEqual([['VALUE_ENTERED', winner]]);
    expect(await db.collection('indicator_coverage').findOne({ _id: `${CITY}:${YEAR}` as any })).toEqual(coverageSummaryOf(stored, catalogue2014));
  });

  test('50 concurrent first saves of a new year: exactly one creates the report', async () => {
    const year = YEAR - 1;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        run(SAVE, { input: { cityId: CITY, year, expectedVersion: 0, values: [{ indicatorId: '5.1', value: 10 + i }] } }, service, OFFICER),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(Array(49).fill('CONFLICT'));
    const stored = (await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${year}` }))!;
    expect(stored).toMatchObject({ version: 1 });
    expect(stored.values).toHaveLength(1);
    expect(await db.collection('audit').countDocuments({ cityId: CITY, year })).toBe(1);
    expect(await db.collection('indicator_coverage').findOne({ _id: `${CITY}:${year}` as any })).toMatchObject({ reportVersion: 1, coreReported: 1 });
  });

  test('a crash between the write and its flush: the next read of the report carries out the summary and the audit entries', async () => {
    const id = `${CITY}:${YEAR}`;
    const reports = db.collection<IndicatorReportDoc>('indicator_reports');
    const report = (await reports.findOne({ _id: id }))!;
    // The report as the crashed write left it: one more value at version +1, its outbox not carried out.
    const next = {
      ...report,
      version: report.version + 1,
      values: [...report.values, { indicatorId: '7.1', value: 1, status: 'DRAFT' as const, enteredBy: OFFICER.sub, enteredAt: new Date() }],
    };
    const orphan: AuditEntryDoc = {
      _id: `${id}:v${next.version}:0`,
      cityId: CITY,
      year: YEAR,
      at: new Date(),
      actor: OFFICER.sub,
      actorRoles: ['CITY_OFFICER'],
      action: 'VALUE_ENTERED',
      subject: '7.1',
      old: null,
      new: { value: 1 },
      seq: next.version * 10_000,
    };
    const { _id: _ignored, ...fields } = next;
    await reports.updateOne(
      { _id: id },
      { $set: { ...fields, outbox: { audit: [orphan], derived: [summaryWrite(coverageSummaryOf(next, catalogue2014))], events: [] } } },
    );
    const [was, willBe] = [coverageSummaryOf(report, catalogue2014), coverageSummaryOf(next, catalogue2014)];
    expect(willBe.coreReported).toBe(was.coreReported + 1);
    // Until then the summary still describes the previous version ...
    expect((await coverageAnswers(service, [{ cityId: CITY, year: YEAR }]))[0].coreReported).toBe(was.coreReported);
    // ... and any read of the report repairs it.
    const r = await run(
      `{ _entities(representations: [{__typename: "City", id: "${CITY}"}]) { ... on City { indicatorReport(year: ${YEAR}) { version draftCount } } } }`,
    );
    expect(r.data!._entities[0].indicatorReport).toEqual({ version: next.version, draftCount: next.values.length });
    expect((await reports.findOne({ _id: id }))!.outbox).toBeUndefined();
    expect(await db.collection('audit').findOne({ _id: orphan._id as any })).toMatchObject({ subject: '7.1' });
    expect(await db.collection('indicator_coverage').findOne({ _id: id as any })).toEqual(willBe);
    expect((await coverageAnswers(service, [{ cityId: CITY, year: YEAR }]))[0]).toMatchObject({
      coreReported: willBe.coreReported,
      supportingReported: willBe.supportingReported,
    });
  });
});

describe('counts come from the summaries, never from reports', () => {
  test('IndicatorCoverage and City.indicatorCoverage read only indicator_coverage', async () => {
    const commands = recordCommands();
    try {
      await coverageAnswers(service, [
        { cityId: 'alpha', year: YEAR },
        { cityId: 'beta', year: YEAR },
        { cityId: 'nowhere', year: YEAR },
      ]);
      const r = await run(
        `{ _entities(representations: [{__typename: "City", id: "alpha"}]) { ... on City { indicatorCoverage(year: ${YEAR}) { coreVerified byTheme { theme } } } } }`,
      );
      expect(r.data!._entities[0].indicatorCoverage.coreVerified).toBe(44);
    } finally {
      commands.stop();
    }
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.every((c) => c.command === 'find' && c.collection === 'indicator_coverage')).toBe(true);
  });

  test("the gap and its mentor candidates (verified themes of the pool's latest data) read only summaries", async () => {
    const GAP = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on CertificationGap {
        coreVerified coreNeeded supportingNeeded reached gapThemes missingCore { id } unverifiedCore { id }
        mentorCandidates { city { id } dataYear verifiedThemes } } } }`;
    // beta lacks almost everything; alpha (2022) and the 50 list cities are the pool.
    const pool = [`alpha:${YEAR}`, `alpha:2021`, ...manyCities.slice(0, 3).map((c) => `${c}:${YEAR}`), `nowhere:${YEAR}`];
    const rep = {
      __typename: 'CertificationGap',
      cityId: 'beta',
      year: YEAR,
      target: 'GOLD',
      requiredCoreVerified: 46,
      requiredSupportingVerified: 24,
      mentorPool: pool,
    };
    const commands = recordCommands();
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await run(GAP, { reps: [rep] });
    } finally {
      commands.stop();
    }
    expect(r.errors).toBeUndefined();
    expect(commands.every((c) => c.command === 'find' && c.collection === 'indicator_coverage')).toBe(true);
    const gap = r.data!._entities[0];
    expect(gap).toMatchObject({ coreVerified: 1, coreNeeded: 45, supportingNeeded: 23, reached: false });
    expect(gap.missingCore).toHaveLength(44);
    expect(gap.unverifiedCore).toEqual([{ id: '5.1' }]);
    // The answer the report-based computation gives (domain/gap.ts computeGap over beta's values).
    const { computeGap, verifiedThemes } = await import('../../subgraphs/indicators/domain/gap');
    const edition = catalogue2014.default;
    const expected = computeGap(edition, beta2022, 46, 24);
    expect(gap.gapThemes).toEqual(expected.gapThemes);
    // alpha 2022 has every core indicator verified except 5.1 (Economy) and 5.2 (missing): all other core themes.
    const alphaThemes = verifiedThemes(edition, alpha2022, expected.gapThemes);
    expect(alphaThemes.length).toBeGreaterThan(0);
    expect(gap.mentorCandidates[0]).toEqual({ city: { id: 'alpha' }, dataYear: YEAR, verifiedThemes: alphaThemes });
    for (const m of gap.mentorCandidates)
      expect(m.verifiedThemes).toEqual(
        verifiedThemes(
          edition,
          [...alpha2022, ...alpha2021, ...manyValues].filter((v) => v.cityId === m.city.id && v.year === m.dataYear),
          expected.gapThemes,
        ),
      );
  });
});

describe('directions, themes as an enum and consistency rules are catalogue data', () => {
  test('every indicator has a direction; NEITHER always says why; the ones issue 11 names rank lower-is-better', async () => {
    const e = catalogue2014.default;
    expect(e.indicators.every((i) => ['HIGHER', 'LOWER', 'NEITHER'].includes(i.betterWhen))).toBe(true);
    expect(e.indicators.filter((i) => i.betterWhen === 'NEITHER' && !i.betterWhenNote)).toEqual([]);
    const r = await run(`{ u: indicator(id: "5.1") { betterWhen betterWhenNote themeId } h: indicator(id: "14.2") { betterWhen }
                           l: indicator(id: "12.1") { betterWhen } n: indicator(id: "11.4") { betterWhen betterWhenNote } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      u: { betterWhen: 'LOWER', betterWhenNote: null, themeId: 'ECONOMY' },
      h: { betterWhen: 'LOWER' },
      l: { betterWhen: 'HIGHER' },
      n: { betterWhen: 'NEITHER', betterWhenNote: expect.stringMatching(/enforcement/) },
    });
  });

  test('a malformed direction or rule is refused when the catalogue loads, naming the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-rules-'));
    const entry = { id: '1.1', theme: 'T', name: 'n', kind: 'core', unit: '%', unitSource: 'listed' };
    const write = (json: unknown) => writeFileSync(join(dir, 'x.json'), JSON.stringify(json));
    try {
      write({ standard: 'X', indicators: [{ ...entry, betterWhen: 'up' }] });
      expect(() => loadCatalogue({ dir, defaultEdition: 'X' })).toThrow(/indicators\[0\]\.betterWhen/);
      write({ standard: 'X', indicators: [{ ...entry, betterWhen: 'neither' }] });
      expect(() => loadCatalogue({ dir, defaultEdition: 'X' })).toThrow(/betterWhenNote must say why/);
      write({
        standard: 'X',
        indicators: [entry],
        consistencyRules: [{ id: 'r', kind: 'atMost', severity: 'warning', indicators: ['1.1', '9.9'], description: 'd' }],
      });
      expect(() => loadCatalogue({ dir, defaultEdition: 'X' })).toThrow(/consistencyRules\[0\]\.indicators/);
      write({
        standard: 'X',
        indicators: [entry],
        consistencyRules: [{ id: 'r', kind: 'sumAtMost', severity: 'warning', indicators: ['1.1'], description: 'd' }],
      });
      expect(() => loadCatalogue({ dir, defaultEdition: 'X' })).toThrow(/consistencyRules\[0\]/);
      write({ standard: 'X', indicators: [entry, { ...entry, id: '1.2', theme: 't' }] });
      expect(() => loadCatalogue({ dir, defaultEdition: 'X' })).toThrow(/would both be ThemeId T/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the ThemeId enum of schema.graphql is the one generated from the catalogue (run subgraphs/indicators/data/theme-enum.ts)', async () => {
    const { readFileSync } = await import('node:fs');
    const { SCHEMA_FILE, withThemeEnum } = await import('../../subgraphs/indicators/data/theme-enum');
    const schema = readFileSync(SCHEMA_FILE, 'utf8');
    expect(withThemeEnum(schema, catalogue2014)).toBe(schema);
    const r = await run(`{ themes { id name } }`);
    expect(r.data!.themes[5]).toEqual({ id: 'FIRE_AND_EMERGENCY_RESPONSE', name: 'Fire and Emergency Response' });
    expect(r.data!.themes.map((t: { id: string }) => t.id)).toHaveLength(17);
  });

  test('themeId filters like the deprecated string; a wrong enum value is a validation error with "did you mean"; a wrong string suggests too', async () => {
    const r = await run(
      `{ a: indicatorCatalogue(themeId: SOLID_WASTE, kind: SUPPORTING) { id themeId } b: indicatorCatalogue(theme: "Solid Waste", kind: SUPPORTING) { id themeId } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.a).toEqual(r.data!.b);
    expect(r.data!.a.map((i: { id: string }) => i.id)).toEqual(['16.4', '16.5', '16.6', '16.7', '16.8', '16.9', '16.10']);

    const enumTypo = await run(`{ indicatorCatalogue(themeId: SOLIDWASTE) { id } }`);
    expect(enumTypo.data).toBeUndefined();
    expect(enumTypo.errors![0].message).toMatch(/Did you mean the enum value "SOLID_WASTE"/);

    const stringTypo = await run(`{ indicatorCatalogue(theme: "solid waste") { id } }`);
    expect(errorCodes(stringTypo)).toEqual(['BAD_USER_INPUT']);
    expect(stringTypo.errors![0].extensions?.field).toBe('theme');
    expect(stringTypo.errors![0].message).toMatch(/did you mean "Solid Waste"/);

    const both = await run(`{ indicatorCatalogue(themeId: ECONOMY, theme: "Energy") { id } }`);
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    expect(both.errors![0].extensions?.field).toBe('themeId');

    const city = await run(
      `{ _entities(representations: [{__typename: "City", id: "beta"}]) { ... on City { indicators(year: ${YEAR}, themeId: SOLID_WASTE) { indicator { id themeId } } indicatorCoverage(year: ${YEAR}) { byTheme { theme themeId } } } } }`,
    );
    expect(city.errors).toBeUndefined();
    expect(city.data!._entities[0].indicators.map((v: any) => v.indicator.id)).toEqual(['16.2', '16.9', '16.10']);
    expect(city.data!._entities[0].indicatorCoverage.byTheme[11]).toEqual({ theme: 'Solid Waste', themeId: 'SOLID_WASTE' });
  });

  test('consistencyRules lists the rules with their indicators; unknown edition refused', async () => {
    const r = await run(`{ consistencyRules { id kind severity indicators { id } limit tolerance min max description } }`);
    expect(r.errors).toBeUndefined();
    const byId = new Map(r.data!.consistencyRules.map((x: any) => [x.id, x]));
    expect(byId.get('solid-waste-disposal-shares')).toMatchObject({
      kind: 'SUM_AT_MOST',
      severity: 'ERROR',
      limit: 100,
      indicators: ['16.4', '16.5', '16.6', '16.7', '16.8'].map((id) => ({ id })),
    });
    expect(byId.get('youth-unemployment-at-least-overall')).toMatchObject({ kind: 'AT_MOST', severity: 'WARNING', indicators: [{ id: '5.1' }, { id: '5.5' }] });
    expect(byId.get('enrolment-overall-between-female-and-male')).toMatchObject({ kind: 'BETWEEN', tolerance: 1 });
    expect(errorCodes(await run(`{ consistencyRules(edition: "nope") { id } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the default data year, and a bad argument nulls only its own field', () => {
  test('latestDataYear is the latest year with any value; indicators and indicatorCoverage default to it', async () => {
    const r = await run(`{ _entities(representations: [{__typename: "City", id: "alpha"}, {__typename: "City", id: "nowhere"}]) {
        ... on City { id latestDataYear indicators(themeId: ECONOMY) { year indicator { id } } indicatorCoverage { year coreReported } } } }`);
    expect(r.errors).toBeUndefined();
    const [alpha, nowhere] = r.data!._entities;
    expect(alpha.latestDataYear).toBe(YEAR);
    expect(alpha.indicators.map((v: any) => [v.year, v.indicator.id])).toEqual(['5.1', '5.3', '5.4', '5.5', '5.6', '5.7'].map((id) => [YEAR, id]));
    expect(alpha.indicatorCoverage).toEqual({ year: YEAR, coreReported: 45 });
    expect(nowhere).toEqual({ id: 'nowhere', latestDataYear: null, indicators: [], indicatorCoverage: null });
  });

  test('a year outside the programme or an unknown theme: that field is null with its error, the city and its other fields stay', async () => {
    const r = await run(`{ _entities(representations: [{__typename: "City", id: "alpha"}]) {
        ... on City { id latestDataYear
          badYear: indicators(year: 1900) { value }
          badTheme: indicators(year: ${YEAR}, theme: "economy") { value }
          badCoverage: indicatorCoverage(year: 3000) { year }
          badReport: indicatorReport(year: 1) { version }
          good: indicatorCoverage(year: ${YEAR}) { coreReported } } } }`);
    const city = r.data!._entities[0];
    expect(city).toEqual({ id: 'alpha', latestDataYear: YEAR, badYear: null, badTheme: null, badCoverage: null, badReport: null, good: { coreReported: 45 } });
    expect(r.errors!.map((e: any) => [e.path.join('.'), e.extensions.code, e.extensions.field]).sort()).toEqual(
      [
        ['_entities.0.badCoverage', 'BAD_USER_INPUT', 'year'],
        ['_entities.0.badReport', 'BAD_USER_INPUT', 'year'],
        ['_entities.0.badTheme', 'BAD_USER_INPUT', 'theme'],
        ['_entities.0.badYear', 'BAD_USER_INPUT', 'year'],
      ].sort(),
    );
  });
});

describe('time series', () => {
  const CITY = 'series-city';
  const doc = (year: number, indicatorId: string, v: number, status: IndicatorValueDoc['status']): IndicatorValueDoc => ({
    _id: `${CITY}:${year}:${indicatorId}`,
    cityId: CITY,
    year,
    edition: EDITION,
    indicatorId,
    value: v,
    status,
    sampleData: false,
    updatedAt: new Date('2024-01-01T00:00:00Z'),
  });
  const SERIES = (args: string) => `{ _entities(representations: [{__typename: "City", id: "${CITY}"}]) { ... on City {
      indicatorSeries(${args}) { indicator { id betterWhen } points { year value status change changePercent trend } } } } }`;
  const OFFICER: AuthUser = { sub: 'officer-series', roles: ['CITY_OFFICER'], cityId: CITY };

  beforeAll(async () => {
    // Unemployment (lower is better): 8.0, 7.5 verified; 7.0 a draft; 7.2 verified. Life expectancy: 2020 and 2022 only.
    await insertValues(db, [
      doc(2019, '5.1', 8, 'VERIFIED'),
      doc(2020, '5.1', 7.5, 'VERIFIED'),
      doc(2020, '12.1', 70, 'VERIFIED'),
      doc(2021, '5.1', 7, 'DRAFT'),
      doc(2022, '5.1', 7.2, 'VERIFIED'),
      doc(2022, '12.1', 71, 'VERIFIED'),
    ]);
  });

  test('the public sees VERIFIED values only; the change is from the previous data year it can see, judged by the direction', async () => {
    const r = await run(SERIES(`indicatorIds: ["5.1", "12.1"], from: 2019, to: 2022`), {}, service, null);
    expect(r.errors).toBeUndefined();
    const [unemployment, life] = r.data!._entities[0].indicatorSeries;
    expect(unemployment).toEqual({
      indicator: { id: '5.1', betterWhen: 'LOWER' },
      points: [
        { year: 2019, value: 8, status: 'VERIFIED', change: null, changePercent: null, trend: null },
        { year: 2020, value: 7.5, status: 'VERIFIED', change: -0.5, changePercent: -6.25, trend: 'IMPROVED' },
        // 2021 is a draft, so 2022 has no previous value the public can see.
        { year: 2022, value: 7.2, status: 'VERIFIED', change: null, changePercent: null, trend: null },
      ],
    });
    expect(life.points.map((p: any) => [p.year, p.change])).toEqual([
      [2020, null],
      [2022, null],
    ]);
  });

  test("the city's officers see every status, with changes between them", async () => {
    const r = await run(SERIES(`indicatorIds: ["5.1"], from: 2020, to: 2022`), {}, service, OFFICER);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities[0].indicatorSeries[0].points).toEqual([
      // 2019 is before the range but gives 2020 its change.
      { year: 2020, value: 7.5, status: 'VERIFIED', change: -0.5, changePercent: -6.25, trend: 'IMPROVED' },
      { year: 2021, value: 7, status: 'DRAFT', change: -0.5, changePercent: -6.67, trend: 'IMPROVED' },
      { year: 2022, value: 7.2, status: 'VERIFIED', change: 0.2, changePercent: 2.86, trend: 'WORSENED' },
    ]);
  });

  test('without a range: the 10 years up to the latest data year, within the programme', async () => {
    const r = await run(SERIES(`indicatorIds: ["12.1"]`), {}, service, null);
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities[0].indicatorSeries[0].points.map((p: any) => p.year)).toEqual([2020, 2022]);
    const only = await run(SERIES(`indicatorIds: ["5.1"], from: 2021`), {}, service, STAFF);
    expect(only.data!._entities[0].indicatorSeries[0].points.map((p: any) => p.year)).toEqual([2021, 2022]);
  });

  test('bad arguments: each refused with its field, and only the series is null', async () => {
    const cases: [string, string, RegExp][] = [
      [`indicatorIds: []`, 'indicatorIds', /1 to 25/],
      [`indicatorIds: ["5.1", "5.1"]`, 'indicatorIds[1]', /repeats/],
      [`indicatorIds: ["5.11"]`, 'indicatorIds[0]', /not an indicator.*did you mean "5.1"/],
      [`indicatorIds: [${Array.from({ length: 26 }, (_, i) => `"${catalogue2014.default.indicators[i].id}"`).join(', ')}]`, 'indicatorIds', /1 to 25/],
      [`indicatorIds: ["5.1"], from: 2022, to: 2020`, 'from', /after "to"/],
      [`indicatorIds: ["5.1"], from: 2000`, 'from', /data year/],
      [`indicatorIds: ["5.1"], to: 2031`, 'to', /data year/],
    ];
    for (const [args, field, message] of cases) {
      const r = await run(
        `{ _entities(representations: [{__typename: "City", id: "${CITY}"}]) { ... on City { id indicatorSeries(${args}) { indicator { id } } } } }`,
      );
      expect([args, r.data!._entities[0]]).toEqual([args, { id: CITY, indicatorSeries: null }]);
      expect([args, r.errors!.map((e: any) => [e.extensions.code, e.extensions.field])]).toEqual([args, [['BAD_USER_INPUT', field]]]);
      expect(r.errors![0].message).toMatch(message);
    }
  });
});

describe('consistency warnings: the rules a verifier checks, returned with the report, never blocking', () => {
  const CITY = 'warn-city';
  const OFFICER: AuthUser = { sub: 'officer-warn', roles: ['CITY_OFFICER'], cityId: CITY };
  const SAVE = `mutation($input: SaveIndicatorValuesInput!) { saveIndicatorValues(input: $input) {
      version draftCount warnings { rule { id severity } values { indicator { id } value } message } } }`;

  test('a save breaking warning rules is written, and returns the warnings with the rule and the values', async () => {
    const values = [
      { indicatorId: '5.1', value: 12 },
      { indicatorId: '5.5', value: 9 }, // youth below overall unemployment
      { indicatorId: '7.1', value: 900 },
      { indicatorId: '7.5', value: 800 }, // residential above total electricity
      { indicatorId: '8.8', value: -2.5 }, // a percentage change may be negative
    ];
    const r = await run(SAVE, { input: { cityId: CITY, year: YEAR, expectedVersion: 0, values } }, service, OFFICER);
    expect(r.errors).toBeUndefined();
    expect(r.data!.saveIndicatorValues.version).toBe(1);
    expect(r.data!.saveIndicatorValues.draftCount).toBe(5);
    expect(r.data!.saveIndicatorValues.warnings).toEqual([
      {
        rule: { id: 'youth-unemployment-at-least-overall', severity: 'WARNING' },
        values: [
          { indicator: { id: '5.1' }, value: 12 },
          { indicator: { id: '5.5' }, value: 9 },
        ],
        message: '5.1 = 12 is more than 5.5 = 9',
      },
      {
        rule: { id: 'residential-electricity-within-total', severity: 'WARNING' },
        values: [
          { indicator: { id: '7.1' }, value: 900 },
          { indicator: { id: '7.5' }, value: 800 },
        ],
        message: '7.1 = 900 is more than 7.5 = 800',
      },
    ]);
    const stored = await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` });
    expect(stored!.values.map((v) => [v.indicatorId, v.value])).toEqual(values.map((v) => [v.indicatorId, v.value]));
  });

  test('a dry run warns about the values as they would be, and writes nothing', async () => {
    const before = await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` });
    const r = await run(
      SAVE,
      {
        input: {
          cityId: CITY,
          year: YEAR,
          expectedVersion: 1,
          dryRun: true,
          values: [
            { indicatorId: '5.5', value: 20 },
            { indicatorId: '8.1', value: 60 },
            { indicatorId: '8.2', value: 40 },
          ],
        },
      },
      service,
      OFFICER,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.saveIndicatorValues.version).toBe(1);
    expect(r.data!.saveIndicatorValues.warnings.map((w: any) => w.rule.id)).toEqual(['residential-electricity-within-total', 'pm25-within-pm10']);
    expect(await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` })).toEqual(before);
  });

  test('warnings concern the values the caller may see: none of these drafts for the public', async () => {
    const q = `{ _entities(representations: [{__typename: "City", id: "${CITY}"}]) { ... on City { indicatorReport(year: ${YEAR}) { warnings { rule { id } } } } } }`;
    expect((await run(q, {}, service, null)).data!._entities[0].indicatorReport.warnings).toEqual([]);
    expect((await run(q, {}, service, STAFF)).data!._entities[0].indicatorReport.warnings).toHaveLength(2);
  });

  test('ERROR rules still refuse the save (shares of one whole above 100 %), and the bounds come from the catalogue', async () => {
    const before = await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` });
    const shares = await run(
      SAVE,
      {
        input: {
          cityId: CITY,
          year: YEAR,
          expectedVersion: 1,
          values: [
            { indicatorId: '16.4', value: 60 },
            { indicatorId: '16.7', value: 50 },
          ],
        },
      },
      service,
      OFFICER,
    );
    expect(errorCodes(shares)).toEqual(['BAD_USER_INPUT']);
    expect(shares.errors![0].message).toMatch(/shares of one whole/);
    const negative = await run(
      SAVE,
      {
        input: {
          cityId: CITY,
          year: YEAR,
          expectedVersion: 1,
          values: [
            { indicatorId: '8.8', value: -101 },
            { indicatorId: '5.1', value: -1 },
          ],
        },
      },
      service,
      OFFICER,
    );
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
    expect((negative.errors![0].extensions as any).problems.map((p: any) => [p.field, p.problem])).toEqual([
      ['values[0].value', 'must be at least -100 (%), got -101'],
      ['values[1].value', 'must not be negative (%), got -1'],
    ]);
    expect(await db.collection<IndicatorReportDoc>('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` })).toEqual(before);
  });
});
