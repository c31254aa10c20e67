/**
 * The scripted certification journey of issue 3, through the gateway with real tokens over the real
 * database, one step after the other: CityNet admits and enrols a new city; WCCD opens its
 * certification and assigns a verifier; the city's officer saves all 100 values and submits them (the
 * certification follows: DATA_SUBMITTED); the verifier (another person) verifies 80 and rejects 5
 * (UNDER_VERIFICATION); the officer corrects and resubmits the 5; the verifier verifies them; WCCD
 * awards the level the verified data earns; the registry lists it, the gap to Platinum is what is
 * left, and the audit trail shows every step in order. Between the domains, the facts travel as
 * events (test: `settle` waits for them where the next step needs them).
 */
import catalogue from '../../data/catalogues/iso37120-2014.json';
import levelTable from '../../subgraphs/certification/domain/certification-levels.json';
import { startTestStack, TEST_NOW, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { ASSIGN, AWARD, CORE, OPEN, REPORT, SAVE, settle, SUBMIT, SUPPORTING, VERIFY } from './wccd-helpers';

let t: TestStack;
beforeAll(async () => {
  // A generous subgraph timeout: on a loaded machine a FerretDB scan can exceed the default 5 s, and
  // this test is about the workflow, not timeouts (test/failure covers those).
  t = await startTestStack({ gateway: { subgraphTimeoutMs: 30_000 } });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const CITY = 'tagum-city';
const YEAR = 2025;
const ORG = 'bureau-veritas';
const TODAY = TEST_NOW.toISOString().slice(0, 10);
const AT = TEST_NOW.toISOString();

// ---- The plan: which values the verifier verifies, rejects, or leaves SUBMITTED --------------------

/** Rejected in the first round (2 core, 3 supporting), then corrected, resubmitted and verified. */
const REJECTED = ['5.1', '12.1', '7.6', '13.1', '18.9'];
/** Never given a verdict: 3 core (two in Water and Sanitation, one in Environment) and 12 supporting. */
const LEFT_SUBMITTED = ['8.2', '21.2', '21.3', '5.7', '6.7', '8.7', '9.4', '10.6', '11.6', '14.5', '15.3', '16.10', '17.3', '19.4', '21.7'];
const ALL = catalogue.indicators.map((i) => i.id);
const FIRST_VERIFIED = ALL.filter((id) => !REJECTED.includes(id) && !LEFT_SUBMITTED.includes(id));
const FINALLY_VERIFIED = [...FIRST_VERIFIED, ...REJECTED];
const count = (ids: string[], kind: string[]) => ids.filter((id) => kind.includes(id)).length;
const CORE_VERIFIED = count(FINALLY_VERIFIED, CORE);
const SUPPORTING_VERIFIED = count(FINALLY_VERIFIED, SUPPORTING);

/** The level by the default threshold table: the first row (highest first) the verified counts meet. */
const EXPECTED_LEVEL = levelTable.levels.find((l) => CORE_VERIFIED >= l.minCoreVerified && SUPPORTING_VERIFIED >= l.minSupportingVerified)?.level;
const PLATINUM = levelTable.levels.find((l) => l.level === 'PLATINUM')!;

// ---- Plausible values for every unit ---------------------------------------------------------------

/** A plausible range per unit (as a city would report it). */
const RANGES: Record<string, [number, number]> = {
  '%': [5, 90],
  '% of population affected': [0.5, 6],
  '% of eligible voters': [40, 80],
  '% of voting age population': [40, 80],
  '% of city area': [5, 35],
  'per 100 000 population': [2, 1200],
  'per 100 000 population per year': [1, 50],
  'per 100 000': [2, 400],
  'µg/m3': [8, 60],
  'tonnes per capita': [0.4, 6],
  minutes: [5, 20],
  'km per 100 000 population': [10, 300],
  'kWh/year per capita': [800, 6000],
  'm2 per capita': [3, 30],
  'per capita': [0.2, 3],
  'litres/day per capita': [100, 300],
  'students per teacher': [15, 32],
  'kWh/m2 per year': [90, 250],
  'interruptions per customer per year': [0.5, 8],
  hours: [1, 12],
  years: [70, 82],
  'per 1 000 live births': [3, 25],
  'trips per capita per year': [80, 500],
  'number of destinations': [5, 90],
  'hectares per 100 000 population': [60, 1200],
  ratio: [0.4, 2],
  'hours per household per year': [1, 20],
};
/** Shares of one whole (disposal routes of solid waste; wastewater treatment levels): at most 100 together. */
const SHARES: Record<string, number> = {
  '16.4': 41.5,
  '16.5': 27.3,
  '16.6': 14.2,
  '16.7': 9.8,
  '16.8': 4.1,
  '20.2': 58.4,
  '20.3': 24.6,
  '20.4': 9.3,
  '20.5': 3.7,
};

function plausible(index: number, unit: string): number {
  const [low, high] = RANGES[unit];
  const fraction = ((index * 37) % 100) / 100; // spread over the range, deterministically
  return Math.round((low + (high - low) * fraction) * 100) / 100;
}
const VALUES = catalogue.indicators.map((indicator, i) => ({
  indicatorId: indicator.id,
  value: SHARES[indicator.id] ?? plausible(i, indicator.unit),
  source: `Tagum City statistics office ${YEAR}`,
  note: null,
}));
const submittedValue = (id: string) => VALUES.find((v) => v.indicatorId === id)!.value;
/** The corrections: each rejected value lowered by 10 % (so a percentage stays within 0–100). */
const CORRECTED = REJECTED.map((indicatorId) => ({
  indicatorId,
  value: Math.round(submittedValue(indicatorId) * 90) / 100,
  source: `Tagum City census ${YEAR}`,
  note: 'Corrected after verification',
}));

// ---- The people ------------------------------------------------------------------------------------

const PEOPLE = {
  citynet: { sub: 'citynet:programme-officer', role: 'CITYNET_STAFF' as const },
  wccd: { sub: 'wccd:certification-lead', role: 'WCCD_STAFF' as const },
  officer: { sub: 'tagum:data-officer', role: 'CITY_OFFICER' as const },
  verifier: { sub: 'bureau-veritas:auditor-7', role: 'VERIFIER' as const },
};
const tokens = {
  citynet: () => tokenFor('CITYNET_STAFF', { sub: PEOPLE.citynet.sub }),
  wccd: () => tokenFor('WCCD_STAFF', { sub: PEOPLE.wccd.sub }),
  officer: () => tokenFor('CITY_OFFICER', { cityId: CITY, sub: PEOPLE.officer.sub }),
  verifier: () => tokenFor('VERIFIER', { orgId: ORG, sub: PEOPLE.verifier.sub }),
};

async function run(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const r = await t.query(query, variables, { token });
  if (r.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.errors, null, 1)}`);
  return r.data;
}

const ADMIT = `mutation($input: AdmitMemberInput!) { admitMember(input: $input) { id category status since city { id name country timezone membership { category status } } } }`;
const ENROL = `mutation($cityId: ID!, $round: Int!, $on: Date!) { enrolCity(cityId: $cityId, round: $round, enrolledOn: $on) { programme round enrolledOn subsidisedUntil subsidised city { id } } }`;
const verdicts = (ids: readonly string[], verdict: 'VERIFIED' | 'REJECTED', note: (id: string) => string) =>
  ids.map((indicatorId) => ({ indicatorId, verdict, note: note(indicatorId) }));
const rejectionNote = (id: string) => `${id}: the figure does not match the cited source; attach the census table`;

// The journey is one story: each step runs on what the previous one left, in order.
describe('the certification journey of a new city', () => {
  let version = 0;

  test('self-check of the plan: 100 plausible values, 80 + 5 verdicts, 15 left submitted', () => {
    expect(VALUES).toHaveLength(100);
    for (const v of VALUES) {
      const unit = catalogue.indicators.find((i) => i.id === v.indicatorId)!.unit;
      expect(Number.isFinite(v.value) && v.value > 0).toBe(true);
      if (unit.startsWith('%')) expect(v.value).toBeLessThanOrEqual(100);
    }
    const sum = (ids: string[]) => ids.reduce((s, id) => s + submittedValue(id), 0);
    expect(sum(['16.4', '16.5', '16.6', '16.7', '16.8'])).toBeLessThanOrEqual(100);
    expect(sum(['20.2', '20.3', '20.4', '20.5'])).toBeLessThanOrEqual(100);
    expect(FIRST_VERIFIED).toHaveLength(80);
    expect(new Set([...FIRST_VERIFIED, ...REJECTED, ...LEFT_SUBMITTED]).size).toBe(100);
    // Not trivially Platinum: 3 core left unverified, so the level rests on the core count.
    expect([CORE_VERIFIED, SUPPORTING_VERIFIED]).toEqual([43, 42]);
    expect(EXPECTED_LEVEL).toBe('ASPIRATIONAL');
  });

  test('1. CityNet staff admit the city as a full member and enrol it in the joint programme', async () => {
    const input = {
      category: 'FULL',
      name: 'Tagum City',
      country: 'PH',
      clusters: ['CLIMATE_CHANGE'],
      nationalChapter: 'Philippines',
      city: { region: 'SOUTH_EAST_ASIA', population: 296202, areaKm2: 195.8, timezone: 'Asia/Manila' },
      contacts: { focalPointName: 'City Planning Office', email: 'planning@tagum.example.org' },
    };
    const admitted = (await run(ADMIT, { input }, await tokens.citynet())).admitMember;
    expect(admitted).toEqual({
      id: CITY,
      category: 'FULL',
      status: 'ACTIVE',
      since: TODAY,
      city: { id: CITY, name: 'Tagum City', country: 'PH', timezone: 'Asia/Manila', membership: { category: 'FULL', status: 'ACTIVE' } },
    });
    const enrolled = (await run(ENROL, { cityId: CITY, round: 2026, on: TODAY }, await tokens.citynet())).enrolCity;
    expect(enrolled).toMatchObject({ round: 2026, enrolledOn: TODAY, subsidisedUntil: '2029-11-27', subsidised: true, city: { id: CITY } });
    expect((await run(`{ city(id: "${CITY}") { programmeEnrolment { round } certification { year } } }`, {})).city).toEqual({
      programmeEnrolment: { round: 2026 },
      certification: null,
    });
  });

  test('2. WCCD staff open its certification for the data year and assign the verifier organisation', async () => {
    // Certification knows the new city once membership's `city.admitted` has arrived.
    await settle(t);
    const opened = (await run(OPEN, { cityId: CITY, year: YEAR }, await tokens.wccd())).openCertification;
    expect(opened).toMatchObject({
      id: expect.any(String),
      year: YEAR,
      status: 'ENROLLED',
      level: null,
      verifierOrganisationId: null,
      city: { id: CITY },
      sampleData: false,
    });
    const assigned = (await run(ASSIGN, { cityId: CITY, year: YEAR, org: ORG }, await tokens.wccd())).assignVerifier;
    expect(assigned).toMatchObject({ status: 'ENROLLED', verifierOrganisationId: ORG, verifierOrganisation: 'Bureau Veritas', level: null });
  });

  test("3. the city's officer saves all 100 values in one call and submits the year", async () => {
    const saved = (await run(SAVE, { input: { cityId: CITY, year: YEAR, expectedVersion: 0, values: VALUES } }, await tokens.officer())).saveIndicatorValues;
    expect(saved).toMatchObject({ cityId: CITY, year: YEAR, version: 1, draftCount: 100, submittedCount: 0, verifiedCount: 0, rejectedCount: 0 });
    expect(saved.values.map((v: any) => [v.indicator.id, v.value, v.status])).toEqual(VALUES.map((v) => [v.indicatorId, v.value, 'DRAFT']));
    const submitted = (await run(SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: saved.version }, await tokens.officer())).submitIndicatorYear;
    expect(submitted).toMatchObject({ version: 2, draftCount: 0, submittedCount: 100 });
    // Submitted values are not public yet.
    expect((await run(`{ city(id: "${CITY}") { indicators(year: ${YEAR}) { status } } }`, {})).city.indicators).toEqual([]);
    // The certification follows the work: DATA_SUBMITTED.
    await settle(t);
    expect((await run(`{ certification(cityId: "${CITY}", year: ${YEAR}) { status } }`, {})).certification).toEqual({ status: 'DATA_SUBMITTED' });
    version = submitted.version;
  });

  test('4. the verifier (another person) verifies 80 values and rejects 5 with notes', async () => {
    const first = (
      await run(
        VERIFY,
        { input: { cityId: CITY, year: YEAR, verdicts: verdicts(FIRST_VERIFIED, 'VERIFIED', () => 'Matches the source') } },
        await tokens.verifier(),
      )
    ).verifyIndicatorValues;
    expect(first).toMatchObject({ version: version + 1, verifiedCount: 80, submittedCount: 20, rejectedCount: 0 });
    const second = (
      await run(VERIFY, { input: { cityId: CITY, year: YEAR, verdicts: verdicts(REJECTED, 'REJECTED', rejectionNote) } }, await tokens.verifier())
    ).verifyIndicatorValues;
    expect(second).toMatchObject({ version: version + 2, verifiedCount: 80, submittedCount: 15, rejectedCount: 5 });
    const rejected = second.values.filter((v: any) => v.status === 'REJECTED');
    expect(rejected.map((v: any) => [v.indicator.id, v.verifierNote])).toEqual(ALL.filter((id) => REJECTED.includes(id)).map((id) => [id, rejectionNote(id)]));
    // The first verdict started the verification.
    await settle(t);
    expect((await run(`{ certification(cityId: "${CITY}", year: ${YEAR}) { status } }`, {})).certification).toEqual({ status: 'UNDER_VERIFICATION' });
    version = second.version;
  });

  test('5. the officer corrects the 5 rejected values and resubmits them', async () => {
    const report = (await run(REPORT, { id: CITY, year: YEAR }, await tokens.officer())).city.indicatorReport;
    expect(report.version).toBe(version);
    const saved = (await run(SAVE, { input: { cityId: CITY, year: YEAR, expectedVersion: version, values: CORRECTED } }, await tokens.officer()))
      .saveIndicatorValues;
    expect(saved).toMatchObject({ version: version + 1, draftCount: 5, rejectedCount: 0, verifiedCount: 80, submittedCount: 15 });
    for (const c of CORRECTED)
      expect(saved.values.find((v: any) => v.indicator.id === c.indicatorId)).toMatchObject({ value: c.value, status: 'DRAFT', source: c.source });
    const submitted = (await run(SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: saved.version }, await tokens.officer())).submitIndicatorYear;
    expect(submitted).toMatchObject({ version: version + 2, draftCount: 0, submittedCount: 20, verifiedCount: 80 });
    version = submitted.version;
  });

  test('6. the verifier verifies the corrected values', async () => {
    const report = (
      await run(
        VERIFY,
        { input: { cityId: CITY, year: YEAR, verdicts: verdicts(REJECTED, 'VERIFIED', () => 'Corrected figure matches the census') } },
        await tokens.verifier(),
      )
    ).verifyIndicatorValues;
    expect(report).toMatchObject({ version: version + 1, verifiedCount: 85, submittedCount: 15, rejectedCount: 0, draftCount: 0 });
    const statuses = Object.fromEntries(report.values.map((v: any) => [v.indicator.id, v.status]));
    expect(
      Object.keys(statuses)
        .filter((id) => statuses[id] === 'SUBMITTED')
        .sort(),
    ).toEqual([...LEFT_SUBMITTED].sort());
    const coverage = (await run(`{ city(id: "${CITY}") { indicatorCoverage(year: ${YEAR}) { coreVerified supportingVerified earnedLevel } } }`, {})).city
      .indicatorCoverage;
    expect(coverage).toEqual({ coreVerified: CORE_VERIFIED, supportingVerified: SUPPORTING_VERIFIED, earnedLevel: EXPECTED_LEVEL });
  });

  test('7. WCCD staff award the level the verified coverage earns', async () => {
    // The coverage certification decides on is what the indicators events told it.
    await settle(t);
    // Above the earned level is refused, and changes nothing.
    const certifications = t.stack.subgraphs.certification.service.db.collection('certifications');
    const before = await certifications.findOne({ _id: `${CITY}:${YEAR}` as any });
    const refused = await t.query(AWARD, { cityId: CITY, year: YEAR, level: 'BRONZE' }, { token: await tokens.wccd() });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'level' });
    expect(await certifications.findOne({ _id: `${CITY}:${YEAR}` as any })).toEqual(before);
    expect(before).toMatchObject({ status: 'UNDER_VERIFICATION' });
    const awarded = (await run(AWARD, { cityId: CITY, year: YEAR }, await tokens.wccd())).awardCertification;
    expect(awarded).toMatchObject({ year: YEAR, status: 'CERTIFIED', level: EXPECTED_LEVEL, awardedAt: AT, verifierOrganisationId: ORG, city: { id: CITY } });
  });

  test('8. the registry lists the city at that level for that year, and as its latest certification', async () => {
    const REGISTRY = `query($year: Int) { registry(year: $year, first: 100) { totalCount edges { node { city { id name country } year level status coverage { coreVerified supportingVerified earnedLevel } } } } }`;
    const expected = {
      city: { id: CITY, name: 'Tagum City', country: 'PH' },
      year: YEAR,
      level: EXPECTED_LEVEL,
      status: 'CERTIFIED',
      coverage: { coreVerified: CORE_VERIFIED, supportingVerified: SUPPORTING_VERIFIED, earnedLevel: EXPECTED_LEVEL },
    };
    const ofYear = (await run(REGISTRY, { year: YEAR })).registry;
    expect(ofYear.edges.map((e: any) => e.node)).toEqual([expected]);
    const latest = (await run(REGISTRY, { year: null })).registry;
    expect(latest.totalCount).toBeLessThanOrEqual(100);
    expect(latest.edges.map((e: any) => e.node).filter((n: any) => n.city.id === CITY)).toEqual([expected]);
    expect((await run(`{ city(id: "${CITY}") { certification { year level status } } }`, {})).city.certification).toEqual({
      year: YEAR,
      level: EXPECTED_LEVEL,
      status: 'CERTIFIED',
    });
    // The public now sees the 85 VERIFIED values, and only those.
    const publicValues = (await run(`{ city(id: "${CITY}") { indicators(year: ${YEAR}) { indicator { id } status } } }`, {})).city.indicators;
    expect(publicValues.map((v: any) => v.indicator.id).sort()).toEqual([...FINALLY_VERIFIED].sort());
  });

  test('9. its gap to Platinum: the unverified core indicators, no supporting ones needed, their themes first', async () => {
    const GAP = `query($id: ID!, $year: Int!) { city(id: $id) { certificationGap(year: $year, target: PLATINUM) {
      target requiredCoreVerified requiredSupportingVerified coreVerified supportingVerified coreNeeded supportingNeeded reached
      missingCore { id } unverifiedCore { id } gapThemes upcomingWorkshops { id } } } }`;
    const gap = (await run(GAP, { id: CITY, year: YEAR })).city.certificationGap;
    const unverifiedCore = CORE.filter((id) => !FINALLY_VERIFIED.includes(id)); // clause order
    expect(unverifiedCore).toEqual(['8.2', '21.2', '21.3']);
    // Core gaps by theme, most work first: Water and Sanitation (2), then Environment (1).
    const themeOf = (id: string) => catalogue.indicators.find((i) => i.id === id)!.theme;
    const work = new Map<string, number>();
    for (const id of unverifiedCore) work.set(themeOf(id), (work.get(themeOf(id)) ?? 0) + 1);
    const themes = [...work].sort((a, b) => b[1] - a[1]).map(([theme]) => theme);
    expect(themes).toEqual(['Water and Sanitation', 'Environment']);
    expect(gap).toMatchObject({
      target: 'PLATINUM',
      requiredCoreVerified: PLATINUM.minCoreVerified,
      requiredSupportingVerified: PLATINUM.minSupportingVerified,
      coreVerified: CORE_VERIFIED,
      supportingVerified: SUPPORTING_VERIFIED,
      coreNeeded: PLATINUM.minCoreVerified - CORE_VERIFIED,
      supportingNeeded: Math.max(0, PLATINUM.minSupportingVerified - SUPPORTING_VERIFIED),
      reached: false,
      missingCore: [],
      unverifiedCore: unverifiedCore.map((id) => ({ id })),
      gapThemes: themes,
    });
    expect(gap.supportingNeeded).toBe(0);
    // Workshops: scheduled, upcoming, on a gap theme, soonest first (at most 10), from the sample data.
    const workshops = t.dataset.workshops.workshops
      .filter((w) => w.status === 'SCHEDULED' && w.startsAt > TEST_NOW && w.themes.some((th) => themes.includes(th)))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .slice(0, 10)
      .map((w) => ({ id: w._id }));
    expect(workshops.length).toBeGreaterThan(0);
    expect(gap.upcomingWorkshops).toEqual(workshops);
  });

  test('10. the audit trail shows every step in order: who, what, old → new', async () => {
    const TRAIL = `query($cityId: ID!, $year: Int!) { auditTrail(cityId: $cityId, year: $year) {
      valueChanges { at actor actorRoles action subject old new }
      certificationChanges { at actor actorRoles action subject old new } } }`;
    const trail = (await run(TRAIL, { cityId: CITY, year: YEAR }, await tokens.officer())).auditTrail;
    // The officer and WCCD staff read the same trail.
    expect((await run(TRAIL, { cityId: CITY, year: YEAR }, await tokens.wccd())).auditTrail).toEqual(trail);

    // Certification: opened, verifier assigned, awarded — by WCCD staff; data submitted and the
    // verification started by the work of the officer and the verifier (told by the indicators events).
    expect(trail.certificationChanges).toEqual([
      {
        at: AT,
        actor: PEOPLE.wccd.sub,
        actorRoles: ['WCCD_STAFF'],
        action: 'CERTIFICATION_OPENED',
        subject: 'certification',
        old: null,
        new: expect.objectContaining({ status: 'ENROLLED', level: null }),
      },
      {
        at: AT,
        actor: PEOPLE.wccd.sub,
        actorRoles: ['WCCD_STAFF'],
        action: 'VERIFIER_ASSIGNED',
        subject: 'certification',
        old: expect.objectContaining({ status: 'ENROLLED', verifierOrganisationId: null }),
        new: expect.objectContaining({ status: 'ENROLLED', verifierOrganisationId: ORG }),
      },
      {
        at: AT,
        actor: PEOPLE.officer.sub,
        actorRoles: ['CITY_OFFICER'],
        action: 'DATA_SUBMITTED',
        subject: 'certification',
        old: expect.objectContaining({ status: 'ENROLLED' }),
        new: expect.objectContaining({ status: 'DATA_SUBMITTED', event: `indicators.submitted:${CITY}:${YEAR}:v2` }),
      },
      {
        at: AT,
        actor: PEOPLE.verifier.sub,
        actorRoles: ['VERIFIER'],
        action: 'VERIFICATION_STARTED',
        subject: 'certification',
        old: expect.objectContaining({ status: 'DATA_SUBMITTED' }),
        new: expect.objectContaining({ status: 'UNDER_VERIFICATION', event: `indicators.verdict:${CITY}:${YEAR}:v3` }),
      },
      {
        at: AT,
        actor: PEOPLE.wccd.sub,
        actorRoles: ['WCCD_STAFF'],
        action: 'CERTIFICATION_AWARDED',
        subject: 'certification',
        old: expect.objectContaining({ status: 'UNDER_VERIFICATION', level: null }),
        new: expect.objectContaining({ status: 'CERTIFIED', level: EXPECTED_LEVEL, awardedAt: AT }),
      },
    ]);

    // Values: the steps as runs of one action by one person, in the order they happened.
    const runs: [string, string, number][] = [];
    for (const e of trail.valueChanges) {
      const last = runs.at(-1);
      if (last && last[0] === e.action && last[1] === e.actor) last[2]++;
      else runs.push([e.action, e.actor, 1]);
    }
    expect(runs).toEqual([
      ['VALUE_ENTERED', PEOPLE.officer.sub, 100],
      ['VALUE_SUBMITTED', PEOPLE.officer.sub, 100],
      ['VALUE_VERIFIED', PEOPLE.verifier.sub, 80],
      ['VALUE_REJECTED', PEOPLE.verifier.sub, 5],
      ['VALUE_CHANGED', PEOPLE.officer.sub, 5],
      ['VALUE_SUBMITTED', PEOPLE.officer.sub, 5],
      ['VALUE_VERIFIED', PEOPLE.verifier.sub, 5],
    ]);
    const roleOf: Record<string, string> = { [PEOPLE.officer.sub]: 'CITY_OFFICER', [PEOPLE.verifier.sub]: 'VERIFIER' };
    for (const e of trail.valueChanges) {
      expect(e.at).toBe(AT);
      expect(e.actorRoles).toEqual([roleOf[e.actor]]);
    }

    // Each indicator's own history, with the old and new value and status at every step.
    const historyOf = (id: string) =>
      trail.valueChanges.filter((e: any) => e.subject === id).map((e: any) => [e.action, e.old && [e.old.value, e.old.status], [e.new.value, e.new.status]]);
    for (const id of ALL) {
      const v = submittedValue(id);
      const entered = [
        ['VALUE_ENTERED', null, [v, 'DRAFT']],
        ['VALUE_SUBMITTED', [v, 'DRAFT'], [v, 'SUBMITTED']],
      ];
      if (LEFT_SUBMITTED.includes(id)) expect(historyOf(id)).toEqual(entered);
      else if (FIRST_VERIFIED.includes(id)) expect(historyOf(id)).toEqual([...entered, ['VALUE_VERIFIED', [v, 'SUBMITTED'], [v, 'VERIFIED']]]);
      else {
        const c = CORRECTED.find((x) => x.indicatorId === id)!.value;
        expect(historyOf(id)).toEqual([
          ...entered,
          ['VALUE_REJECTED', [v, 'SUBMITTED'], [v, 'REJECTED']],
          ['VALUE_CHANGED', [v, 'REJECTED'], [c, 'DRAFT']],
          ['VALUE_SUBMITTED', [c, 'DRAFT'], [c, 'SUBMITTED']],
          ['VALUE_VERIFIED', [c, 'SUBMITTED'], [c, 'VERIFIED']],
        ]);
      }
    }
    // The rejection carries the verifier's note; the correction the officer's new source.
    const rejection = trail.valueChanges.find((e: any) => e.action === 'VALUE_REJECTED' && e.subject === '5.1');
    expect(rejection.new).toMatchObject({ verifierNote: rejectionNote('5.1'), verifierOrgId: ORG });
    const correction = trail.valueChanges.find((e: any) => e.action === 'VALUE_CHANGED' && e.subject === '5.1');
    expect(correction.new).toMatchObject({ source: `Tagum City census ${YEAR}`, note: 'Corrected after verification' });

    // The membership steps are in CityNet's own audit log (not part of the certification trail). Its
    // entries have random ids and, with the clock pinned, equal times: compared by action, not order.
    const membershipAudit = await t.stack.subgraphs.membership.service.db.collection('audit').find({ cityId: CITY }).toArray();
    const byAction = Object.fromEntries(membershipAudit.map((e) => [e.action, e]));
    expect(membershipAudit).toHaveLength(3);
    expect(byAction['city.created']).toMatchObject({
      actor: PEOPLE.citynet.sub,
      actorRoles: ['CITYNET_STAFF'],
      old: null,
      new: { _id: CITY, name: 'Tagum City' },
    });
    expect(byAction['member.admitted']).toMatchObject({ actor: PEOPLE.citynet.sub, old: null, new: { _id: CITY, category: 'FULL', status: 'ACTIVE' } });
    expect(byAction['city.enrolled']).toMatchObject({
      actor: PEOPLE.citynet.sub,
      old: null,
      new: { round: 2026, enrolledOn: TODAY, subsidisedUntil: '2029-11-27' },
    });
  });
});
