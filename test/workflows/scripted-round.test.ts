/**
 * The scripted round of issue 11, through the gateway with real tokens over the real database, one
 * step after the other: CityNet staff open the 2027 round (2 seats, data year 2025) → 5 applications
 * (one from a city that is not a CityNet member: refused; applying twice and out of the window:
 * refused) → review (one declined with a reason, one waitlisted beyond the seats) → enrolment at the
 * right rates (subsidised for a member in good standing, standard otherwise, the reason shown to
 * staff) → the accepted cities' first certifications opened by the event → the certification journey
 * (a conflicted verifier refused) → the events move the status → award → registry → withdraw
 * (withdrawing twice refused) → the registry without it → the audit trail of every step.
 */
import catalogue from '../../data/catalogues/iso37120-2014.json';
import { startTestStack, TEST_NOW, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { ASSIGN, AWARD, expectRefusedUnchanged, multiRoleToken, SAVE, settle, SUBMIT, validValues, VERIFY } from './wccd-helpers';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ gateway: { subgraphTimeoutMs: 30_000 } });
}, 180_000);
afterAll(async () => {
  await t?.cleanup();
});

const ROUND = 2027;
const DATA_YEAR = 2025;
const AT = TEST_NOW.toISOString();
const ORG = 'bureau-veritas';
const ALL = catalogue.indicators.map((i) => i.id);

const PEOPLE = {
  citynet: { sub: 'citynet:programme-officer' },
  wccd: { sub: 'wccd:certification-lead' },
  verifier: { sub: 'bureau-veritas:auditor-3' },
};
const tokens = {
  citynet: () => tokenFor('CITYNET_STAFF', { sub: PEOPLE.citynet.sub }),
  wccd: () => tokenFor('WCCD_STAFF', { sub: PEOPLE.wccd.sub }),
  officer: (cityId: string) => tokenFor('CITY_OFFICER', { cityId, sub: `${cityId}:data-officer` }),
  verifier: () => tokenFor('VERIFIER', { orgId: ORG, sub: PEOPLE.verifier.sub }),
};

async function run(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const r = await t.query(query, variables, { token });
  if (r.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.errors, null, 1)}`);
  return r.data;
}
async function refusedWith(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<{ code: string; message: string }> {
  const r = await t.query(query, variables, { token });
  expect(r.errors).toHaveLength(1);
  return { code: r.errors![0].extensions?.code, message: r.errors![0].message };
}

const OPEN_ROUND = `mutation($input: OpenProgrammeRoundInput!) { openProgrammeRound(input: $input) { year dataYear open seats seatsTaken } }`;
const APPLY = `mutation($input: ApplyToProgrammeInput!) { applyToProgramme(input: $input) { id status city { id } } }`;
const ACCEPT = `mutation($id: ID!) { acceptProgrammeApplication(applicationId: $id) { id status waitlistPosition rate { kind annualFee currency subsidisedUntil } rateReason } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineProgrammeApplication(applicationId: $id, reason: $reason) { id status declineReason } }`;
const SHORTLIST = `mutation($id: ID!) { shortlistProgrammeApplication(applicationId: $id) { id status } }`;
const APPLICATIONS = `query($year: Int!) { programmeRound(year: $year) { seats seatsTaken applications(first: 20) { totalCount edges { node { city { id } status waitlistPosition declineReason rate { kind } rateReason } } } } }`;
const ENROLMENT = `query($id: ID!) { city(id: $id) { programmeEnrolment { round subsidised subsidisedUntil rate { kind annualFee currency } } certifications { year status level } } }`;
const CERT = `query($id: ID!, $year: Int!) { certification(cityId: $id, year: $year) { status level inForce verifierOrganisationId statusReason } }`;
const REGISTRY = `query($year: Int) { registry(first: 100, year: $year) { totalCount edges { node { id city { id name } year level status inForce } } } }`;
const WITHDRAW = `mutation($cityId: ID!, $year: Int!, $reason: String!) { withdrawCertification(cityId: $cityId, year: $year, reason: $reason) { status statusReason inForce } }`;
const TRAIL = `query($cityId: ID!, $year: Int!) { auditTrail(cityId: $cityId, year: $year) {
  valueChanges { action actor } certificationChanges { at actor actorRoles action old new } } }`;

const application = (cityId: string) => ({
  round: ROUND,
  cityId,
  dataContact: { name: `${cityId} statistics office`, email: `data@${cityId}.example.org`, position: 'Head of statistics' },
  motivation: 'To measure our city services against ISO 37120 and compare them with our peers in the network.',
  readyIndicatorIds: ['5.1', '6.1', '8.1', '9.1'],
});

/** The story runs in order: each step on what the previous one left. */
describe('the 2027 programme round, from the call to the registry and back', () => {
  const ids: Record<string, string> = {};

  test('1. CityNet staff open the round: 2 seats, data year 2025, its window open now', async () => {
    const input = {
      year: ROUND,
      dataYear: DATA_YEAR,
      opensAt: '2026-11-01T00:00:00Z',
      closesAt: '2027-01-31T00:00:00Z',
      seats: 2,
      currency: 'USD',
      standardAnnualFee: 12000,
      subsidisedAnnualFee: 6000,
    };
    expect((await run(OPEN_ROUND, { input }, await tokens.citynet())).openProgrammeRound).toEqual({
      year: ROUND,
      dataYear: DATA_YEAR,
      open: true,
      seats: 2,
      seatsTaken: 0,
    });
  });

  test('2. five applications: four member cities apply, a city that is not a CityNet member is refused; twice and out of the window too', async () => {
    for (const cityId of ['suwon', 'bogor', 'bangkok', 'jakarta']) {
      const applied = (await run(APPLY, { input: application(cityId) }, await tokens.officer(cityId))).applyToProgramme;
      expect(applied).toMatchObject({ status: 'SUBMITTED', city: { id: cityId } });
      ids[cityId] = applied.id;
    }
    // Shanghai is in the WCCD network, not a CityNet member.
    expect((await refusedWith(APPLY, { input: application('shanghai') }, await tokens.officer('shanghai'))).code).toBe('FORBIDDEN');
    // A second application of the same city, and one to a round whose window is not open.
    expect((await refusedWith(APPLY, { input: application('suwon') }, await tokens.officer('suwon'))).code).toBe('CONFLICT');
    const later = {
      year: 2028,
      dataYear: 2026,
      opensAt: '2027-06-01T00:00:00Z',
      closesAt: '2027-09-30T00:00:00Z',
      seats: 5,
      currency: 'USD',
      standardAnnualFee: 12000,
      subsidisedAnnualFee: 6000,
    };
    expect((await run(OPEN_ROUND, { input: later }, await tokens.citynet())).openProgrammeRound.open).toBe(false);
    expect((await refusedWith(APPLY, { input: { ...application('penang-island'), round: 2028 } }, await tokens.officer('penang-island'))).code).toBe(
      'CONFLICT',
    );
    const round = (await run(APPLICATIONS, { year: ROUND }, await tokens.citynet())).programmeRound;
    expect(round.applications.totalCount).toBe(4);
  });

  test('3. the review: two accepted at the rate their standing earns, one declined with a reason, one waitlisted beyond the seats', async () => {
    const staff = await tokens.citynet();
    for (const cityId of ['suwon', 'bogor', 'jakarta']) await run(SHORTLIST, { id: ids[cityId] }, staff);
    const suwon = (await run(ACCEPT, { id: ids.suwon }, staff)).acceptProgrammeApplication;
    expect(suwon).toMatchObject({
      status: 'ACCEPTED',
      rate: { kind: 'SUBSIDISED', annualFee: 6000, currency: 'USD' },
      rateReason: expect.stringMatching(/good standing/),
    });
    // Bogor's dues for 2026 are not paid (sample data): the standard rate, and why.
    const bogor = (await run(ACCEPT, { id: ids.bogor }, staff)).acceptProgrammeApplication;
    expect(bogor).toMatchObject({
      status: 'ACCEPTED',
      rate: { kind: 'STANDARD', annualFee: 12000, currency: 'USD', subsidisedUntil: null },
      rateReason: expect.stringMatching(/2026/),
    });
    const declined = (await run(DECLINE, { id: ids.bangkok, reason: 'No data contact could commit to the 2025 data year' }, staff)).declineProgrammeApplication;
    expect(declined).toEqual({ id: ids.bangkok, status: 'DECLINED', declineReason: 'No data contact could commit to the 2025 data year' });
    const waitlisted = (await run(ACCEPT, { id: ids.jakarta }, staff)).acceptProgrammeApplication;
    expect(waitlisted).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, rate: null });
    const round = (await run(APPLICATIONS, { year: ROUND }, staff)).programmeRound;
    expect(round).toMatchObject({ seats: 2, seatsTaken: 2 });
    expect(Object.fromEntries(round.applications.edges.map((e: any) => [e.node.city.id, e.node.status]))).toEqual({
      suwon: 'ACCEPTED',
      bogor: 'ACCEPTED',
      bangkok: 'DECLINED',
      jakarta: 'WAITLISTED',
    });
  });

  test('4. the accepted cities are enrolled with their rates, and their first certification is opened (by the event)', async () => {
    await settle(t);
    const suwon = (await run(ENROLMENT, { id: 'suwon' })).city;
    expect(suwon.programmeEnrolment).toMatchObject({ round: ROUND, subsidised: true, rate: { kind: 'SUBSIDISED', annualFee: 6000, currency: 'USD' } });
    expect(suwon.certifications).toEqual([{ year: DATA_YEAR, status: 'ENROLLED', level: null }]);
    const bogor = (await run(ENROLMENT, { id: 'bogor' })).city;
    expect(bogor.programmeEnrolment).toMatchObject({ round: ROUND, subsidised: false, rate: { kind: 'STANDARD', annualFee: 12000 } });
    expect(bogor.certifications).toEqual([{ year: DATA_YEAR, status: 'ENROLLED', level: null }]);
    // Declined and waitlisted cities: neither enrolled nor certified.
    for (const cityId of ['bangkok', 'jakarta']) expect((await run(ENROLMENT, { id: cityId })).city).toEqual({ programmeEnrolment: null, certifications: [] });
  });

  test('5. the certification journey: a verifier assigned, all values submitted (DATA_SUBMITTED), verified (UNDER_VERIFICATION); a conflicted verifier refused', async () => {
    const key = { cityId: 'suwon', year: DATA_YEAR };
    expect((await run(ASSIGN, { ...key, org: ORG }, await tokens.wccd())).assignVerifier).toMatchObject({ status: 'ENROLLED', verifierOrganisationId: ORG });
    const officer = await tokens.officer('suwon');
    const saved = (await run(SAVE, { input: { ...key, expectedVersion: 0, values: validValues() } }, officer)).saveIndicatorValues;
    await run(SUBMIT, { ...key, expectedVersion: saved.version }, officer);
    await settle(t);
    expect((await run(CERT, { id: 'suwon', year: DATA_YEAR })).certification).toMatchObject({ status: 'DATA_SUBMITTED' });
    // A verdict by a conflicted verifier: a token that is also Suwon's officer. Refused, nothing changes.
    const conflicted = await multiRoleToken(['VERIFIER', 'CITY_OFFICER'], { cityId: 'suwon', orgId: ORG, sub: 'suwon:officer-and-auditor' });
    const verdicts = ALL.map((indicatorId) => ({ indicatorId, verdict: 'VERIFIED', note: 'Matches the cited source' }));
    await expectRefusedUnchanged(t, key, VERIFY, { input: { ...key, verdicts: verdicts.slice(0, 1) } }, conflicted, {
      code: 'FORBIDDEN',
      message: /conflict of interest/,
    });
    const report = (await run(VERIFY, { input: { ...key, verdicts } }, await tokens.verifier())).verifyIndicatorValues;
    expect(report).toMatchObject({ verifiedCount: 100, submittedCount: 0 });
    await settle(t);
    expect((await run(CERT, { id: 'suwon', year: DATA_YEAR })).certification).toMatchObject({ status: 'UNDER_VERIFICATION' });
  });

  test('6. award: Platinum, in force; the registry lists Suwon for 2025', async () => {
    const awarded = (await run(AWARD, { cityId: 'suwon', year: DATA_YEAR }, await tokens.wccd())).awardCertification;
    expect(awarded).toMatchObject({ status: 'CERTIFIED', level: 'PLATINUM', awardedAt: AT });
    const registry = (await run(REGISTRY, { year: null })).registry;
    expect(registry.edges.map((e: any) => e.node).filter((n: any) => n.city.id === 'suwon')).toEqual([
      { id: `suwon:${DATA_YEAR}`, city: { id: 'suwon', name: 'Suwon' }, year: DATA_YEAR, level: 'PLATINUM', status: 'CERTIFIED', inForce: true },
    ]);
    expect((await run(REGISTRY, { year: DATA_YEAR })).registry.edges.map((e: any) => e.node.id)).toEqual([`suwon:${DATA_YEAR}`]);
  });

  test('7. withdrawn (with the reason): off the registry; withdrawing twice is refused and changes nothing', async () => {
    const before = (await run(REGISTRY, { year: null })).registry.totalCount;
    const reason = 'The city asked to leave the programme after its reorganisation';
    const withdrawn = (await run(WITHDRAW, { cityId: 'suwon', year: DATA_YEAR, reason }, await tokens.wccd())).withdrawCertification;
    expect(withdrawn).toEqual({ status: 'WITHDRAWN', statusReason: reason, inForce: false });
    const registry = (await run(REGISTRY, { year: null })).registry;
    expect(registry.totalCount).toBe(before - 1);
    expect(registry.edges.some((e: any) => e.node.city.id === 'suwon')).toBe(false);
    expect((await run(REGISTRY, { year: DATA_YEAR })).registry.edges).toEqual([]);
    await expectRefusedUnchanged(
      t,
      { cityId: 'suwon', year: DATA_YEAR },
      WITHDRAW,
      { cityId: 'suwon', year: DATA_YEAR, reason: 'again' },
      await tokens.wccd(),
      {
        code: 'CONFLICT',
        message: /is WITHDRAWN/,
      },
    );
    // The public sees the state, not the reason.
    expect((await run(CERT, { id: 'suwon', year: DATA_YEAR })).certification).toEqual({
      status: 'WITHDRAWN',
      level: 'PLATINUM',
      inForce: false,
      verifierOrganisationId: ORG,
      statusReason: null,
    });
  });

  test('8. the audit trail: every step, who and why, in order', async () => {
    const trail = (await run(TRAIL, { cityId: 'suwon', year: DATA_YEAR }, await tokens.wccd())).auditTrail;
    // The city's own officer reads the same trail.
    expect((await run(TRAIL, { cityId: 'suwon', year: DATA_YEAR }, await tokens.officer('suwon'))).auditTrail).toEqual(trail);
    expect(trail.certificationChanges.map((e: any) => [e.action, e.actor, e.old?.status ?? null, e.new.status])).toEqual([
      ['CERTIFICATION_OPENED', 'events:membership', null, 'ENROLLED'],
      ['VERIFIER_ASSIGNED', PEOPLE.wccd.sub, 'ENROLLED', 'ENROLLED'],
      ['DATA_SUBMITTED', 'suwon:data-officer', 'ENROLLED', 'DATA_SUBMITTED'],
      ['VERIFICATION_STARTED', PEOPLE.verifier.sub, 'DATA_SUBMITTED', 'UNDER_VERIFICATION'],
      ['CERTIFICATION_AWARDED', PEOPLE.wccd.sub, 'UNDER_VERIFICATION', 'CERTIFIED'],
      ['CERTIFICATION_WITHDRAWN', PEOPLE.wccd.sub, 'CERTIFIED', 'WITHDRAWN'],
    ]);
    const [opened, , , , awarded, withdrawn] = trail.certificationChanges;
    expect(opened.new).toMatchObject({ reason: `Accepted into the ${ROUND} programme round`, event: `programme.application.accepted:${ids.suwon}:v3` });
    expect(awarded.new).toMatchObject({ level: 'PLATINUM', coverage: { coreVerified: 46, supportingVerified: 54 } });
    expect(withdrawn.new).toMatchObject({ statusReason: 'The city asked to leave the programme after its reorganisation' });
    expect(trail.certificationChanges.every((e: any) => e.at === AT)).toBe(true);
    // Values: entered, submitted and verified, 100 each, by the officer and the verifier.
    const counts: Record<string, number> = {};
    for (const e of trail.valueChanges) counts[`${e.action} ${e.actor}`] = (counts[`${e.action} ${e.actor}`] ?? 0) + 1;
    expect(counts).toEqual({
      'VALUE_ENTERED suwon:data-officer': 100,
      'VALUE_SUBMITTED suwon:data-officer': 100,
      [`VALUE_VERIFIED ${PEOPLE.verifier.sub}`]: 100,
    });
  });
});
