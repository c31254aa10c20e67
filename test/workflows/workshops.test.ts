/**
 * Workshop scheduling through the gateway with real tokens: validation, no double booking of a host
 * city or facilitator (compared as instants, whatever offsets were given), even when two schedules
 * race, updates with a version check, cancellation, role checks, and refused writes changing nothing.
 */
import type { Db } from 'mongodb';
import { startTestStack, type TestStack } from '../support/stack';
import { dbOf, expectError, expectOk, expectRoleChecks, expectUnchanged, makeTokens, type Tokens } from './helpers';

let t: TestStack;
let tokens: Tokens;
let db: Db;
const STORED = ['workshops', 'registrations', 'mentoring_pairs', 'audit'];

beforeAll(async () => {
  t = await startTestStack();
  tokens = await makeTokens();
  db = dbOf(t, 'workshops');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const FIELDS = 'id title themes format hostCity { id name } facilitator startsAt endsAt timezone localStartsAt capacity seatsTaken status version cancellationReason cancelledAt';
const SCHEDULE = `mutation($input: ScheduleWorkshopInput!) { scheduleWorkshop(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWorkshopInput!) { updateWorkshop(id: $id, input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelWorkshop(id: $id, reason: $reason) { ${FIELDS} } }`;

// 2028: clear of the sample workshops (2026–2027).
const input = (over: Record<string, unknown> = {}) => ({
  title: 'Solid waste data clinic',
  themes: ['Solid Waste', 'Environment'],
  format: 'IN_PERSON',
  hostCityId: 'makati',
  facilitator: 'Dr. Ana Test',
  startsAt: '2028-03-02T09:00:00+08:00',
  endsAt: '2028-03-02T17:00:00+08:00',
  timezone: 'Asia/Manila',
  capacity: 30,
  ...over,
});

async function schedule(over: Record<string, unknown> = {}) {
  return expectOk(await t.query(SCHEDULE, { input: input(over) }, { token: tokens.staff })).scheduleWorkshop;
}

describe('scheduleWorkshop', () => {
  test('stores the instant (shown in UTC and in local time), version 1, audited', async () => {
    const w = await schedule();
    expect(w).toMatchObject({
      title: 'Solid waste data clinic',
      themes: ['Solid Waste', 'Environment'],
      hostCity: { id: 'makati', name: 'Makati' },
      startsAt: '2028-03-02T01:00:00.000Z',
      endsAt: '2028-03-02T09:00:00.000Z',
      localStartsAt: '2028-03-02T09:00:00+08:00',
      capacity: 30,
      seatsTaken: 0,
      status: 'SCHEDULED',
      version: 1,
      cancellationReason: null,
    });
    const audit = await db.collection('audit').find({ subject: `workshop:${w.id}` }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'workshop.scheduled', actor: 'staff:citynet-1', cityId: 'makati', old: null });
    // The new workshop is among the host city's upcoming workshops.
    const city = expectOk(await t.query(`{ city(id: "makati") { upcomingWorkshops(first: 100) { id } } }`));
    expect(city.city.upcomingWorkshops.map((x: any) => x.id)).toContain(w.id);
  });

  test.each([
    ['input.title', { title: 'ab' }],
    ['input.themes', { themes: [] }],
    ['input.themes[1]', { themes: ['Energy', 'Cooking'] }],
    ['input.themes[1]', { themes: ['Energy', 'Energy'] }],
    ['input.hostCityId', { hostCityId: null }],
    ['input.startsAt', { startsAt: '2026-11-27T09:00:00Z', endsAt: '2026-11-27T10:00:00Z' }],
    ['input.endsAt', { endsAt: '2028-03-02T09:00:00+08:00' }],
    ['input.endsAt', { endsAt: '2028-03-02T00:59:59Z' }],
    ['input.endsAt', { endsAt: '2028-04-02T09:00:00+08:00' }],
    ['input.timezone', { timezone: 'Asia/Atlantis' }],
    ['input.capacity', { capacity: 0 }],
    ['input.facilitator', { facilitator: 'x' }],
  ])('refuses a bad %s, naming it, and stores nothing', async (field, over) => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(SCHEDULE, { input: input({ startsAt: '2028-06-01T09:00:00+08:00', endsAt: '2028-06-01T12:00:00+08:00', ...over }) }, { token: tokens.staff }), 'BAD_USER_INPUT', field);
    });
  });

  test('an unknown host city is NOT_FOUND (asked of membership through the gateway); an ONLINE workshop needs no host', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(SCHEDULE, { input: input({ hostCityId: 'atlantis', startsAt: '2028-06-01T09:00:00Z', endsAt: '2028-06-01T10:00:00Z' }) }, { token: tokens.staff }), 'NOT_FOUND', 'input.hostCityId');
    });
    const online = await schedule({ format: 'ONLINE', hostCityId: null, facilitator: null, startsAt: '2028-06-01T09:00:00Z', endsAt: '2028-06-01T10:00:00Z' });
    expect(online.hostCity).toBeNull();
  });
});

describe('double booking', () => {
  // Colombo hosts 2028-05-10 09:00–12:00 +05:30, i.e. 03:30–06:30Z.
  let base: any;
  beforeAll(async () => {
    base = await schedule({ hostCityId: 'colombo', facilitator: 'Prof. Kamala Example', startsAt: '2028-05-10T09:00:00+05:30', endsAt: '2028-05-10T12:00:00+05:30', timezone: 'Asia/Colombo' });
  });

  test.each([
    ['the same host, entered in UTC, overlapping by a minute', { hostCityId: 'colombo', facilitator: null, startsAt: '2028-05-10T06:29:00Z', endsAt: '2028-05-10T08:00:00Z' }],
    ['the same host, entered at +08:00, inside', { hostCityId: 'colombo', facilitator: null, startsAt: '2028-05-10T12:00:00+08:00', endsAt: '2028-05-10T13:00:00+08:00' }],
    ['the same facilitator (other spacing and case) at another host, entered at -04:00', { hostCityId: 'toronto', facilitator: ' prof.  KAMALA example ', startsAt: '2028-05-09T23:00:00-04:00', endsAt: '2028-05-10T03:00:00-04:00', timezone: 'America/Toronto' }],
    ['an online workshop of the same facilitator spanning it', { format: 'ONLINE', hostCityId: null, facilitator: 'Prof. Kamala Example', startsAt: '2028-05-10T00:00:00Z', endsAt: '2028-05-10T23:00:00Z' }],
  ])('%s is a CONFLICT naming the other workshop', async (_name, over) => {
    const result = await expectUnchanged(db, STORED, () => t.query(SCHEDULE, { input: input(over) }, { token: tokens.staff }));
    expectError(result, 'CONFLICT');
    expect(result.errors![0].extensions.conflictingWorkshopId).toBe(base.id);
  });

  test('back to back is fine: [start, end) intervals that only touch do not overlap', async () => {
    const after = await schedule({ hostCityId: 'colombo', facilitator: 'Prof. Kamala Example', startsAt: '2028-05-10T06:30:00Z', endsAt: '2028-05-10T08:00:00Z', timezone: 'Asia/Colombo' });
    const before = await schedule({ hostCityId: 'colombo', facilitator: null, startsAt: '2028-05-10T08:30:00+08:00', endsAt: '2028-05-10T11:30:00+08:00' });
    expect(after.startsAt).toBe('2028-05-10T06:30:00.000Z');
    expect(before.endsAt).toBe('2028-05-10T03:30:00.000Z');
  });

  test('two overlapping schedules fired at once (one at +08:00, one in UTC): exactly one succeeds', async () => {
    const a = input({ hostCityId: 'denpasar', facilitator: null, startsAt: '2028-07-01T10:00:00+08:00', endsAt: '2028-07-01T16:00:00+08:00', timezone: 'Asia/Makassar' });
    const b = input({ hostCityId: 'denpasar', facilitator: null, startsAt: '2028-07-01T05:00:00Z', endsAt: '2028-07-01T09:00:00Z', timezone: 'Asia/Makassar' });
    const results = await Promise.all([a, b, a, b].map((i) => t.query(SCHEDULE, { input: i }, { token: tokens.staff })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    results.filter((r) => r.errors).forEach((r) => expectError(r, 'CONFLICT'));
    expect(await db.collection('workshops').countDocuments({ hostCityId: 'denpasar', startsAt: { $gte: new Date('2028-07-01T00:00:00Z'), $lt: new Date('2028-07-02T00:00:00Z') } })).toBe(1);
    expect(await db.collection('locks').countDocuments()).toBe(0);
  });

  test('a cancelled workshop no longer holds the slot', async () => {
    const w = await schedule({ hostCityId: 'lalitpur', facilitator: null, startsAt: '2028-08-01T09:00:00+05:45', endsAt: '2028-08-01T12:00:00+05:45', timezone: 'Asia/Kathmandu' });
    expectOk(await t.query(CANCEL, { id: w.id, reason: 'Venue unavailable' }, { token: tokens.staff }));
    const again = await schedule({ hostCityId: 'lalitpur', facilitator: null, startsAt: '2028-08-01T03:15:00Z', endsAt: '2028-08-01T06:15:00Z', timezone: 'Asia/Kathmandu' });
    expect(again.status).toBe('SCHEDULED');
  });
});

describe('updateWorkshop', () => {
  test('changes the given fields, bumps the version, audits old and new', async () => {
    const w = await schedule({ hostCityId: 'busan', facilitator: null, startsAt: '2028-09-01T09:00:00+09:00', endsAt: '2028-09-01T12:00:00+09:00', timezone: 'Asia/Seoul' });
    const updated = expectOk(await t.query(UPDATE, { id: w.id, input: { title: 'Busan energy clinic', capacity: 40, expectedVersion: 1 } }, { token: tokens.staff })).updateWorkshop;
    expect(updated).toMatchObject({ title: 'Busan energy clinic', capacity: 40, version: 2, startsAt: w.startsAt });
    const audit = await db.collection('audit').find({ subject: `workshop:${w.id}`, action: 'workshop.updated' }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ old: { title: w.title, capacity: 30 }, new: { title: 'Busan energy clinic', capacity: 40 } });
    // A stale version, a move onto another booking of the host, or a clash is refused and changes nothing.
    await schedule({ hostCityId: 'busan', facilitator: null, startsAt: '2028-09-02T09:00:00+09:00', endsAt: '2028-09-02T12:00:00+09:00', timezone: 'Asia/Seoul' });
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(UPDATE, { id: w.id, input: { title: 'Stale', expectedVersion: 1 } }, { token: tokens.staff }), 'CONFLICT', 'input.expectedVersion');
      expectError(await t.query(UPDATE, { id: w.id, input: { startsAt: '2028-09-02T01:00:00Z', endsAt: '2028-09-02T02:00:00Z' } }, { token: tokens.staff }), 'CONFLICT');
      expectError(await t.query(UPDATE, { id: w.id, input: { endsAt: '2028-09-01T08:00:00+09:00' } }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.endsAt');
      expectError(await t.query(UPDATE, { id: w.id, input: { format: 'HYBRID', hostCityId: null } }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.hostCityId');
      expectError(await t.query(UPDATE, { id: w.id, input: { title: null } }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.title');
      expectError(await t.query(UPDATE, { id: w.id, input: {} }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input');
      expectError(await t.query(UPDATE, { id: 'ws-nope', input: { title: 'Nope nope' } }, { token: tokens.staff }), 'NOT_FOUND', 'id');
    });
  });

  test('a workshop that has started, completed or been cancelled cannot change', async () => {
    const completed = t.dataset.workshops.workshops.find((w) => w.status === 'COMPLETED')!;
    const w = await schedule({ hostCityId: 'incheon', facilitator: null, startsAt: '2028-10-01T09:00:00+09:00', endsAt: '2028-10-01T12:00:00+09:00', timezone: 'Asia/Seoul' });
    expectOk(await t.query(CANCEL, { id: w.id, reason: 'Typhoon warning' }, { token: tokens.staff }));
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(UPDATE, { id: completed._id, input: { title: 'Renamed later' } }, { token: tokens.staff }), 'CONFLICT');
      expectError(await t.query(UPDATE, { id: w.id, input: { title: 'Renamed later' } }, { token: tokens.staff }), 'CONFLICT');
    });
  });
});

describe('cancelWorkshop', () => {
  test('records the reason, bumps the version, audits; a second cancel is a CONFLICT', async () => {
    const w = await schedule({ hostCityId: 'yokohama', facilitator: null, startsAt: '2028-11-01T09:00:00+09:00', endsAt: '2028-11-01T12:00:00+09:00', timezone: 'Asia/Tokyo' });
    const cancelled = expectOk(await t.query(CANCEL, { id: w.id, reason: 'Speaker ill' }, { token: tokens.staff })).cancelWorkshop;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Speaker ill', cancelledAt: '2026-11-28T00:00:00.000Z', version: 2 });
    expect(await db.collection('audit').countDocuments({ subject: `workshop:${w.id}`, action: 'workshop.cancelled' })).toBe(1);
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(CANCEL, { id: w.id, reason: 'Again' }, { token: tokens.staff }), 'CONFLICT');
      expectError(await t.query(CANCEL, { id: 'ws-nope', reason: 'Why not' }, { token: tokens.staff }), 'NOT_FOUND');
      expectError(await t.query(CANCEL, { id: w.id, reason: '' }, { token: tokens.staff }), 'BAD_USER_INPUT', 'reason');
    });
  });
});

describe('roles', () => {
  const scheduled = () => t.dataset.workshops.workshops.find((w) => w.status === 'SCHEDULED' && w.startsAt > new Date('2026-12-15T00:00:00Z'))!._id;
  test.each([
    ['scheduleWorkshop', SCHEDULE, () => ({ input: input({ startsAt: '2029-01-01T09:00:00Z', endsAt: '2029-01-01T10:00:00Z' }) })],
    ['updateWorkshop', UPDATE, () => ({ id: scheduled(), input: { title: 'Role check title' } })],
    ['cancelWorkshop', CANCEL, () => ({ id: scheduled(), reason: 'role check' })],
  ])('%s: anonymous UNAUTHENTICATED; partner app, city officer (even of the host), verifier, WCCD staff FORBIDDEN', async (_name, query, variables) => {
    await expectRoleChecks(t, db, STORED, query, variables(), [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'CITY_OFFICER', token: await tokens.officer('makati') },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
    ]);
  });
});
