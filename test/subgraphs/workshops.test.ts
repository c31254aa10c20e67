import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from 'mongodb';
import type { AuthUser } from '../../lib/auth/roles';
import { entityTag, listsTag, typeTag } from '../../lib/cache/tags';
import { DATABASE_NAMES, type SubgraphSettings } from '../../lib/config';
import type { SubgraphService } from '../../lib/subgraph/service';
import type { MentoringPairDoc, RegistrationDoc, WorkshopDoc } from '../../subgraphs/workshops/data/types';
import type { SampleDataset } from '../../data/sample/types';
import type { Context } from '../../subgraphs/workshops/context';
import { engineOf } from '../../lib/db/engine';
import { toLocalIso } from '../../lib/time/local-time';
import { createServer } from '../../subgraphs/workshops/server';
import { seed } from '../../subgraphs/workshops/seed';
import { openTestMongo, type TestMongo } from '../support/mongo';

const settings = (prefix: string): SubgraphSettings => ({
  dbPrefix: prefix,
  defaultPageSize: 20,
  maxPageSize: 100,
  minDataYear: 2010,
  maxDataYear: 2025,
  now: () => new Date(),
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
const inDays = (days: number) => new Date(NOW + days * DAY);

const workshop = (id: string, fields: Partial<WorkshopDoc> & Pick<WorkshopDoc, 'startsAt'>): WorkshopDoc => ({
  _id: id,
  title: `Workshop ${id}`,
  themes: ['Governance'],
  format: 'IN_PERSON',
  hostCityId: null,
  facilitator: null,
  endsAt: new Date(fields.startsAt.getTime() + 3 * HOUR),
  timezone: 'Asia/Manila',
  capacity: 40,
  seatsTaken: 0,
  status: 'SCHEDULED',
  sampleData: true,
  ...fields,
});

// Upcoming / past workshops relative to now (for City.upcomingWorkshops).
const relative: WorkshopDoc[] = [
  workshop('w-past', { startsAt: inDays(-10), hostCityId: 'makati' }),
  workshop('w-1', {
    title: 'Solid waste clinic',
    themes: ['Solid Waste'],
    startsAt: inDays(2),
    hostCityId: 'makati',
    facilitator: 'CityNet Secretariat',
    capacity: 30,
    seatsTaken: 12,
  }),
  workshop('w-2', {
    title: 'Energy online',
    themes: ['Energy', 'Environment'],
    format: 'ONLINE',
    startsAt: inDays(5),
    timezone: 'Asia/Kathmandu',
    capacity: 10,
    seatsTaken: 12,
  }),
  workshop('w-3', { startsAt: inDays(1), hostCityId: 'seoul', status: 'CANCELLED', timezone: 'Asia/Seoul' }),
  workshop('w-4', { themes: ['Water and Sanitation'], startsAt: inDays(3), hostCityId: 'seoul', timezone: 'Asia/Seoul', format: 'HYBRID' }),
  workshop('w-5', { startsAt: inDays(7) }),
];

// Fixed instants (2025) for the listing and local-time tests.
const fixed: WorkshopDoc[] = [
  workshop('f-manila', { startsAt: new Date('2025-03-02T01:00:00Z'), hostCityId: 'makati', themes: ['Solid Waste', 'Environment'], status: 'COMPLETED' }),
  workshop('f-kathmandu', {
    startsAt: new Date('2025-01-15T03:15:00Z'),
    timezone: 'Asia/Kathmandu',
    themes: ['Health'],
    format: 'ONLINE',
    status: 'COMPLETED',
  }),
  workshop('f-toronto', {
    startsAt: new Date('2025-07-01T16:00:00Z'),
    timezone: 'America/Toronto',
    hostCityId: 'toronto',
    themes: ['Solid Waste'],
    status: 'CANCELLED',
  }),
  workshop('f-toronto-b', {
    startsAt: new Date('2025-07-01T16:00:00Z'),
    timezone: 'America/Toronto',
    hostCityId: 'toronto',
    themes: ['Energy'],
    status: 'COMPLETED',
  }),
  workshop('f-utc', { startsAt: new Date('2025-12-31T23:30:00Z'), timezone: 'UTC', status: 'COMPLETED' }),
];

// 50 generated cities, each hosting one workshop far in the future (batching test).
const genCities = Array.from({ length: 50 }, (_, i) => `gen-${String(i + 1).padStart(2, '0')}`);
const generated: WorkshopDoc[] = genCities.map((cityId, i) =>
  workshop(`g-${cityId}`, { startsAt: new Date(NOW + 400 * DAY + i * HOUR), hostCityId: cityId, themes: ['Finance'] }),
);

const registration = (id: string, workshopId: string, cityId: string, status: RegistrationDoc['status'], registeredAt: Date): RegistrationDoc => ({
  _id: id,
  workshopId,
  cityId,
  status,
  registeredAt,
});

const registrations: RegistrationDoc[] = [
  registration('r1', 'w-2', 'makati', 'CONFIRMED', inDays(-3)),
  registration('r3', 'w-2', 'seoul', 'CANCELLED', inDays(-1)),
  registration('r2', 'w-2', 'colombo', 'WAITLISTED', inDays(-2)),
  registration('r4', 'w-5', 'makati', 'CANCELLED', inDays(-4)),
  registration('r5', 'w-4', 'makati', 'CONFIRMED', inDays(-5)),
  registration('r6', 'w-past', 'makati', 'CONFIRMED', inDays(-20)),
  registration('r7', 'w-1', 'makati', 'CONFIRMED', inDays(-6)), // host and registered: listed once
];

const mentoringPairs: MentoringPairDoc[] = [
  {
    _id: 'm1',
    mentorCityId: 'makati',
    menteeCityId: 'colombo',
    focusThemes: ['Solid Waste'],
    status: 'ACTIVE',
    startedOn: '2025-02-01',
    closedOn: null,
    sessions: [{ heldAt: new Date('2025-03-01T02:00:00Z'), durationMinutes: 90, format: 'ONLINE', summary: 'Kick-off' }],
  },
  {
    _id: 'm2',
    mentorCityId: 'seoul',
    menteeCityId: 'makati',
    focusThemes: ['Transportation'],
    status: 'CLOSED',
    startedOn: '2023-05-10',
    closedOn: '2024-05-10',
    sessions: [],
  },
  {
    _id: 'm3',
    mentorCityId: 'kuala-lumpur',
    menteeCityId: 'seoul',
    focusThemes: ['Energy', 'Water and Sanitation'],
    status: 'ACTIVE',
    startedOn: '2025-06-01',
    closedOn: null,
    sessions: [],
  },
];

let mongo: TestMongo;
let db: Db;
let service: SubgraphService<Context>;

beforeAll(async () => {
  mongo = await openTestMongo();
  db = mongo.client.db(mongo.prefix + DATABASE_NAMES.workshops);
  await db.collection<WorkshopDoc>('workshops').insertMany([...relative, ...fixed, ...generated]);
  await db.collection<RegistrationDoc>('registrations').insertMany(registrations);
  await db.collection<MentoringPairDoc>('mentoring_pairs').insertMany(mentoringPairs);
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

const dataCommands = () => mongo.recorder.count((e) => e.db === db.databaseName && (e.command === 'find' || e.command === 'aggregate'));

describe('indexes', () => {
  it('starts again on a database whose indexes exist (a restart)', async () => {
    const again = await createServer({ db, settings: settings(mongo.prefix) });
    await again.stop();
  });

  it('creates the look-up indexes at start-up', async () => {
    const keys = async (c: string) => (await db.collection(c).indexes()).map((i) => Object.keys(i.key).join(','));
    expect(await keys('workshops')).toEqual(expect.arrayContaining(['startsAt,_id', 'hostCityId', 'themes']));
    expect(await keys('registrations')).toEqual(expect.arrayContaining(['workshopId,registeredAt', 'cityId']));
    expect(await keys('mentoring_pairs')).toEqual(expect.arrayContaining(['mentorCityId', 'menteeCityId']));
  });
});

describe('localStartsAt', () => {
  it.each([
    ['2025-03-02T01:00:00Z', 'Asia/Manila', '2025-03-02T09:00:00+08:00'],
    ['2025-01-15T03:15:00Z', 'Asia/Kathmandu', '2025-01-15T09:00:00+05:45'],
    ['2025-07-01T16:00:00Z', 'America/Toronto', '2025-07-01T12:00:00-04:00'],
    ['2025-01-01T16:00:00Z', 'America/Toronto', '2025-01-01T11:00:00-05:00'],
    ['2025-12-31T23:30:00Z', 'UTC', '2025-12-31T23:30:00+00:00'],
    ['2025-12-31T16:30:45Z', 'Asia/Tokyo', '2026-01-01T01:30:45+09:00'],
    // Across the end of NZ daylight time (03:00 NZDT -> 02:00 NZST at 14:00Z): same wall hour, new offset.
    ['2025-04-05T13:59:00Z', 'Pacific/Auckland', '2025-04-06T02:59:00+13:00'],
    ['2025-04-05T14:00:00Z', 'Pacific/Auckland', '2025-04-06T02:00:00+12:00'],
    ['2025-06-30T23:00:00Z', 'Asia/Manila', '2025-07-01T07:00:00+08:00'],
    ['2025-01-01T16:00:00Z', 'Asia/Kolkata', '2025-01-01T21:30:00+05:30'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(toLocalIso(new Date(instant), zone)).toBe(expected);
  });

  it('renders midnight as 00, not 24', () => {
    expect(toLocalIso(new Date('2025-03-01T16:00:00Z'), 'Asia/Manila')).toBe('2025-03-02T00:00:00+08:00');
  });
});

describe('Query.workshop', () => {
  it('returns a workshop with derived fields', async () => {
    const data = await ok(`{ workshop(id: "f-manila") {
      id title themes format hostCity { id } facilitator startsAt endsAt timezone localStartsAt capacity seatsTaken seatsAvailable status
    } }`);
    expect(data.workshop).toEqual({
      id: 'f-manila',
      title: 'Workshop f-manila',
      themes: ['Solid Waste', 'Environment'],
      format: 'IN_PERSON',
      hostCity: { id: 'makati' },
      facilitator: null,
      startsAt: '2025-03-02T01:00:00.000Z',
      endsAt: '2025-03-02T04:00:00.000Z',
      timezone: 'Asia/Manila',
      localStartsAt: '2025-03-02T09:00:00+08:00',
      capacity: 40,
      seatsTaken: 0,
      seatsAvailable: 40,
      status: 'COMPLETED',
    });
  });

  it('has no host city for secretariat online workshops and never negative seats', async () => {
    const data = await ok(`{ a: workshop(id: "w-2") { hostCity { id } seatsAvailable localStartsAt } b: workshop(id: "w-1") { seatsAvailable } }`);
    expect(data.a.hostCity).toBeNull();
    expect(data.a.seatsAvailable).toBe(0);
    expect(data.a.localStartsAt).toMatch(/\+05:45$/);
    expect(data.b.seatsAvailable).toBe(18);
  });

  it('returns null for an unknown id', async () => {
    expect((await ok(`{ workshop(id: "nope") { id } }`)).workshop).toBeNull();
  });
});

describe('Query.workshops', () => {
  const Q = `query($from: DateTime, $to: DateTime, $theme: String, $status: WorkshopStatus, $first: Int, $after: String) {
    workshops(from: $from, to: $to, theme: $theme, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id } }
    }
  }`;
  const ids = (data: Record<string, any>) => data.workshops.edges.map((e: any) => e.node.id);
  const Y2025 = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00+00:00' };

  it('lists workshops in [from, to) in start order, then id', async () => {
    const data = await ok(Q, Y2025);
    expect(ids(data)).toEqual(['f-kathmandu', 'f-manila', 'f-toronto', 'f-toronto-b', 'f-utc']);
    expect(data.workshops.totalCount).toBe(5);
  });

  it('includes from and excludes to', async () => {
    const from = await ok(Q, { from: '2025-03-02T01:00:00Z', to: '2025-12-31T23:30:00Z' });
    expect(ids(from)).toEqual(['f-manila', 'f-toronto', 'f-toronto-b']);
    // Offsets in the arguments are honoured: 09:00+08:00 is the same instant as 01:00Z.
    const offset = await ok(Q, { from: '2025-03-02T09:00:00+08:00', to: '2025-03-02T09:00:01+08:00' });
    expect(ids(offset)).toEqual(['f-manila']);
  });

  it('takes open-ended ranges', async () => {
    const until = await ok(Q, { to: '2025-03-01T00:00:00Z' });
    expect(ids(until)).toEqual(['f-kathmandu']);
    const after = await ok(Q, { from: new Date(NOW + 300 * DAY).toISOString(), first: 0 });
    expect(after.workshops.totalCount).toBe(50);
    const all = await ok(Q, { first: 0 });
    expect(all.workshops.totalCount).toBe(relative.length + fixed.length + generated.length);
  });

  it('filters by theme and status', async () => {
    expect(ids(await ok(Q, { ...Y2025, theme: 'Solid Waste' }))).toEqual(['f-manila', 'f-toronto']);
    expect(ids(await ok(Q, { ...Y2025, theme: 'Solid Waste', status: 'COMPLETED' }))).toEqual(['f-manila']);
    expect(ids(await ok(Q, { ...Y2025, status: 'CANCELLED' }))).toEqual(['f-toronto']);
    expect(ids(await ok(Q, { theme: 'Water and Sanitation' }))).toEqual(['w-4']);
    expect(ids(await ok(Q, { ...Y2025, theme: 'Telecommunication and Innovation' }))).toEqual([]);
  });

  it('pages with first/after', async () => {
    const first = await ok(Q, { ...Y2025, first: 2 });
    expect(ids(first)).toEqual(['f-kathmandu', 'f-manila']);
    expect(first.workshops.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first.workshops.edges[1].cursor });
    const second = await ok(Q, { ...Y2025, first: 2, after: first.workshops.pageInfo.endCursor });
    expect(ids(second)).toEqual(['f-toronto', 'f-toronto-b']);
    const third = await ok(Q, { ...Y2025, first: 2, after: second.workshops.pageInfo.endCursor });
    expect(ids(third)).toEqual(['f-utc']);
    expect(third.workshops.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(third.workshops.totalCount).toBe(5);
  });

  it('rejects an unknown theme naming theme', async () => {
    await badInput(Q, { theme: 'Waste' }, 'theme');
    await badInput(Q, { theme: 'solid waste' }, 'theme');
    const result = await run(Q, { theme: 'Cooking' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'theme' });
    expect(result.errors![0].message).toMatch(/^"theme" must be an ISO 37120 theme \(.*\), got "Cooking"$/);
  });

  it('rejects from >= to', async () => {
    await badInput(Q, { from: '2025-06-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'from');
    await badInput(Q, { from: '2025-06-01T00:00:00Z', to: '2025-06-01T08:00:00+08:00' }, 'before');
  });

  it('rejects malformed instants and bad paging', async () => {
    const result = await run(Q, { from: '2025-06-01' });
    expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    await badInput(Q, { first: -1 }, 'first');
    await badInput(Q, { first: 101 }, 'first');
    await badInput(Q, { after: 'garbage' }, 'after');
  });
});

describe('Workshop.registrations', () => {
  const Q = `query($first: Int, $after: String) { workshop(id: "w-2") {
    registrations(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { node { id status registeredAt city { id } workshop { id title } } }
    }
  } }`;

  it('lists registrations in the order they were made', async () => {
    const data = await ok(Q);
    const nodes = data.workshop.registrations.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).toEqual(['r1', 'r2', 'r3']);
    expect(nodes[0]).toEqual({
      id: 'r1',
      status: 'CONFIRMED',
      registeredAt: inDays(-3).toISOString(),
      city: { id: 'makati' },
      workshop: { id: 'w-2', title: 'Energy online' },
    });
    expect(nodes.map((n: any) => n.status)).toEqual(['CONFIRMED', 'WAITLISTED', 'CANCELLED']);
    expect(data.workshop.registrations.totalCount).toBe(3);
  });

  it('pages', async () => {
    const first = await ok(Q, { first: 2 });
    expect(first.workshop.registrations.pageInfo.hasNextPage).toBe(true);
    const next = await ok(Q, { first: 2, after: first.workshop.registrations.pageInfo.endCursor });
    expect(next.workshop.registrations.edges.map((e: any) => e.node.id)).toEqual(['r3']);
    expect(next.workshop.registrations.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    await badInput(Q, { first: -2 }, 'first');
  });

  it('is empty for a workshop without registrations', async () => {
    const data = await ok(`{ workshop(id: "f-utc") { registrations { totalCount edges { cursor } } } }`);
    expect(data.workshop.registrations).toEqual({ totalCount: 0, edges: [] });
  });

  it('loads the registrations of a page of workshops in one query', async () => {
    mongo.recorder.reset();
    const data = await ok(`{ workshops(first: 50) { edges { node { id registrations { totalCount } } } } }`);
    expect(data.workshops.edges.length).toBeGreaterThan(10);
    expect(mongo.recorder.count((e) => e.db === db.databaseName && e.collection === 'registrations')).toBe(1);
  });
});

describe('mentoring', () => {
  it('returns a pair with its cities and sessions', async () => {
    const data = await ok(`{ mentoringPair(id: "m1") {
      id mentor { id } mentee { id } focusThemes status startedOn closedOn
      sessions { heldAt durationMinutes format summary }
    } }`);
    expect(data.mentoringPair).toEqual({
      id: 'm1',
      mentor: { id: 'makati' },
      mentee: { id: 'colombo' },
      focusThemes: ['Solid Waste'],
      status: 'ACTIVE',
      startedOn: '2025-02-01',
      closedOn: null,
      sessions: [{ heldAt: '2025-03-01T02:00:00.000Z', durationMinutes: 90, format: 'ONLINE', summary: 'Kick-off' }],
    });
    expect((await ok(`{ mentoringPair(id: "m2") { closedOn } }`)).mentoringPair.closedOn).toBe('2024-05-10');
    expect((await ok(`{ mentoringPair(id: "zzz") { id } }`)).mentoringPair).toBeNull();
  });

  it('lists pairs most recent first, filtered by status, with paging', async () => {
    const Q = `query($status: MentoringStatus, $first: Int, $after: String) {
      mentoringPairs(status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
    }`;
    const ids = (d: Record<string, any>) => d.mentoringPairs.edges.map((e: any) => e.node.id);
    const all = await ok(Q);
    expect(ids(all)).toEqual(['m3', 'm1', 'm2']);
    expect(all.mentoringPairs.totalCount).toBe(3);
    expect(ids(await ok(Q, { status: 'ACTIVE' }))).toEqual(['m3', 'm1']);
    expect(ids(await ok(Q, { status: 'CLOSED' }))).toEqual(['m2']);
    const first = await ok(Q, { first: 1 });
    expect(first.mentoringPairs.pageInfo.hasNextPage).toBe(true);
    expect(ids(await ok(Q, { first: 5, after: first.mentoringPairs.pageInfo.endCursor }))).toEqual(['m1', 'm2']);
    await badInput(Q, { first: 1000 }, 'first');
  });
});

describe('federation', () => {
  const CITY = `query($representations: [_Any!]!, $first: Int) {
    _entities(representations: $representations) {
      ... on City { id upcomingWorkshops(first: $first) { id hostCity { id } } mentoring { id mentor { id } mentee { id } } }
    }
  }`;
  const city = (id: string) => ({ __typename: 'City', id });

  it('resolves City upcomingWorkshops (hosted or registered, scheduled, future, soonest first) and mentoring', async () => {
    const data = await ok(CITY, { representations: ['makati', 'seoul', 'colombo', 'toronto'].map(city) });
    const [makati, seoul, colombo, toronto] = data._entities;
    expect(makati.upcomingWorkshops.map((w: any) => w.id)).toEqual(['w-1', 'w-4', 'w-2']);
    expect(makati.upcomingWorkshops[1].hostCity).toEqual({ id: 'seoul' });
    expect(seoul.upcomingWorkshops.map((w: any) => w.id)).toEqual(['w-4']);
    expect(colombo.upcomingWorkshops.map((w: any) => w.id)).toEqual(['w-2']);
    expect(toronto.upcomingWorkshops).toEqual([]);
    expect(makati.mentoring).toEqual([
      { id: 'm1', mentor: { id: 'makati' }, mentee: { id: 'colombo' } },
      { id: 'm2', mentor: { id: 'seoul' }, mentee: { id: 'makati' } },
    ]);
    expect(seoul.mentoring.map((p: any) => p.id)).toEqual(['m3', 'm2']);
    expect(colombo.mentoring.map((p: any) => p.id)).toEqual(['m1']);
    expect(toronto.mentoring).toEqual([]);
  });

  it('limits upcomingWorkshops with first (default 5)', async () => {
    const two = await ok(CITY, { representations: [city('makati')], first: 2 });
    expect(two._entities[0].upcomingWorkshops.map((w: any) => w.id)).toEqual(['w-1', 'w-4']);
    const zero = await ok(CITY, { representations: [city('makati')], first: 0 });
    expect(zero._entities[0].upcomingWorkshops).toEqual([]);
    // Different `first` values in one request share the batch.
    const mixed = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on City { a: upcomingWorkshops(first: 1) { id } b: upcomingWorkshops { id } } } }`,
      {
        r: [city('makati')],
      },
    );
    expect(mixed._entities[0]).toEqual({ a: [{ id: 'w-1' }], b: [{ id: 'w-1' }, { id: 'w-4' }, { id: 'w-2' }] });
  });

  it('caps the default at 5', async () => {
    // Give one generated city six registrations on upcoming workshops of other generated cities.
    const extra = genCities.slice(1, 7).map((host, i) => registration(`x${i}`, `g-${host}`, 'gen-01', 'CONFIRMED', inDays(-1)));
    await db.collection<RegistrationDoc>('registrations').insertMany(extra);
    try {
      const data = await ok(`{ _entities(representations: [{ __typename: "City", id: "gen-01" }]) { ... on City { upcomingWorkshops { id } } } }`);
      expect(data._entities[0].upcomingWorkshops.map((w: any) => w.id)).toEqual(['g-gen-01', 'g-gen-02', 'g-gen-03', 'g-gen-04', 'g-gen-05']);
    } finally {
      await db.collection<RegistrationDoc>('registrations').deleteMany({ _id: { $in: extra.map((r) => r._id) } });
    }
  });

  it('takes "now" from the settable clock', async () => {
    const pinned = await createServer({ db, settings: { ...settings(mongo.prefix), now: () => inDays(2.5) } });
    try {
      const response = await pinned.server.executeOperation(
        { query: CITY, variables: { representations: [city('makati')] } },
        { contextValue: pinned.createContext() },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      // w-1 (+2 days) has started by then; w-4 (+3) and w-2 (+5) are still upcoming.
      expect((response.body.singleResult.data as any)._entities[0].upcomingWorkshops.map((w: any) => w.id)).toEqual(['w-4', 'w-2']);
    } finally {
      await pinned.stop();
    }
  });

  it('rejects a negative or too large first', async () => {
    for (const first of [-1, 101]) {
      const result = await run(CITY, { representations: [city('makati')], first });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain('first');
    }
  });

  it('resolves City references without touching the database', async () => {
    mongo.recorder.reset();
    const data = await ok(`{ _entities(representations: [{ __typename: "City", id: "anywhere" }]) { ... on City { id } } }`);
    expect(data._entities).toEqual([{ id: 'anywhere' }]);
    expect(dataCommands()).toBe(0);
  });

  it('resolves Workshop and MentoringPair references in batches, null for unknown ids', async () => {
    mongo.recorder.reset();
    const data = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Workshop { id title localStartsAt hostCity { id } }
        ... on MentoringPair { id mentee { id } }
      } }`,
      {
        r: [
          { __typename: 'Workshop', id: 'f-manila' },
          { __typename: 'Workshop', id: 'missing' },
          { __typename: 'MentoringPair', id: 'm3' },
          { __typename: 'Workshop', id: 'w-2' },
        ],
      },
    );
    expect(data._entities).toEqual([
      { id: 'f-manila', title: 'Workshop f-manila', localStartsAt: '2025-03-02T09:00:00+08:00', hostCity: { id: 'makati' } },
      null,
      { id: 'm3', mentee: { id: 'seoul' } },
      { id: 'w-2', title: 'Energy online', localStartsAt: toLocalIso(inDays(5), 'Asia/Kathmandu'), hostCity: null },
    ]);
    // By id (lib/db/access.ts): one `$in` query on MongoDB; on FerretDB one literal `{_id}` lookup per id
    // (the only filter it pushes down), so the three workshop ids cost three primary-key reads.
    const lookups = mongo.recorder.count((e) => e.db === db.databaseName && e.collection === 'workshops');
    expect(lookups).toBe((await engineOf(db)) === 'ferretdb' ? 3 : 1);
  });

  it('costs the same small number of queries for 10 and 50 City representations', async () => {
    const count = async (n: number) => {
      mongo.recorder.reset();
      const data = await ok(CITY, { representations: genCities.slice(0, n).map(city) });
      expect(data._entities).toHaveLength(n);
      // Each generated city hosts exactly one upcoming workshop: the batch is split correctly.
      data._entities.forEach((e: any, i: number) => {
        expect(e.upcomingWorkshops).toEqual([{ id: `g-${genCities[i]}`, hostCity: { id: genCities[i] } }]);
      });
      return dataCommands();
    };
    const ten = await count(10);
    const fifty = await count(50);
    expect(ten).toBe(fifty);
    expect(fifty).toBe(3); // registrations, workshops, mentoring_pairs
  });
});

describe('seed', () => {
  it('inserts once and is a no-op the second time', async () => {
    const seedDb = mongo.client.db(`${mongo.prefix}seed_${DATABASE_NAMES.workshops}`);
    const dataset: SampleDataset = {
      membership: { cities: [], members: [], enrolments: [] },
      indicators: { indicator_values: [] },
      certification: { certifications: [] },
      workshops: { workshops: fixed, registrations, mentoring_pairs: mentoringPairs },
    };
    const counts = async () => Promise.all(['workshops', 'registrations', 'mentoring_pairs'].map((c) => seedDb.collection(c).countDocuments()));
    expect(await seed(seedDb, dataset)).toBe(true);
    expect(await counts()).toEqual([fixed.length, registrations.length, mentoringPairs.length]);
    expect(await seed(seedDb, dataset)).toBe(false);
    expect(await counts()).toEqual([fixed.length, registrations.length, mentoringPairs.length]);
  });
});

/*
 * Writes: every change is ONE single-document write carrying its audit entries (lib/db/outbox.ts), and
 * every mutation declares what it invalidated. Cities are checked through a stand-in gateway here (the
 * workflow tests use the real one).
 */
const STAFF: AuthUser = { sub: 'staff:citynet-1', roles: ['CITYNET_STAFF'] };
const officer = (cityId: string): AuthUser => ({ sub: `officer:${cityId}`, roles: ['CITY_OFFICER'], cityId });
const CITY_ZONES: Record<string, string> = {
  makati: 'Asia/Manila',
  seoul: 'Asia/Seoul',
  colombo: 'Asia/Colombo',
  busan: 'Asia/Seoul',
  yokohama: 'Asia/Tokyo',
  bogor: 'Asia/Jakarta',
  'da-nang': 'Asia/Ho_Chi_Minh',
  'iloilo-city': 'Asia/Manila',
};
const facts = (id: string) => (CITY_ZONES[id] ? { id, timezone: CITY_ZONES[id], region: 'SOUTH_EAST_ASIA', population: 1_000_000 } : null);
/** Certifications as certification and indicators would answer them: Yokohama GOLD (2016), the rest none. */
const certifications = (id: string) => (id === 'yokohama' ? [{ year: 2016, status: 'CERTIFIED', level: 'GOLD', coverage: { byTheme: [] } }] : []);

/**
 * Answers the workshops subgraph's reads like the other domains would: city checks and facts
 * (`city(id:)` aliases c0, c1, ...), mentor eligibility and zones.
 */
async function startStandInGateway(): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server: Server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests++;
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, string> };
      let data: unknown;
      if (query.includes('WorkshopsMentorEligibility'))
        data = { city: facts(variables.id) && { id: variables.id, certifications: certifications(variables.id) } };
      else if (query.includes('WorkshopsCityZone')) data = { city: facts(variables.id) };
      else data = Object.fromEntries(Object.entries(variables).map(([alias, id]) => [alias, facts(id)]));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, requests: () => requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface MutationResult extends Result {
  tags: string[] | undefined;
}

const W = (id: string) => entityTag('workshops', 'Workshop', { id });
const C = (id: string) => entityTag('workshops', 'City', { id });
const P = (id: string) => entityTag('workshops', 'MentoringPair', { id });
const GAP = typeTag('workshops', 'CertificationGap');
const LISTS = listsTag('workshops');

describe('writes', () => {
  let gateway: Awaited<ReturnType<typeof startStandInGateway>>;
  let wdb: Db;
  let writer: SubgraphService<Context>;
  const writerSettings = (): SubgraphSettings => ({ ...settings(mongo.prefix), gatewayUrl: () => gateway.url });

  beforeAll(async () => {
    gateway = await startStandInGateway();
    wdb = mongo.client.db(`${mongo.prefix}writes_${DATABASE_NAMES.workshops}`);
    writer = await createServer({ db: wdb, settings: writerSettings() });
  });
  afterAll(async () => {
    await writer?.stop();
    await gateway?.close();
  });

  async function mutate(query: string, variables: Record<string, unknown>, user: AuthUser = STAFF): Promise<MutationResult> {
    const response = await writer.server.executeOperation({ query, variables }, { contextValue: writer.createContext(user) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const result = response.body.singleResult as Result & { extensions?: { invalidations?: { tags: string[] } } };
    return { ...result, tags: result.extensions?.invalidations?.tags };
  }
  async function done(query: string, variables: Record<string, unknown>, user?: AuthUser): Promise<MutationResult> {
    const result = await mutate(query, variables, user);
    expect(result.errors).toBeUndefined();
    return result;
  }
  const audit = (subject: string) => wdb.collection('audit').find({ subject }).sort({ seq: 1 }).toArray();
  const stored = (collection: string, id: string) => wdb.collection(collection).findOne({ _id: id as never });

  const SCHEDULE = `mutation($input: ScheduleWorkshopInput!) { scheduleWorkshop(input: $input) { id version seatsTaken } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateWorkshopInput!) { updateWorkshop(id: $id, input: $input) { id title capacity version seatsTaken } }`;
  const CANCEL = `mutation($id: ID!) { cancelWorkshop(id: $id, reason: "Venue flooded") { status version } }`;
  const REGISTER = `mutation($w: ID!, $c: ID!) { registerForWorkshop(workshopId: $w, cityId: $c) { id status waitlistPosition workshop { seatsTaken version } } }`;
  const CANCEL_REG = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { registration { status } promoted { id status } workshop { seatsTaken } } }`;
  const input = (days: number, over: Record<string, unknown> = {}) => ({
    title: 'Landfill gas clinic',
    themes: ['Solid Waste'],
    format: 'IN_PERSON',
    hostCityId: 'makati',
    facilitator: null,
    startsAt: inDays(days).toISOString(),
    endsAt: new Date(inDays(days).getTime() + 2 * HOUR).toISOString(),
    timezone: 'Asia/Manila',
    capacity: 1,
    ...over,
  });

  it('schedule, register, cancel a registration, update, cancel: each change audited in its own document write, each declaring what it invalidates', async () => {
    const scheduled = await done(SCHEDULE, { input: input(30) });
    const w = scheduled.data!.scheduleWorkshop.id as string;
    expect(scheduled.data!.scheduleWorkshop).toEqual({ id: w, version: 1, seatsTaken: 0 });
    expect(new Set(scheduled.tags)).toEqual(new Set([W(w), C('makati'), GAP, LISTS]));
    // The entry's id names the collection, the document and the write that carried it; the outbox is emptied after the copy.
    expect(await audit(`workshop:${w}`)).toEqual([
      expect.objectContaining({ _id: `workshops:${w}:v1:0`, action: 'workshop.scheduled', actor: STAFF.sub, cityId: 'makati', old: null }),
    ]);
    expect(await stored('workshops', w)).toMatchObject({ version: 1, detailsVersion: 1 });
    expect(await stored('workshops', w)).not.toHaveProperty('outbox');

    const seoul = await done(REGISTER, { w, c: 'seoul' }, officer('seoul'));
    expect(seoul.data!.registerForWorkshop).toEqual({ id: `${w}:seoul`, status: 'CONFIRMED', waitlistPosition: null, workshop: { seatsTaken: 1, version: 1 } });
    expect(new Set(seoul.tags)).toEqual(new Set([W(w), C('makati'), C('seoul'), GAP, LISTS]));
    const colombo = await done(REGISTER, { w, c: 'colombo' });
    expect(colombo.data!.registerForWorkshop).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, workshop: { seatsTaken: 1 } });
    expect(new Set(colombo.tags)).toEqual(new Set([W(w), C('makati'), C('seoul'), C('colombo'), GAP, LISTS]));
    expect(await audit(`registration:${w}:seoul`)).toEqual([
      expect.objectContaining({
        _id: `registrations:${w}:seoul:v1:0`,
        action: 'registration.created',
        actor: 'officer:seoul',
        cityId: 'seoul',
        new: { status: 'CONFIRMED', seq: 1 },
      }),
    ]);
    expect(await stored('registrations', `${w}:seoul`)).toMatchObject({ version: 1, status: 'CONFIRMED', seq: 1 });
    expect(await stored('registrations', `${w}:seoul`)).not.toHaveProperty('outbox');
    // The seat count is a write of the workshop (version 2), not a change of its details (Workshop.version 1).
    expect(await stored('workshops', w)).toMatchObject({ version: 2, detailsVersion: 1, seatsTaken: 1 });

    const cancelled = await done(CANCEL_REG, { id: `${w}:seoul` }, officer('seoul'));
    expect(cancelled.data!.cancelRegistration).toEqual({
      registration: { status: 'CANCELLED' },
      promoted: { id: `${w}:colombo`, status: 'CONFIRMED' },
      workshop: { seatsTaken: 1 },
    });
    expect(new Set(cancelled.tags)).toEqual(new Set([W(w), C('makati'), C('seoul'), C('colombo'), GAP, LISTS]));
    expect((await audit(`registration:${w}:seoul`)).map((e) => [e._id, e.action])).toEqual([
      [`registrations:${w}:seoul:v1:0`, 'registration.created'],
      [`registrations:${w}:seoul:v2:0`, 'registration.cancelled'],
    ]);
    expect((await audit(`registration:${w}:colombo`)).map((e) => [e._id, e.action, e.actor])).toEqual([
      [`registrations:${w}:colombo:v1:0`, 'registration.created', STAFF.sub],
      [`registrations:${w}:colombo:v2:0`, 'registration.promoted', 'officer:seoul'],
    ]);

    const updated = await done(UPDATE, { id: w, input: { title: 'Landfill gas and leachate', capacity: 3, expectedVersion: 1 } });
    expect(updated.data!.updateWorkshop).toMatchObject({ title: 'Landfill gas and leachate', capacity: 3, version: 2, seatsTaken: 1 });
    expect(new Set(updated.tags)).toEqual(new Set([W(w), C('makati'), C('colombo'), GAP, LISTS]));
    expect((await audit(`workshop:${w}`)).map((e) => e.action)).toEqual(['workshop.scheduled', 'workshop.updated']);
    // The same values again write nothing and invalidate nothing.
    const before = await stored('workshops', w);
    const same = await done(UPDATE, { id: w, input: { title: 'Landfill gas and leachate' } });
    expect(same.data!.updateWorkshop.version).toBe(2);
    expect(same.tags).toBeUndefined();
    expect(await stored('workshops', w)).toEqual(before);

    // A refused change writes nothing and declares nothing.
    const stale = await mutate(UPDATE, { id: w, input: { title: 'Stale edit', expectedVersion: 1 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });
    expect(stale.tags).toBeUndefined();

    const gone = await done(CANCEL, { id: w });
    expect(gone.data!.cancelWorkshop).toEqual({ status: 'CANCELLED', version: 3 });
    expect(new Set(gone.tags)).toEqual(new Set([W(w), C('makati'), C('colombo'), GAP, LISTS]));
    expect((await audit(`workshop:${w}`)).map((e) => e.action)).toEqual(['workshop.scheduled', 'workshop.updated', 'workshop.cancelled']);
    expect(await wdb.collection('locks').countDocuments()).toBe(0);
  });

  it('moving a workshop to another host invalidates both hosts', async () => {
    const w = (await done(SCHEDULE, { input: input(40) })).data!.scheduleWorkshop.id as string;
    const moved = await done(UPDATE, { id: w, input: { hostCityId: 'busan', timezone: 'Asia/Seoul' } });
    expect(new Set(moved.tags)).toEqual(new Set([W(w), C('makati'), C('busan'), GAP, LISTS]));
    const unknown = await mutate(UPDATE, { id: w, input: { hostCityId: 'atlantis' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.hostCityId' });
  });

  it('mentoring: pair, log a session, close; each audited with the pair, invalidating the pair and both cities', async () => {
    // Started two days back, so a session an hour ago is after the start in Tokyo whatever the time of day.
    const PAIR = `mutation { pairMentor(mentorCityId: "yokohama", menteeCityId: "busan", focusThemes: ["Energy"], startedOn: "${new Date(NOW - 2 * DAY).toISOString().slice(0, 10)}") { id status } }`;
    const paired = await done(PAIR, {});
    const id = paired.data!.pairMentor.id as string;
    // A mentor's active pairs rank its suggestions in every gap: CertificationGap type-wide.
    const expected = new Set([P(id), C('yokohama'), C('busan'), GAP, LISTS]);
    expect(new Set(paired.tags)).toEqual(expected);
    const logged = await done(
      `mutation($id: ID!) { logMentoringSession(pairId: $id, input: { heldAt: "${new Date(NOW - HOUR).toISOString()}", durationMinutes: 60, format: ONLINE }) { sessions { durationMinutes } } }`,
      { id },
    );
    expect(logged.data!.logMentoringSession.sessions).toEqual([{ durationMinutes: 60 }]);
    expect(new Set(logged.tags)).toEqual(expected);
    const closed = await done(
      `mutation($id: ID!) { closeMentoringPair(pairId: $id, outcome: { result: PARTLY_MET, summary: "Energy audit started" }) { status } }`,
      { id },
    );
    expect(new Set(closed.tags)).toEqual(expected);
    expect((await audit(`mentoring:${id}`)).map((e) => [e._id, e.action])).toEqual([
      [`mentoring_pairs:${id}:v1:0`, 'mentoring.paired'],
      [`mentoring_pairs:${id}:v2:0`, 'mentoring.sessionLogged'],
      [`mentoring_pairs:${id}:v3:0`, 'mentoring.closed'],
    ]);
    const again = await mutate(PAIR.replace('"Energy"', '"Energy", "Energy"'), {});
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'focusThemes[1]' });
    expect(again.errors?.[0].message).toBe('"focusThemes[1]" repeats "Energy"');
  });

  it('audit entries of a write whose copy was interrupted are copied by the next change of that document, or at start-up', async () => {
    const w = (await done(SCHEDULE, { input: input(50, { capacity: 5 }) })).data!.scheduleWorkshop.id as string;
    await done(REGISTER, { w, c: 'seoul' });
    // As if the process died right after the single-document write, before copying its outbox.
    const lost = (n: number) => ({
      _id: `lost-${w}-${n}`,
      cityId: 'seoul',
      year: null,
      at: new Date(),
      actor: 'x',
      actorRoles: [],
      action: 'test.lost',
      subject: `lost:${w}`,
      old: null,
      new: null,
      seq: n,
    });
    await wdb.collection('registrations').updateOne({ _id: `${w}:seoul` as never }, { $set: { outbox: { audit: [lost(1)] } } });
    await wdb.collection('workshops').updateOne({ _id: w as never }, { $set: { outbox: { audit: [lost(2)] } } });
    await done(CANCEL_REG, { id: `${w}:seoul` });
    // The registration's next write carried the left-over entry along; the workshop's was carried out when it was loaded.
    expect((await audit(`lost:${w}`)).map((e) => e._id)).toEqual([`lost-${w}-1`, `lost-${w}-2`]);
    expect(await stored('registrations', `${w}:seoul`)).not.toHaveProperty('outbox');

    await wdb.collection('mentoring_pairs').insertOne({
      _id: `mp-lost-${w}`,
      mentorCityId: 'a',
      menteeCityId: 'b',
      focusThemes: [],
      status: 'ACTIVE',
      startedOn: '2026-01-01',
      closedOn: null,
      sessions: [],
      version: 1,
      outbox: { audit: [lost(3)] },
    } as never);
    const restarted = await createServer({ db: wdb, settings: writerSettings() });
    await restarted.stop();
    expect((await audit(`lost:${w}`)).map((e) => e._id)).toEqual([`lost-${w}-1`, `lost-${w}-2`, `lost-${w}-3`]);
    expect(await stored('mentoring_pairs', `mp-lost-${w}`)).not.toHaveProperty('outbox');
  });

  it('checks the cities of a burst of registrations with one request to the gateway', async () => {
    const w = (await done(SCHEDULE, { input: input(60, { capacity: 2, hostCityId: 'yokohama', timezone: 'Asia/Tokyo' }) })).data!.scheduleWorkshop.id as string;
    const asked = gateway.requests();
    // Makati and Colombo were checked before and are remembered; the three others are asked together.
    const results = await Promise.all(['makati', 'colombo', 'bogor', 'da-nang', 'iloilo-city'].map((c) => mutate(REGISTER, { w, c })));
    results.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    expect(gateway.requests() - asked).toBe(1);
    expect(results.map((r) => r.data!.registerForWorkshop.status).sort()).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    // Known cities are remembered: registering them elsewhere asks nothing.
    const next = (await done(SCHEDULE, { input: input(61, { format: 'ONLINE', hostCityId: null }) })).data!.scheduleWorkshop.id as string;
    for (const c of ['bogor', 'da-nang']) await done(REGISTER, { w: next, c });
    expect(gateway.requests() - asked).toBe(1);
    expect(await stored('workshops', w)).toMatchObject({ seatsTaken: 2 });
  });

  it('cancelling a workshop is ONE single-document write: the workshop carries every registration and its audit entry in its outbox', async () => {
    const w = (await done(SCHEDULE, { input: input(70, { capacity: 1 }) })).data!.scheduleWorkshop.id as string;
    await done(REGISTER, { w, c: 'seoul' });
    await done(REGISTER, { w, c: 'colombo' });
    mongo.recorder.reset();
    const gone = await done(CANCEL, { id: w });
    expect(gone.data!.cancelWorkshop).toEqual({ status: 'CANCELLED', version: 2 });
    const writes = mongo.recorder.entries.filter(
      (e) => e.db === wdb.databaseName && ['insert', 'update', 'delete', 'findAndModify'].includes(e.command) && e.collection !== 'locks',
    );
    // The first write is the workshop's: status, seats and the outbox with both registrations as they become.
    expect(writes[0].collection).toBe('workshops');
    const update = JSON.stringify(writes[0].body);
    for (const c of ['seoul', 'colombo']) {
      expect(update).toContain(`"_id":"${w}:${c}"`);
      expect(update).toContain(`"_id":"registrations:${w}:${c}:v2:0"`);
    }
    expect(update).toContain('"status":"CANCELLED_BY_ORGANISER"');
    // Only then are they carried out (replaced by _id, so a crash in between is redone, not lost).
    expect(writes.slice(1).some((e) => e.collection === 'registrations')).toBe(true);
    expect(await stored('workshops', w)).toMatchObject({ status: 'CANCELLED', seatsTaken: 0 });
    expect(await stored('workshops', w)).not.toHaveProperty('outbox');
    for (const c of ['seoul', 'colombo'])
      expect(await stored('registrations', `${w}:${c}`)).toMatchObject({ status: 'CANCELLED_BY_ORGANISER', cancellationReason: 'Venue flooded', version: 2 });
    expect(new Set(gone.tags)).toEqual(new Set([W(w), C('makati'), C('seoul'), C('colombo'), GAP, LISTS]));
  });

  it('a cancellation whose outbox was left behind by a crash is carried out at start-up', async () => {
    const w = (await done(SCHEDULE, { input: input(71, { capacity: 1 }) })).data!.scheduleWorkshop.id as string;
    await done(REGISTER, { w, c: 'bogor' });
    const before = await stored('registrations', `${w}:bogor`);
    // As if the process died right after the workshop's write: its outbox still holds the registration.
    const entry = {
      _id: `registrations:${w}:bogor:v2:0`,
      cityId: 'bogor',
      year: null,
      at: new Date(),
      actor: STAFF.sub,
      actorRoles: ['CITYNET_STAFF'],
      action: 'registration.cancelledByOrganiser',
      subject: `registration:${w}:bogor`,
      old: { status: 'CONFIRMED' },
      new: { status: 'CANCELLED_BY_ORGANISER', reason: 'Crash test' },
      seq: 20000,
    };
    await wdb.collection('workshops').updateOne(
      { _id: w as never },
      {
        $set: {
          status: 'CANCELLED',
          seatsTaken: 0,
          outbox: {
            audit: [],
            events: [],
            derived: [
              { collection: 'registrations', doc: { ...before, status: 'CANCELLED_BY_ORGANISER', cancellationReason: 'Crash test', version: 2 } },
              { collection: 'audit', doc: entry },
            ],
          },
        },
      },
    );
    const restarted = await createServer({ db: wdb, settings: writerSettings() });
    await restarted.stop();
    expect(await stored('registrations', `${w}:bogor`)).toMatchObject({ status: 'CANCELLED_BY_ORGANISER', cancellationReason: 'Crash test', version: 2 });
    expect(await audit(`registration:${w}:bogor`)).toEqual(
      expect.arrayContaining([expect.objectContaining({ _id: entry._id, action: 'registration.cancelledByOrganiser' })]),
    );
    expect(await stored('workshops', w)).not.toHaveProperty('outbox');
  });
});

describe('migrations', () => {
  it('upgrades a database the previous version wrote, losing nothing, once', async () => {
    const old = mongo.client.db(`${mongo.prefix}old_${DATABASE_NAMES.workshops}`);
    const starts = inDays(20);
    // As the previous code left it: `version` counted changes of the details (this one was edited twice),
    // audit entries were written after the change with random ids, `audit` had one index.
    await old.collection('workshops').insertMany([
      {
        ...workshop('ws-old', { startsAt: starts, hostCityId: 'makati', capacity: 1, seatsTaken: 1 }),
        sampleData: false,
        version: 3,
        cancellationReason: null,
        cancelledAt: null,
        createdAt: inDays(-3),
        updatedAt: inDays(-1),
      },
      workshop('ws-seeded', { startsAt: inDays(21) }),
      // Seeded past workshops stored COMPLETED; the clock decides now.
      workshop('ws-past', { startsAt: inDays(-30), status: 'COMPLETED' }),
    ] as never[]);
    await old.collection('registrations').insertMany([
      {
        _id: 'ws-old:seoul',
        workshopId: 'ws-old',
        cityId: 'seoul',
        status: 'CONFIRMED',
        registeredAt: inDays(-2),
        seq: 1,
        confirmedAt: inDays(-2),
        cancelledAt: null,
      },
      {
        _id: 'ws-old:colombo',
        workshopId: 'ws-old',
        cityId: 'colombo',
        status: 'WAITLISTED',
        registeredAt: inDays(-2),
        seq: 2,
        confirmedAt: null,
        cancelledAt: null,
      },
    ] as never[]);
    const oldEntries = ['workshop.scheduled', 'workshop.updated', 'workshop.updated', 'registration.created'].map((action, i) => ({
      _id: `0f6c1e2a-0000-4000-8000-00000000000${i}`,
      cityId: 'makati',
      year: null,
      at: inDays(-3 + i * 0.5),
      actor: 'staff:citynet-1',
      actorRoles: ['CITYNET_STAFF'],
      action,
      subject: i < 3 ? 'workshop:ws-old' : 'registration:ws-old:seoul',
      old: null,
      new: { n: i },
    }));
    await old.collection('audit').insertMany(oldEntries as never[]);
    await old.collection('audit').createIndexes([{ key: { subject: 1, at: 1 }, name: 'subject_at' }]);

    const upgraded = await createServer({ db: old, settings: settings(mongo.prefix) });
    const read = async (query: string) => {
      const response = await upgraded.server.executeOperation({ query }, { contextValue: upgraded.createContext() });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult.data as Record<string, any>;
    };
    try {
      expect((await old.collection('migrations').find().sort({ _id: 1 }).toArray()).map((m) => m._id)).toEqual([
        '2026-12-01-workshops-details-version',
        '2026-12-05-workshops-status-by-clock',
        '2026-12-06-registrations-participants',
      ]);
      // The stored status only says whether the workshop was cancelled; it still reads COMPLETED.
      expect(await old.collection('workshops').findOne({ _id: 'ws-past' as never })).toMatchObject({ status: 'SCHEDULED' });
      expect(await read(`{ workshop(id: "ws-past") { status } }`)).toEqual({ workshop: { status: 'COMPLETED' } });
      // Each live registration holds its one unnamed seat, in its place in the queue.
      expect(await old.collection('registrations').findOne({ _id: 'ws-old:seoul' as never })).toMatchObject({
        participants: [{ id: 'p1', name: null, role: null, email: null, status: 'CONFIRMED', seq: 1, addedAt: inDays(-2), confirmedAt: inDays(-2) }],
      });
      expect(await old.collection('registrations').findOne({ _id: 'ws-old:colombo' as never })).toMatchObject({
        participants: [{ status: 'WAITLISTED', seq: 2, confirmedAt: null }],
      });
      expect(await read(`{ a: workshop(id: "ws-old") { version seatsTaken } b: workshop(id: "ws-seeded") { version } }`)).toEqual({
        a: { version: 3, seatsTaken: 1 },
        b: { version: 1 },
      });
      expect(await old.collection('workshops').findOne({ _id: 'ws-old' as never })).toMatchObject({ version: 3, detailsVersion: 3 });
      expect(await old.collection('workshops').findOne({ _id: 'ws-seeded' as never })).not.toHaveProperty('detailsVersion');
      expect((await old.collection('audit').indexes()).map((i) => i.name)).toEqual(expect.arrayContaining(['subject_at', 'city_year_seq']));

      // It carries on from where the old code stopped: the details version, the waitlist order, the trail.
      const update = await upgraded.server.executeOperation(
        { query: `mutation { updateWorkshop(id: "ws-old", input: { capacity: 2, expectedVersion: 3 }) { version seatsTaken waitlist { totalCount } } }` },
        { contextValue: upgraded.createContext(STAFF) },
      );
      if (update.body.kind !== 'single') throw new Error('expected a single result');
      expect(update.body.singleResult.errors).toBeUndefined();
      expect(update.body.singleResult.data).toEqual({ updateWorkshop: { version: 4, seatsTaken: 2, waitlist: { totalCount: 0 } } });
      expect(await old.collection('registrations').findOne({ _id: 'ws-old:colombo' as never })).toMatchObject({ status: 'CONFIRMED', seq: 2 });
      const trail = await old.collection('audit').find({ subject: 'workshop:ws-old' }).sort({ at: 1 }).toArray();
      expect(trail.map((e) => e._id)).toEqual([...oldEntries.slice(0, 3).map((e) => e._id), 'workshops:ws-old:v4:0']);
      expect(await old.collection('audit').countDocuments()).toBe(oldEntries.length + 2); // + the update and the promotion
    } finally {
      await upgraded.stop();
    }
    // A restart finds the migrations recorded and runs nothing again.
    const recorded = await old.collection('migrations').find().sort({ _id: 1 }).toArray();
    const again = await createServer({ db: old, settings: settings(mongo.prefix) });
    await again.stop();
    expect(await old.collection('migrations').find().sort({ _id: 1 }).toArray()).toEqual(recorded);
    expect(await old.collection('workshops').findOne({ _id: 'ws-old' as never })).toMatchObject({ detailsVersion: 4 });
  });
});

describe('status by a movable clock', () => {
  // The clock is the settings' `now()`: moved by the test, never slept.
  let clock = new Date('2030-01-01T00:00:00Z');
  let timed: SubgraphService<Context>;
  const at = (iso: string) => (clock = new Date(iso));
  const life = [
    workshop('life-a', { startsAt: new Date('2030-02-01T01:00:00Z'), endsAt: new Date('2030-02-01T09:00:00Z'), themes: ['Recreation'] }),
    workshop('life-b', { startsAt: new Date('2030-02-01T05:00:00Z'), endsAt: new Date('2030-02-02T05:00:00Z'), themes: ['Recreation'] }),
    workshop('life-c', { startsAt: new Date('2030-02-03T01:00:00Z'), endsAt: new Date('2030-02-03T02:00:00Z'), themes: ['Recreation'], status: 'CANCELLED' }),
  ];
  beforeAll(async () => {
    await db.collection<WorkshopDoc>('workshops').insertMany(life);
    timed = await createServer({ db, settings: { ...settings(mongo.prefix), now: () => new Date(clock) } });
  });
  afterAll(async () => {
    await timed?.stop();
  });
  async function ask(query: string, variables: Record<string, unknown> = {}) {
    const response = await timed.server.executeOperation({ query, variables }, { contextValue: timed.createContext() });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    return response.body.singleResult.data as Record<string, any>;
  }

  it.each([
    ['2030-02-01T00:59:59.999Z', { 'life-a': 'SCHEDULED', 'life-b': 'SCHEDULED', 'life-c': 'CANCELLED' }],
    ['2030-02-01T01:00:00.000Z', { 'life-a': 'IN_PROGRESS', 'life-b': 'SCHEDULED', 'life-c': 'CANCELLED' }],
    ['2030-02-01T05:00:00.000Z', { 'life-a': 'IN_PROGRESS', 'life-b': 'IN_PROGRESS', 'life-c': 'CANCELLED' }],
    ['2030-02-01T09:00:00.000Z', { 'life-a': 'COMPLETED', 'life-b': 'IN_PROGRESS', 'life-c': 'CANCELLED' }],
    ['2030-02-05T00:00:00.000Z', { 'life-a': 'COMPLETED', 'life-b': 'COMPLETED', 'life-c': 'CANCELLED' }],
  ])('at %s the field and every filter agree', async (now, expected) => {
    at(now);
    const fields = await ask(`{ workshops(theme: "Recreation", from: "2030-01-01T00:00:00Z") { edges { node { id status } } } }`);
    expect(Object.fromEntries(fields.workshops.edges.map((e: any) => [e.node.id, e.node.status]))).toEqual(expected);
    for (const status of ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']) {
      const filtered = await ask(
        `query($s: WorkshopStatus) { workshops(theme: "Recreation", from: "2030-01-01T00:00:00Z", status: $s) { totalCount edges { node { id status } } } }`,
        { s: status },
      );
      const ids = Object.entries(expected)
        .filter(([, s]) => s === status)
        .map(([id]) => id);
      expect(filtered.workshops.edges.map((e: any) => e.node.id)).toEqual(ids);
      expect(filtered.workshops.totalCount).toBe(ids.length);
      expect(filtered.workshops.edges.every((e: any) => e.node.status === status)).toBe(true);
    }
  });
});

describe('keyset pages', () => {
  const Q = `query($after: String) { workshops(from: "2031-01-01T00:00:00Z", first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
  const ids = (d: Record<string, any>) => d.workshops.edges.map((e: any) => e.node.id);
  const days = (n: number) => new Date(Date.UTC(2031, 0, n, 1));

  it('rows inserted or removed before the position between two page fetches neither skip nor repeat a row', async () => {
    await db.collection<WorkshopDoc>('workshops').insertMany(['k2', 'k4', 'k6', 'k8'].map((id, i) => workshop(id, { startsAt: days(2 + 2 * i) })));
    const first = await ok(Q);
    expect(ids(first)).toEqual(['k2', 'k4']);
    // Between the fetches: one inserted before the position (k1), one removed from the first page (k2).
    await db.collection<WorkshopDoc>('workshops').insertOne(workshop('k1', { startsAt: days(1) }));
    await db.collection('workshops').deleteOne({ _id: 'k2' as never });
    const second = await ok(Q, { after: first.workshops.pageInfo.endCursor });
    expect(ids(second)).toEqual(['k6', 'k8']);
    expect(second.workshops.pageInfo.hasNextPage).toBe(false);
    // A cursor of another list is refused, naming `after`.
    const pairs = await ok(`{ mentoringPairs(first: 1) { pageInfo { endCursor } } }`);
    await badInput(Q, { after: pairs.mentoringPairs.pageInfo.endCursor }, 'after');
  });
});
