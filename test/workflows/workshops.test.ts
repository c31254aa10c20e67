/**
 * Workshop scheduling through the gateway with real tokens: validation (strict dates, the host city's
 * time zone), no double booking of a host city or facilitator (compared as instants, whatever offsets
 * were given; messages in local time and UTC), even when two schedules race, updates with a version
 * check, cancellation reaching every registration in the same write, role checks, and refused writes
 * changing nothing.
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

const FIELDS =
  'id title themes format hostCity { id name } facilitator startsAt endsAt timezone localStartsAt localEndsAt capacity seatsTaken status version cancellationReason cancelledAt';
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
    const audit = await db
      .collection('audit')
      .find({ subject: `workshop:${w.id}` })
      .toArray();
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
      expectError(
        await t.query(
          SCHEDULE,
          { input: input({ startsAt: '2028-06-01T09:00:00+08:00', endsAt: '2028-06-01T12:00:00+08:00', ...over }) },
          { token: tokens.staff },
        ),
        'BAD_USER_INPUT',
        field,
      );
    });
  });

  test('an unknown host city is NOT_FOUND (asked of membership through the gateway); an ONLINE workshop needs no host', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(
        await t.query(
          SCHEDULE,
          { input: input({ hostCityId: 'atlantis', startsAt: '2028-06-01T09:00:00Z', endsAt: '2028-06-01T10:00:00Z' }) },
          { token: tokens.staff },
        ),
        'NOT_FOUND',
        'input.hostCityId',
      );
    });
    const online = await schedule({ format: 'ONLINE', hostCityId: null, facilitator: null, startsAt: '2028-06-01T09:00:00Z', endsAt: '2028-06-01T10:00:00Z' });
    expect(online.hostCity).toBeNull();
  });
});

describe('time zones and strict dates', () => {
  const inColombo = (over: Record<string, unknown> = {}) =>
    input({ hostCityId: 'colombo', facilitator: null, startsAt: '2028-06-12T09:00:00+05:30', endsAt: '2028-06-12T12:00:00+05:30', timezone: null, ...over });

  test("an in-person workshop takes the host city's zone: 09:00 in Colombo is 09:00+05:30 (03:30Z)", async () => {
    const w = await schedule(inColombo());
    expect(w).toMatchObject({
      timezone: 'Asia/Colombo',
      startsAt: '2028-06-12T03:30:00.000Z',
      localStartsAt: '2028-06-12T09:00:00+05:30',
      localEndsAt: '2028-06-12T12:00:00+05:30',
    });
    // Giving the host's own zone is fine too.
    const same = await schedule(
      inColombo({ startsAt: '2028-06-13T09:00:00+05:30', endsAt: '2028-06-13T12:00:00+05:30', timezone: 'Asia/Colombo', format: 'HYBRID' }),
    );
    expect(same).toMatchObject({ timezone: 'Asia/Colombo', format: 'HYBRID' });
  });

  test('a zone that disagrees with the host city is refused, naming both zones, and stores nothing', async () => {
    const result = await expectUnchanged(db, STORED, () =>
      t.query(
        SCHEDULE,
        { input: inColombo({ startsAt: '2028-06-14T09:00:00+05:30', endsAt: '2028-06-14T12:00:00+05:30', timezone: 'Europe/London' }) },
        { token: tokens.staff },
      ),
    );
    expectError(result, 'BAD_USER_INPUT', 'input.timezone');
    expect(result.errors![0].message).toContain('Asia/Colombo');
    expect(result.errors![0].message).toContain('Europe/London');
  });

  test('an ONLINE workshop keeps its explicit zone, and needs one', async () => {
    const online = await schedule({
      format: 'ONLINE',
      hostCityId: null,
      facilitator: null,
      startsAt: '2028-06-20T09:00:00+09:00',
      endsAt: '2028-06-20T10:00:00+09:00',
      timezone: 'Asia/Tokyo',
    });
    expect(online).toMatchObject({ timezone: 'Asia/Tokyo', localStartsAt: '2028-06-20T09:00:00+09:00' });
    await expectUnchanged(db, STORED, async () => {
      expectError(
        await t.query(
          SCHEDULE,
          {
            input: input({
              format: 'ONLINE',
              hostCityId: null,
              facilitator: null,
              startsAt: '2028-06-21T09:00:00Z',
              endsAt: '2028-06-21T10:00:00Z',
              timezone: null,
            }),
          },
          { token: tokens.staff },
        ),
        'BAD_USER_INPUT',
        'input.timezone',
      );
    });
  });

  test("moving a workshop to another host moves it to that host's zone; a disagreeing zone is refused", async () => {
    const w = await schedule(inColombo({ startsAt: '2028-06-15T09:00:00+05:30', endsAt: '2028-06-15T12:00:00+05:30' }));
    const moved = expectOk(await t.query(UPDATE, { id: w.id, input: { hostCityId: 'busan' } }, { token: tokens.staff })).updateWorkshop;
    expect(moved).toMatchObject({ hostCity: { id: 'busan' }, timezone: 'Asia/Seoul', startsAt: w.startsAt, localStartsAt: '2028-06-15T12:30:00+09:00' });
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(UPDATE, { id: w.id, input: { timezone: 'Asia/Colombo' } }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.timezone');
      expectError(
        await t.query(UPDATE, { id: w.id, input: { hostCityId: 'makati', timezone: 'Asia/Seoul' } }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.timezone',
      );
    });
  });

  test.each([
    ['31 April', { startsAt: '2027-04-31T09:00:00+05:30', endsAt: '2027-05-01T12:00:00+05:30' }, 'input.startsAt'],
    ['29 February of a common year', { startsAt: '2027-02-28T09:00:00+05:30', endsAt: '2027-02-29T12:00:00+05:30' }, 'input.endsAt'],
    ['hour 24', { startsAt: '2027-05-01T24:00:00+05:30', endsAt: '2027-05-02T12:00:00+05:30' }, 'input.startsAt'],
    ['no offset', { startsAt: '2027-05-01T09:00:00', endsAt: '2027-05-01T12:00:00+05:30' }, 'input.startsAt'],
  ])('an impossible instant (%s) is BAD_USER_INPUT naming the field, never rolled over', async (_name, over, field) => {
    const result = await expectUnchanged(db, STORED, () => t.query(SCHEDULE, { input: inColombo(over) }, { token: tokens.staff }));
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain(field);
    expect(result.errors![0].message).toMatch(/DateTime must be/);
  });

  test('validation messages give the local time next to UTC', async () => {
    const result = await t.query(
      SCHEDULE,
      { input: inColombo({ startsAt: '2028-06-16T09:00:00+05:30', endsAt: '2028-06-16T08:00:00+05:30' }) },
      { token: tokens.staff },
    );
    expectError(result, 'BAD_USER_INPUT', 'input.endsAt');
    expect(result.errors![0].message).toContain('2028-06-16T09:00:00+05:30 (2028-06-16T03:30:00.000Z)');
  });
});

describe('status by the clock', () => {
  // The sample workshop ws-0011 (Makati, 25–26 November 2026) has ended at the pinned clock (28 November).
  test('a workshop that has ended is COMPLETED in the field and the filter alike, and can no longer change', async () => {
    const ended = expectOk(await t.query(`{ workshop(id: "ws-0011") { status localEndsAt } }`)).workshop;
    expect(ended).toEqual({ status: 'COMPLETED', localEndsAt: '2026-11-26T17:00:00+08:00' });
    const list = async (status: string) =>
      expectOk(
        await t.query(
          `query($s: WorkshopStatus) { workshops(from: "2026-11-01T00:00:00Z", to: "2026-12-31T00:00:00Z", status: $s) { edges { node { id status } } } }`,
          { s: status },
        ),
      ).workshops.edges.map((e: any) => e.node);
    const scheduled = await list('SCHEDULED');
    const completed = await list('COMPLETED');
    expect(scheduled.map((w: any) => w.id)).not.toContain('ws-0011');
    expect(completed.map((w: any) => w.id)).toContain('ws-0011');
    // Every workshop the filter returns shows that status.
    for (const [status, rows] of [
      ['SCHEDULED', scheduled],
      ['COMPLETED', completed],
    ] as const)
      expect(rows.every((w: any) => w.status === status)).toBe(true);
    const refused = await expectUnchanged(db, STORED, () =>
      t.query(UPDATE, { id: 'ws-0011', input: { title: 'Renamed afterwards' } }, { token: tokens.staff }),
    );
    expectError(refused, 'CONFLICT');
    expect(refused.errors![0].message).toContain('is COMPLETED (it ended at 2026-11-26T17:00:00+08:00 (2026-11-26T09:00:00.000Z))');
  });
});

describe('double booking', () => {
  // Colombo hosts 2028-05-10 09:00–12:00 +05:30, i.e. 03:30–06:30Z.
  let base: any;
  beforeAll(async () => {
    base = await schedule({
      hostCityId: 'colombo',
      facilitator: 'Prof. Kamala Example',
      startsAt: '2028-05-10T09:00:00+05:30',
      endsAt: '2028-05-10T12:00:00+05:30',
      timezone: 'Asia/Colombo',
    });
    expect(base).toMatchObject({ timezone: 'Asia/Colombo', localStartsAt: '2028-05-10T09:00:00+05:30', localEndsAt: '2028-05-10T12:00:00+05:30' });
  });

  test.each([
    [
      'the same host, entered in UTC, overlapping by a minute',
      { hostCityId: 'colombo', facilitator: null, startsAt: '2028-05-10T06:29:00Z', endsAt: '2028-05-10T08:00:00Z', timezone: null },
    ],
    [
      'the same host, entered at +08:00, inside',
      { hostCityId: 'colombo', facilitator: null, startsAt: '2028-05-10T12:00:00+08:00', endsAt: '2028-05-10T13:00:00+08:00', timezone: null },
    ],
    [
      'the same facilitator (other spacing and case) at another host, entered at -04:00',
      {
        hostCityId: 'toronto',
        facilitator: ' prof.  KAMALA example ',
        startsAt: '2028-05-09T23:00:00-04:00',
        endsAt: '2028-05-10T03:00:00-04:00',
        timezone: 'America/Toronto',
      },
    ],
    [
      'an online workshop of the same facilitator spanning it',
      { format: 'ONLINE', hostCityId: null, facilitator: 'Prof. Kamala Example', startsAt: '2028-05-10T00:00:00Z', endsAt: '2028-05-10T23:00:00Z' },
    ],
  ])('%s is a CONFLICT naming the other workshop', async (_name, over) => {
    const result = await expectUnchanged(db, STORED, () => t.query(SCHEDULE, { input: input(over) }, { token: tokens.staff }));
    expectError(result, 'CONFLICT');
    expect(result.errors![0].extensions.conflictingWorkshopId).toBe(base.id);
    // The booked workshop's times in its own zone and in UTC.
    expect(result.errors![0].message).toContain(
      '2028-05-10T09:00:00+05:30 to 2028-05-10T12:00:00+05:30 in Asia/Colombo (2028-05-10T03:30:00.000Z to 2028-05-10T06:30:00.000Z UTC)',
    );
  });

  test('back to back is fine: [start, end) intervals that only touch do not overlap', async () => {
    const after = await schedule({
      hostCityId: 'colombo',
      facilitator: 'Prof. Kamala Example',
      startsAt: '2028-05-10T06:30:00Z',
      endsAt: '2028-05-10T08:00:00Z',
      timezone: 'Asia/Colombo',
    });
    const before = await schedule({
      hostCityId: 'colombo',
      facilitator: null,
      startsAt: '2028-05-10T08:30:00+08:00',
      endsAt: '2028-05-10T11:30:00+08:00',
      timezone: null,
    });
    expect(after.startsAt).toBe('2028-05-10T06:30:00.000Z');
    expect(before.endsAt).toBe('2028-05-10T03:30:00.000Z');
  });

  test('two overlapping schedules fired at once (one at +08:00, one in UTC): exactly one succeeds', async () => {
    const a = input({
      hostCityId: 'denpasar',
      facilitator: null,
      startsAt: '2028-07-01T10:00:00+08:00',
      endsAt: '2028-07-01T16:00:00+08:00',
      timezone: 'Asia/Makassar',
    });
    const b = input({ hostCityId: 'denpasar', facilitator: null, startsAt: '2028-07-01T05:00:00Z', endsAt: '2028-07-01T09:00:00Z', timezone: 'Asia/Makassar' });
    const results = await Promise.all([a, b, a, b].map((i) => t.query(SCHEDULE, { input: i }, { token: tokens.staff })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    results
      .filter((r) => r.errors)
      .forEach((r) => {
        expectError(r, 'CONFLICT');
      });
    expect(
      await db
        .collection('workshops')
        .countDocuments({ hostCityId: 'denpasar', startsAt: { $gte: new Date('2028-07-01T00:00:00Z'), $lt: new Date('2028-07-02T00:00:00Z') } }),
    ).toBe(1);
    expect(await db.collection('locks').countDocuments()).toBe(0);
  });

  test('a cancelled workshop no longer holds the slot', async () => {
    const w = await schedule({
      hostCityId: 'lalitpur',
      facilitator: null,
      startsAt: '2028-08-01T09:00:00+05:45',
      endsAt: '2028-08-01T12:00:00+05:45',
      timezone: 'Asia/Kathmandu',
    });
    expectOk(await t.query(CANCEL, { id: w.id, reason: 'Venue unavailable' }, { token: tokens.staff }));
    const again = await schedule({
      hostCityId: 'lalitpur',
      facilitator: null,
      startsAt: '2028-08-01T03:15:00Z',
      endsAt: '2028-08-01T06:15:00Z',
      timezone: 'Asia/Kathmandu',
    });
    expect(again.status).toBe('SCHEDULED');
  });
});

describe('updateWorkshop', () => {
  test('changes the given fields, bumps the version, audits old and new', async () => {
    const w = await schedule({
      hostCityId: 'busan',
      facilitator: null,
      startsAt: '2028-09-01T09:00:00+09:00',
      endsAt: '2028-09-01T12:00:00+09:00',
      timezone: 'Asia/Seoul',
    });
    const updated = expectOk(
      await t.query(UPDATE, { id: w.id, input: { title: 'Busan energy clinic', capacity: 40, expectedVersion: 1 } }, { token: tokens.staff }),
    ).updateWorkshop;
    expect(updated).toMatchObject({ title: 'Busan energy clinic', capacity: 40, version: 2, startsAt: w.startsAt });
    const audit = await db
      .collection('audit')
      .find({ subject: `workshop:${w.id}`, action: 'workshop.updated' })
      .toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ old: { title: w.title, capacity: 30 }, new: { title: 'Busan energy clinic', capacity: 40 } });
    // A stale version, a move onto another booking of the host, or a clash is refused and changes nothing.
    await schedule({
      hostCityId: 'busan',
      facilitator: null,
      startsAt: '2028-09-02T09:00:00+09:00',
      endsAt: '2028-09-02T12:00:00+09:00',
      timezone: 'Asia/Seoul',
    });
    await expectUnchanged(db, STORED, async () => {
      expectError(
        await t.query(UPDATE, { id: w.id, input: { title: 'Stale', expectedVersion: 1 } }, { token: tokens.staff }),
        'CONFLICT',
        'input.expectedVersion',
      );
      expectError(
        await t.query(UPDATE, { id: w.id, input: { startsAt: '2028-09-02T01:00:00Z', endsAt: '2028-09-02T02:00:00Z' } }, { token: tokens.staff }),
        'CONFLICT',
      );
      expectError(
        await t.query(UPDATE, { id: w.id, input: { endsAt: '2028-09-01T08:00:00+09:00' } }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.endsAt',
      );
      expectError(
        await t.query(UPDATE, { id: w.id, input: { format: 'HYBRID', hostCityId: null } }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.hostCityId',
      );
      expectError(await t.query(UPDATE, { id: w.id, input: { title: null } }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.title');
      expectError(await t.query(UPDATE, { id: w.id, input: {} }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input');
      expectError(await t.query(UPDATE, { id: 'ws-nope', input: { title: 'Nope nope' } }, { token: tokens.staff }), 'NOT_FOUND', 'id');
    });
  });

  test('a workshop that has started, completed or been cancelled cannot change', async () => {
    const completed = t.dataset.workshops.workshops.find((w) => w.status === 'COMPLETED')!;
    const w = await schedule({
      hostCityId: 'incheon',
      facilitator: null,
      startsAt: '2028-10-01T09:00:00+09:00',
      endsAt: '2028-10-01T12:00:00+09:00',
      timezone: 'Asia/Seoul',
    });
    expectOk(await t.query(CANCEL, { id: w.id, reason: 'Typhoon warning' }, { token: tokens.staff }));
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(UPDATE, { id: completed._id, input: { title: 'Renamed later' } }, { token: tokens.staff }), 'CONFLICT');
      expectError(await t.query(UPDATE, { id: w.id, input: { title: 'Renamed later' } }, { token: tokens.staff }), 'CONFLICT');
    });
  });
});

describe('cancelWorkshop', () => {
  const REGISTER = `mutation($w: ID!, $c: ID!, $p: [ParticipantInput!]) { registerForWorkshop(workshopId: $w, cityId: $c, participants: $p) { id status } }`;
  const CANCEL_WITH_CITIES = `mutation($id: ID!, $reason: String!) { cancelWorkshop(id: $id, reason: $reason) {
    status seatsTaken participantsWaitlisted
    registrations(first: 10) { edges { node { id status cancellationReason cancelledAt } } }
    affectedCities { city { id name } previousStatus registration { id } contacts { name email role kind } }
  } }`;

  test('reaches every registration and waitlist entry in the same write, lists the cities to tell with their contacts', async () => {
    const w = await schedule({
      hostCityId: 'suwon',
      facilitator: null,
      startsAt: '2028-11-05T09:00:00+09:00',
      endsAt: '2028-11-05T12:00:00+09:00',
      timezone: null,
      capacity: 2,
    });
    const person = (n: string, city: string) => ({ name: `${n} of ${city}`, role: 'Data officer', email: `${n.toLowerCase()}@${city}.example.org` });
    expectOk(await t.query(REGISTER, { w: w.id, c: 'makati', p: [person('Ana', 'makati')] }, { token: tokens.staff }));
    expectOk(await t.query(REGISTER, { w: w.id, c: 'colombo', p: [person('Nimal', 'colombo'), person('Sita', 'colombo')] }, { token: tokens.staff }));
    expectOk(await t.query(REGISTER, { w: w.id, c: 'bogor' }, { token: tokens.staff }));
    expect(expectOk(await t.query(`query($id: ID!) { workshop(id: $id) { seatsTaken participantsWaitlisted } }`, { id: w.id })).workshop).toEqual({
      seatsTaken: 2,
      participantsWaitlisted: 2,
    });

    const cancelled = expectOk(await t.query(CANCEL_WITH_CITIES, { id: w.id, reason: 'The venue flooded' }, { token: tokens.staff })).cancelWorkshop;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', seatsTaken: 0, participantsWaitlisted: 0 });
    expect(cancelled.registrations.edges.map((e: any) => e.node)).toEqual(
      ['makati', 'colombo', 'bogor'].map((c) => ({
        id: `${w.id}:${c}`,
        status: 'CANCELLED_BY_ORGANISER',
        cancellationReason: 'The venue flooded',
        cancelledAt: '2026-11-28T00:00:00.000Z',
      })),
    );
    const affected = Object.fromEntries(cancelled.affectedCities.map((a: any) => [a.city.id, a]));
    expect(Object.keys(affected).sort()).toEqual(['bogor', 'colombo', 'makati']);
    expect(affected.makati.previousStatus).toBe('CONFIRMED');
    expect(affected.colombo.previousStatus).toBe('CONFIRMED'); // one seat, one waiting
    expect(affected.bogor.previousStatus).toBe('WAITLISTED');
    // The member's focal point (membership, staff only), then the participants.
    expect(affected.makati.contacts[0]).toMatchObject({ kind: 'FOCAL_POINT' });
    expect(affected.makati.contacts[0].email).toMatch(/@/);
    expect(affected.colombo.contacts.filter((c: any) => c.kind === 'PARTICIPANT')).toEqual([
      { name: 'Nimal of colombo', email: 'nimal@colombo.example.org', role: 'Data officer', kind: 'PARTICIPANT' },
      { name: 'Sita of colombo', email: 'sita@colombo.example.org', role: 'Data officer', kind: 'PARTICIPANT' },
    ]);
    // Stored: each registration changed by the workshop's one write (its outbox), with its audit entry.
    const regs = await db.collection('registrations').find({ workshopId: w.id }).toArray();
    expect(regs.every((r) => r.status === 'CANCELLED_BY_ORGANISER' && r.version === 2 && !r.outbox)).toBe(true);
    const workshopWrite = await db.collection('audit').findOne({ subject: `workshop:${w.id}`, action: 'workshop.cancelled' });
    expect(workshopWrite!.new).toMatchObject({
      status: 'CANCELLED',
      seatsTaken: 0,
      affected: expect.arrayContaining([expect.objectContaining({ cityId: 'bogor', status: 'WAITLISTED' })]),
    });
    for (const r of regs) {
      expect(await db.collection('audit').findOne({ _id: `registrations:${r._id}:v2:0` as any })).toMatchObject({
        action: 'registration.cancelledByOrganiser',
        cityId: r.cityId,
        subject: `registration:${r._id}`,
        new: { status: 'CANCELLED_BY_ORGANISER', reason: 'The venue flooded' },
      });
    }
    // Nobody but CityNet staff sees whom to tell.
    const officer = await t.query(
      `query($id: ID!) { workshop(id: $id) { affectedCities { city { id } } } }`,
      { id: w.id },
      { token: await tokens.officer('makati') },
    );
    expect(officer.data.workshop.affectedCities).toBeNull();
    expect(officer.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  test('records the reason, bumps the version, audits; a second cancel is a CONFLICT', async () => {
    const w = await schedule({
      hostCityId: 'yokohama',
      facilitator: null,
      startsAt: '2028-11-01T09:00:00+09:00',
      endsAt: '2028-11-01T12:00:00+09:00',
      timezone: 'Asia/Tokyo',
    });
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
