import type { CommandStartedEvent, Db } from 'mongodb';
import { engineOf } from '../../lib/db/engine';
import { findSubjectTrail } from '../../lib/db/outbox';
import { DATABASE_NAMES, type SubgraphSettings } from '../../lib/config';
import type { SubgraphService } from '../../lib/subgraph/service';
import type { CityDoc, EnrolmentDoc, MemberDoc } from '../../subgraphs/membership/data/types';
import type { SampleDataset } from '../../data/sample/types';
import type { Context } from '../../subgraphs/membership/context';
import { createServer } from '../../subgraphs/membership/server';
import { seed } from '../../subgraphs/membership/seed';
import { MIGRATIONS } from '../../subgraphs/membership/data/migrations';
import { openTestMongo, type TestMongo } from '../support/mongo';

const settings = (prefix: string): SubgraphSettings => ({
  dbPrefix: prefix,
  defaultPageSize: 20,
  maxPageSize: 100,
  minDataYear: 2010,
  maxDataYear: 2025,
  now: () => new Date(),
});

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const city = (id: string, name: string, country: string, region: CityDoc['region'], timezone: string, population: number | null = 1_000_000): CityDoc => ({
  _id: id,
  name,
  country,
  region,
  population,
  areaKm2: population === null ? null : 123.5,
  timezone,
  sampleData: true,
});

const fullMember = (
  cityId: string,
  name: string,
  country: string,
  status: MemberDoc['status'],
  clusters: MemberDoc['clusters'],
  since = '2001-06-15',
  nationalChapter: string | null = null,
): MemberDoc => ({
  _id: cityId,
  name,
  category: 'FULL',
  organisationType: 'LOCAL_GOVERNMENT',
  cityId,
  country,
  status,
  since,
  clusters,
  nationalChapter,
});

// 50 generated cities (for the batching test); names sort after the hand-written ones.
const generated: CityDoc[] = Array.from({ length: 50 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return city(`gen-${n}`, `Zed Town ${n}`, 'ZZ', 'OCEANIA', 'Pacific/Auckland');
});

const cities: CityDoc[] = [
  city('makati', 'Makati', 'PH', 'SOUTH_EAST_ASIA', 'Asia/Manila', 629_616),
  city('quezon-city', 'Quezon City', 'PH', 'SOUTH_EAST_ASIA', 'Asia/Manila'),
  city('kuala-lumpur', 'Kuala Lumpur', 'MY', 'SOUTH_EAST_ASIA', 'Asia/Kuala_Lumpur'),
  city('seoul', 'Seoul', 'KR', 'EAST_ASIA', 'Asia/Seoul'),
  city('colombo', 'Colombo', 'LK', 'SOUTH_ASIA', 'Asia/Colombo'),
  city('toronto', 'Toronto', 'CA', 'NORTH_AMERICA', 'America/Toronto', null),
  ...generated,
];

const members: MemberDoc[] = [
  fullMember('makati', 'City of Makati', 'PH', 'ACTIVE', ['CLIMATE_CHANGE', 'DISASTER'], '1992-03-01', 'Philippines'),
  fullMember('kuala-lumpur', 'Kuala Lumpur City Hall', 'MY', 'ACTIVE', ['INFRASTRUCTURE']),
  fullMember('seoul', 'Seoul Metropolitan Government', 'KR', 'PENDING', ['SDGS', 'CLIMATE_CHANGE']),
  fullMember('colombo', 'Colombo Municipal Council', 'LK', 'SUSPENDED', []),
  {
    _id: 'ait',
    name: 'Asian Institute of Technology',
    category: 'ASSOCIATE',
    organisationType: 'INSTITUTE',
    cityId: null,
    country: 'TH',
    status: 'ACTIVE',
    since: '2005-01-20',
    clusters: ['CLIMATE_CHANGE'],
    nationalChapter: null,
  },
  // Every even generated city is a member, so the batching query returns some memberships.
  ...generated.filter((_, i) => i % 2 === 0).map((c) => fullMember(c._id, `Council of ${c.name}`, 'ZZ', 'ACTIVE', ['SDGS'])),
];

const enrolments: EnrolmentDoc[] = [
  { _id: 'makati', cityId: 'makati', programme: 'CityNet–WCCD ISO 37120', round: 2016, enrolledOn: '2016-05-01', subsidisedUntil: '2019-05-01' },
  { _id: 'seoul', cityId: 'seoul', programme: 'CityNet–WCCD ISO 37120', round: 2025, enrolledOn: isoDate(-30), subsidisedUntil: isoDate(3 * 365 - 30) },
  { _id: 'toronto', cityId: 'toronto', programme: 'CityNet–WCCD ISO 37120', round: 2024, enrolledOn: isoDate(-3 * 365), subsidisedUntil: isoDate(0) },
];

let mongo: TestMongo;
let db: Db;
let service: SubgraphService<Context>;

beforeAll(async () => {
  mongo = await openTestMongo();
  db = mongo.client.db(mongo.prefix + DATABASE_NAMES.membership);
  await db.collection<CityDoc>('cities').insertMany(cities);
  await db.collection<MemberDoc>('members').insertMany(members);
  await db.collection<EnrolmentDoc>('enrolments').insertMany(enrolments);
  service = await createServer({ db, settings: settings(mongo.prefix) });
});

afterAll(async () => {
  await service?.stop();
  await mongo?.cleanup();
});

interface Result {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

async function run(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const response = await service.server.executeOperation({ query, variables }, { contextValue: service.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await run(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function badInput(query: string, variables: Record<string, unknown>, mention: string): Promise<void> {
  const result = await run(query, variables);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors![0].message).toContain(mention);
}

const CITY_FIELDS = `id name country region population areaKm2 timezone
  membership { category status since clusters nationalChapter }
  programmeEnrolment { programme round enrolledOn subsidisedUntil subsidised }`;

describe('indexes', () => {
  it('starts again on a database whose indexes exist (a restart)', async () => {
    const again = await createServer({ db, settings: settings(mongo.prefix) });
    await again.stop();
  });

  it('creates the look-up indexes at start-up', async () => {
    const memberKeys = (await db.collection('members').indexes()).map((i) => Object.keys(i.key).join(','));
    expect(memberKeys).toEqual(expect.arrayContaining(['cityId', 'clusters']));
    const cityKeys = (await db.collection('cities').indexes()).map((i) => Object.keys(i.key).join(','));
    expect(cityKeys).toEqual(expect.arrayContaining(['country', 'region', 'name,_id']));
  });
});

describe('Query.city', () => {
  it('returns a city with its membership and enrolment', async () => {
    const data = await ok(`query($id: ID!) { city(id: $id) { ${CITY_FIELDS} } }`, { id: 'makati' });
    expect(data.city).toEqual({
      id: 'makati',
      name: 'Makati',
      country: 'PH',
      region: 'SOUTH_EAST_ASIA',
      population: 629616,
      areaKm2: 123.5,
      timezone: 'Asia/Manila',
      membership: { category: 'FULL', status: 'ACTIVE', since: '1992-03-01', clusters: ['CLIMATE_CHANGE', 'DISASTER'], nationalChapter: 'Philippines' },
      programmeEnrolment: { programme: 'CityNet–WCCD ISO 37120', round: 2016, enrolledOn: '2016-05-01', subsidisedUntil: '2019-05-01', subsidised: false },
    });
  });

  it('reports subsidised while today <= subsidisedUntil (inclusive)', async () => {
    const data = await ok(
      `{ seoul: city(id: "seoul") { programmeEnrolment { subsidised } } toronto: city(id: "toronto") { programmeEnrolment { subsidised } } }`,
    );
    expect(data.seoul.programmeEnrolment.subsidised).toBe(true);
    expect(data.toronto.programmeEnrolment.subsidised).toBe(true); // subsidisedUntil = today
  });

  it('takes "today" from the settable clock (inclusive last day)', async () => {
    for (const [now, expected] of [
      ['2019-05-01T23:59:00Z', true],
      ['2019-05-02T00:00:00Z', false],
      ['2016-05-01T00:00:00Z', true],
    ] as const) {
      const pinned = await createServer({ db, settings: { ...settings(mongo.prefix), now: () => new Date(now) } });
      try {
        const response = await pinned.server.executeOperation(
          { query: `{ city(id: "makati") { programmeEnrolment { subsidised } } }` },
          { contextValue: pinned.createContext() },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        expect(response.body.singleResult.data).toEqual({ city: { programmeEnrolment: { subsidised: expected } } });
      } finally {
        await pinned.stop();
      }
    }
  });

  it('gives null membership/enrolment for non-members, null population for unknown', async () => {
    const data = await ok(
      `{ city(id: "quezon-city") { membership { category } programmeEnrolment { round } } toronto: city(id: "toronto") { population areaKm2 membership { category } } }`,
    );
    expect(data.city).toEqual({ membership: null, programmeEnrolment: null });
    expect(data.toronto).toEqual({ population: null, areaKm2: null, membership: null });
  });

  it('returns null for an unknown id', async () => {
    const data = await ok(`{ city(id: "atlantis") { id } }`);
    expect(data.city).toBeNull();
  });
});

describe('Query.cities', () => {
  const Q = `query($filter: CityFilter, $first: Int, $after: String) {
    cities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name } }
    }
  }`;
  const ids = (data: Record<string, any>) => data.cities.edges.map((e: any) => e.node.id);

  it('orders by name and counts all cities', async () => {
    const data = await ok(Q, { first: 6 });
    expect(ids(data)).toEqual(['colombo', 'kuala-lumpur', 'makati', 'quezon-city', 'seoul', 'toronto']);
    expect(data.cities.totalCount).toBe(cities.length);
    expect(data.cities.pageInfo.hasNextPage).toBe(true);
    expect(data.cities.pageInfo.hasPreviousPage).toBe(false);
  });

  it('uses the default page size', async () => {
    const data = await ok(Q, {});
    expect(data.cities.edges).toHaveLength(20);
  });

  it('pages with first/after', async () => {
    const first = await ok(Q, { first: 2 });
    expect(ids(first)).toEqual(['colombo', 'kuala-lumpur']);
    expect(first.cities.pageInfo.endCursor).toBe(first.cities.edges[1].cursor);
    const second = await ok(Q, { first: 2, after: first.cities.pageInfo.endCursor });
    expect(ids(second)).toEqual(['makati', 'quezon-city']);
    expect(second.cities.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // Last page.
    const lastPage = await ok(Q, {
      first: 5,
      filter: { country: 'ZZ' },
      after: (await ok(Q, { first: 45, filter: { country: 'ZZ' } })).cities.pageInfo.endCursor,
    });
    expect(lastPage.cities.edges.map((e: any) => e.node.name)).toEqual(['Zed Town 46', 'Zed Town 47', 'Zed Town 48', 'Zed Town 49', 'Zed Town 50']);
    expect(lastPage.cities.pageInfo.hasNextPage).toBe(false);
  });

  it('returns an empty page for first: 0 with the total', async () => {
    const data = await ok(Q, { first: 0, filter: { country: 'PH' } });
    expect(data.cities.edges).toEqual([]);
    expect(data.cities.totalCount).toBe(2);
  });

  it.each([
    [{ country: 'PH' }, ['makati', 'quezon-city']],
    [{ region: 'SOUTH_EAST_ASIA' }, ['kuala-lumpur', 'makati', 'quezon-city']],
    [{ region: 'SOUTH_EAST_ASIA', cityNetMember: true }, ['kuala-lumpur', 'makati']],
    [{ region: 'SOUTH_EAST_ASIA', cityNetMember: false }, ['quezon-city']],
    [{ cityNetMember: false, country: 'CA' }, ['toronto']],
    [{ cluster: 'CLIMATE_CHANGE' }, ['makati', 'seoul']],
    [{ cluster: 'DISASTER', cityNetMember: true }, ['makati']],
    [{ enrolled: true }, ['makati', 'seoul', 'toronto']],
    [{ enrolled: false, region: 'SOUTH_EAST_ASIA' }, ['kuala-lumpur', 'quezon-city']],
    [{ enrolled: true, cityNetMember: true, country: 'PH' }, ['makati']],
  ])('filters %j', async (filter, expected) => {
    const data = await ok(Q, { filter, first: 100 });
    expect(ids(data)).toEqual(expected);
    expect(data.cities.totalCount).toBe(expected.length);
  });

  it('counts members among all cities', async () => {
    const data = await ok(Q, { filter: { cityNetMember: true }, first: 0 });
    expect(data.cities.totalCount).toBe(4 + 25);
  });

  it('rejects a malformed country naming filter.country', async () => {
    await badInput(Q, { filter: { country: 'ph' } }, 'filter.country');
    await badInput(Q, { filter: { country: 'PHL' } }, 'filter.country');
    const result = await run(Q, { filter: { country: '{"$ne":1}' } });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.country' });
    expect(result.errors![0].message).toMatch(/^"filter\.country" must be/);
  });

  it('rejects bad paging arguments', async () => {
    await badInput(Q, { first: -1 }, 'first');
    await badInput(Q, { first: 101 }, 'first');
    await badInput(Q, { after: 'not-a-cursor' }, 'after');
  });
});

describe('Query.members', () => {
  const Q = `query($filter: MemberFilter, $first: Int, $after: String) {
    members(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { node { id name category organisationType country status since clusters nationalChapter city { id name country } } }
    }
  }`;
  const names = (data: Record<string, any>) => data.members.edges.map((e: any) => e.node.name);

  it('orders by name, with Member.city for full members and null for associates', async () => {
    const data = await ok(Q, { first: 3 });
    expect(names(data)).toEqual(['Asian Institute of Technology', 'City of Makati', 'Colombo Municipal Council']);
    expect(data.members.totalCount).toBe(members.length);
    const [ait, makati] = data.members.edges.map((e: any) => e.node);
    expect(ait).toEqual({
      id: 'ait',
      name: 'Asian Institute of Technology',
      category: 'ASSOCIATE',
      organisationType: 'INSTITUTE',
      country: 'TH',
      status: 'ACTIVE',
      since: '2005-01-20',
      clusters: ['CLIMATE_CHANGE'],
      nationalChapter: null,
      city: null,
    });
    expect(makati.city).toEqual({ id: 'makati', name: 'Makati', country: 'PH' });
    expect(makati.nationalChapter).toBe('Philippines');
  });

  it('pages', async () => {
    const first = await ok(Q, { first: 2 });
    const next = await ok(Q, { first: 2, after: first.members.pageInfo.endCursor });
    expect(names(next)).toEqual(['Colombo Municipal Council', 'Council of Zed Town 01']);
    expect(next.members.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it.each([
    [{ category: 'ASSOCIATE' }, ['Asian Institute of Technology']],
    [{ status: 'PENDING' }, ['Seoul Metropolitan Government']],
    [{ cluster: 'CLIMATE_CHANGE' }, ['Asian Institute of Technology', 'City of Makati', 'Seoul Metropolitan Government']],
    [{ country: 'LK' }, ['Colombo Municipal Council']],
    [{ nationalChapter: 'Philippines' }, ['City of Makati']],
    [{ category: 'FULL', cluster: 'INFRASTRUCTURE' }, ['Kuala Lumpur City Hall']],
  ])('filters %j', async (filter, expected) => {
    const data = await ok(Q, { filter, first: 100 });
    expect(names(data)).toEqual(expected);
    expect(data.members.totalCount).toBe(expected.length);
  });

  it('rejects a malformed country and bad paging', async () => {
    await badInput(Q, { filter: { country: 'Sri Lanka' } }, 'filter.country');
    await badInput(Q, { first: -5 }, 'first');
  });
});

describe('federation', () => {
  const ENTITIES = `query($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on City { id name country membership { category clusters } programmeEnrolment { round subsidised } }
    }
  }`;

  it('resolves City references, null for unknown ids', async () => {
    const data = await ok(ENTITIES, {
      representations: [
        { __typename: 'City', id: 'seoul' },
        { __typename: 'City', id: 'atlantis' },
        { __typename: 'City', id: 'toronto' },
      ],
    });
    expect(data._entities).toEqual([
      {
        id: 'seoul',
        name: 'Seoul',
        country: 'KR',
        membership: { category: 'FULL', clusters: ['SDGS', 'CLIMATE_CHANGE'] },
        programmeEnrolment: { round: 2025, subsidised: true },
      },
      null,
      { id: 'toronto', name: 'Toronto', country: 'CA', membership: null, programmeEnrolment: { round: 2024, subsidised: true } },
    ]);
  });

  it('exposes the subgraph SDL with the City key', async () => {
    const data = await ok(`{ _service { sdl } }`);
    expect(data._service.sdl).toMatch(/type City\s+@key\(fields: "id"\)/);
  });

  /** The `find` filters this database received while `action` ran, by collection. */
  async function findsDuring(action: () => Promise<void>): Promise<Map<string, unknown[]>> {
    const finds = new Map<string, unknown[]>();
    const listener = (event: CommandStartedEvent) => {
      if (event.databaseName !== db.databaseName || event.commandName !== 'find') return;
      const collection = String(event.command.find);
      finds.set(collection, [...(finds.get(collection) ?? []), event.command.filter]);
    };
    mongo.client.on('commandStarted', listener);
    try {
      await action();
    } finally {
      mongo.client.off('commandStarted', listener);
    }
    return finds;
  }

  /**
   * Lookups by id take the shape the engine serves fast (lib/db/access.ts): on FerretDB one literal
   * `{_id: id}` per id (the only filter it pushes down), or, for a collection of small documents where
   * reading it once costs less than the lookups, one `$in` query; on MongoDB one `$in` query per collection.
   */
  async function expectByIdLookups(finds: unknown[] | undefined, ids: string[]): Promise<void> {
    const oneIn = [{ _id: { $in: expect.arrayContaining(ids) } }];
    if ((await engineOf(db)) === 'ferretdb' && (finds ?? []).length !== 1) {
      expect([...(finds ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
        ids.map((id) => ({ _id: id })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
    } else {
      expect(finds).toEqual(oneIn);
    }
  }

  it('looks City representations up by id only, one lookup per id at most, whatever their number', async () => {
    for (const n of [10, 50]) {
      const ids = generated.slice(0, n).map((c) => c._id);
      let data: Record<string, any> = {};
      const finds = await findsDuring(async () => {
        data = await ok(ENTITIES, { representations: [...ids, ...ids.slice(0, 3)].map((id) => ({ __typename: 'City', id })) });
      });
      expect(data._entities).toHaveLength(n + 3);
      expect(data._entities.every((e: any) => e && e.country === 'ZZ')).toBe(true);
      expect(data._entities.slice(0, n).filter((e: any) => e.membership).length).toBe(Math.ceil(n / 2));
      expect([...finds.keys()].sort()).toEqual(['cities', 'enrolments', 'members']);
      // A city's membership and enrolment have the city's id as `_id`.
      for (const collection of finds.keys()) await expectByIdLookups(finds.get(collection), ids);
    }
  });

  it('looks Member.city up by id for a page of members, each city once', async () => {
    let data: Record<string, any> = {};
    const finds = await findsDuring(async () => {
      data = await ok(`{ members(first: 30, filter: { country: "ZZ" }) { edges { node { city { id name } } } } }`);
    });
    expect(data.members.edges).toHaveLength(25);
    await expectByIdLookups(
      finds.get('cities'),
      data.members.edges.map((e: any) => e.node.city.id),
    );
  });
});

describe('seed', () => {
  it('inserts once and is a no-op the second time', async () => {
    const seedDb = mongo.client.db(`${mongo.prefix}seed_${DATABASE_NAMES.membership}`);
    const dataset: SampleDataset = {
      membership: { cities: cities.slice(0, 6), members: members.slice(0, 5), enrolments },
      indicators: { indicator_values: [] },
      certification: { certifications: [] },
      workshops: { workshops: [], registrations: [], mentoring_pairs: [] },
    };
    const counts = async () => Promise.all(['cities', 'members', 'enrolments'].map((c) => seedDb.collection(c).countDocuments()));
    expect(await seed(seedDb, dataset)).toBe(true);
    expect(await counts()).toEqual([6, 5, 3]);
    expect(await seed(seedDb, dataset)).toBe(false);
    expect(await counts()).toEqual([6, 5, 3]);
  });
});

/** A database of its own for the tests that write, so the counts above stay as seeded. */
async function freshDatabase(name: string, now = '2026-11-28T10:00:00Z'): Promise<{ db: Db; service: SubgraphService<Context> }> {
  const fresh = mongo.client.db(`${mongo.prefix}${name}_${DATABASE_NAMES.membership}`);
  await fresh.collection<CityDoc>('cities').insertMany([cities[0], cities[5]]);
  await fresh.collection<MemberDoc>('members').insertMany([members[0], members[4]]);
  const started = await createServer({ db: fresh, settings: { ...settings(mongo.prefix), now: () => new Date(now) } });
  return { db: fresh, service: started };
}

const STAFF = { sub: 'staff:citynet-test', roles: ['CITYNET_STAFF' as const] };

/** Runs an operation on `target` as `user`; returns the result and the request's context (its ChangeSet). */
async function runAs(
  target: SubgraphService<Context>,
  query: string,
  variables: Record<string, unknown>,
  user: { sub: string; roles: ('CITYNET_STAFF' | 'CITY_OFFICER')[]; cityId?: string } = STAFF,
): Promise<{ result: Result; ctx: Context }> {
  const ctx = target.createContext(user);
  const response = await target.server.executeOperation({ query, variables }, { contextValue: ctx });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { result: response.body.singleResult as Result, ctx };
}

const ADMIT = `mutation($input: AdmitMemberInput!) { admitMember(input: $input) { id } }`;
const STATUS = `mutation($id: ID!, $status: MemberStatus!) { changeMemberStatus(memberId: $id, status: $status, reason: "a test") { status } }`;
const CLUSTERS = `mutation($id: ID!, $clusters: [Cluster!]!) { setMemberClusters(memberId: $id, clusters: $clusters) { clusters } }`;
const CHAPTER = `mutation($id: ID!, $chapter: String) { setNationalChapter(memberId: $id, nationalChapter: $chapter) { nationalChapter } }`;
const ENROL = `mutation($id: ID!) { enrolCity(cityId: $id, round: 2026, enrolledOn: "2026-11-01") { round } }`;
const UPDATE_CITY = `mutation($id: ID!, $input: UpdateCityInput!) { updateCity(cityId: $id, input: $input) { id } }`;
const PAY = `mutation($id: ID!) { recordDuesPayment(memberId: $id, year: 2026, amountUsd: 100, paidOn: "2026-11-01") { paidUsd } }`;
const OPEN_ROUND = `mutation { openProgrammeRound(input: { year: 2026, opensAt: "2026-11-01T00:00:00Z", closesAt: "2026-12-31T00:00:00Z", seats: 5, currency: "USD", standardAnnualFee: 1000, subsidisedAnnualFee: 500 }) { year } }`;
const APPLY = `mutation { applyToProgramme(input: { round: 2026, cityId: "makati", dataContact: { name: "A Contact", email: "a@makati.example.org" }, motivation: "Makati applies to the round.", readyIndicatorIds: ["5.1"] }) { id } }`;
const REVIEW = (step: string, reason = false) =>
  `mutation($id: ID!${reason ? ', $reason: String!' : ''}) { ${step}(applicationId: $id${reason ? ', reason: $reason' : ''}) { id status } }`;
const MAKATI_OFFICER = { sub: 'officer:makati', roles: ['CITY_OFFICER' as const], cityId: 'makati' };
const CEBU = {
  category: 'FULL',
  name: 'Cebu City',
  country: 'PH',
  city: { region: 'SOUTH_EAST_ASIA', population: 964169, timezone: 'Asia/Manila' },
  contacts: { focalPointName: 'Test Focal Point', email: 'focal@cebu.example.org' },
};

describe('cache invalidation: every mutation declares what it changed', () => {
  let target: { db: Db; service: SubgraphService<Context> };
  beforeAll(async () => {
    target = await freshDatabase('changes');
  });
  afterAll(async () => {
    await target?.service.stop();
  });

  const CITY = (id: string) => `membership|City|{"id":"${id}"}`;
  const LISTS = 'membership|Query';

  it.each([
    ['admitMember (full member: its new City, the lists)', ADMIT, { input: CEBU }, [CITY('cebu-city'), LISTS], null],
    [
      'admitMember (associate: the lists)',
      ADMIT,
      { input: { category: 'ASSOCIATE', name: 'Urban Lab Asia', country: 'TH', organisationType: 'NGO' } },
      [LISTS],
      null,
    ],
    ['changeMemberStatus (City.membership, the lists)', STATUS, { id: 'makati', status: 'SUSPENDED' }, [CITY('makati'), LISTS], null],
    ['setMemberClusters', CLUSTERS, { id: 'makati', clusters: ['SDGS'] }, [CITY('makati'), LISTS], null],
    ['setMemberClusters (associate: no city)', CLUSTERS, { id: 'ait', clusters: ['SDGS'] }, [LISTS], null],
    ['setNationalChapter', CHAPTER, { id: 'makati', chapter: 'Nepal' }, [CITY('makati'), LISTS], null],
    ['changeMemberStatus back', STATUS, { id: 'makati', status: 'ACTIVE' }, [CITY('makati'), LISTS], null],
    ['updateCity (the City, the lists and searches)', UPDATE_CITY, { id: 'makati', input: { population: 700000 } }, [CITY('makati'), LISTS], null],
    ['recordDuesPayment (Member.dues: the lists and lookups)', PAY, { id: 'makati' }, [LISTS], null],
    ['openProgrammeRound (the rounds)', OPEN_ROUND, {}, [LISTS], null],
    ["applyToProgramme (City.programmeApplication, the round's applications)", APPLY, {}, [CITY('makati'), LISTS], MAKATI_OFFICER],
    ['shortlistProgrammeApplication', REVIEW('shortlistProgrammeApplication'), { id: '2026:makati' }, [CITY('makati'), LISTS], null],
    [
      'acceptProgrammeApplication (City.programmeEnrolment and programmeApplication, seats, lists)',
      REVIEW('acceptProgrammeApplication'),
      { id: '2026:makati' },
      [CITY('makati'), LISTS],
      null,
    ],
    [
      'withdrawProgrammeApplication (the enrolment ends)',
      REVIEW('withdrawProgrammeApplication', true),
      { id: '2026:makati', reason: 'A test' },
      [CITY('makati'), LISTS],
      null,
    ],
    ['enrolCity (City.programmeEnrolment, the lists)', ENROL, { id: 'makati' }, [CITY('makati'), LISTS], null],
  ])('%s', async (_name, query, variables, tags, user: typeof MAKATI_OFFICER | null) => {
    const { result, ctx } = await runAs(target.service, query, variables, user ?? STAFF);
    expect(result.errors).toBeUndefined();
    expect(ctx.changes.tags.sort()).toEqual([...tags].sort());
    // What the gateways receive (and the bus carried) after the mutation.
    expect(result.extensions?.invalidations).toEqual({ tags: ctx.changes.tags, declared: true });
  });

  it.each([
    ['changeMemberStatus', STATUS, { id: 'makati', status: 'ACTIVE' }],
    ['setMemberClusters', CLUSTERS, { id: 'makati', clusters: ['SDGS'] }],
    ['setNationalChapter', CHAPTER, { id: 'makati', chapter: 'Nepal' }],
  ])('%s to the current value declares that nothing changed (and invalidates nothing)', async (_name, query, variables) => {
    await runAs(target.service, query, variables);
    const { result, ctx } = await runAs(target.service, query, variables);
    expect(result.errors).toBeUndefined();
    expect(ctx.changes.declared).toBe(true);
    expect(ctx.changes.tags).toEqual([]);
    expect(result.extensions?.invalidations).toBeUndefined();
  });

  it('a refused mutation declares nothing', async () => {
    const { result, ctx } = await runAs(target.service, ENROL, { id: 'makati' });
    expect(result.errors![0].extensions?.code).toBe('CONFLICT');
    expect(ctx.changes.declared).toBe(false);
    expect(result.extensions?.invalidations).toBeUndefined();
  });
});

describe('the one audited write', () => {
  let target: { db: Db; service: SubgraphService<Context> };
  beforeAll(async () => {
    target = await freshDatabase('audited');
  });
  afterAll(async () => {
    await target?.service.stop();
  });

  it('an admission is one write of the member, its outbox carrying the city, the contacts and the audit entries', async () => {
    const writes: string[] = [];
    const listener = (event: CommandStartedEvent) => {
      if (event.databaseName === target.db.databaseName && ['insert', 'update', 'findAndModify', 'delete'].includes(event.commandName)) {
        const collection = String(event.command[event.commandName]);
        if (collection !== 'locks') writes.push(`${event.commandName} ${collection}`);
      }
    };
    mongo.client.on('commandStarted', listener);
    try {
      expect((await runAs(target.service, ADMIT, { input: CEBU })).result.errors).toBeUndefined();
    } finally {
      mongo.client.off('commandStarted', listener);
    }
    // The member insert commits the admission; then the outbox is carried out (the audit entries, the
    // city, the contacts, the `city.admitted` event numbered into the stream) and emptied; then the
    // new city goes into the search index (its terms, its key documents).
    expect(writes[0]).toBe('insert members');
    const outbox = writes.slice(1, writes.indexOf('update members') + 1);
    expect(new Set(outbox)).toEqual(
      new Set([
        'insert audit',
        'update cities',
        'update member_contacts',
        'insert events',
        'insert events_by_seq',
        'insert events_meta',
        'update events_meta',
        'update members',
      ]),
    );
    expect(outbox.at(-1)).toBe('update members');
    expect(new Set(writes.slice(writes.indexOf('update members') + 1))).toEqual(
      new Set(['insert city_search_terms', 'insert city_search_keys', 'update city_search_terms']),
    );
    const event = await target.db.collection('events').findOne({ _id: 'city.admitted:cebu-city' as any });
    expect(event).toMatchObject({
      type: 'city.admitted',
      payload: { cityId: 'cebu-city', name: 'Cebu City', country: 'PH', region: 'SOUTH_EAST_ASIA', population: 964169, timezone: 'Asia/Manila', version: 0 },
    });
    expect(event!.seq).toEqual(expect.any(Number));
    const member = await target.db.collection('members').findOne({ _id: 'cebu-city' as any });
    expect(member).toMatchObject({ version: 1, status: 'ACTIVE', since: '2026-11-28' });
    expect(member!.outbox).toBeUndefined();
    expect(await target.db.collection('cities').findOne({ _id: 'cebu-city' as any })).toMatchObject({ name: 'Cebu City', population: 964169 });
    expect(await target.db.collection('member_contacts').findOne({ _id: 'cebu-city' as any })).toMatchObject({ email: 'focal@cebu.example.org' });
    const audit = await target.db.collection('audit').find({ cityId: 'cebu-city' }).sort({ seq: 1 }).toArray();
    expect(audit.map((a) => [a.action, a.subject, a.actor])).toEqual([
      ['city.created', 'city:cebu-city', 'staff:citynet-test'],
      ['member.admitted', 'member:cebu-city', 'staff:citynet-test'],
    ]);
  });

  it('a member change and an enrolment of the same city keep both audit entries (one id space per collection)', async () => {
    expect((await runAs(target.service, STATUS, { id: 'makati', status: 'SUSPENDED' })).result.errors).toBeUndefined();
    expect((await runAs(target.service, STATUS, { id: 'makati', status: 'ACTIVE' })).result.errors).toBeUndefined();
    expect((await runAs(target.service, ENROL, { id: 'makati' })).result.errors).toBeUndefined();
    const audit = await target.db.collection('audit').find({ cityId: 'makati' }).toArray();
    expect(audit.map((a) => a.action).sort()).toEqual(['city.enrolled', 'member.statusChanged', 'member.statusChanged']);
  });

  it('an admission whose process died after the member write is completed at the next start-up', async () => {
    const at = new Date('2026-11-28T09:00:00Z');
    const city: CityDoc = {
      _id: 'iloilo-city',
      name: 'Iloilo City',
      country: 'PH',
      region: 'SOUTH_EAST_ASIA',
      population: 457626,
      areaKm2: 78.3,
      timezone: 'Asia/Manila',
      sampleData: false,
    };
    const member: MemberDoc = {
      _id: 'iloilo-city',
      name: 'Iloilo City',
      category: 'FULL',
      organisationType: 'LOCAL_GOVERNMENT',
      cityId: 'iloilo-city',
      country: 'PH',
      status: 'ACTIVE',
      since: '2026-11-28',
      clusters: [],
      nationalChapter: null,
    };
    const entry = (n: number, action: string, subject: string) => ({
      _id: `members:iloilo-city:v1:${n}`,
      cityId: 'iloilo-city',
      year: null,
      at,
      actor: 'staff:citynet-test',
      actorRoles: ['CITYNET_STAFF'],
      action,
      subject,
      old: null,
      new: {},
      seq: 10_000 + n,
    });
    await target.db.collection<MemberDoc>('members').insertOne({
      ...member,
      version: 1,
      outbox: {
        audit: [entry(0, 'city.created', 'city:iloilo-city'), entry(1, 'member.admitted', 'member:iloilo-city')],
        derived: [
          { collection: 'cities', doc: city },
          { collection: 'member_contacts', doc: { _id: 'iloilo-city', focalPointName: 'A Focal Point', email: 'a@iloilo.example.org', sampleData: false } },
        ],
        events: [],
      },
    });
    const restarted = await createServer({ db: target.db, settings: settings(mongo.prefix) });
    await restarted.stop();
    expect(await target.db.collection('cities').findOne({ _id: 'iloilo-city' as any })).toEqual(city);
    expect(await target.db.collection('member_contacts').countDocuments({ _id: 'iloilo-city' as any })).toBe(1);
    expect(await target.db.collection('audit').countDocuments({ cityId: 'iloilo-city' })).toBe(2);
    expect((await target.db.collection('members').findOne({ _id: 'iloilo-city' as any }))!.outbox).toBeUndefined();
  });

  it('an acceptance whose process died after the application write is completed at the next start-up (enrolment, event, audit)', async () => {
    const at = new Date('2026-11-28T09:30:00Z');
    const enrolment = {
      _id: 'toronto',
      cityId: 'toronto',
      programme: 'CityNet–WCCD ISO 37120 joint programme',
      round: 2031,
      enrolledOn: '2026-11-28',
      subsidisedUntil: null,
      rate: { kind: 'STANDARD', annualFee: 1000, currency: 'USD', reason: 'a test' },
      applicationId: '2031:toronto',
      status: 'ACTIVE',
      withdrawnOn: null,
    };
    const event = {
      _id: 'programme.application.accepted:2031:toronto:v2',
      type: 'programme.application.accepted',
      at,
      payload: { cityId: 'toronto', round: 2031, year: 2031, dataYear: 2030 },
    };
    await target.db.collection('programme_applications').insertOne({
      _id: '2031:toronto' as any,
      round: 2031,
      cityId: 'toronto',
      status: 'ACCEPTED',
      version: 2,
      outbox: {
        audit: [
          {
            _id: 'programme_applications:2031:toronto:v2:0',
            cityId: 'toronto',
            year: null,
            at,
            actor: 'staff:citynet-test',
            actorRoles: ['CITYNET_STAFF'],
            action: 'programme.applicationAccepted',
            subject: 'programme-application:2031:toronto',
            old: { status: 'SUBMITTED' },
            new: { status: 'ACCEPTED' },
            seq: 20_000,
          },
        ],
        derived: [{ collection: 'enrolments', doc: enrolment }],
        events: [event],
      },
    });
    const restarted = await createServer({ db: target.db, settings: settings(mongo.prefix) });
    await restarted.stop();
    expect(await target.db.collection('enrolments').findOne({ _id: 'toronto' as any })).toEqual(enrolment);
    expect(await target.db.collection('events').findOne({ _id: event._id as any })).toMatchObject({
      type: 'programme.application.accepted',
      seq: expect.any(Number),
    });
    expect(await target.db.collection('audit').countDocuments({ subject: 'programme-application:2031:toronto' })).toBe(1);
    expect((await target.db.collection('programme_applications').findOne({ _id: '2031:toronto' as any }))!.outbox).toBeUndefined();
  });

  it('the search index catches up at start-up with a rename it missed and a reindexing a crash interrupted', async () => {
    const keys = target.db.collection('city_search_keys');
    const idsUnder = async (key: string) => ((await keys.findOne({ _id: key as any }))?.entries ?? []).map((e: string) => e.split('\u001f')[2]);
    expect(await idsUnder('toronto')).toEqual(['toronto']);
    // Renamed behind the index's back (a crash between the city's write and its reindexing) ...
    await target.db.collection('cities').updateOne({ _id: 'toronto' as any }, { $set: { name: 'Tkaronto' } });
    // ... and a reindexing of Makati interrupted after it put an entry under a prefix it then meant to drop.
    await target.db.collection('city_search_terms').updateOne({ _id: 'makati' as any }, { $set: { pending: ['zzq'] } });
    await keys.insertOne({ _id: 'zzq' as any, entries: ['1\u001fmakati\u001fmakati\u001fPH\u001fSOUTH_EAST_ASIA'] });
    const restarted = await createServer({ db: target.db, settings: settings(mongo.prefix) });
    await restarted.stop();
    expect(await idsUnder('toronto')).toEqual([]);
    expect(await idsUnder('tkaronto')).toEqual(['toronto']);
    expect(await keys.findOne({ _id: 'zzq' as any })).toBeNull();
    expect((await target.db.collection('city_search_terms').findOne({ _id: 'makati' as any }))!.pending).toBeUndefined();
    expect(await idsUnder('makati')).toEqual(['makati']);
  });
});

describe('migrations: a database written by the previous version', () => {
  const OLD_AUDIT = [
    // As lib/db/audit-log.ts wrote them, after the change: random ids, no `seq`.
    {
      _id: '0b6f7f5e-3c1f-4a52-9a43-2f1b8a0c9d11',
      cityId: 'makati',
      year: null,
      at: new Date('2026-01-05T08:00:00Z'),
      actor: 'staff:citynet-1',
      actorRoles: ['CITYNET_STAFF'],
      action: 'member.clustersSet',
      subject: 'member:makati',
      old: { clusters: ['CLIMATE_CHANGE'] },
      new: { clusters: ['CLIMATE_CHANGE', 'DISASTER'] },
    },
    {
      _id: '7d0c2a44-1e9b-4c0e-8d7a-5b3f6e2a1c08',
      cityId: 'makati',
      year: null,
      at: new Date('2026-01-06T08:00:00Z'),
      actor: 'staff:citynet-1',
      actorRoles: ['CITYNET_STAFF'],
      action: 'city.enrolled',
      subject: 'enrolment:makati',
      old: null,
      new: { ...enrolments[0] },
    },
  ];
  const COLLECTIONS = ['cities', 'members', 'enrolments', 'member_contacts', 'audit', '_meta'];
  let old: Db;

  beforeAll(async () => {
    old = mongo.client.db(`${mongo.prefix}old_${DATABASE_NAMES.membership}`);
    await old.collection<CityDoc>('cities').insertMany(cities.slice(0, 6));
    await old.collection<MemberDoc>('members').insertMany(members.slice(0, 5));
    await old.collection<EnrolmentDoc>('enrolments').insertMany(enrolments);
    await old
      .collection('member_contacts')
      .insertOne({ _id: 'makati' as any, focalPointName: 'Old Focal Point', email: 'old@makati.example.org', sampleData: false });
    await old.collection('audit').insertMany(OLD_AUDIT as any[]);
    await old.collection('_meta').insertOne({ _id: 'seed' as any, seededAt: new Date('2026-01-01T00:00:00Z') });
    // The indexes the previous version created, one per command.
    for (const [collection, key, name] of [
      ['cities', { name: 1, _id: 1 }, 'name_id'],
      ['members', { cityId: 1 }, 'cityId'],
      ['members', { clusters: 1 }, 'clusters'],
      ['enrolments', { cityId: 1 }, 'cityId'],
      ['audit', { subject: 1, at: 1 }, 'subject_at'],
    ] as const) {
      await old.collection(collection).createIndexes([{ key, name }]);
    }
  });

  const snapshotOf = async (target: Db) => {
    const parts: Record<string, unknown[]> = {};
    for (const name of COLLECTIONS) parts[name] = await target.collection(name).find({}).sort({ _id: 1 }).toArray();
    return JSON.stringify(parts);
  };
  const indexNames = async (collection: string) => (await old.collection(collection).indexes()).map((i) => i.name).sort();

  it('starts on it, upgrades it once and loses nothing', async () => {
    const before = JSON.parse(await snapshotOf(old));
    const first = await createServer({ db: old, settings: settings(mongo.prefix) });
    await first.stop();
    // Enrolments from before rates existed get theirs (subsidised; no round 2016, 2024, 2025 in this
    // database, so no fee), and no application; everything else is exactly as it was.
    const after = JSON.parse(await snapshotOf(old));
    const rate = {
      kind: 'SUBSIDISED',
      annualFee: null,
      currency: null,
      reason: 'Subsidised rate: enrolled directly by CityNet staff (enrolCity), outside the review of a round.',
    };
    expect(after).toEqual({ ...before, enrolments: before.enrolments.map((e: object) => ({ ...e, rate, applicationId: null })) });
    const applied = await old.collection('migrations').find({}).toArray();
    expect(applied.map((m) => m._id)).toEqual(['2026-12-01-membership-enrolments-cityId-index', '2026-12-02-membership-enrolment-rates']);
    expect(await indexNames('enrolments')).toEqual(['_id_']);
    expect(await indexNames('audit')).toEqual(['_id_', 'city_year_seq', 'subject_at']);
    // The cities are searchable by their names (indexed at start-up).
    expect(await old.collection('city_search_keys').findOne({ _id: 'mak' as any })).toMatchObject({ entries: [expect.stringContaining('makati')] });
    // A second start-up finds the migrations recorded and runs nothing.
    const second = await createServer({ db: old, settings: settings(mongo.prefix) });
    await second.stop();
    expect(await old.collection('migrations').find({}).toArray()).toEqual(applied);
    expect(JSON.parse(await snapshotOf(old))).toEqual(after);
  });

  it('the rate migration is idempotent and leaves recorded rates alone', async () => {
    const migration = MIGRATIONS.find((m) => m.id === '2026-12-02-membership-enrolment-rates')!;
    const enrolments = old.collection('enrolments');
    await enrolments.insertOne({
      _id: 'quezon-city' as any,
      cityId: 'quezon-city',
      programme: 'x',
      round: 2016,
      enrolledOn: '2016-05-01',
      subsidisedUntil: '2019-04-30',
    });
    const recorded = await enrolments.findOne({ _id: 'makati' as any });
    await migration.up(old);
    await migration.up(old);
    expect(await enrolments.findOne({ _id: 'makati' as any })).toEqual(recorded);
    expect(await enrolments.findOne({ _id: 'quezon-city' as any })).toMatchObject({ rate: { kind: 'SUBSIDISED', annualFee: null }, applicationId: null });
    await enrolments.deleteOne({ _id: 'quezon-city' as any });
  });

  it('changes members written before versions existed, appending to their old trail', async () => {
    const upgraded = await createServer({ db: old, settings: { ...settings(mongo.prefix), now: () => new Date('2026-11-28T10:00:00Z') } });
    try {
      const { result } = await runAs(upgraded, CLUSTERS, { id: 'makati', clusters: ['SDGS'] });
      expect(result.errors).toBeUndefined();
      const { result: enrolled } = await runAs(upgraded, ENROL, { id: 'kuala-lumpur' });
      expect(enrolled.errors).toBeUndefined();
    } finally {
      await upgraded.stop();
    }
    expect(await old.collection('members').findOne({ _id: 'makati' as any })).toMatchObject({ version: 1, clusters: ['SDGS'], name: 'City of Makati' });
    const trail = await findSubjectTrail(old, 'member:makati');
    expect(trail.map((e) => [e.action, e.new])).toEqual([
      ['member.clustersSet', { clusters: ['CLIMATE_CHANGE', 'DISASTER'] }],
      ['member.clustersSet', { clusters: ['SDGS'] }],
    ]);
    expect(await findSubjectTrail(old, 'enrolment:makati')).toHaveLength(1);
    expect(await old.collection('member_contacts').findOne({ _id: 'makati' as any })).toMatchObject({ focalPointName: 'Old Focal Point' });
  });
});
