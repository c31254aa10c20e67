/**
 * The role × operation matrix of issue 3, through the gateway with real tokens over the real database:
 * every mutation of the API schema (enumerated from a fresh composition, so a new mutation without a
 * row fails here) and the protected reads, tried by every role. Allowed cells run a valid input that
 * really succeeds, each on its own fresh fixture; denied cells get exactly the expected error and
 * leave every collection of the operation's subgraph exactly as it was. Every allowed cell must also
 * publish the cache invalidations its workflow declares (issue 10: a new mutation without them fails).
 */
import type { Db } from 'mongodb';
import { buildSampleDataset } from '../../data/sample/dataset';
import type { CityDoc } from '../../subgraphs/membership/data/types';
import type { SubgraphName } from '../../lib/config';
import { composeSupergraph } from '../../scripts/compose';
import { apiSchemaOf } from '../../scripts/schema-check';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { snapshot } from './helpers';
import { ASSIGN, AWARD, CORE, ok, OPEN, REJECT, SAVE, SUBMIT, validValues, VERIFY } from './wccd-helpers';
import { localBus } from '../../lib/cache/bus';

/** Cache invalidations the subgraphs publish (in this process, on the in-process bus). */
const published: string[][] = [];
localBus.subscribe((tags) => published.push(tags));

// ---- The matrix ----------------------------------------------------------------------------------

const A = 'allowed';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
/** A read that succeeds without an error but leaves out what the caller may not see (VERIFIED values only, null notes). */
const H = 'hidden';
type Outcome = typeof A | typeof F | typeof U | typeof H;

const ROLES = [
  'anonymous',
  'PARTNER_APP',
  'CITY_OFFICER of the city',
  'CITY_OFFICER of another city',
  'VERIFIER of the assigned organisation',
  'VERIFIER of another organisation',
  'WCCD_STAFF',
  'CITYNET_STAFF',
] as const;
type RoleKey = (typeof ROLES)[number];

// biome-ignore format: aligned table
const MUTATIONS = {
  //                       anonymous  PARTNER  officer  officer   verifier  verifier  WCCD   CITYNET
  //                                  _APP     (city)   (other)   (assigned)(other)   _STAFF _STAFF
  admitMember:            [U,         F,       F,       F,        F,        F,        F,     A],
  changeMemberStatus:     [U,         F,       F,       F,        F,        F,        F,     A],
  setMemberClusters:      [U,         F,       F,       F,        F,        F,        F,     A],
  setNationalChapter:     [U,         F,       F,       F,        F,        F,        F,     A],
  enrolCity:              [U,         F,       F,       F,        F,        F,        F,     A],
  updateCity:             [U,         F,       F,       F,        F,        F,        F,     A],
  recordDuesPayment:      [U,         F,       F,       F,        F,        F,        F,     A],
  openProgrammeRound:     [U,         F,       F,       F,        F,        F,        F,     A],
  applyToProgramme:       [U,         F,       A,       F,        F,        F,        F,     F],
  shortlistProgrammeApplication: [U,  F,       F,       F,        F,        F,        F,     A],
  acceptProgrammeApplication:    [U,  F,       F,       F,        F,        F,        F,     A],
  declineProgrammeApplication:   [U,  F,       F,       F,        F,        F,        F,     A],
  withdrawProgrammeApplication:  [U,  F,       A,       F,        F,        F,        F,     A],
  saveIndicatorValues:    [U,         F,       A,       F,        F,        F,        F,     F],
  submitIndicatorYear:    [U,         F,       A,       F,        F,        F,        F,     F],
  verifyIndicatorValues:  [U,         F,       F,       F,        A,        F,        F,     F],
  openCertification:      [U,         F,       F,       F,        F,        F,        A,     F],
  assignVerifier:         [U,         F,       F,       F,        F,        F,        A,     F],
  awardCertification:     [U,         F,       F,       F,        F,        F,        A,     F],
  rejectCertification:    [U,         F,       F,       F,        F,        F,        A,     F],
  suspendCertification:   [U,         F,       F,       F,        F,        F,        A,     F],
  reinstateCertification: [U,         F,       F,       F,        F,        F,        A,     F],
  withdrawCertification:  [U,         F,       F,       F,        F,        F,        A,     F],
  scheduleWorkshop:       [U,         F,       F,       F,        F,        F,        F,     A],
  updateWorkshop:         [U,         F,       F,       F,        F,        F,        F,     A],
  cancelWorkshop:         [U,         F,       F,       F,        F,        F,        F,     A],
  registerForWorkshop:    [U,         F,       A,       F,        F,        F,        F,     A],
  addParticipants:        [U,         F,       A,       F,        F,        F,        F,     A],
  cancelRegistration:     [U,         F,       A,       F,        F,        F,        F,     A],
  recordAttendance:       [U,         F,       F,       F,        F,        F,        F,     A],
  pairMentor:             [U,         F,       F,       F,        F,        F,        F,     A],
  logMentoringSession:    [U,         F,       F,       F,        F,        F,        F,     A],
  closeMentoringPair:     [U,         F,       F,       F,        F,        F,        F,     A],
} satisfies Record<string, Outcome[]>;

// Issue 3: DRAFT/SUBMITTED/REJECTED values for the city's officers, verifiers and WCCD staff; verifier
// notes likewise; member contacts and fees for CityNet staff; the audit trail for WCCD staff and the
// city's own officers.
// biome-ignore format: aligned table
const READS = {
  //                                         anonymous  PARTNER  officer  officer   verifier  verifier  WCCD   CITYNET
  'City.indicators (non-VERIFIED values)':  [H,         H,       A,       H,        A,        A,        A,     H],
  'City.indicatorReport (non-VERIFIED)':    [H,         H,       A,       H,        A,        A,        A,     H],
  'IndicatorValue.verifierNote':            [H,         H,       A,       H,        A,        A,        A,     H],
  'Member.contacts':                        [U,         F,       F,       F,        F,        F,        F,     A],
  'Member.annualFeeUsd':                    [U,         F,       F,       F,        F,        F,        F,     A],
  auditTrail:                               [U,         F,       A,       F,        F,        F,        A,     F],
} satisfies Record<string, Outcome[]>;

type MutationName = keyof typeof MUTATIONS;
type ReadName = keyof typeof READS;

// ---- The stack and its fixtures ------------------------------------------------------------------

const ORG = 'sgs';
const OTHER_ORG = 'dnv';
/** The "other city" of the CITY_OFFICER of another city: never a fixture's city. */
const OTHER_CITY = 'seoul';
const YEAR = 2024;
const EXTRA_CITIES = Array.from({ length: 60 }, (_, i) => `mx-${String(i + 1).padStart(2, '0')}`);

let t: TestStack;
beforeAll(async () => {
  // The sample data plus fresh cities (public City records), so that every fixture has its own city.
  const dataset = buildSampleDataset();
  dataset.membership.cities.push(
    ...EXTRA_CITIES.map(
      (id, i): CityDoc => ({
        _id: id,
        name: `Matrix City ${i + 1}`,
        country: 'PH',
        region: 'SOUTH_EAST_ASIA',
        population: 200_000,
        areaKm2: 80,
        timezone: 'Asia/Manila',
        sampleData: true,
      }),
    ),
  );
  // A generous subgraph timeout: on a loaded machine a FerretDB scan can exceed the default 5 s, and
  // this suite is about rights, not timeouts (test/failure covers those).
  t = await startTestStack({ dataset, gateway: { subgraphTimeoutMs: 30_000 } });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

let cityCounter = 0;
const freshCity = (): string => {
  const id = EXTRA_CITIES[cityCounter++];
  if (!id) throw new Error('the matrix ran out of fixture cities: add more to EXTRA_CITIES');
  return id;
};
let memberCounter = 0;
let slotCounter = 0;

const citynet = () => tokenFor('CITYNET_STAFF', { sub: 'citynet:fixtures' });
const wccd = () => tokenFor('WCCD_STAFF', { sub: 'wccd:fixtures' });
const officerOf = (cityId: string) => tokenFor('CITY_OFFICER', { cityId, sub: `officer:${cityId}` });
const fixtureVerifier = () => tokenFor('VERIFIER', { orgId: ORG, sub: 'verifier:fixtures' });

/** The real token of each role, relative to the fixture's city and assigned organisation. */
async function tokenOf(role: RoleKey, fx: Fixture): Promise<string | undefined> {
  switch (role) {
    case 'anonymous':
      return undefined;
    case 'PARTNER_APP':
      return tokenFor('PARTNER_APP', { sub: 'app:matrix' });
    case 'CITY_OFFICER of the city':
      return officerOf(fx.cityId);
    case 'CITY_OFFICER of another city':
      return tokenFor('CITY_OFFICER', { cityId: OTHER_CITY, sub: `officer:${OTHER_CITY}` });
    case 'VERIFIER of the assigned organisation':
      return tokenFor('VERIFIER', { orgId: fx.orgId ?? ORG, sub: 'verifier:assigned' });
    case 'VERIFIER of another organisation':
      return tokenFor('VERIFIER', { orgId: OTHER_ORG, sub: 'verifier:other' });
    case 'WCCD_STAFF':
      return tokenFor('WCCD_STAFF', { sub: 'wccd:matrix' });
    case 'CITYNET_STAFF':
      return tokenFor('CITYNET_STAFF', { sub: 'citynet:matrix' });
  }
}

/** What one cell runs: the city concerned, the assigned organisation, and a valid input. */
interface Fixture {
  cityId: string;
  orgId?: string;
  vars: Record<string, unknown>;
}

interface OperationSpec {
  /** The subgraph whose database a denied call must leave as it was. */
  subgraph: SubgraphName;
  document: string;
  /** Builds a fresh fixture through the gateway; the input in `vars` succeeds for an allowed role. */
  prepare(): Promise<Fixture>;
  /** What an allowed cell's answer must show. */
  check(data: any, fx: Fixture): void;
}

/** A fresh ACTIVE full member (with its city) admitted by CityNet staff. */
async function freshMember(): Promise<string> {
  memberCounter++;
  const id = `matrix-member-${memberCounter}`;
  const input = {
    category: 'FULL',
    id,
    name: `Matrix Member ${memberCounter}`,
    country: 'PH',
    clusters: ['DISASTER'],
    city: { region: 'SOUTH_EAST_ASIA', timezone: 'Asia/Manila' },
    contacts: { focalPointName: 'Matrix Focal Point', email: `focal@${id}.example.org` },
  };
  await ok(t, ADMIT, { input }, await citynet());
  return id;
}

/** The programme round the matrix's applications go to (open at the pinned clock, seats for every fixture). */
let matrixRound: Promise<void> | null = null;
const MATRIX_ROUND = 2027;
function ensureMatrixRound(): Promise<void> {
  matrixRound ??= (async () => {
    const input = {
      year: MATRIX_ROUND,
      opensAt: '2026-11-01T00:00:00Z',
      closesAt: '2027-03-01T00:00:00Z',
      seats: 100,
      currency: 'USD',
      standardAnnualFee: 12000,
      subsidisedAnnualFee: 6000,
    };
    await ok(t, `mutation($input: OpenProgrammeRoundInput!) { openProgrammeRound(input: $input) { year } }`, { input }, await citynet());
  })();
  return matrixRound;
}
const applicationInput = (cityId: string) => ({
  round: MATRIX_ROUND,
  cityId,
  dataContact: { name: 'Matrix Data Contact', email: `data@${cityId}.example.org` },
  motivation: 'The matrix applies to the programme round.',
  readyIndicatorIds: ['5.1'],
});
/** A fresh member city with a SUBMITTED application to the matrix round. */
async function freshApplication(): Promise<string> {
  await ensureMatrixRound();
  const id = await freshMember();
  await ok(t, APPLY, { input: applicationInput(id) }, await officerOf(id));
  return id;
}

/** A scheduled workshop in 2027 (its own slot, so no double booking between fixtures). */
async function freshWorkshop(hostCityId?: string): Promise<string> {
  return (await ok(t, SCHEDULE, { input: workshopInput(hostCityId) }, await citynet())).scheduleWorkshop.id;
}
function workshopInput(hostCityId?: string) {
  slotCounter++;
  const day = Date.UTC(2027, 2, 1) + slotCounter * 86_400_000;
  return {
    title: `Matrix workshop ${slotCounter}`,
    themes: ['Solid Waste'],
    format: hostCityId ? 'IN_PERSON' : 'ONLINE',
    hostCityId: hostCityId ?? null,
    startsAt: new Date(day + 1 * 3_600_000).toISOString(),
    endsAt: new Date(day + 3 * 3_600_000).toISOString(),
    timezone: hostCityId ? 'Asia/Manila' : 'UTC',
    capacity: 5,
  };
}

/**
 * Mentors must be eligible (certified Silver or higher, or verified data in the focus themes): sample
 * cities that are, all east of UTC so that their local day at the pinned clock is 2026-11-28.
 */
const MENTORS = ['taipei', 'makati', 'yokohama', 'incheon', 'busan', 'kuala-lumpur'];
let mentorCounter = 0;
const eligibleMentor = () => MENTORS[mentorCounter++ % MENTORS.length];

/** A CONFIRMED registration of a sample workshop that has ended at the pinned clock (attendance can be recorded). */
let attendanceCounter = 0;
function endedRegistration(): { id: string; cityId: string } {
  const ended = new Set(t.dataset.workshops.workshops.filter((w) => w.status !== 'CANCELLED' && w.endsAt < new Date('2026-11-28T00:00:00Z')).map((w) => w._id));
  const candidates = t.dataset.workshops.registrations.filter((r) => ended.has(r.workshopId) && r.status === 'CONFIRMED');
  const r = candidates[attendanceCounter++];
  if (!r) throw new Error('the matrix ran out of sample registrations of ended workshops');
  return { id: r._id, cityId: r.cityId };
}

async function freshPair(): Promise<{ pairId: string; mentee: string }> {
  const mentor = eligibleMentor();
  const mentee = freshCity();
  const pair = await ok(t, PAIR, { mentor, mentee, themes: ['Solid Waste'] }, await citynet());
  return { pairId: pair.pairMentor.id, mentee };
}

/**
 * A certification assigned to ORG with these values SUBMITTED by the city's officer (DATA_SUBMITTED
 * once the events are delivered: `settleEvents`, so that each domain knows what the other did).
 */
async function submittedYear(ids: readonly string[]): Promise<{ cityId: string; version: number }> {
  const cityId = freshCity();
  await ok(t, OPEN, { cityId, year: YEAR }, await wccd());
  await ok(t, ASSIGN, { cityId, year: YEAR, org: ORG }, await wccd());
  const officer = await officerOf(cityId);
  const saved = await ok(t, SAVE, { input: { cityId, year: YEAR, expectedVersion: 0, values: validValues(ids) } }, officer);
  const submitted = await ok(t, SUBMIT, { cityId, year: YEAR, expectedVersion: saved.saveIndicatorValues.version }, officer);
  await t.stack.settleEvents();
  return { cityId, version: submitted.submitIndicatorYear.version };
}

/** A certification awarded BRONZE (every core indicator verified by ORG). */
async function certifiedYear(): Promise<string> {
  const { cityId } = await submittedYear(CORE);
  await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(CORE) } }, await fixtureVerifier());
  await t.stack.settleEvents();
  await ok(t, AWARD, { cityId, year: YEAR }, await wccd());
  return cityId;
}

const verdicts = (ids: readonly string[], verdict = 'VERIFIED', note = 'Checked against the source') =>
  ids.map((indicatorId) => ({ indicatorId, verdict, note }));

// ---- The operations ------------------------------------------------------------------------------

const ADMIT = `mutation($input: AdmitMemberInput!) { admitMember(input: $input) { id status city { id } } }`;
const APPLY = `mutation($input: ApplyToProgrammeInput!) { applyToProgramme(input: $input) { id status city { id } } }`;
const SCHEDULE = `mutation($input: ScheduleWorkshopInput!) { scheduleWorkshop(input: $input) { id status hostCity { id } } }`;
const PAIR = `mutation($mentor: ID!, $mentee: ID!, $themes: [String!]!) { pairMentor(mentorCityId: $mentor, menteeCityId: $mentee, focusThemes: $themes) { id status mentee { id } } }`;
const SESSION = { heldAt: '2026-11-28T00:00:00Z', durationMinutes: 60, format: 'ONLINE', summary: 'Matrix session' };

const OPERATIONS: Record<MutationName, OperationSpec> = {
  admitMember: {
    subgraph: 'membership',
    document: ADMIT,
    async prepare() {
      memberCounter++;
      const id = `matrix-admitted-${memberCounter}`;
      return {
        cityId: id,
        vars: {
          input: {
            category: 'FULL',
            id,
            name: `Matrix Admitted ${memberCounter}`,
            country: 'PH',
            city: { region: 'SOUTH_EAST_ASIA', timezone: 'Asia/Manila' },
          },
        },
      };
    },
    check: (d, fx) => expect(d.admitMember).toEqual({ id: fx.cityId, status: 'ACTIVE', city: { id: fx.cityId } }),
  },
  changeMemberStatus: {
    subgraph: 'membership',
    document: `mutation($id: ID!, $status: MemberStatus!, $reason: String!) { changeMemberStatus(memberId: $id, status: $status, reason: $reason) { id status } }`,
    async prepare() {
      const id = await freshMember();
      return { cityId: id, vars: { id, status: 'SUSPENDED', reason: 'Dues unpaid for 2026' } };
    },
    check: (d, fx) => expect(d.changeMemberStatus).toEqual({ id: fx.cityId, status: 'SUSPENDED' }),
  },
  setMemberClusters: {
    subgraph: 'membership',
    document: `mutation($id: ID!, $clusters: [Cluster!]!) { setMemberClusters(memberId: $id, clusters: $clusters) { id clusters } }`,
    async prepare() {
      const id = await freshMember();
      return { cityId: id, vars: { id, clusters: ['SDGS', 'INFRASTRUCTURE'] } };
    },
    check: (d) => expect(d.setMemberClusters.clusters).toEqual(['SDGS', 'INFRASTRUCTURE']),
  },
  setNationalChapter: {
    subgraph: 'membership',
    document: `mutation($id: ID!, $chapter: String) { setNationalChapter(memberId: $id, nationalChapter: $chapter) { id nationalChapter } }`,
    async prepare() {
      const id = await freshMember();
      return { cityId: id, vars: { id, chapter: 'Philippines' } };
    },
    check: (d) => expect(d.setNationalChapter.nationalChapter).toBe('Philippines'),
  },
  enrolCity: {
    subgraph: 'membership',
    document: `mutation($cityId: ID!, $round: Int!, $on: Date!) { enrolCity(cityId: $cityId, round: $round, enrolledOn: $on) { round subsidisedUntil city { id } } }`,
    async prepare() {
      const id = await freshMember();
      return { cityId: id, vars: { cityId: id, round: 2026, on: '2026-11-28' } };
    },
    check: (d, fx) => expect(d.enrolCity).toEqual({ round: 2026, subsidisedUntil: '2029-11-27', city: { id: fx.cityId } }),
  },
  updateCity: {
    subgraph: 'membership',
    document: `mutation($id: ID!, $input: UpdateCityInput!) { updateCity(cityId: $id, input: $input) { id population otherNames { name } } }`,
    async prepare() {
      const id = await freshMember();
      return { cityId: id, vars: { id, input: { population: 123_456, otherNames: [{ name: `Matrix Former ${id}`, kind: 'FORMER' }] } } };
    },
    check: (d, fx) => expect(d.updateCity).toEqual({ id: fx.cityId, population: 123_456, otherNames: [{ name: `Matrix Former ${fx.cityId}` }] }),
  },
  recordDuesPayment: {
    subgraph: 'membership',
    document: `mutation($id: ID!) { recordDuesPayment(memberId: $id, year: 2026, amountUsd: 500, paidOn: "2026-11-01") { year paidUsd } }`,
    async prepare() {
      const id = await freshMember();
      return { cityId: id, vars: { id } };
    },
    check: (d) => expect(d.recordDuesPayment).toEqual({ year: 2026, paidUsd: 500 }),
  },
  openProgrammeRound: {
    subgraph: 'membership',
    document: `mutation($input: OpenProgrammeRoundInput!) { openProgrammeRound(input: $input) { year seats open } }`,
    async prepare() {
      const cityId = freshCity();
      return {
        cityId,
        vars: {
          input: {
            year: 2028,
            opensAt: '2026-11-01T00:00:00Z',
            closesAt: '2027-06-01T00:00:00Z',
            seats: 10,
            currency: 'USD',
            standardAnnualFee: 12000,
            subsidisedAnnualFee: 6000,
          },
        },
      };
    },
    check: (d) => expect(d.openProgrammeRound).toEqual({ year: 2028, seats: 10, open: true }),
  },
  applyToProgramme: {
    subgraph: 'membership',
    document: APPLY,
    async prepare() {
      await ensureMatrixRound();
      const id = await freshMember();
      return { cityId: id, vars: { input: applicationInput(id) } };
    },
    check: (d, fx) => expect(d.applyToProgramme).toEqual({ id: `${MATRIX_ROUND}:${fx.cityId}`, status: 'SUBMITTED', city: { id: fx.cityId } }),
  },
  shortlistProgrammeApplication: {
    subgraph: 'membership',
    document: `mutation($id: ID!) { shortlistProgrammeApplication(applicationId: $id) { id status } }`,
    async prepare() {
      const cityId = await freshApplication();
      return { cityId, vars: { id: `${MATRIX_ROUND}:${cityId}` } };
    },
    check: (d, fx) => expect(d.shortlistProgrammeApplication).toEqual({ id: `${MATRIX_ROUND}:${fx.cityId}`, status: 'SHORTLISTED' }),
  },
  acceptProgrammeApplication: {
    subgraph: 'membership',
    document: `mutation($id: ID!) { acceptProgrammeApplication(applicationId: $id) { id status rate { kind } } }`,
    async prepare() {
      const cityId = await freshApplication();
      return { cityId, vars: { id: `${MATRIX_ROUND}:${cityId}` } };
    },
    // A new member has no dues recorded: the standard rate.
    check: (d, fx) => expect(d.acceptProgrammeApplication).toEqual({ id: `${MATRIX_ROUND}:${fx.cityId}`, status: 'ACCEPTED', rate: { kind: 'STANDARD' } }),
  },
  declineProgrammeApplication: {
    subgraph: 'membership',
    document: `mutation($id: ID!, $reason: String!) { declineProgrammeApplication(applicationId: $id, reason: $reason) { id status declineReason } }`,
    async prepare() {
      const cityId = await freshApplication();
      return { cityId, vars: { id: `${MATRIX_ROUND}:${cityId}`, reason: 'The matrix declines it' } };
    },
    check: (d, fx) =>
      expect(d.declineProgrammeApplication).toEqual({ id: `${MATRIX_ROUND}:${fx.cityId}`, status: 'DECLINED', declineReason: 'The matrix declines it' }),
  },
  withdrawProgrammeApplication: {
    subgraph: 'membership',
    document: `mutation($id: ID!, $reason: String!) { withdrawProgrammeApplication(applicationId: $id, reason: $reason) { id status withdrawalReason } }`,
    async prepare() {
      const cityId = await freshApplication();
      return { cityId, vars: { id: `${MATRIX_ROUND}:${cityId}`, reason: 'The matrix withdraws it' } };
    },
    check: (d, fx) =>
      expect(d.withdrawProgrammeApplication).toEqual({ id: `${MATRIX_ROUND}:${fx.cityId}`, status: 'WITHDRAWN', withdrawalReason: 'The matrix withdraws it' }),
  },
  saveIndicatorValues: {
    subgraph: 'indicators',
    document: `mutation($input: SaveIndicatorValuesInput!) { saveIndicatorValues(input: $input) { cityId version draftCount } }`,
    async prepare() {
      const cityId = freshCity();
      return { cityId, vars: { input: { cityId, year: YEAR, expectedVersion: 0, values: validValues(['5.1', '5.2', '5.3']) } } };
    },
    check: (d, fx) => expect(d.saveIndicatorValues).toEqual({ cityId: fx.cityId, version: 1, draftCount: 3 }),
  },
  submitIndicatorYear: {
    subgraph: 'indicators',
    document: `mutation($cityId: ID!, $year: Int!, $v: Int!) { submitIndicatorYear(cityId: $cityId, year: $year, expectedVersion: $v) { draftCount submittedCount } }`,
    async prepare() {
      const cityId = freshCity();
      const saved = await ok(t, SAVE, { input: { cityId, year: YEAR, expectedVersion: 0, values: validValues(['5.1', '5.2']) } }, await officerOf(cityId));
      return { cityId, vars: { cityId, year: YEAR, v: saved.saveIndicatorValues.version } };
    },
    check: (d) => expect(d.submitIndicatorYear).toEqual({ draftCount: 0, submittedCount: 2 }),
  },
  verifyIndicatorValues: {
    subgraph: 'indicators',
    document: `mutation($input: VerifyIndicatorValuesInput!) { verifyIndicatorValues(input: $input) { submittedCount verifiedCount } }`,
    async prepare() {
      const { cityId } = await submittedYear(['5.1', '5.2', '5.3']);
      return { cityId, orgId: ORG, vars: { input: { cityId, year: YEAR, verdicts: verdicts(['5.1', '5.2', '5.3']) } } };
    },
    check: (d) => expect(d.verifyIndicatorValues).toEqual({ submittedCount: 0, verifiedCount: 3 }),
  },
  openCertification: {
    subgraph: 'certification',
    document: OPEN,
    async prepare() {
      const cityId = freshCity();
      return { cityId, vars: { cityId, year: YEAR } };
    },
    check: (d, fx) => expect(d.openCertification).toMatchObject({ status: 'ENROLLED', year: YEAR, city: { id: fx.cityId } }),
  },
  assignVerifier: {
    subgraph: 'certification',
    document: ASSIGN,
    async prepare() {
      const cityId = freshCity();
      await ok(t, OPEN, { cityId, year: YEAR }, await wccd());
      return { cityId, orgId: ORG, vars: { cityId, year: YEAR, org: ORG } };
    },
    // The status stays: the work moves it on.
    check: (d) => expect(d.assignVerifier).toMatchObject({ status: 'ENROLLED', verifierOrganisationId: ORG }),
  },
  awardCertification: {
    subgraph: 'certification',
    document: AWARD,
    async prepare() {
      // Every core indicator verified, no supporting one: BRONZE by the default threshold table.
      const { cityId } = await submittedYear(CORE);
      await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(CORE) } }, await fixtureVerifier());
      // Certification decides on the coverage the indicators events told it (and is UNDER_VERIFICATION).
      await t.stack.settleEvents();
      return { cityId, orgId: ORG, vars: { cityId, year: YEAR } };
    },
    check: (d) => expect(d.awardCertification).toMatchObject({ status: 'CERTIFIED', level: 'BRONZE' }),
  },
  rejectCertification: {
    subgraph: 'certification',
    document: REJECT,
    async prepare() {
      const cityId = freshCity();
      await ok(t, OPEN, { cityId, year: YEAR }, await wccd());
      await ok(t, ASSIGN, { cityId, year: YEAR, org: ORG }, await wccd());
      return { cityId, orgId: ORG, vars: { cityId, year: YEAR, reason: 'The data year is incomplete' } };
    },
    check: (d) => expect(d.rejectCertification).toMatchObject({ status: 'REJECTED', rejectionReason: 'The data year is incomplete' }),
  },
  suspendCertification: {
    subgraph: 'certification',
    document: `mutation($cityId: ID!, $year: Int!, $reason: String!) { suspendCertification(cityId: $cityId, year: $year, reason: $reason) { status statusReason inForce } }`,
    async prepare() {
      const cityId = await certifiedYear();
      return { cityId, orgId: ORG, vars: { cityId, year: YEAR, reason: 'Data under review' } };
    },
    check: (d) => expect(d.suspendCertification).toEqual({ status: 'SUSPENDED', statusReason: 'Data under review', inForce: false }),
  },
  reinstateCertification: {
    subgraph: 'certification',
    document: `mutation($cityId: ID!, $year: Int!, $reason: String!) { reinstateCertification(cityId: $cityId, year: $year, reason: $reason) { status statusReason inForce } }`,
    async prepare() {
      const cityId = await certifiedYear();
      await ok(
        t,
        `mutation($cityId: ID!, $year: Int!) { suspendCertification(cityId: $cityId, year: $year, reason: "Data under review") { status } }`,
        { cityId, year: YEAR },
        await wccd(),
      );
      return { cityId, orgId: ORG, vars: { cityId, year: YEAR, reason: 'Review closed' } };
    },
    check: (d) => expect(d.reinstateCertification).toEqual({ status: 'CERTIFIED', statusReason: 'Review closed', inForce: true }),
  },
  withdrawCertification: {
    subgraph: 'certification',
    document: `mutation($cityId: ID!, $year: Int!, $reason: String!) { withdrawCertification(cityId: $cityId, year: $year, reason: $reason) { status statusReason inForce } }`,
    async prepare() {
      const cityId = await certifiedYear();
      return { cityId, orgId: ORG, vars: { cityId, year: YEAR, reason: 'The city left the programme' } };
    },
    check: (d) => expect(d.withdrawCertification).toEqual({ status: 'WITHDRAWN', statusReason: 'The city left the programme', inForce: false }),
  },
  scheduleWorkshop: {
    subgraph: 'workshops',
    document: SCHEDULE,
    async prepare() {
      const cityId = freshCity();
      return { cityId, vars: { input: workshopInput(cityId) } };
    },
    check: (d, fx) => expect(d.scheduleWorkshop).toMatchObject({ status: 'SCHEDULED', hostCity: { id: fx.cityId } }),
  },
  updateWorkshop: {
    subgraph: 'workshops',
    document: `mutation($id: ID!, $input: UpdateWorkshopInput!) { updateWorkshop(id: $id, input: $input) { title capacity version } }`,
    async prepare() {
      const cityId = freshCity();
      const id = await freshWorkshop(cityId);
      return { cityId, vars: { id, input: { title: 'Matrix workshop, renamed', capacity: 8, expectedVersion: 1 } } };
    },
    check: (d) => expect(d.updateWorkshop).toEqual({ title: 'Matrix workshop, renamed', capacity: 8, version: 2 }),
  },
  cancelWorkshop: {
    subgraph: 'workshops',
    document: `mutation($id: ID!, $reason: String!) { cancelWorkshop(id: $id, reason: $reason) { status cancellationReason } }`,
    async prepare() {
      const cityId = freshCity();
      const id = await freshWorkshop(cityId);
      return { cityId, vars: { id, reason: 'The venue is unavailable' } };
    },
    check: (d) => expect(d.cancelWorkshop).toEqual({ status: 'CANCELLED', cancellationReason: 'The venue is unavailable' }),
  },
  registerForWorkshop: {
    subgraph: 'workshops',
    document: `mutation($w: ID!, $c: ID!) { registerForWorkshop(workshopId: $w, cityId: $c) { status city { id } } }`,
    async prepare() {
      const cityId = freshCity();
      return { cityId, vars: { w: await freshWorkshop(), c: cityId } };
    },
    check: (d, fx) => expect(d.registerForWorkshop).toEqual({ status: 'CONFIRMED', city: { id: fx.cityId } }),
  },
  addParticipants: {
    subgraph: 'workshops',
    document: `mutation($id: ID!, $p: [ParticipantInput!]!) { addParticipants(registrationId: $id, participants: $p) { participantCount city { id } } }`,
    async prepare() {
      const cityId = freshCity();
      const w = await freshWorkshop();
      const r = await ok(t, `mutation($w: ID!, $c: ID!) { registerForWorkshop(workshopId: $w, cityId: $c) { id } }`, { w, c: cityId }, await citynet());
      return {
        cityId,
        vars: { id: r.registerForWorkshop.id, p: [{ name: 'Matrix Participant', role: 'Data officer', email: `participant@${cityId}.example.org` }] },
      };
    },
    check: (d, fx) => expect(d.addParticipants).toEqual({ participantCount: 1, city: { id: fx.cityId } }),
  },
  recordAttendance: {
    subgraph: 'workshops',
    document: `mutation($id: ID!, $input: AttendanceInput!) { recordAttendance(registrationId: $id, input: $input) { attendance { attended participantsPresent } } }`,
    async prepare() {
      const { id, cityId } = endedRegistration();
      return { cityId, vars: { id, input: { attended: true, participantsPresent: 1 } } };
    },
    check: (d) => expect(d.recordAttendance.attendance).toEqual({ attended: true, participantsPresent: 1 }),
  },
  cancelRegistration: {
    subgraph: 'workshops',
    document: `mutation($id: ID!) { cancelRegistration(registrationId: $id) { registration { status city { id } } } }`,
    async prepare() {
      const cityId = freshCity();
      const w = await freshWorkshop();
      const r = await ok(t, `mutation($w: ID!, $c: ID!) { registerForWorkshop(workshopId: $w, cityId: $c) { id } }`, { w, c: cityId }, await citynet());
      return { cityId, vars: { id: r.registerForWorkshop.id } };
    },
    check: (d, fx) => expect(d.cancelRegistration.registration).toEqual({ status: 'CANCELLED', city: { id: fx.cityId } }),
  },
  pairMentor: {
    subgraph: 'workshops',
    document: PAIR,
    async prepare() {
      const mentor = eligibleMentor();
      const mentee = freshCity();
      return { cityId: mentee, vars: { mentor, mentee, themes: ['Solid Waste'] } };
    },
    check: (d, fx) => expect(d.pairMentor).toMatchObject({ status: 'ACTIVE', mentee: { id: fx.cityId } }),
  },
  logMentoringSession: {
    subgraph: 'workshops',
    document: `mutation($id: ID!, $input: MentoringSessionInput!) { logMentoringSession(pairId: $id, input: $input) { sessions { summary } } }`,
    async prepare() {
      const { pairId, mentee } = await freshPair();
      return { cityId: mentee, vars: { id: pairId, input: SESSION } };
    },
    check: (d) => expect(d.logMentoringSession.sessions).toEqual([{ summary: 'Matrix session' }]),
  },
  closeMentoringPair: {
    subgraph: 'workshops',
    document: `mutation($id: ID!, $outcome: MentoringOutcomeInput!) { closeMentoringPair(pairId: $id, outcome: $outcome) { status closedOn outcome { result } } }`,
    async prepare() {
      const { pairId, mentee } = await freshPair();
      return { cityId: mentee, vars: { id: pairId, outcome: { result: 'GOALS_MET', summary: 'Matrix pair closed' } } };
    },
    // Closed on the mentor's local day (2026-11-28 in every mentor's zone at the pinned clock).
    check: (d) => expect(d.closeMentoringPair).toEqual({ status: 'CLOSED', closedOn: '2026-11-28', outcome: { result: 'GOALS_MET' } }),
  },
};

// ---- Reads ----------------------------------------------------------------------------------------

/** One city and year for every read: 5.1 and 5.2 VERIFIED (with a note), 5.3 REJECTED, 5.4 SUBMITTED. */
let readFixture: Fixture;
/** A full member with contacts, for the staff-only member fields. */
let memberFixture: Fixture;

const STATUSES_ALL = { '5.1': 'VERIFIED', '5.2': 'VERIFIED', '5.3': 'REJECTED', '5.4': 'SUBMITTED' };
const STATUSES_PUBLIC = { '5.1': 'VERIFIED', '5.2': 'VERIFIED' };
const byId = (values: { indicator: { id: string }; status: string }[]) => Object.fromEntries(values.map((v) => [v.indicator.id, v.status]));

interface ReadSpec {
  fixture: () => Fixture;
  document: string;
  /** Checks an answer that is allowed (sees everything) or hidden (sees the public part only). */
  check(data: any, outcome: typeof A | typeof H): void;
  /** Where a denied read puts null (the rest of the answer stays). */
  deniedPath: string[];
}

const READ_SPECS: Record<ReadName, ReadSpec> = {
  'City.indicators (non-VERIFIED values)': {
    fixture: () => readFixture,
    document: `query($id: ID!, $year: Int!) { city(id: $id) { indicators(year: $year) { indicator { id } status } } }`,
    check: (d, outcome) => expect(byId(d.city.indicators)).toEqual(outcome === A ? STATUSES_ALL : STATUSES_PUBLIC),
    deniedPath: [],
  },
  'City.indicatorReport (non-VERIFIED)': {
    fixture: () => readFixture,
    document: `query($id: ID!, $year: Int!) { city(id: $id) { indicatorReport(year: $year) { submittedCount verifiedCount rejectedCount values { indicator { id } status } } } }`,
    check(d, outcome) {
      const report = d.city.indicatorReport;
      // The counts are public; the values are not.
      expect(report).toMatchObject({ submittedCount: 1, verifiedCount: 2, rejectedCount: 1 });
      expect(byId(report.values)).toEqual(outcome === A ? STATUSES_ALL : STATUSES_PUBLIC);
    },
    deniedPath: [],
  },
  'IndicatorValue.verifierNote': {
    fixture: () => readFixture,
    document: `query($id: ID!, $year: Int!) { city(id: $id) { indicators(year: $year, theme: "Economy") { indicator { id } verifierNote } } }`,
    check(d, outcome) {
      const notes = Object.fromEntries(d.city.indicators.map((v: any) => [v.indicator.id, v.verifierNote]));
      if (outcome === A)
        expect(notes).toEqual({ '5.1': 'Checked against the source', '5.2': 'Checked against the source', '5.3': 'Source missing', '5.4': null });
      else expect(notes).toEqual({ '5.1': null, '5.2': null });
    },
    deniedPath: [],
  },
  'Member.contacts': {
    fixture: () => memberFixture,
    document: `query($id: ID!) { member(id: $id) { id contacts { email } } }`,
    check: (d) => expect(d.member).toEqual({ id: memberFixture.cityId, contacts: { email: `focal@${memberFixture.cityId}.example.org` } }),
    deniedPath: ['member', 'contacts'],
  },
  'Member.annualFeeUsd': {
    fixture: () => memberFixture,
    document: `query($id: ID!) { member(id: $id) { id annualFeeUsd } }`,
    check: (d) => expect(d.member.annualFeeUsd).toEqual(expect.any(Number)),
    deniedPath: ['member', 'annualFeeUsd'],
  },
  auditTrail: {
    fixture: () => readFixture,
    document: `query($id: ID!, $year: Int!) { auditTrail(cityId: $id, year: $year) { cityId valueChanges { action subject } certificationChanges { action } } }`,
    check(d) {
      expect(d.auditTrail.cityId).toBe(readFixture.cityId);
      expect(d.auditTrail.valueChanges.filter((e: any) => e.subject === '5.3').map((e: any) => e.action)).toEqual([
        'VALUE_ENTERED',
        'VALUE_SUBMITTED',
        'VALUE_REJECTED',
      ]);
      expect(d.auditTrail.certificationChanges.map((e: any) => e.action)).toEqual([
        'CERTIFICATION_OPENED',
        'VERIFIER_ASSIGNED',
        'DATA_SUBMITTED',
        'VERIFICATION_STARTED',
      ]);
    },
    deniedPath: ['auditTrail'],
  },
};

// ---- Fixtures for every cell, prepared up front ---------------------------------------------------

interface MutationCell {
  operation: MutationName;
  role: RoleKey;
  outcome: Outcome;
}
const MUTATION_CELLS: MutationCell[] = (Object.keys(MUTATIONS) as MutationName[]).flatMap((operation) =>
  ROLES.map((role, i) => ({ operation, role, outcome: MUTATIONS[operation][i] as Outcome })),
);
const READ_CELLS = (Object.keys(READS) as ReadName[]).flatMap((read) => ROLES.map((role, i) => ({ read, role, outcome: READS[read][i] as Outcome })));

/** Each allowed cell gets its own fixture (so successful writes cannot interfere); denied cells of an operation share one. */
const fixtures = new Map<string, Fixture>();
const fixtureKey = (cell: MutationCell) => (cell.outcome === A ? `${cell.operation}|${cell.role}` : `${cell.operation}|denied`);

/** Runs the jobs, a few at a time (each is a handful of gateway calls). */
async function inPool(jobs: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

beforeAll(async () => {
  const jobs = [...new Set(MUTATION_CELLS.map(fixtureKey))].map((key) => async () => {
    fixtures.set(key, await OPERATIONS[key.split('|')[0] as MutationName].prepare());
  });
  jobs.push(async () => {
    const { cityId } = await submittedYear(['5.1', '5.2', '5.3', '5.4']);
    const verifierToken = await fixtureVerifier();
    await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(['5.1', '5.2']) } }, verifierToken);
    await ok(t, VERIFY, { input: { cityId, year: YEAR, verdicts: verdicts(['5.3'], 'REJECTED', 'Source missing') } }, verifierToken);
    readFixture = { cityId, orgId: ORG, vars: { id: cityId, year: YEAR } };
  });
  jobs.push(async () => {
    const id = await freshMember();
    memberFixture = { cityId: id, vars: { id } };
  });
  await inPool(jobs, 2);
  // Every domain knows what the fixtures did in the others (events delivered) before the cells run.
  await t.stack.settleEvents();
}, 240_000);

// ---- The cells ------------------------------------------------------------------------------------

const dbOf = (name: SubgraphName): Db => t.stack.subgraphs[name].service.db;

/**
 * Every collection of the subgraph, whole, except the indicator reports: FerretDB scans that
 * collection (about 100 reports of 100 values) for anything but `_id` equality, which costs a second
 * per read, so there only the report of the fixture's city and year is compared (by `_id`) — the one
 * document a call naming that city and year could write.
 */
async function storedState(subgraph: SubgraphName, fx: Fixture): Promise<string> {
  const db = dbOf(subgraph);
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const whole = await snapshot(
    db,
    names.filter((n) => n !== 'indicator_reports'),
  );
  const report = names.includes('indicator_reports') ? await db.collection('indicator_reports').findOne({ _id: `${fx.cityId}:${YEAR}` as any }) : null;
  return `${whole}\n${JSON.stringify(report)}`;
}

test('the matrix covers every mutation of the composed API schema, and nothing else', () => {
  const api = apiSchemaOf(composeSupergraph());
  const mutations = Object.keys(api.getMutationType()?.getFields() ?? {}).sort();
  expect(mutations.length).toBeGreaterThan(0);
  expect(Object.keys(MUTATIONS).sort()).toEqual(mutations);
});

/**
 * Per operation: its denied cells first, on one shared fixture, between one snapshot of the subgraph's
 * stored state before the first and one after the last (a denied call that stored anything fails the
 * operation's "stored nothing" test); then its allowed cells, each on its own fixture.
 */
describe('mutations', () => {
  for (const operation of Object.keys(MUTATIONS) as MutationName[]) {
    describe(operation, () => {
      const cells = MUTATION_CELLS.filter((c) => c.operation === operation);
      const denied = cells.filter((c) => c.outcome !== A);
      const allowed = cells.filter((c) => c.outcome === A);
      const spec = OPERATIONS[operation];
      let before: string | undefined;
      const fixtureOf = (cell: MutationCell): Fixture => {
        const fx = fixtures.get(fixtureKey(cell));
        if (!fx) throw new Error(`no fixture for ${fixtureKey(cell)}`);
        return fx;
      };

      test.each(denied.map((c) => [c.role, c.outcome, c] as const))('by %s: %s', async (role, outcome, cell) => {
        const fx = fixtureOf(cell);
        if (before === undefined) {
          // Events of the previous operations delivered first: nothing but these calls may change the stored state.
          await t.stack.settleEvents();
          before = await storedState(spec.subgraph, fx);
        }
        const r = await t.query(spec.document, fx.vars, { token: await tokenOf(role, fx) });
        expect(r.errors).toHaveLength(1);
        expect(r.errors![0].extensions?.code).toBe(outcome);
        expect(r.data?.[operation] ?? null).toBeNull();
      });

      test('the denied calls stored nothing', async () => {
        expect(before).toBeDefined();
        await t.stack.settleEvents();
        expect(await storedState(spec.subgraph, fixtureOf(denied[0]))).toBe(before);
      });

      if (allowed.length > 0)
        test.each(allowed.map((c) => [c.role, c] as const))('by %s: allowed', async (role, cell) => {
          const fx = fixtureOf(cell);
          published.length = 0;
          const r = await t.query(spec.document, fx.vars, { token: await tokenOf(role, fx) });
          expect(r.errors).toBeUndefined();
          spec.check(r.data, fx);
          // Every successful change is announced to the gateways' caches with the tags its workflow
          // declared (a mutation that declares nothing would invalidate its whole subgraph: `<name>|*`).
          const tags = published.flat();
          expect(tags.length).toBeGreaterThan(0);
          expect(tags.filter((tag) => tag.endsWith('|*'))).toEqual([]);
        });
    });
  }
});

describe('protected reads', () => {
  test.each(READ_CELLS.map((c) => [c.read, c.role, c.outcome] as const))('%s by %s: %s', async (read, role, outcome) => {
    const spec = READ_SPECS[read];
    const fx = spec.fixture();
    const r = await t.query(spec.document, fx.vars, { token: await tokenOf(role, fx) });
    if (outcome === A || outcome === H) {
      expect(r.errors).toBeUndefined();
      spec.check(r.data, outcome);
      return;
    }
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions?.code).toBe(outcome);
    expect(r.errors![0].path).toEqual(spec.deniedPath);
    // The field is null; the rest of the answer stays.
    let value: any = r.data;
    for (const key of spec.deniedPath) value = value?.[key];
    expect(value ?? null).toBeNull();
    if (spec.deniedPath.length > 1) expect(r.data?.[spec.deniedPath[0]]?.id).toBe(fx.cityId);
  });
});
