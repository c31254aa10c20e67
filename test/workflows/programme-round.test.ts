/**
 * The programme round (issue 11) through the gateway with real tokens over the real database: the
 * seeded 2016 round and its history, opening a round, applications from member cities (refused out of
 * the window, from non-members and twice), CityNet staff's review (shortlist, decline with a reason,
 * accept within the seats, waitlist beyond them), acceptance enrolling the city at the rate its
 * standing earns (with the reason for staff) and announcing it in the same write
 * (`programme.application.accepted`), a withdrawn acceptance promoting the next in order, who may see
 * an application, and simultaneous acceptances never exceeding the seats.
 */
import type { Db } from 'mongodb';
import { startTestStack, type TestStack } from '../support/stack';
import { dbOf, expectError, expectOk, expectUnchanged, makeTokens, type Tokens } from './helpers';

let t: TestStack;
let tokens: Tokens;
let db: Db;
const STORED = ['cities', 'members', 'enrolments', 'audit', 'dues', 'events', 'programme_rounds', 'programme_applications'];

beforeAll(async () => {
  t = await startTestStack();
  tokens = await makeTokens();
  db = dbOf(t, 'membership');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const ROUND = `query($year: Int!) {
  programmeRound(year: $year) {
    year dataYear opensAt closesAt open seats seatsTaken currency standardAnnualFee subsidisedAnnualFee subsidisedYears sampleData
  }
}`;
const APPLICATIONS = `query($year: Int!, $status: ProgrammeApplicationStatus, $first: Int, $after: String) {
  programmeRound(year: $year) {
    year
    applications(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id city { id } status waitlistPosition declineReason withdrawalReason rate { kind annualFee currency subsidisedUntil } rateReason history { status reason } } }
    }
  }
}`;
const OPEN = `mutation($input: OpenProgrammeRoundInput!) { openProgrammeRound(input: $input) { year dataYear opensAt closesAt open seats seatsTaken currency standardAnnualFee subsidisedAnnualFee subsidisedYears } }`;
const APP_FIELDS = `id round status city { id } submittedAt dataContact { name email position } motivation readyIndicatorIds waitlistPosition declineReason withdrawalReason
  rate { kind annualFee currency subsidisedUntil } rateReason history { status reason }`;
const APPLY = `mutation($input: ApplyToProgrammeInput!) { applyToProgramme(input: $input) { ${APP_FIELDS} } }`;
const SHORTLIST = `mutation($id: ID!) { shortlistProgrammeApplication(applicationId: $id) { id status } }`;
const ACCEPT = `mutation($id: ID!) { acceptProgrammeApplication(applicationId: $id) { ${APP_FIELDS} } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineProgrammeApplication(applicationId: $id, reason: $reason) { id status declineReason } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawProgrammeApplication(applicationId: $id, reason: $reason) { id status withdrawalReason } }`;
const CITY_APPLICATION = `query($id: ID!, $round: Int!) { city(id: $id) { id programmeApplication(round: $round) { id status rate { kind } rateReason } } }`;
const ENROLMENT = `query($id: ID!) { city(id: $id) { programmeEnrolment { round enrolledOn subsidised subsidisedUntil rate { kind annualFee currency subsidisedUntil } rateReason } } }`;

const roundInput = (over: Record<string, unknown> = {}) => ({
  year: 2027,
  dataYear: 2026,
  opensAt: '2026-11-01T00:00:00Z',
  closesAt: '2027-02-01T00:00:00+09:00',
  seats: 2,
  currency: 'USD',
  standardAnnualFee: 12000,
  subsidisedAnnualFee: 6000,
  ...over,
});
const application = (cityId: string, over: Record<string, unknown> = {}) => ({
  round: 2027,
  cityId,
  dataContact: { name: 'Data Contact', email: `data@${cityId}.example.org`, position: 'Planning office' },
  motivation: 'We want to measure our services against ISO 37120 and learn from our peers.',
  readyIndicatorIds: ['5.1', '6.1', '8.1'],
  ...over,
});
const apply = async (cityId: string, over: Record<string, unknown> = {}) =>
  t.query(APPLY, { input: application(cityId, over) }, { token: await tokens.officer(cityId) });
const events = (type: string, cityId: string) => db.collection('events').find({ type, 'payload.cityId': cityId }).sort({ seq: 1 }).toArray();

describe('the 2016 round of the sample data', () => {
  test('is public: window, seats and the (illustrative) rates', async () => {
    const data = expectOk(await t.query(ROUND, { year: 2016 }));
    expect(data.programmeRound).toEqual({
      year: 2016,
      dataYear: 2016,
      opensAt: '2016-03-01T00:00:00.000Z',
      closesAt: '2016-09-30T15:00:00.000Z',
      open: false,
      seats: 13,
      seatsTaken: 13,
      currency: 'USD',
      standardAnnualFee: 12000,
      subsidisedAnnualFee: 6000,
      subsidisedYears: 3,
      sampleData: true,
    });
    expect(expectOk(await t.query(`{ programmeRounds(first: 5) { totalCount edges { node { year } } } }`)).programmeRounds).toEqual({
      totalCount: 1,
      edges: [{ node: { year: 2016 } }],
    });
    expect(expectOk(await t.query(ROUND, { year: 2019 })).programmeRound).toBeNull();
  });

  test('has its history: 13 accepted (each enrolled at the subsidised rate), one declined, one withdrawn, one waitlisted', async () => {
    const data = expectOk(await t.query(APPLICATIONS, { year: 2016, first: 50 }, { token: tokens.staff }));
    const apps = data.programmeRound.applications.edges.map((e: any) => e.node);
    expect(data.programmeRound.applications.totalCount).toBe(16);
    const byStatus = (s: string) =>
      apps
        .filter((a: any) => a.status === s)
        .map((a: any) => a.city.id)
        .sort();
    expect(byStatus('ACCEPTED')).toEqual([
      'busan',
      'colombo',
      'da-nang',
      'denpasar',
      'iloilo-city',
      'incheon',
      'kuala-lumpur',
      'lalitpur',
      'makati',
      'muntinlupa',
      'seoul',
      'surabaya',
      'yokohama',
    ]);
    expect(byStatus('DECLINED')).toEqual(['bangkok']);
    expect(byStatus('WITHDRAWN')).toEqual(['jakarta']);
    expect(byStatus('WAITLISTED')).toEqual(['penang-island']);
    const makati = apps.find((a: any) => a.city.id === 'makati');
    expect(makati).toMatchObject({ id: '2016:makati', rate: { kind: 'SUBSIDISED', annualFee: 6000, currency: 'USD', subsidisedUntil: '2019-05-19' } });
    expect(makati.history.map((h: any) => h.status)).toEqual(['SUBMITTED', 'SHORTLISTED', 'ACCEPTED']);
    expect(makati.rateReason).toMatch(/good standing/);
    expect(apps.find((a: any) => a.city.id === 'penang-island')).toMatchObject({ waitlistPosition: 1 });
    expect(apps.find((a: any) => a.city.id === 'bangkok').declineReason).toMatch(/data contact/);
    // Every step is in the audit trail, in the shapes the workflow writes.
    const trail = await db.collection('audit').find({ subject: 'programme-application:2016:makati' }).sort({ seq: 1 }).toArray();
    expect(trail.map((e) => e.action)).toEqual(['programme.applicationSubmitted', 'programme.applicationShortlisted', 'programme.applicationAccepted']);
    expect(await db.collection('audit').countDocuments({ subject: 'enrolment:makati', action: 'city.enrolled' })).toBe(1);
    // The enrolment carries the rate; its reason is for CityNet staff.
    const enrolment = expectOk(await t.query(ENROLMENT, { id: 'makati' }, { token: tokens.staff })).city.programmeEnrolment;
    expect(enrolment).toMatchObject({ round: 2016, rate: { kind: 'SUBSIDISED', annualFee: 6000, currency: 'USD' } });
    expect(enrolment.rateReason).toMatch(/dues for 2016 are paid/);
    expect(expectOk(await t.query(ENROLMENT, { id: 'makati' })).city.programmeEnrolment.rateReason).toBeNull();
  });

  test('pages the applications by keyset cursors', async () => {
    const first = expectOk(await t.query(APPLICATIONS, { year: 2016, first: 10 }, { token: tokens.staff })).programmeRound.applications;
    const rest = expectOk(await t.query(APPLICATIONS, { year: 2016, first: 10, after: first.pageInfo.endCursor }, { token: tokens.staff })).programmeRound
      .applications;
    expect(first.edges).toHaveLength(10);
    expect(rest.edges).toHaveLength(6);
    const ids = [...first.edges, ...rest.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(16);
    expect(
      expectOk(await t.query(APPLICATIONS, { year: 2016, status: 'WAITLISTED', first: 10 }, { token: tokens.staff })).programmeRound.applications.totalCount,
    ).toBe(1);
  });

  test('applications are for CityNet staff: others get the round and an error on the field', async () => {
    for (const [token, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [tokens.wccd, 'FORBIDDEN'],
      [await tokens.officer('makati'), 'FORBIDDEN'],
    ] as const) {
      const result = await t.query(APPLICATIONS, { year: 2016, first: 5 }, { token });
      expect(result.data.programmeRound).toEqual({ year: 2016, applications: null });
      expect(result.errors!.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['programmeRound.applications', code]]);
    }
  });
});

describe('the 2027 round, from the call to the enrolments', () => {
  test('CityNet staff open it; the year is unique and the input is checked', async () => {
    const data = expectOk(await t.query(OPEN, { input: roundInput() }, { token: tokens.staff }));
    expect(data.openProgrammeRound).toEqual({
      year: 2027,
      dataYear: 2026,
      opensAt: '2026-11-01T00:00:00.000Z',
      closesAt: '2027-01-31T15:00:00.000Z',
      open: true,
      seats: 2,
      seatsTaken: 0,
      currency: 'USD',
      standardAnnualFee: 12000,
      subsidisedAnnualFee: 6000,
      subsidisedYears: 3,
    });
    expect((await db.collection('audit').find({ subject: 'programme-round:2027' }).toArray()).map((e) => e.action)).toEqual(['programme.roundOpened']);
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(OPEN, { input: roundInput() }, { token: tokens.staff }), 'CONFLICT', 'input.year');
      expectError(
        await t.query(OPEN, { input: roundInput({ year: 2028, closesAt: '2026-10-01T00:00:00Z' }) }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.closesAt',
      );
      expectError(
        await t.query(OPEN, { input: roundInput({ year: 2028, subsidisedAnnualFee: 20000 }) }, { token: tokens.staff }),
        'BAD_USER_INPUT',
        'input.subsidisedAnnualFee',
      );
      expectError(await t.query(OPEN, { input: roundInput({ year: 2028, currency: 'usd' }) }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.currency');
      expectError(await t.query(OPEN, { input: roundInput({ year: 2028, seats: 0 }) }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.seats');
      expectError(await t.query(OPEN, { input: roundInput({ year: 2028, dataYear: 2020 }) }, { token: tokens.staff }), 'BAD_USER_INPUT', 'input.dataYear');
      expectError(await t.query(OPEN, { input: roundInput({ year: 2028 }) }, { token: await tokens.officer('makati') }), 'FORBIDDEN');
    });
  });

  test('officers of member cities apply; the application is theirs and CityNet staff’s to see', async () => {
    const data = expectOk(await apply('suwon'));
    expect(data.applyToProgramme).toMatchObject({
      id: '2027:suwon',
      round: 2027,
      status: 'SUBMITTED',
      city: { id: 'suwon' },
      submittedAt: '2026-11-28T00:00:00.000Z',
      dataContact: { name: 'Data Contact', email: 'data@suwon.example.org', position: 'Planning office' },
      readyIndicatorIds: ['5.1', '6.1', '8.1'],
      waitlistPosition: null,
      rate: null,
      history: [{ status: 'SUBMITTED', reason: null }],
    });
    for (const city of ['bogor', 'ho-chi-minh-city', 'bangkok']) expectOk(await apply(city));
    // The city's own officers and CityNet staff see it; others do not.
    expect(
      expectOk(await t.query(CITY_APPLICATION, { id: 'suwon', round: 2027 }, { token: await tokens.officer('suwon') })).city.programmeApplication,
    ).toMatchObject({ id: '2027:suwon', status: 'SUBMITTED' });
    expect(expectOk(await t.query(CITY_APPLICATION, { id: 'suwon', round: 2027 }, { token: tokens.staff })).city.programmeApplication.status).toBe('SUBMITTED');
    expect(expectOk(await t.query(CITY_APPLICATION, { id: 'suwon', round: 2031 }, { token: tokens.staff })).city.programmeApplication).toBeNull();
    for (const [token, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [await tokens.officer('bogor'), 'FORBIDDEN'],
      [tokens.wccd, 'FORBIDDEN'],
      [tokens.partner, 'FORBIDDEN'],
    ] as const) {
      const result = await t.query(CITY_APPLICATION, { id: 'suwon', round: 2027 }, { token });
      expect(result.data.city).toEqual({ id: 'suwon', programmeApplication: null });
      expect(result.errors!.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['city.programmeApplication', code]]);
    }
  });

  test('refused, with nothing stored: twice, non-members, not (yet or any more) members, enrolled cities, out of the window, for someone else, bad input', async () => {
    expectOk(
      await t.query(
        OPEN,
        { input: roundInput({ year: 2029, dataYear: 2028, opensAt: '2027-06-01T00:00:00Z', closesAt: '2027-09-01T00:00:00Z' }) },
        { token: tokens.staff },
      ),
    );
    await expectUnchanged(db, STORED, async () => {
      expectError(await apply('suwon'), 'CONFLICT', 'input.round');
      expectError(await apply('toronto'), 'FORBIDDEN', 'input.cityId');
      expectError(await apply('tarlac'), 'FORBIDDEN', 'input.cityId');
      expectError(await apply('makati'), 'CONFLICT', 'input.cityId');
      expectError(await apply('jakarta', { round: 2016 }), 'CONFLICT', 'input.round');
      expectError(await apply('jakarta', { round: 2029 }), 'CONFLICT', 'input.round');
      expectError(await apply('jakarta', { round: 2030 }), 'NOT_FOUND', 'input.round');
      expectError(await t.query(APPLY, { input: application('jakarta') }, { token: await tokens.officer('makati') }), 'FORBIDDEN', 'input.cityId');
      expectError(await t.query(APPLY, { input: application('jakarta') }, { token: tokens.staff }), 'FORBIDDEN');
      expectError(await t.query(APPLY, { input: application('jakarta') }), 'UNAUTHENTICATED');
      expectError(await apply('jakarta', { readyIndicatorIds: ['5.1', '99.9'] }), 'BAD_USER_INPUT', 'input.readyIndicatorIds[1]');
      expectError(await apply('jakarta', { readyIndicatorIds: ['5.1', '5.1'] }), 'BAD_USER_INPUT', 'input.readyIndicatorIds[1]');
      expectError(await apply('jakarta', { motivation: 'Short' }), 'BAD_USER_INPUT', 'input.motivation');
      expectError(await apply('jakarta', { dataContact: { name: 'A Person', email: 'not-an-email' } }), 'BAD_USER_INPUT', 'input.dataContact.email');
    });
    // The messages say the rule.
    expect((await apply('jakarta', { round: 2016 })).errors![0].message).toMatch(/closed at 2016-09-30T15:00:00.000Z/);
    expect((await apply('jakarta', { round: 2029 })).errors![0].message).toMatch(/open at 2027-06-01T00:00:00.000Z/);
    expect((await apply('toronto')).errors![0].message).toMatch(/Only CityNet member cities may apply/);
    expect((await apply('suwon')).errors![0].message).toMatch(/once per round/);
  });

  test('review: shortlist, decline with a reason, accept at the rate the standing earns, waitlist beyond the seats', async () => {
    expect(expectOk(await t.query(SHORTLIST, { id: '2027:suwon' }, { token: tokens.staff })).shortlistProgrammeApplication.status).toBe('SHORTLISTED');
    // Shortlisting again changes nothing.
    await expectUnchanged(db, STORED, async () => {
      expectOk(await t.query(SHORTLIST, { id: '2027:suwon' }, { token: tokens.staff }));
    });
    const declined = expectOk(await t.query(DECLINE, { id: '2027:bangkok', reason: 'No data contact at the statistics office' }, { token: tokens.staff }));
    expect(declined.declineProgrammeApplication).toEqual({ id: '2027:bangkok', status: 'DECLINED', declineReason: 'No data contact at the statistics office' });

    // Suwon: an ACTIVE full member whose 2026 dues are paid: subsidised for three years.
    const suwon = expectOk(await t.query(ACCEPT, { id: '2027:suwon' }, { token: tokens.staff })).acceptProgrammeApplication;
    expect(suwon).toMatchObject({ status: 'ACCEPTED', rate: { kind: 'SUBSIDISED', annualFee: 6000, currency: 'USD', subsidisedUntil: '2029-11-27' } });
    expect(suwon.rateReason).toMatch(/good standing, the dues for 2026 are paid/);
    expect(suwon.history.map((h: any) => h.status)).toEqual(['SUBMITTED', 'SHORTLISTED', 'ACCEPTED']);
    expect(expectOk(await t.query(ENROLMENT, { id: 'suwon' }, { token: tokens.staff })).city.programmeEnrolment).toEqual({
      round: 2027,
      enrolledOn: '2026-11-28',
      subsidised: true,
      subsidisedUntil: '2029-11-27',
      rate: { kind: 'SUBSIDISED', annualFee: 6000, currency: 'USD', subsidisedUntil: '2029-11-27' },
      rateReason: suwon.rateReason,
    });
    // One write: the application (its outbox carried out), the enrolment, the audit entries and the event.
    expect((await db.collection('programme_applications').findOne({ _id: '2027:suwon' as any }))!.outbox).toBeUndefined();
    const [accepted] = await events('programme.application.accepted', 'suwon');
    expect(accepted).toMatchObject({
      _id: `${'2027:suwon'.replace(/^/, 'programme.application.accepted:')}:v3`,
      payload: {
        cityId: 'suwon',
        round: 2027,
        year: 2027,
        dataYear: 2026,
        rate: 6000,
        currency: 'USD',
        subsidised: true,
        subsidisedUntil: '2029-11-27',
        enrolledOn: '2026-11-28',
        applicationId: '2027:suwon',
      },
    });
    expect(accepted.seq).toEqual(expect.any(Number));
    const trail = await db
      .collection('audit')
      .find({ cityId: 'suwon', subject: { $in: ['programme-application:2027:suwon', 'enrolment:suwon'] } })
      .toArray();
    expect(trail.map((e) => e.action).sort()).toEqual([
      'city.enrolled',
      'programme.applicationAccepted',
      'programme.applicationShortlisted',
      'programme.applicationSubmitted',
    ]);

    // Bogor: its 2026 dues are unpaid in the sample: the standard rate, and staff see why.
    const bogor = expectOk(await t.query(ACCEPT, { id: '2027:bogor' }, { token: tokens.staff })).acceptProgrammeApplication;
    expect(bogor).toMatchObject({ status: 'ACCEPTED', rate: { kind: 'STANDARD', annualFee: 12000, currency: 'USD', subsidisedUntil: null } });
    expect(bogor.rateReason).toMatch(/Standard rate: the dues for 2026 are not paid \(0 of \d+ USD recorded\)/);
    expect(expectOk(await t.query(ENROLMENT, { id: 'bogor' })).city.programmeEnrolment).toMatchObject({
      subsidised: false,
      rate: { kind: 'STANDARD', annualFee: 12000 },
      rateReason: null,
    });
    // Its own officer sees the rate, not the reason.
    expect(expectOk(await t.query(CITY_APPLICATION, { id: 'bogor', round: 2027 }, { token: await tokens.officer('bogor') })).city.programmeApplication).toEqual(
      { id: '2027:bogor', status: 'ACCEPTED', rate: { kind: 'STANDARD' }, rateReason: null },
    );
    expect((await events('programme.application.accepted', 'bogor'))[0].payload).toMatchObject({ subsidised: false, rate: 12000, dataYear: 2026 });

    // Both seats are taken: Ho Chi Minh City goes on the waiting list.
    const hcmc = expectOk(await t.query(ACCEPT, { id: '2027:ho-chi-minh-city' }, { token: tokens.staff })).acceptProgrammeApplication;
    expect(hcmc).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, rate: null });
    expect(hcmc.history.at(-1).reason).toBe('All 2 seats of the 2027 round are taken: waiting list position 1.');
    expect(expectOk(await t.query(ENROLMENT, { id: 'ho-chi-minh-city' })).city.programmeEnrolment).toBeNull();
    expect(await events('programme.application.accepted', 'ho-chi-minh-city')).toEqual([]);
    expect(expectOk(await t.query(ROUND, { year: 2027 })).programmeRound.seatsTaken).toBe(2);
  });

  test('review steps a status does not allow are refused, changing nothing', async () => {
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(DECLINE, { id: '2027:suwon', reason: 'Changed our mind' }, { token: tokens.staff }), 'CONFLICT', 'applicationId');
      expectError(await t.query(ACCEPT, { id: '2027:suwon' }, { token: tokens.staff }), 'CONFLICT', 'applicationId');
      expectError(await t.query(ACCEPT, { id: '2027:ho-chi-minh-city' }, { token: tokens.staff }), 'CONFLICT', 'applicationId');
      expectError(await t.query(ACCEPT, { id: '2027:bangkok' }, { token: tokens.staff }), 'CONFLICT', 'applicationId');
      expectError(await t.query(SHORTLIST, { id: '2027:bangkok' }, { token: tokens.staff }), 'CONFLICT', 'applicationId');
      expectError(await t.query(WITHDRAW, { id: '2027:bangkok', reason: 'Too late' }, { token: tokens.staff }), 'CONFLICT', 'applicationId');
      expectError(await t.query(ACCEPT, { id: '2027:atlantis' }, { token: tokens.staff }), 'NOT_FOUND', 'applicationId');
      expectError(await t.query(ACCEPT, { id: 'makati' }, { token: tokens.staff }), 'BAD_USER_INPUT', 'applicationId');
      expectError(await t.query(DECLINE, { id: '2027:ho-chi-minh-city', reason: ' ' }, { token: tokens.staff }), 'BAD_USER_INPUT', 'reason');
      expectError(await t.query(ACCEPT, { id: '2027:ho-chi-minh-city' }, { token: await tokens.officer('ho-chi-minh-city') }), 'FORBIDDEN');
      expectError(
        await t.query(WITHDRAW, { id: '2027:bogor', reason: 'Not ours to withdraw' }, { token: await tokens.officer('suwon') }),
        'FORBIDDEN',
        'applicationId',
      );
    });
    expect((await t.query(DECLINE, { id: '2027:suwon', reason: 'Changed our mind' }, { token: tokens.staff })).errors![0].message).toMatch(
      /is ACCEPTED and cannot be declined \(withdraw the acceptance instead\)/,
    );
  });

  test('a withdrawn acceptance ends the enrolment and promotes the next in order', async () => {
    const withdrawn = expectOk(
      await t.query(WITHDRAW, { id: '2027:bogor', reason: 'The city council did not approve the budget' }, { token: await tokens.officer('bogor') }),
    );
    expect(withdrawn.withdrawProgrammeApplication).toEqual({
      id: '2027:bogor',
      status: 'WITHDRAWN',
      withdrawalReason: 'The city council did not approve the budget',
    });
    expect(expectOk(await t.query(ENROLMENT, { id: 'bogor' })).city.programmeEnrolment).toBeNull();
    expect(await db.collection('enrolments').findOne({ _id: 'bogor' as any })).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnOn: '2026-11-28',
      applicationId: '2027:bogor',
    });
    expect((await events('programme.application.withdrawn', 'bogor')).map((e) => e.payload)).toEqual([
      { cityId: 'bogor', round: 2027, year: 2027, dataYear: 2026, reason: 'The city council did not approve the budget', applicationId: '2027:bogor' },
    ]);
    // The freed seat went to Ho Chi Minh City, with its enrolment and its event.
    const hcmc = expectOk(await t.query(CITY_APPLICATION, { id: 'ho-chi-minh-city', round: 2027 }, { token: tokens.staff })).city.programmeApplication;
    expect(hcmc).toMatchObject({ status: 'ACCEPTED', rate: { kind: 'SUBSIDISED' } });
    expect(expectOk(await t.query(ENROLMENT, { id: 'ho-chi-minh-city' })).city.programmeEnrolment).toMatchObject({ round: 2027, rate: { kind: 'SUBSIDISED' } });
    expect(await events('programme.application.accepted', 'ho-chi-minh-city')).toHaveLength(1);
    const history = expectOk(await t.query(APPLICATIONS, { year: 2027, status: 'ACCEPTED', first: 10 }, { token: tokens.staff })).programmeRound.applications;
    expect(history.edges.map((e: any) => e.node.city.id).sort()).toEqual(['ho-chi-minh-city', 'suwon']);
    expect(history.edges.find((e: any) => e.node.city.id === 'ho-chi-minh-city').node.history.at(-1).reason).toBe(
      'Promoted from the waiting list: a seat was freed (bogor withdrew).',
    );
    expect(expectOk(await t.query(ROUND, { year: 2027 })).programmeRound.seatsTaken).toBe(2);
    // Withdrawing twice is refused.
    await expectUnchanged(db, STORED, async () => {
      expectError(await t.query(WITHDRAW, { id: '2027:bogor', reason: 'Again' }, { token: tokens.staff }), 'CONFLICT', 'applicationId');
    });
  });

  test('a withdrawn city may apply to a later round; simultaneous acceptances never exceed the seats', async () => {
    expectOk(await t.query(OPEN, { input: roundInput({ year: 2028, seats: 1, closesAt: '2027-03-01T00:00:00Z' }) }, { token: tokens.staff }));
    const cities = ['bogor', 'jakarta', 'penang-island', 'bangkok'];
    for (const city of cities) expectOk(await apply(city, { round: 2028 }));
    const results = await Promise.all(cities.map((city) => t.query(ACCEPT, { id: `2028:${city}` }, { token: tokens.staff })));
    const statuses = results.map((r) => expectOk(r).acceptProgrammeApplication.status).sort();
    expect(statuses).toEqual(['ACCEPTED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    const waitlist = expectOk(
      await t.query(APPLICATIONS, { year: 2028, status: 'WAITLISTED', first: 10 }, { token: tokens.staff }),
    ).programmeRound.applications.edges.map((e: any) => e.node.waitlistPosition);
    expect(waitlist.sort()).toEqual([1, 2, 3]);
    expect(await db.collection('programme_applications').countDocuments({ round: 2028, status: 'ACCEPTED' })).toBe(1);
    expect(await db.collection('enrolments').countDocuments({ applicationId: { $regex: '^2028:' }, status: 'ACTIVE' })).toBe(1);
  });

  test('what a review changed is read at once through the gateway cache; a new member without dues pays the standard rate', async () => {
    expectOk(await t.query(OPEN, { input: roundInput({ year: 2030, dataYear: 2029, seats: 3, closesAt: '2027-03-01T00:00:00Z' }) }, { token: tokens.staff }));
    const admit = `mutation($input: AdmitMemberInput!) { admitMember(input: $input) { id } }`;
    expectOk(
      await t.query(
        admit,
        { input: { category: 'FULL', name: 'Cebu City', country: 'PH', city: { region: 'SOUTH_EAST_ASIA', population: 964169, timezone: 'Asia/Manila' } } },
        { token: tokens.staff },
      ),
    );
    const read = async () =>
      expectOk(
        await t.query(
          `{ programmeRound(year: 2030) { seatsTaken } cities(filter: { enrolled: true }, first: 100) { totalCount } city(id: "cebu-city") { programmeEnrolment { round } } }`,
        ),
      );
    await read();
    const before = await read();
    expect(before.programmeRound.seatsTaken).toBe(0);
    expect(before.city.programmeEnrolment).toBeNull();
    expectOk(await apply('cebu-city', { round: 2030 }));
    const accepted = expectOk(await t.query(ACCEPT, { id: '2030:cebu-city' }, { token: tokens.staff })).acceptProgrammeApplication;
    expect(accepted.rate).toMatchObject({ kind: 'STANDARD', annualFee: 12000 });
    const after = await read();
    expect(after).toEqual({
      programmeRound: { seatsTaken: 1 },
      cities: { totalCount: before.cities.totalCount + 1 },
      city: { programmeEnrolment: { round: 2030 } },
    });
  });
});
