/**
 * City.certificationGap across three subgraphs through the gateway: thresholds from certification,
 * what is missing from indicators (@requires), workshops on the gap's themes (@requires gapThemes).
 * Expectations are worked out here from the sample dataset, independently of the resolvers.
 */
import catalogue from '../../data/catalogues/iso37120-2014.json';
import { startTestStack, TEST_NOW, type TestStack } from '../support/stack';

const GAP = `query Gap($id: ID!, $year: Int!, $target: CertificationLevel!) {
  city(id: $id) {
    certificationGap(year: $year, target: $target) {
      target requiredCoreVerified requiredSupportingVerified
      coreVerified supportingVerified coreNeeded supportingNeeded reached
      missingCore { id } unverifiedCore { id }
      gapThemes
      upcomingWorkshops { id title themes startsAt }
      mentorCandidates { city { id name certification { level } } dataYear verifiedThemes }
    }
  }
}`;

const CORE = catalogue.indicators.filter((i) => i.kind === 'core');
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

function statusesOf(cityId: string, year: number): Map<string, string> {
  return new Map(t.dataset.indicators.indicator_values.filter((v) => v.cityId === cityId && v.year === year).map((v) => [v.indicatorId, v.status]));
}

test('Kuala Lumpur 2016 (Silver) to Platinum: supporting indicators are the gap, with workshops and mentors for it', async () => {
  const { data, errors } = await t.query(GAP, { id: 'kuala-lumpur', year: 2016, target: 'PLATINUM' });
  expect(errors).toBeUndefined();
  const gap = data.city.certificationGap;
  const statuses = statusesOf('kuala-lumpur', 2016);
  const supportingVerified = catalogue.indicators.filter((i) => i.kind === 'supporting' && statuses.get(i.id) === 'VERIFIED').length;
  expect(gap).toMatchObject({
    target: 'PLATINUM',
    requiredCoreVerified: 46,
    requiredSupportingVerified: 34,
    coreVerified: 46,
    supportingVerified,
    coreNeeded: 0,
    supportingNeeded: 34 - supportingVerified,
    reached: false,
    missingCore: [],
    unverifiedCore: [],
  });
  expect(gap.gapThemes.length).toBeGreaterThan(0);
  // Every gap theme has supporting indicators Kuala Lumpur has not had verified.
  for (const theme of gap.gapThemes) {
    expect(catalogue.indicators.some((i) => i.theme === theme && i.kind === 'supporting' && statuses.get(i.id) !== 'VERIFIED')).toBe(true);
  }
  // Workshops: upcoming, scheduled, on a gap theme, soonest first.
  const expectedWorkshops = t.dataset.workshops.workshops
    .filter((w) => w.status === 'SCHEDULED' && w.startsAt > TEST_NOW && w.themes.some((th) => gap.gapThemes.includes(th)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, 10)
    .map((w) => w._id);
  expect(gap.upcomingWorkshops.map((w: { id: string }) => w.id)).toEqual(expectedWorkshops);
  expect(expectedWorkshops.length).toBeGreaterThan(0);
  // Mentors: latest certification Silver or higher, not Kuala Lumpur, verified in at least one gap theme.
  expect(gap.mentorCandidates.length).toBeGreaterThan(0);
  for (const m of gap.mentorCandidates) {
    expect(m.city.id).not.toBe('kuala-lumpur');
    expect(['SILVER', 'GOLD', 'PLATINUM']).toContain(m.city.certification.level);
    const mentorStatuses = statusesOf(m.city.id, m.dataYear);
    for (const theme of m.verifiedThemes) {
      expect(gap.gapThemes).toContain(theme);
      const core = CORE.filter((i) => i.theme === theme);
      const required = core.length ? core : catalogue.indicators.filter((i) => i.theme === theme);
      expect(required.every((i) => mentorStatuses.get(i.id) === 'VERIFIED')).toBe(true);
    }
  }
  const counts = gap.mentorCandidates.map((m: { verifiedThemes: string[] }) => m.verifiedThemes.length);
  expect([...counts].sort((a, b) => b - a)).toEqual(counts);
});

test('Lalitpur 2016 (Aspirational) to Bronze: the missing and unverified core indicators, core themes first', async () => {
  const { data, errors } = await t.query(GAP, { id: 'lalitpur', year: 2016, target: 'BRONZE' });
  expect(errors).toBeUndefined();
  const gap = data.city.certificationGap;
  const statuses = statusesOf('lalitpur', 2016);
  const missing = CORE.filter((i) => !statuses.has(i.id)).map((i) => i.id);
  const unverified = CORE.filter((i) => statuses.has(i.id) && statuses.get(i.id) !== 'VERIFIED').map((i) => i.id);
  expect(gap.missingCore.map((i: { id: string }) => i.id)).toEqual(missing);
  expect(gap.unverifiedCore.map((i: { id: string }) => i.id)).toEqual(unverified);
  expect(gap.coreNeeded).toBe(missing.length + unverified.length);
  expect(gap.coreNeeded).toBeGreaterThan(0);
  const coreThemes = new Set(CORE.filter((i) => missing.includes(i.id) || unverified.includes(i.id)).map((i) => i.theme));
  expect(new Set(gap.gapThemes.slice(0, coreThemes.size))).toEqual(coreThemes);
});

test('a target already met has no gap; Makati to Platinum', async () => {
  const { data, errors } = await t.query(GAP, { id: 'makati', year: 2014, target: 'PLATINUM' });
  expect(errors).toBeUndefined();
  expect(data.city.certificationGap).toMatchObject({
    reached: true,
    coreNeeded: 0,
    supportingNeeded: 0,
    gapThemes: [],
    upcomingWorkshops: [],
    mentorCandidates: [],
  });
});

test('the mentor pool is internal: not in the public API', async () => {
  const { errors } = await t.query('{ city(id: "makati") { certificationGap(year: 2014, target: GOLD) { mentorPool } } }');
  expect(errors?.[0].message).toMatch(/Cannot query field "mentorPool"/);
});

test('a year outside the programme is BAD_USER_INPUT', async () => {
  const { errors } = await t.query(GAP, { id: 'makati', year: 1999, target: 'GOLD' });
  expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(errors?.[0].message).toContain('year');
});
