import type { Db } from 'mongodb';
import { DATABASE_NAMES, type SubgraphSettings } from '../../lib/config';
import type { SubgraphService } from '../../lib/subgraph/service';
import type { CityDoc, EnrolmentDoc, MemberDoc } from '../../subgraphs/membership/data/types';
import type { SampleDataset } from '../../data/sample/types';
import type { Context } from '../../subgraphs/membership/context';
import { createServer } from '../../subgraphs/membership/server';
import { seed } from '../../subgraphs/membership/seed';
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

const fullMember = (cityId: string, name: string, country: string, status: MemberDoc['status'], clusters: MemberDoc['clusters'], since = '2001-06-15', nationalChapter: string | null = null): MemberDoc => ({
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
    const data = await ok(`{ seoul: city(id: "seoul") { programmeEnrolment { subsidised } } toronto: city(id: "toronto") { programmeEnrolment { subsidised } } }`);
    expect(data.seoul.programmeEnrolment.subsidised).toBe(true);
    expect(data.toronto.programmeEnrolment.subsidised).toBe(true); // subsidisedUntil = today
  });

  it('takes "today" from the settable clock (inclusive last day)', async () => {
    for (const [now, expected] of [['2019-05-01T23:59:00Z', true], ['2019-05-02T00:00:00Z', false], ['2016-05-01T00:00:00Z', true]] as const) {
      const pinned = await createServer({ db, settings: { ...settings(mongo.prefix), now: () => new Date(now) } });
      try {
        const response = await pinned.server.executeOperation({ query: `{ city(id: "makati") { programmeEnrolment { subsidised } } }` }, { contextValue: pinned.createContext() });
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        expect(response.body.singleResult.data).toEqual({ city: { programmeEnrolment: { subsidised: expected } } });
      } finally {
        await pinned.stop();
      }
    }
  });

  it('gives null membership/enrolment for non-members, null population for unknown', async () => {
    const data = await ok(`{ city(id: "quezon-city") { membership { category } programmeEnrolment { round } } toronto: city(id: "toronto") { population areaKm2 membership { category } } }`);
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
    const lastPage = await ok(Q, { first: 5, filter: { country: 'ZZ' }, after: (await ok(Q, { first: 45, filter: { country: 'ZZ' } })).cities.pageInfo.endCursor });
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
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.country' });
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
      { id: 'seoul', name: 'Seoul', country: 'KR', membership: { category: 'FULL', clusters: ['SDGS', 'CLIMATE_CHANGE'] }, programmeEnrolment: { round: 2025, subsidised: true } },
      null,
      { id: 'toronto', name: 'Toronto', country: 'CA', membership: null, programmeEnrolment: { round: 2024, subsidised: true } },
    ]);
  });

  it('exposes the subgraph SDL with the City key', async () => {
    const data = await ok(`{ _service { sdl } }`);
    expect(data._service.sdl).toMatch(/type City\s+@key\(fields: "id"\)/);
  });

  it('costs the same small number of queries for 10 and 50 City representations', async () => {
    const count = async (n: number) => {
      const representations = generated.slice(0, n).map((c) => ({ __typename: 'City', id: c._id }));
      mongo.recorder.reset();
      const data = await ok(ENTITIES, { representations });
      expect(data._entities).toHaveLength(n);
      expect(data._entities.every((e: any) => e && e.country === 'ZZ')).toBe(true);
      expect(data._entities.filter((e: any) => e.membership).length).toBe(Math.ceil(n / 2));
      return mongo.recorder.count((e) => e.db === db.databaseName && (e.command === 'find' || e.command === 'aggregate'));
    };
    const ten = await count(10);
    const fifty = await count(50);
    expect(ten).toBe(fifty);
    expect(fifty).toBe(3); // cities, members, enrolments: one batched query each
  });

  it('batches Member.city for a page of members into one query', async () => {
    mongo.recorder.reset();
    const data = await ok(`{ members(first: 30, filter: { country: "ZZ" }) { edges { node { city { id name } } } } }`);
    expect(data.members.edges).toHaveLength(25);
    const finds = mongo.recorder.count((e) => e.db === db.databaseName && e.command === 'find' && e.collection === 'cities');
    expect(finds).toBe(1);
  });
});

describe('seed', () => {
  it('inserts once and is a no-op the second time', async () => {
    const seedDb = mongo.client.db(mongo.prefix + 'seed_' + DATABASE_NAMES.membership);
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
