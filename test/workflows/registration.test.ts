/**
 * Registration through the gateway with real tokens: confirmed while seats remain, then waitlisted in
 * order; cancellations promote the first in line; 50 simultaneous registrations for 10 seats give
 * exactly 10 confirmed; role checks; refused writes change nothing.
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
    ...EXTRA_CITIES.map((id, i): CityDoc => ({ _id: id, name: `Test City ${i + 1}`, country: 'PH', region: 'SOUTH_EAST_ASIA', population: 100_000, areaKm2: 50, timezone: 'Asia/Manila', sampleData: true })),
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
async function newWorkshop(capacity: number): Promise<string> {
  slot++;
  const startsAt = new Date(Date.UTC(2028, 0, 1 + slot, 1)).toISOString();
  const endsAt = new Date(Date.UTC(2028, 0, 1 + slot, 3)).toISOString();
  const input = { title: `Registration test ${slot}`, themes: ['Governance'], format: 'ONLINE', startsAt, endsAt, timezone: 'UTC', capacity };
  return expectOk(await t.query(SCHEDULE, { input }, { token: tokens.staff })).scheduleWorkshop.id;
}

const register = async (w: string, c: string, token = tokens.staff) => t.query(REGISTER, { w, c }, { token });
const stored = (w: string) => db.collection('registrations').find({ workshopId: w }).toArray();

describe('registerForWorkshop', () => {
  test('confirmed while seats remain, then waitlisted in order; audited', async () => {
    const w = await newWorkshop(2);
    const a = expectOk(await register(w, 'makati', await tokens.officer('makati'))).registerForWorkshop;
    expect(a).toMatchObject({ id: `${w}:makati`, status: 'CONFIRMED', waitlistPosition: null, confirmedAt: '2026-11-28T00:00:00.000Z', city: { id: 'makati' }, workshop: { seatsTaken: 1, seatsAvailable: 1 } });
    expect(expectOk(await register(w, 'seoul')).registerForWorkshop.status).toBe('CONFIRMED');
    const c = expectOk(await register(w, 'colombo')).registerForWorkshop;
    expect(c).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, confirmedAt: null, workshop: { seatsTaken: 2, seatsAvailable: 0 } });
    expect(expectOk(await register(w, 'busan')).registerForWorkshop.waitlistPosition).toBe(2);
    const audit = await db.collection('audit').find({ subject: `registration:${w}:makati` }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'registration.created', actor: 'officer:makati', actorRoles: ['CITY_OFFICER'], cityId: 'makati', new: { status: 'CONFIRMED' } });
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
    expect(expectOk(await t.query(WAITLIST, { id: w })).workshop.waitlist.edges.map((e: any) => [e.node.city.id, e.node.waitlistPosition])).toEqual([['busan', 1]]);
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(CANCEL_REG, { id: `${w}:seoul` }, { token: tokens.staff }), 'CONFLICT', 'registrationId');
      expectError(await t.query(CANCEL_REG, { id: 'nope:nope' }, { token: tokens.staff }), 'NOT_FOUND', 'registrationId');
    });
  });

  test('raising the capacity promotes the waitlist in order', async () => {
    const w = await newWorkshop(1);
    for (const c of ['makati', 'seoul', 'busan', 'colombo']) expectOk(await register(w, c));
    const updated = expectOk(await t.query(`mutation($id: ID!) { updateWorkshop(id: $id, input: { capacity: 3 }) { seatsTaken capacity } }`, { id: w }, { token: tokens.staff }));
    expect(updated.updateWorkshop).toEqual({ seatsTaken: 3, capacity: 3 });
    const regs = await stored(w);
    expect(Object.fromEntries(regs.map((r) => [r.cityId, r.status]))).toEqual({ makati: 'CONFIRMED', seoul: 'CONFIRMED', busan: 'CONFIRMED', colombo: 'WAITLISTED' });
    // Lowering it below the confirmed seats is a CONFLICT.
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(`mutation($id: ID!) { updateWorkshop(id: $id, input: { capacity: 2 }) { id } }`, { id: w }, { token: tokens.staff }), 'CONFLICT', 'input.capacity');
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
    results.forEach((r) => expect(r.errors).toBeUndefined());
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
    const results = await Promise.all(
      confirmed.map(async (r) => t.query(CANCEL_REG, { id: r._id }, { token: await tokens.officer(r.cityId) })),
    );
    results.forEach((r) => expect(r.errors).toBeUndefined());
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
    expect(await db.collection('audit').countDocuments({ action: 'registration.cancelled', subject: { $in: confirmed.map((r) => `registration:${r._id}`) } })).toBe(6);
    expect(await db.collection('audit').countDocuments({ action: 'registration.promoted', subject: { $in: order.slice(0, 6).map((c) => `registration:${w}:${c}`) } })).toBe(6);
  });

  test('simultaneous cancellations and new registrations never exceed the capacity', async () => {
    const confirmed = (await stored(w)).filter((r) => r.status === 'CONFIRMED').slice(0, 5);
    const results = await Promise.all([
      ...confirmed.map((r) => t.query(CANCEL_REG, { id: r._id }, { token: tokens.staff })),
      ...['makati', 'seoul', 'busan', 'colombo', 'yokohama'].map((c) => register(w, c)),
    ]);
    results.forEach((r) => expect(r.errors).toBeUndefined());
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
    expect(expectOk(await t.query(CANCEL_REG, { id: `${w}:makati` }, { token: await tokens.officer('makati') })).cancelRegistration.registration.status).toBe('CANCELLED');
  });
});
