/**
 * A CityNet staff day through the gateway, run with the operations documented for staff
 * (docs/citynet-staff.md, each block by its operation name, so the documented operations run):
 *   1. schedule three workshops in three zones;
 *   2. register cities with participants until the waitlist forms;
 *   3. cancel one workshop and see every registration cancelled and the contacts listed;
 *   4. move the clock past another and record attendance;
 *   5. the city's workshop history and the certification gap reflect it.
 * The clock is the subgraphs' settings clock, moved by the test (no sleeping). The gateway cache is
 * off: moving a test clock is not something the cache's maxAge is meant to bound.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import type { Db } from 'mongodb';
import { composeSupergraph } from '../../scripts/compose';
import { apiSchemaOf } from '../../scripts/schema-check';
import { startTestStack, TEST_NOW, type TestStack } from '../support/stack';
import { dbOf, expectError, expectOk, expectUnchanged, makeTokens, type Tokens } from './helpers';

/** The named operations of docs/citynet-staff.md. */
function documentedOperations(): Map<string, string> {
  const text = readFileSync(join(__dirname, '..', '..', 'docs', 'citynet-staff.md'), 'utf8');
  const ops = new Map<string, string>();
  for (const m of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const def = parse(m[1]).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    ops.set(def.name!.value, m[1]);
  }
  return ops;
}

const OPS = documentedOperations();
const op = (name: string): string => {
  const source = OPS.get(name);
  if (!source) throw new Error(`docs/citynet-staff.md documents no operation ${name}`);
  return source;
};

let clock = new Date(TEST_NOW);
let t: TestStack;
let tokens: Tokens;
let db: Db;
const STORED = ['workshops', 'registrations', 'mentoring_pairs', 'audit'];

beforeAll(async () => {
  t = await startTestStack({ now: () => new Date(clock), gateway: { cache: { enabled: false } } });
  tokens = await makeTokens();
  db = dbOf(t, 'workshops');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const staff = <T = any>(name: string, variables: Record<string, unknown>) => t.query<T>(op(name), variables, { token: tokens.staff });
const person = (name: string, city: string, role = 'Data officer') => ({ name, role, email: `${name.split(' ')[0].toLowerCase()}@${city}.example.org` });

test('the documented staff operations are valid against the public API', () => {
  const schema = apiSchemaOf(composeSupergraph());
  for (const name of [
    'ScheduleWorkshop',
    'RegisterCity',
    'AddParticipants',
    'WorkshopSeats',
    'CancelWorkshop',
    'WorkshopsByStatus',
    'RecordAttendance',
    'CityWorkshopHistory',
    'GapTraining',
    'PairMentor',
    'LogMentoringSession',
    'CloseMentoringPair',
  ]) {
    expect({ name, errors: validate(schema, parse(op(name))).map((e) => e.message) }).toEqual({ name, errors: [] });
  }
});

describe('a staff day', () => {
  // The city whose gap and history the day changes: Kuala Lumpur, SILVER for 2016, aiming at GOLD.
  const CITY = 'kuala-lumpur';
  const GAP = { id: CITY, year: 2016, target: 'GOLD' };
  let gapThemes: string[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    gapThemes = expectOk(await staff('GapTraining', GAP)).city.certificationGap.gapThemes;
    // The gap from SILVER to GOLD lies in supporting indicators of at least two themes.
    expect(gapThemes.length).toBeGreaterThanOrEqual(2);
  });

  test('1. three workshops in three zones', async () => {
    const schedule = async (input: Record<string, unknown>) => expectOk(await staff('ScheduleWorkshop', { input })).scheduleWorkshop;
    // In Colombo, in person: the host's zone.
    const colombo = await schedule({
      title: 'Waste data clinic, Colombo',
      themes: ['Solid Waste'],
      format: 'IN_PERSON',
      hostCityId: 'colombo',
      startsAt: '2027-03-02T09:00:00+05:30',
      endsAt: '2027-03-02T17:00:00+05:30',
      capacity: 6,
      maxParticipantsPerCity: 3,
    });
    expect(colombo).toMatchObject({
      timezone: 'Asia/Colombo',
      startsAt: '2027-03-02T03:30:00.000Z',
      localStartsAt: '2027-03-02T09:00:00+05:30',
      status: 'SCHEDULED',
      hostCity: { id: 'colombo' },
    });
    // In Makati, hybrid, on Kuala Lumpur's first gap theme: three seats, so a waitlist forms.
    const makati = await schedule({
      title: 'Data verification clinic, Makati',
      themes: [gapThemes[0]],
      format: 'HYBRID',
      hostCityId: 'makati',
      startsAt: '2027-03-10T09:00:00+08:00',
      endsAt: '2027-03-10T17:00:00+08:00',
      capacity: 3,
      maxParticipantsPerCity: 2,
    });
    expect(makati).toMatchObject({ timezone: 'Asia/Manila', localStartsAt: '2027-03-10T09:00:00+08:00', localEndsAt: '2027-03-10T17:00:00+08:00' });
    // Online from Toronto, on the second gap theme.
    const online = await schedule({
      title: 'Indicator methods online',
      themes: [gapThemes[1]],
      format: 'ONLINE',
      timezone: 'America/Toronto',
      startsAt: '2027-06-15T09:00:00-04:00',
      endsAt: '2027-06-15T11:00:00-04:00',
      capacity: 100,
    });
    expect(online).toMatchObject({
      timezone: 'America/Toronto',
      startsAt: '2027-06-15T13:00:00.000Z',
      localStartsAt: '2027-06-15T09:00:00-04:00',
      hostCity: null,
    });
    // A later run of the Makati clinic's theme, for the gap to suggest (or not).
    const rerun = await schedule({
      title: 'Data verification clinic, second run',
      themes: [gapThemes[0]],
      format: 'ONLINE',
      timezone: 'Asia/Manila',
      startsAt: '2027-09-01T09:00:00+08:00',
      endsAt: '2027-09-01T12:00:00+08:00',
      capacity: 50,
    });
    Object.assign(ids, { colombo: colombo.id, makati: makati.id, online: online.id, rerun: rerun.id });
    // The gap suggests the upcoming workshops on its themes, the rerun among them.
    const gap = expectOk(await staff('GapTraining', GAP)).city.certificationGap;
    expect(gap.upcomingWorkshops.map((w: any) => w.id)).toEqual(expect.arrayContaining([makati.id, online.id, rerun.id]));
    expect(gap.attendedThemes).toEqual([]);
  });

  test('2. cities register with participants until the waitlist forms', async () => {
    const register = async (workshopId: string, cityId: string, participants?: unknown[]) =>
      expectOk(await staff('RegisterCity', { workshopId, cityId, participants })).registerForWorkshop;
    // Makati clinic, 3 seats: Kuala Lumpur brings two, Bogor one; Seoul's two people wait.
    const kl = await register(ids.makati, CITY, [person('Aisyah Rahman', CITY), person('Daniel Lim', CITY, 'Planning officer')]);
    expect(kl).toMatchObject({ status: 'CONFIRMED', confirmedParticipants: 2, workshop: { seatsTaken: 2, seatsAvailable: 1 } });
    const bogor = await register(ids.makati, 'bogor');
    expect(bogor).toMatchObject({ status: 'CONFIRMED', participantCount: 1, workshop: { seatsTaken: 3, seatsAvailable: 0 } });
    const seoul = await register(ids.makati, 'seoul', [person('Minji Park', 'seoul'), person('Joon Kim', 'seoul')]);
    expect(seoul).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
      waitlistedParticipants: 2,
      workshop: { seatsTaken: 3, participantsWaitlisted: 2 },
    });
    expect(seoul.participants.map((p: any) => p.waitlistPosition)).toEqual([1, 2]);
    // Beyond the cap per city (2): refused, nothing stored.
    await expectUnchanged(db, STORED, async () => {
      expectError(await staff('AddParticipants', { registrationId: kl.id, participants: [person('Nur Aziz', CITY)] }), 'BAD_USER_INPUT', 'participants');
    });
    // The public view of the seats and the queue.
    const seats = expectOk(await t.query(op('WorkshopSeats'), { id: ids.makati })).workshop;
    expect(seats).toMatchObject({ capacity: 3, seatsTaken: 3, seatsAvailable: 0, participantsWaitlisted: 2, maxParticipantsPerCity: 2 });
    expect(seats.waitlist.edges.map((e: any) => [e.node.city.id, e.node.waitlistPosition, e.node.waitlistedParticipants])).toEqual([['seoul', 1, 2]]);

    // Colombo clinic: two cities, one of them a city officer registering its own city.
    ids.colomboMakati = (await register(ids.colombo, 'makati', [person('Ana Reyes', 'makati')])).id;
    const officer = await t.query(
      op('RegisterCity'),
      { workshopId: ids.colombo, cityId: 'penang-island', participants: [person('Mei Tan', 'penang-island')] },
      { token: await tokens.officer('penang-island') },
    );
    ids.colomboPenang = expectOk(officer).registerForWorkshop.id;
    // Later on Kuala Lumpur is also registered for the rerun.
    await register(ids.rerun, CITY);
  });

  test('3. cancelling a workshop cancels every registration and lists the cities to tell', async () => {
    const cancelled = expectOk(await staff('CancelWorkshop', { id: ids.colombo, reason: 'The venue is closed for repairs' })).cancelWorkshop;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'The venue is closed for repairs', seatsTaken: 0 });
    const affected = Object.fromEntries(cancelled.affectedCities.map((a: any) => [a.city.id, a]));
    expect(Object.keys(affected).sort()).toEqual(['makati', 'penang-island']);
    for (const a of Object.values(affected) as any[]) {
      expect(a).toMatchObject({
        previousStatus: 'CONFIRMED',
        registration: { status: 'CANCELLED_BY_ORGANISER', cancellationReason: 'The venue is closed for repairs' },
      });
      expect(a.contacts.map((c: any) => c.kind)).toEqual(['FOCAL_POINT', 'PARTICIPANT']);
      expect(a.contacts.every((c: any) => /@/.test(c.email))).toBe(true);
    }
    expect(affected.makati.contacts[1]).toEqual({ kind: 'PARTICIPANT', name: 'Ana Reyes', role: 'Data officer', email: 'ana@makati.example.org' });
    // Every registration's change is in the audit trail.
    for (const id of [ids.colomboMakati, ids.colomboPenang]) {
      expect(await db.collection('audit').countDocuments({ subject: `registration:${id}`, action: 'registration.cancelledByOrganiser' })).toBe(1);
    }
  });

  test('4. attendance: refused before the start; recorded once the clock has passed the workshop', async () => {
    const klRegistration = `${ids.makati}:${CITY}`;
    // Before the start: a CONFLICT giving the local start, nothing stored.
    const early = await expectUnchanged(db, STORED, () => staff('RecordAttendance', { registrationId: klRegistration, input: { attended: true } }));
    expectError(early, 'CONFLICT');
    expect(early.errors![0].message).toContain('2027-03-10T09:00:00+08:00 (2027-03-10T01:00:00.000Z)');

    // During the workshop it is IN_PROGRESS, field and filter alike.
    clock = new Date('2027-03-10T03:00:00Z');
    const during = expectOk(await t.query(op('WorkshopsByStatus'), { status: 'IN_PROGRESS', from: '2027-03-08T00:00:00Z' })).workshops.edges.map(
      (e: any) => e.node,
    );
    expect(during.map((w: any) => [w.id, w.status])).toEqual([[ids.makati, 'IN_PROGRESS']]);

    // Past its end: COMPLETED; the Toronto one is still SCHEDULED.
    clock = new Date('2027-03-11T00:00:00Z');
    const completed = expectOk(await t.query(op('WorkshopsByStatus'), { status: 'COMPLETED', from: '2027-03-08T00:00:00Z' })).workshops.edges.map(
      (e: any) => e.node.id,
    );
    expect(completed).toEqual([ids.makati]);
    const scheduled = expectOk(await t.query(op('WorkshopsByStatus'), { status: 'SCHEDULED', from: '2027-03-08T00:00:00Z' })).workshops.edges.map(
      (e: any) => e.node.id,
    );
    expect(scheduled).toEqual(expect.arrayContaining([ids.online, ids.rerun]));
    expect(scheduled).not.toContain(ids.makati);

    // Kuala Lumpur attended with both people (named by participant id), Bogor did not come.
    const kl = expectOk(
      await staff('RecordAttendance', { registrationId: klRegistration, input: { attended: true, presentParticipantIds: ['p1', 'p2'] } }),
    ).recordAttendance;
    expect(kl).toMatchObject({
      attendance: { attended: true, participantsPresent: 2, recordedAt: '2027-03-11T00:00:00.000Z' },
      workshop: { status: 'COMPLETED', participantsPresent: 2 },
    });
    expect(kl.participants.map((p: any) => p.present)).toEqual([true, true]);
    const bogor = expectOk(await staff('RecordAttendance', { registrationId: `${ids.makati}:bogor`, input: { attended: false } })).recordAttendance;
    expect(bogor.attendance).toMatchObject({ attended: false, participantsPresent: 0 });
    // Seoul waited and never had a seat; a head count above the seats, or present people when absent, are refused.
    await expectUnchanged(db, STORED, async () => {
      expectError(await staff('RecordAttendance', { registrationId: `${ids.makati}:seoul`, input: { attended: true } }), 'CONFLICT', 'registrationId');
      expectError(
        await staff('RecordAttendance', { registrationId: klRegistration, input: { attended: true, participantsPresent: 3 } }),
        'BAD_USER_INPUT',
        'input.participantsPresent',
      );
      expectError(
        await staff('RecordAttendance', { registrationId: klRegistration, input: { attended: true, presentParticipantIds: ['p9'] } }),
        'BAD_USER_INPUT',
        'input.presentParticipantIds[0]',
      );
      expectError(
        await staff('RecordAttendance', { registrationId: `${ids.makati}:bogor`, input: { attended: false, participantsPresent: 1 } }),
        'BAD_USER_INPUT',
        'input.participantsPresent',
      );
      expectError(await staff('RecordAttendance', { registrationId: ids.colomboMakati, input: { attended: true } }), 'CONFLICT', 'registrationId');
      expectError(
        await t.query(op('RecordAttendance'), { registrationId: klRegistration, input: { attended: true } }, { token: await tokens.officer(CITY) }),
        'FORBIDDEN',
      );
    });
    expect(
      (
        await db
          .collection('audit')
          .find({ subject: `registration:${klRegistration}`, action: 'registration.attendanceRecorded' })
          .toArray()
      ).map((e) => e.new),
    ).toEqual([{ attended: true, participantsPresent: 2, presentParticipantIds: ['p1', 'p2'] }]);
  });

  test("5. the city's workshop history and its certification gap reflect it", async () => {
    const history = expectOk(await t.query(op('CityWorkshopHistory'), { id: CITY })).city.workshopHistory;
    expect(history).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            attendedOn: '2027-03-10',
            themes: [gapThemes[0]],
            participantsPresent: 2,
            workshop: { id: ids.makati, title: 'Data verification clinic, Makati' },
          },
        },
      ],
    });
    // Bogor did not attend: nothing in its history.
    expect(expectOk(await t.query(op('CityWorkshopHistory'), { id: 'bogor' })).city.workshopHistory.totalCount).toBe(0);

    // The theme Kuala Lumpur was trained on (after its 2016 data) gets no more suggestions: the rerun
    // on it is gone; the Toronto workshop on the other gap theme is still suggested.
    const gap = expectOk(await staff('GapTraining', GAP)).city.certificationGap;
    expect(gap.gapThemes).toEqual(gapThemes);
    expect(gap.attendedThemes).toEqual([gapThemes[0]]);
    const suggested = gap.upcomingWorkshops.map((w: any) => w.id);
    expect(suggested).toContain(ids.online);
    expect(suggested).not.toContain(ids.rerun);
    expect(gap.upcomingWorkshops.every((w: any) => !(w.themes.length === 1 && w.themes[0] === gapThemes[0]))).toBe(true);
    // For a data year after the training the theme is still a gap the training did not close: suggested again.
    const later = expectOk(await staff('GapTraining', { ...GAP, year: 2028 })).city.certificationGap;
    expect(later.gapThemes).toContain(gapThemes[0]); // nothing reported for 2028 yet
    expect(later.attendedThemes).not.toContain(gapThemes[0]);
    expect(later.upcomingWorkshops.map((w: any) => w.id)).toContain(ids.rerun);
  });

  test('the suggested mentors are ranked by what they can teach, each with its reasons (checked against the data)', async () => {
    const gap = expectOk(await staff('GapTraining', GAP)).city.certificationGap;
    const mentors = gap.suggestedMentors;
    expect(mentors.length).toBeGreaterThan(1);
    expect(mentors.map((m: any) => m.city.id)).not.toContain(CITY);
    // What each can teach, from the indicators domain's own coverage of the mentor's data year.
    const COVERAGE = `query($id: ID!, $year: Int!) { city(id: $id) { region population indicatorCoverage(year: $year) { byTheme { theme supportingVerified } } } }`;
    const me = expectOk(await t.query(`query($id: ID!) { city(id: $id) { region } }`, { id: CITY })).city;
    for (const m of mentors) {
      const c = expectOk(await t.query(COVERAGE, { id: m.city.id, year: m.dataYear })).city;
      const teachable = c.indicatorCoverage.byTheme
        .filter((th: any) => gap.gapThemes.includes(th.theme))
        .reduce((n: number, th: any) => n + th.supportingVerified, 0);
      expect(m.verifiedSupportingInGapThemes).toBe(teachable);
      expect(m.sameRegion).toBe(c.region === me.region);
      expect(m.reasons.length).toBeGreaterThanOrEqual(2);
      expect(m.reasons[0]).toMatch(/VERIFIED supporting indicator/);
    }
    // Ranked: most to teach first, then closeness (same region, same population band), then capacity.
    const key = (m: any) => [-m.verifiedSupportingInGapThemes, -((m.sameRegion ? 1 : 0) + (m.samePopulationBand ? 1 : 0)), m.activeMentoringPairs];
    for (let i = 1; i < mentors.length; i++) {
      const [a, b] = [key(mentors[i - 1]), key(mentors[i])];
      const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
      expect(cmp).toBeLessThanOrEqual(0);
    }
    // Not alphabetical: the order follows the data (at least two mentors differ in what they can teach).
    expect(new Set(mentors.map((m: any) => m.verifiedSupportingInGapThemes)).size).toBeGreaterThan(1);
  });
});

/** The workshop and mentoring operations of the staff page (other sections are other domains' to run). */
const WORKSHOP_OPERATIONS = [
  'ScheduleWorkshop',
  'RegisterCity',
  'AddParticipants',
  'WorkshopSeats',
  'CancelWorkshop',
  'WorkshopsByStatus',
  'RecordAttendance',
  'CityWorkshopHistory',
  'GapTraining',
  'UpcomingWorkshops',
  'PairMentor',
  'LogMentoringSession',
  'CloseMentoringPair',
  'Mentoring',
];

test('every documented workshop and mentoring operation runs with its documented variables, in the order of the page', async () => {
  clock = new Date(TEST_NOW);
  const text = readFileSync(join(__dirname, '..', '..', 'docs', 'citynet-staff.md'), 'utf8');
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```([\s\S]*?)(?=```graphql|$)/g)]
    .map((m) => ({
      name: (parse(m[1]).definitions[0] as OperationDefinitionNode).name!.value,
      source: m[1],
      variables: JSON.parse(/Variables: `(\{.*?\})`/.exec(m[2])?.[1] ?? '{}') as Record<string, unknown>,
    }))
    .filter((b) => WORKSHOP_OPERATIONS.includes(b.name));
  expect(blocks.map((b) => b.name)).toEqual(WORKSHOP_OPERATIONS);
  for (const block of blocks) {
    const result = await t.query(block.source, block.variables, { token: tokens.staff });
    expect({ name: block.name, errors: result.errors }).toEqual({ name: block.name, errors: undefined });
    expect(Object.values(result.data ?? {}).every((v) => v !== null)).toBe(true);
  }
});
