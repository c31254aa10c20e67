/**
 * Registration through the gateway with real tokens: confirmed while seats remain, then waitlisted in
 * order; cancellations promote the first in line; 50 simultaneous registrations for 10 seats give
 * exactly 10 confirmed; participants take seats (a cap per city; added people take free seats or join
 * the queue), and 50 cities x 3 participants racing for 30 seats give exactly 30 confirmed people and
 * a gap-free queue; participants are private to staff and the city's officers; role checks; refused
 * writes change nothing.
 */
import type { Db } from 'mongodb';
import { buildSampleDataset } from '../../data/sample/dataset';
import type { CityDoc } from '../../subgraphs/membership/data/types';
import { startTestStack, type TestStack } from '../support/stack';
import { dbOf, expectError, expectOk, expectRoleChecks, expectUnchanged, makeTokens, type Tokens } from './helpers';

let t: TestStack;
let tokens: Tokens;
let db: Db;
const STORED = ['workshops', 'registrations', 'audit'];
const EXTRA_CITIES = Array.from({ length: 50 }, (_, i) => `test-city-${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  // The sample data plus 50 cities (public City records only) to register.
  const dataset = buildSampleDataset();
  dataset.membership.cities.push(
    ...EXTRA_CITIES.map(
      (id, i): CityDoc => ({
        _id: id,
        name: `Test City ${i + 1}`,
        country: 'PH',
        region: 'SOUTH_EAST_ASIA',
        population: 100_000,
        areaKm2: 50,
        timezone: 'Asia/Manila',
        sampleData: true,
      }),
    ),
  );
  t = await startTestStack({ dataset });
  tokens = await makeTokens();
  db = dbOf(t, 'workshops');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const REG_FIELDS = 'id status waitlistPosition registeredAt confirmedAt cancelledAt city { id } workshop { id seatsTaken seatsAvailable }';
const REGISTER = `mutation($w: ID!, $c: ID!) { registerForWorkshop(workshopId: $w, cityId: $c) { ${REG_FIELDS} } }`;
const CANCEL_REG = `mutation($id: ID!) { cancelRegistration(registrationId: $id) {
  registration { id status cancelledAt } promoted { id status waitlistPosition confirmedAt } workshop { id seatsTaken }
} }`;
const SCHEDULE = `mutation($input: ScheduleWorkshopInput!) { scheduleWorkshop(input: $input) { id capacity } }`;
const WAITLIST = `query($id: ID!) { workshop(id: $id) { seatsTaken capacity waitlist(first: 100) { totalCount edges { node { id city { id } waitlistPosition } } } } }`;

let slot = 0;
/** A fresh online workshop (no host, so no double booking between tests), in 2028. */
async function newWorkshop(capacity: number, maxParticipantsPerCity?: number): Promise<string> {
  slot++;
  const startsAt = new Date(Date.UTC(2028, 0, 1 + slot, 1)).toISOString();
  const endsAt = new Date(Date.UTC(2028, 0, 1 + slot, 3)).toISOString();
  const input = {
    title: `Registration test ${slot}`,
    themes: ['Governance'],
    format: 'ONLINE',
    startsAt,
    endsAt,
    timezone: 'UTC',
    capacity,
    maxParticipantsPerCity,
  };
  return expectOk(await t.query(SCHEDULE, { input }, { token: tokens.staff })).scheduleWorkshop.id;
}

const register = async (w: string, c: string, token = tokens.staff) => t.query(REGISTER, { w, c }, { token });
const stored = (w: string) => db.collection('registrations').find({ workshopId: w }).toArray();

describe('registerForWorkshop', () => {
  test('confirmed while seats remain, then waitlisted in order; audited', async () => {
    const w = await newWorkshop(2);
    const a = expectOk(await register(w, 'makati', await tokens.officer('makati'))).registerForWorkshop;
    expect(a).toMatchObject({
      id: `${w}:makati`,
      status: 'CONFIRMED',
      waitlistPosition: null,
      confirmedAt: '2026-11-28T00:00:00.000Z',
      city: { id: 'makati' },
      workshop: { seatsTaken: 1, seatsAvailable: 1 },
    });
    expect(expectOk(await register(w, 'seoul')).registerForWorkshop.status).toBe('CONFIRMED');
    const c = expectOk(await register(w, 'colombo')).registerForWorkshop;
    expect(c).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, confirmedAt: null, workshop: { seatsTaken: 2, seatsAvailable: 0 } });
    expect(expectOk(await register(w, 'busan')).registerForWorkshop.waitlistPosition).toBe(2);
    const audit = await db
      .collection('audit')
      .find({ subject: `registration:${w}:makati` })
      .toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'registration.created',
      actor: 'officer:makati',
      actorRoles: ['CITY_OFFICER'],
      cityId: 'makati',
      new: { status: 'CONFIRMED' },
    });
  });

  test('a city registers once (CONFLICT); after cancelling it may come back at the end of the queue', async () => {
    const w = await newWorkshop(1);
    expectOk(await register(w, 'makati'));
    expectOk(await register(w, 'seoul'));
    await expectUnchanged(db, STORED, async () => {
      expectError(await register(w, 'makati'), 'CONFLICT', 'cityId');
      expectError(await register(w, 'seoul', await tokens.officer('seoul')), 'CONFLICT', 'cityId');
    });
    const cancelled = expectOk(await t.query(CANCEL_REG, { id: `${w}:makati` }, { token: tokens.staff })).cancelRegistration;
    expect(cancelled.promoted).toMatchObject({ id: `${w}:seoul`, status: 'CONFIRMED', waitlistPosition: null });
    const again = expectOk(await register(w, 'makati')).registerForWorkshop;
    expect(again).toMatchObject({ id: `${w}:makati`, status: 'WAITLISTED', waitlistPosition: 1, cancelledAt: null });
  });

  test('a cancelled, started or completed workshop, an unknown workshop or city are refused, changing nothing', async () => {
    const w = await newWorkshop(5);
    expectOk(await t.query(`mutation($id: ID!) { cancelWorkshop(id: $id, reason: "No quorum") { id } }`, { id: w }, { token: tokens.staff }));
    const past = t.dataset.workshops.workshops.find((x) => x.status === 'COMPLETED')!;
    // Scheduled but already started at the pinned clock (2026-11-28T00:00Z) — or, failing that, any past one.
    const started = t.dataset.workshops.workshops.find((x) => x.status === 'SCHEDULED' && x.startsAt <= new Date('2026-11-28T00:00:00Z')) ?? past;
    await expectUnchanged(db, STORED, async () => {
      expectError(await register(w, 'makati'), 'CONFLICT', 'workshopId');
      expectError(await register(past._id, 'toronto'), 'CONFLICT', 'workshopId');
      expectError(await register(started._id, 'toronto'), 'CONFLICT', 'workshopId');
      expectError(await register('ws-nope', 'makati'), 'NOT_FOUND', 'workshopId');
      const open = await newWorkshopNoAudit();
      expectError(await register(open, 'atlantis'), 'NOT_FOUND', 'cityId');
    });
  });

  test('cancelling: only live registrations of open workshops; a waitlisted cancellation promotes no one', async () => {
    const w = await newWorkshop(1);
    expectOk(await register(w, 'makati'));
    expectOk(await register(w, 'seoul'));
    expectOk(await register(w, 'busan'));
    const waitCancel = expectOk(await t.query(CANCEL_REG, { id: `${w}:seoul` }, { token: tokens.staff })).cancelRegistration;
    expect(waitCancel).toMatchObject({ registration: { status: 'CANCELLED' }, promoted: null, workshop: { seatsTaken: 1 } });
    expect(expectOk(await t.query(WAITLIST, { id: w })).workshop.waitlist.edges.map((e: any) => [e.node.city.id, e.node.waitlistPosition])).toEqual([
      ['busan', 1],
    ]);
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(CANCEL_REG, { id: `${w}:seoul` }, { token: tokens.staff }), 'CONFLICT', 'registrationId');
      expectError(await t.query(CANCEL_REG, { id: 'nope:nope' }, { token: tokens.staff }), 'NOT_FOUND', 'registrationId');
    });
  });

  test('raising the capacity promotes the waitlist in order', async () => {
    const w = await newWorkshop(1);
    for (const c of ['makati', 'seoul', 'busan', 'colombo']) expectOk(await register(w, c));
    const updated = expectOk(
      await t.query(`mutation($id: ID!) { updateWorkshop(id: $id, input: { capacity: 3 }) { seatsTaken capacity } }`, { id: w }, { token: tokens.staff }),
    );
    expect(updated.updateWorkshop).toEqual({ seatsTaken: 3, capacity: 3 });
    const regs = await stored(w);
    expect(Object.fromEntries(regs.map((r) => [r.cityId, r.status]))).toEqual({
      makati: 'CONFIRMED',
      seoul: 'CONFIRMED',
      busan: 'CONFIRMED',
      colombo: 'WAITLISTED',
    });
    // Lowering it below the confirmed seats is a CONFLICT.
    await expectUnchanged(db, STORED, async () => {
      expectError(
        await t.query(`mutation($id: ID!) { updateWorkshop(id: $id, input: { capacity: 2 }) { id } }`, { id: w }, { token: tokens.staff }),
        'CONFLICT',
        'input.capacity',
      );
    });
  });
});

/** An open workshop created before the snapshot is taken would show up as a change; make it outside. */
let spare: string | undefined;
async function newWorkshopNoAudit(): Promise<string> {
  if (!spare) throw new Error('spare workshop missing');
  return spare;
}
beforeAll(async () => {
  spare = await newWorkshop(3);
});

describe('50 simultaneous registrations for 10 seats', () => {
  let w: string;
  let order: string[];

  test('give exactly 10 CONFIRMED and 40 WAITLISTED, waitlist positions 1..40', async () => {
    w = await newWorkshop(10);
    const results = await Promise.all(EXTRA_CITIES.map((c) => register(w, c)));
    results.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    const statuses = results.map((r) => r.data.registerForWorkshop.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(40);
    // Stored state agrees: 10 confirmed documents, seatsTaken 10, one sequence number each.
    const regs = await stored(w);
    expect(regs.filter((r) => r.status === 'CONFIRMED')).toHaveLength(10);
    expect(regs.filter((r) => r.status === 'WAITLISTED')).toHaveLength(40);
    expect(new Set(regs.map((r) => r.seq)).size).toBe(50);
    // Every confirmed one registered before every waitlisted one.
    const maxConfirmedSeq = Math.max(...regs.filter((r) => r.status === 'CONFIRMED').map((r) => r.seq));
    expect(regs.filter((r) => r.status === 'WAITLISTED').every((r) => r.seq > maxConfirmedSeq)).toBe(true);
    const workshop = expectOk(await t.query(WAITLIST, { id: w })).workshop;
    expect(workshop.seatsTaken).toBe(10);
    expect(workshop.waitlist.totalCount).toBe(40);
    expect(workshop.waitlist.edges.map((e: any) => e.node.waitlistPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    order = workshop.waitlist.edges.map((e: any) => e.node.city.id);
    // The waitlist is in sequence order.
    const seqOf = new Map(regs.map((r) => [r.cityId, r.seq]));
    expect(order.map((c) => seqOf.get(c))).toEqual([...order.map((c) => seqOf.get(c))].sort((a, b) => a - b));
    expect(await db.collection('locks').countDocuments()).toBe(0);
  });

  test('cancelling 6 confirmed at once promotes the first 6 waitlisted, keeping 10 confirmed and the rest in order', async () => {
    const confirmed = (await stored(w)).filter((r) => r.status === 'CONFIRMED').slice(0, 6);
    const results = await Promise.all(confirmed.map(async (r) => t.query(CANCEL_REG, { id: r._id }, { token: await tokens.officer(r.cityId) })));
    results.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    const promoted = results.map((r) => r.data.cancelRegistration.promoted.id.split(':')[1]);
    expect(new Set(promoted)).toEqual(new Set(order.slice(0, 6)));
    const regs = await stored(w);
    expect(regs.filter((r) => r.status === 'CONFIRMED')).toHaveLength(10);
    expect(regs.filter((r) => r.status === 'CANCELLED')).toHaveLength(6);
    const workshop = expectOk(await t.query(WAITLIST, { id: w })).workshop;
    expect(workshop.seatsTaken).toBe(10);
    expect(workshop.waitlist.edges.map((e: any) => e.node.city.id)).toEqual(order.slice(6));
    expect(workshop.waitlist.edges.map((e: any) => e.node.waitlistPosition)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    // Each cancellation and each promotion is audited.
    expect(
      await db.collection('audit').countDocuments({ action: 'registration.cancelled', subject: { $in: confirmed.map((r) => `registration:${r._id}`) } }),
    ).toBe(6);
    expect(
      await db
        .collection('audit')
        .countDocuments({ action: 'registration.promoted', subject: { $in: order.slice(0, 6).map((c) => `registration:${w}:${c}`) } }),
    ).toBe(6);
  });

  test('simultaneous cancellations and new registrations never exceed the capacity', async () => {
    const confirmed = (await stored(w)).filter((r) => r.status === 'CONFIRMED').slice(0, 5);
    const results = await Promise.all([
      ...confirmed.map((r) => t.query(CANCEL_REG, { id: r._id }, { token: tokens.staff })),
      ...['makati', 'seoul', 'busan', 'colombo', 'yokohama'].map((c) => register(w, c)),
    ]);
    results.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    const regs = await stored(w);
    expect(regs.filter((r) => r.status === 'CONFIRMED')).toHaveLength(10);
    expect(expectOk(await t.query(WAITLIST, { id: w })).workshop.seatsTaken).toBe(10);
  });
});

describe('roles', () => {
  test('registerForWorkshop: anonymous UNAUTHENTICATED; partner app, verifier, WCCD staff, an officer of another city FORBIDDEN', async () => {
    await expectRoleChecks(t, db, STORED, REGISTER, { w: spare, c: 'makati' }, [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
      { role: 'officer-of-another-city', token: await tokens.officer('seoul') },
    ]);
  });

  test('cancelRegistration: the same, for the officer of the registered city only', async () => {
    const w = await newWorkshop(2);
    expectOk(await register(w, 'makati', await tokens.officer('makati')));
    await expectRoleChecks(t, db, STORED, CANCEL_REG, { id: `${w}:makati` }, [
      { role: 'PARTNER_APP', token: tokens.partner },
      { role: 'VERIFIER', token: tokens.verifier },
      { role: 'WCCD_STAFF', token: tokens.wccd },
      { role: 'officer-of-another-city', token: await tokens.officer('seoul') },
    ]);
    expect(expectOk(await t.query(CANCEL_REG, { id: `${w}:makati` }, { token: await tokens.officer('makati') })).cancelRegistration.registration.status).toBe(
      'CANCELLED',
    );
  });
});

const REGISTER_PEOPLE = `mutation($w: ID!, $c: ID!, $p: [ParticipantInput!]) { registerForWorkshop(workshopId: $w, cityId: $c, participants: $p) {
  id status participantCount confirmedParticipants waitlistedParticipants waitlistPosition
  participants { id name role email status waitlistPosition present }
  workshop { seatsTaken seatsAvailable participantsWaitlisted }
} }`;
const ADD = `mutation($id: ID!, $p: [ParticipantInput!]!) { addParticipants(registrationId: $id, participants: $p) {
  id status participantCount confirmedParticipants waitlistedParticipants
  participants { id name status waitlistPosition }
  workshop { seatsTaken participantsWaitlisted }
} }`;
const person = (city: string, n: number) => ({ name: `Person ${n} of ${city}`, role: 'Planning officer', email: `p${n}@${city}.example.org` });
const people = (city: string, count: number, from = 1) => Array.from({ length: count }, (_, i) => person(city, from + i));

describe('participants', () => {
  test('each person takes a seat while seats remain, then the queue; the registration is CONFIRMED with any seat', async () => {
    const w = await newWorkshop(3);
    const a = expectOk(
      await t.query(REGISTER_PEOPLE, { w, c: 'makati', p: people('makati', 2) }, { token: await tokens.officer('makati') }),
    ).registerForWorkshop;
    expect(a).toMatchObject({
      status: 'CONFIRMED',
      participantCount: 2,
      confirmedParticipants: 2,
      waitlistedParticipants: 0,
      waitlistPosition: null,
      workshop: { seatsTaken: 2, seatsAvailable: 1, participantsWaitlisted: 0 },
    });
    expect(a.participants).toEqual([
      {
        id: 'p1',
        name: 'Person 1 of makati',
        role: 'Planning officer',
        email: 'p1@makati.example.org',
        status: 'CONFIRMED',
        waitlistPosition: null,
        present: null,
      },
      {
        id: 'p2',
        name: 'Person 2 of makati',
        role: 'Planning officer',
        email: 'p2@makati.example.org',
        status: 'CONFIRMED',
        waitlistPosition: null,
        present: null,
      },
    ]);
    // Two people, one seat left: the first is seated, the second waits.
    const b = expectOk(await t.query(REGISTER_PEOPLE, { w, c: 'seoul', p: people('seoul', 2) }, { token: tokens.staff })).registerForWorkshop;
    expect(b).toMatchObject({
      status: 'CONFIRMED',
      confirmedParticipants: 1,
      waitlistedParticipants: 1,
      waitlistPosition: 1,
      workshop: { seatsTaken: 3, participantsWaitlisted: 1 },
    });
    expect(b.participants.map((p: any) => [p.status, p.waitlistPosition])).toEqual([
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
    ]);
    // Nobody jumps the queue: a later city waits behind Seoul's second person.
    const c = expectOk(await t.query(REGISTER_PEOPLE, { w, c: 'busan', p: people('busan', 1) }, { token: tokens.staff })).registerForWorkshop;
    expect(c).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2, participants: [expect.objectContaining({ waitlistPosition: 2 })] });
    // Adding people to Makati's confirmed registration: no free seat, so they queue at the end.
    const added = expectOk(await t.query(ADD, { id: `${w}:makati`, p: [person('makati', 3)] }, { token: await tokens.officer('makati') })).addParticipants;
    expect(added).toMatchObject({
      status: 'CONFIRMED',
      participantCount: 3,
      confirmedParticipants: 2,
      waitlistedParticipants: 1,
      workshop: { seatsTaken: 3, participantsWaitlisted: 3 },
    });
    expect(added.participants[2]).toMatchObject({ id: 'p3', status: 'WAITLISTED', waitlistPosition: 3 });
    // Makati cancels: its two seats go to Seoul's second person and Busan, in queue order.
    const cancelled = expectOk(
      await t.query(
        `mutation($id: ID!) { cancelRegistration(registrationId: $id) { promoted { id } promotedRegistrations { id status confirmedParticipants } workshop { seatsTaken participantsWaitlisted } } }`,
        { id: `${w}:makati` },
        { token: tokens.staff },
      ),
    ).cancelRegistration;
    expect(cancelled.promoted).toEqual({ id: `${w}:seoul` });
    expect(cancelled.promotedRegistrations).toEqual([
      { id: `${w}:seoul`, status: 'CONFIRMED', confirmedParticipants: 2 },
      { id: `${w}:busan`, status: 'CONFIRMED', confirmedParticipants: 1 },
    ]);
    expect(cancelled.workshop).toEqual({ seatsTaken: 3, participantsWaitlisted: 0 });
    // Makati's people stay listed, with the registration's status, and hold no seat any more.
    const after = expectOk(
      await t.query(
        `query($id: ID!) { workshop(id: $id) { registrations { edges { node { id status participantCount confirmedParticipants participants { status waitlistPosition } } } } } }`,
        { id: w },
        { token: tokens.staff },
      ),
    );
    const makati = after.workshop.registrations.edges.map((e: any) => e.node).find((r: any) => r.id === `${w}:makati`);
    expect(makati).toEqual({
      id: `${w}:makati`,
      status: 'CANCELLED',
      participantCount: 3,
      confirmedParticipants: 0,
      participants: Array(3).fill({ status: 'CANCELLED', waitlistPosition: null }),
    });
    const audit = await db
      .collection('audit')
      .find({ subject: `registration:${w}:makati` })
      .sort({ seq: 1 })
      .toArray();
    expect(audit.map((e) => e.action)).toEqual(['registration.created', 'registration.participantsAdded', 'registration.cancelled']);
    expect(audit[0].new.participants.map((p: any) => p.email)).toEqual(['p1@makati.example.org', 'p2@makati.example.org']);
  });

  test('a registration made without names holds one unnamed seat; the first person named fills it', async () => {
    const w = await newWorkshop(2);
    expect(expectOk(await register(w, 'colombo')).registerForWorkshop).toMatchObject({ status: 'CONFIRMED', workshop: { seatsTaken: 1 } });
    const added = expectOk(await t.query(ADD, { id: `${w}:colombo`, p: people('colombo', 2) }, { token: tokens.staff })).addParticipants;
    expect(added).toMatchObject({ participantCount: 2, confirmedParticipants: 2, workshop: { seatsTaken: 2, participantsWaitlisted: 0 } });
    expect(added.participants.map((p: any) => [p.id, p.name, p.status])).toEqual([
      ['p1', 'Person 1 of colombo', 'CONFIRMED'],
      ['p2', 'Person 2 of colombo', 'CONFIRMED'],
    ]);
  });

  test('the cap per city, bad people and closed registrations are refused, changing nothing', async () => {
    const w = await newWorkshop(10, 2);
    expectOk(await t.query(REGISTER_PEOPLE, { w, c: 'makati', p: people('makati', 2) }, { token: tokens.staff }));
    await expectUnchanged(db, STORED, async () => {
      const beyond = await t.query(REGISTER_PEOPLE, { w, c: 'seoul', p: people('seoul', 3) }, { token: tokens.staff });
      expectError(beyond, 'BAD_USER_INPUT', 'participants');
      expect(beyond.errors![0].message).toContain('cap of 2 per city');
      expectError(await t.query(ADD, { id: `${w}:makati`, p: [person('makati', 3)] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'participants');
      expectError(await t.query(ADD, { id: `${w}:makati`, p: [person('makati', 1)] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'participants[0].email');
      expectError(
        await t.query(REGISTER_PEOPLE, { w, c: 'seoul', p: [{ ...person('seoul', 1), email: 'not-an-address' }] }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'participants[0].email',
      );
      expectError(
        await t.query(REGISTER_PEOPLE, { w, c: 'seoul', p: [person('seoul', 1), person('seoul', 1)] }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'participants[1].email',
      );
      expectError(
        await t.query(REGISTER_PEOPLE, { w, c: 'seoul', p: [{ ...person('seoul', 1), name: 'x' }] }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'participants[0].name',
      );
      expectError(await t.query(ADD, { id: `${w}:makati`, p: [] }, { token: tokens.staff }), 'BAD_USER_INPUT', 'participants');
      expectError(await t.query(ADD, { id: 'nope:nope', p: [person('x', 1)] }, { token: tokens.staff }), 'NOT_FOUND', 'registrationId');
      expectError(await t.query(ADD, { id: `${w}:makati`, p: [person('makati', 9)] }, { token: await tokens.officer('seoul') }), 'FORBIDDEN');
      expectError(await t.query(ADD, { id: `${w}:makati`, p: [person('makati', 9)] }), 'UNAUTHENTICATED');
    });
    // Raising the cap is an update like any other; lowering it below a city's people is a CONFLICT.
    await expectUnchanged(db, STORED, async () => {
      expectError(
        await t.query(`mutation($id: ID!) { updateWorkshop(id: $id, input: { maxParticipantsPerCity: 1 }) { id } }`, { id: w }, { token: tokens.staff }),
        'CONFLICT',
        'input.maxParticipantsPerCity',
      );
    });
  });

  test("participants are visible to CityNet staff and the city's officers only", async () => {
    const w = await newWorkshop(5);
    expectOk(await t.query(REGISTER_PEOPLE, { w, c: 'makati', p: people('makati', 1) }, { token: tokens.staff }));
    const Q = `query($id: ID!) { workshop(id: $id) { registrations { edges { node { participantCount participants { email } } } } } }`;
    const seen = async (token?: string) => t.query(Q, { id: w }, { token });
    for (const token of [tokens.staff, await tokens.officer('makati')]) {
      expect(expectOk(await seen(token)).workshop.registrations.edges[0].node).toEqual({
        participantCount: 1,
        participants: [{ email: 'p1@makati.example.org' }],
      });
    }
    for (const [token, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [tokens.partner, 'FORBIDDEN'],
      [await tokens.officer('seoul'), 'FORBIDDEN'],
      [tokens.wccd, 'FORBIDDEN'],
    ] as const) {
      const result = await seen(token);
      expect(result.data.workshop.registrations.edges[0].node).toEqual({ participantCount: 1, participants: null });
      expect(result.errors!.map((e: any) => e.extensions.code)).toEqual([code]);
    }
  });
});

describe('50 cities x 3 participants racing for 30 seats', () => {
  const cities = EXTRA_CITIES;
  const QUEUE = `query($id: ID!) { workshop(id: $id) { seatsTaken participantsWaitlisted waitlist(first: 100) { totalCount edges { node { id waitlistPosition participants { id status waitlistPosition } } } } } }`;

  test('registering with 3 people each: exactly 30 confirmed people and a gap-free queue of 120', async () => {
    const w = await newWorkshop(30);
    const results = await Promise.all(cities.map((c) => t.query(REGISTER_PEOPLE, { w, c, p: people(c, 3) }, { token: tokens.staff })));
    results.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    const regs = await stored(w);
    const seats = regs.flatMap((r) => r.participants);
    expect(seats).toHaveLength(150);
    expect(seats.filter((p) => p.status === 'CONFIRMED')).toHaveLength(30);
    // Sequence numbers 1..150 each handed out once; every seated person came before every waiting one.
    expect(seats.map((p) => p.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    const lastSeated = Math.max(...seats.filter((p) => p.status === 'CONFIRMED').map((p) => p.seq));
    expect(seats.filter((p) => p.status === 'WAITLISTED').every((p) => p.seq > lastSeated)).toBe(true);
    const workshop = expectOk(await t.query(QUEUE, { id: w }, { token: tokens.staff })).workshop;
    expect(workshop).toMatchObject({ seatsTaken: 30, participantsWaitlisted: 120 });
    expect(workshop.waitlist.totalCount).toBe(40);
    expect(workshop.waitlist.edges.map((e: any) => e.node.waitlistPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const positions = workshop.waitlist.edges.flatMap((e: any) => e.node.participants.map((p: any) => p.waitlistPosition));
    expect(positions).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(await db.collection('locks').countDocuments()).toBe(0);
  });

  test('adding 2 people each to 50 one-person registrations at once: exactly 30 confirmed people and a gap-free queue', async () => {
    const w = await newWorkshop(30);
    // 50 registrations of one person each: 30 seated, 20 waiting.
    const first = await Promise.all(cities.map((c) => t.query(REGISTER_PEOPLE, { w, c, p: people(c, 1) }, { token: tokens.staff })));
    first.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    const added = await Promise.all(cities.map((c) => t.query(ADD, { id: `${w}:${c}`, p: people(c, 2, 2) }, { token: tokens.staff })));
    added.forEach((r) => {
      expect(r.errors).toBeUndefined();
    });
    const seats = (await stored(w)).flatMap((r) => r.participants);
    expect(seats).toHaveLength(150);
    expect(seats.filter((p) => p.status === 'CONFIRMED')).toHaveLength(30);
    expect(new Set(seats.map((p) => p.seq)).size).toBe(150);
    const workshop = expectOk(await t.query(QUEUE, { id: w }, { token: tokens.staff })).workshop;
    expect(workshop).toMatchObject({ seatsTaken: 30, participantsWaitlisted: 120 });
    const positions = workshop.waitlist.edges.flatMap((e: any) =>
      e.node.participants.filter((p: any) => p.status === 'WAITLISTED').map((p: any) => p.waitlistPosition),
    );
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(workshop.waitlist.edges.map((e: any) => e.node.waitlistPosition)).toEqual(Array.from({ length: workshop.waitlist.totalCount }, (_, i) => i + 1));
    // The first 30 registrations kept their seats; nobody who came later got one.
    expect(await db.collection('locks').countDocuments()).toBe(0);
  });
});
