/**
 * The certification workflow through the gateway with real tokens (WCCD staff): open, assign a
 * verifier (the status follows the work: indicators' events), award (never above the level the
 * VERIFIED coverage earns, never a data year past its validity) or reject; the registry shows each
 * city's latest certified year.
 */
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import {
  ASSIGN,
  AWARD,
  certificationDb,
  CORE,
  expectRefusedUnchanged,
  officer,
  ok,
  OPEN,
  openAndSubmit,
  REJECT,
  SAVE,
  settle,
  staff,
  SUBMIT,
  SUPPORTING,
  validValues,
  verifier,
  verifyAll,
} from './wccd-helpers';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const REGISTRY = `{ registry(first: 100) { edges { node { city { id } year level } } } }`;
const latestOf = async (cityId: string) => (await ok(t, REGISTRY, {})).registry.edges.map((e: any) => e.node).filter((n: any) => n.city.id === cityId);

describe('configuration and the migrated seed', () => {
  test('verifier organisations are listed; seeded certifications carry the organisation id', async () => {
    const data = await ok(
      t,
      `{ verifierOrganisations { id name } certification(cityId: "seoul", year: 2016) { status verifierOrganisation verifierOrganisationId } }`,
      {},
    );
    expect(data.verifierOrganisations).toEqual([
      { id: 'bsi', name: 'BSI Group' },
      { id: 'bureau-veritas', name: 'Bureau Veritas' },
      { id: 'sgs', name: 'SGS' },
      { id: 'dnv', name: 'DNV' },
      { id: 'tuv-sud', name: 'TÜV SÜD' },
    ]);
    expect(data.certification).toEqual({ status: 'UNDER_VERIFICATION', verifierOrganisation: 'Bureau Veritas', verifierOrganisationId: 'bureau-veritas' });
  });
});

describe('open and assign', () => {
  const key = { cityId: 'incheon', year: 2020 };

  test('staff open a certification (ENROLLED) with the country membership announced; again is a CONFLICT', async () => {
    const data = await ok(t, OPEN, key, await staff());
    expect(data.openCertification).toMatchObject({
      id: 'incheon:2020',
      status: 'ENROLLED',
      level: null,
      verifierOrganisation: null,
      sampleData: false,
      city: { id: 'incheon' },
    });
    expect(
      await certificationDb(t)
        .collection('certifications')
        .findOne({ _id: 'incheon:2020' as any }),
    ).toMatchObject({ country: 'KR', status: 'ENROLLED', latest: false, version: 1 });
    await expectRefusedUnchanged(t, key, OPEN, key, await staff(), { code: 'CONFLICT' });
  });

  test('an unknown city is NOT_FOUND; a year outside the programme BAD_USER_INPUT; only staff may open', async () => {
    await expectRefusedUnchanged(t, { cityId: 'atlantis', year: 2020 }, OPEN, { cityId: 'atlantis', year: 2020 }, await staff(), { code: 'NOT_FOUND' });
    await expectRefusedUnchanged(t, { cityId: 'incheon', year: 2031 }, OPEN, { cityId: 'incheon', year: 2031 }, await staff(), {
      code: 'BAD_USER_INPUT',
      field: 'year',
    });
    const k = { cityId: 'incheon', year: 2023 };
    await expectRefusedUnchanged(t, k, OPEN, k, undefined, { code: 'UNAUTHENTICATED' });
    for (const tokenValue of [await officer('incheon'), await verifier('sgs'), await tokenFor('CITYNET_STAFF'), await tokenFor('PARTNER_APP')]) {
      await expectRefusedUnchanged(t, k, OPEN, k, tokenValue, { code: 'FORBIDDEN' });
    }
  });

  test('assigning an unknown organisation is BAD_USER_INPUT; a known one is assigned (the status stays); re-assigning is allowed', async () => {
    await expectRefusedUnchanged(t, key, ASSIGN, { ...key, org: 'acme' }, await staff(), { code: 'BAD_USER_INPUT', field: 'verifierOrganisationId' });
    await expectRefusedUnchanged(t, key, ASSIGN, { ...key, org: 'bsi' }, await verifier('bsi'), { code: 'FORBIDDEN' });
    const data = await ok(t, ASSIGN, { ...key, org: 'bsi' }, await staff());
    expect(data.assignVerifier).toMatchObject({ status: 'ENROLLED', verifierOrganisationId: 'bsi', verifierOrganisation: 'BSI Group' });
    const again = await ok(t, ASSIGN, { ...key, org: 'dnv' }, await staff());
    expect(again.assignVerifier).toMatchObject({ status: 'ENROLLED', verifierOrganisationId: 'dnv', verifierOrganisation: 'DNV' });
    await expectRefusedUnchanged(t, { cityId: 'incheon', year: 2024 }, ASSIGN, { cityId: 'incheon', year: 2024, org: 'bsi' }, await staff(), {
      code: 'NOT_FOUND',
    });
  });
});

describe('awarding', () => {
  const CITY = 'lalitpur'; // sample data: ASPIRATIONAL for 2016, its latest certified year
  const ORG = 'tuv-sud';

  test('fewer than 30 verified core indicators cannot be certified', async () => {
    await openAndSubmit(t, CITY, 2025, ORG);
    await verifyAll(t, CITY, 2025, ORG, CORE.slice(0, 29));
    await expectRefusedUnchanged(t, { cityId: CITY, year: 2025 }, AWARD, { cityId: CITY, year: 2025 }, await staff(), {
      code: 'CONFLICT',
      message: /29 verified core/,
    });
    await expectRefusedUnchanged(t, { cityId: CITY, year: 2025 }, AWARD, { cityId: CITY, year: 2025, level: 'ASPIRATIONAL' }, await staff(), {
      code: 'CONFLICT',
    });
  });

  test('a data year already past the validity period cannot be awarded (CONFLICT naming the year)', async () => {
    // Verified well enough for PLATINUM, but 2020 is more than 2 years before the current year (2026).
    await openAndSubmit(t, CITY, 2020, ORG);
    await verifyAll(t, CITY, 2020, ORG, [...CORE, ...SUPPORTING]);
    await expectRefusedUnchanged(t, { cityId: CITY, year: 2020 }, AWARD, { cityId: CITY, year: 2020 }, await staff(), {
      code: 'CONFLICT',
      field: 'year',
      message: /^"year" 2020 is past the validity period: a certification of data year 2020 is in force only until 2022/,
    });
  });

  test('never above the earned level; a lower one may be awarded; the newer year becomes the latest', async () => {
    // 46 core + 20 supporting earn SILVER.
    await verifyAll(t, CITY, 2025, ORG, [...CORE.slice(29), ...SUPPORTING.slice(0, 20)]);
    const key = { cityId: CITY, year: 2025 };
    await expectRefusedUnchanged(t, key, AWARD, { ...key, level: 'GOLD' }, await staff(), { code: 'CONFLICT', message: /earns SILVER/ });
    await expectRefusedUnchanged(t, key, AWARD, { ...key, level: 'PLATINUM' }, await staff(), { code: 'CONFLICT' });
    await expectRefusedUnchanged(t, key, AWARD, { ...key, level: 'BRONZE' }, await officer(CITY), { code: 'FORBIDDEN' });
    expect(await latestOf(CITY)).toEqual([{ city: { id: CITY }, year: 2016, level: 'ASPIRATIONAL' }]);

    const data = await ok(t, AWARD, { ...key, level: 'BRONZE' }, await staff());
    expect(data.awardCertification).toMatchObject({ status: 'CERTIFIED', level: 'BRONZE', awardedAt: '2026-11-28T00:00:00.000Z' });
    expect(await latestOf(CITY)).toEqual([{ city: { id: CITY }, year: 2025, level: 'BRONZE' }]);
    const flags = await certificationDb(t).collection('certifications').find({ cityId: CITY, latest: true }).toArray();
    expect(flags.map((c) => c._id)).toEqual([`${CITY}:2025`]);
    expect(
      await certificationDb(t)
        .collection('certifications')
        .findOne({ _id: `${CITY}:2025` as any }),
    ).toMatchObject({ levelRank: 2 });
  });

  test('re-certifying an older year does not move the latest flag; the level defaults to the earned one', async () => {
    await openAndSubmit(t, CITY, 2024, ORG);
    await verifyAll(t, CITY, 2024, ORG, [...CORE, ...SUPPORTING.slice(0, 40)]);
    const data = await ok(t, AWARD, { cityId: CITY, year: 2024 }, await staff());
    expect(data.awardCertification).toMatchObject({ status: 'CERTIFIED', level: 'PLATINUM' });
    expect(await latestOf(CITY)).toEqual([{ city: { id: CITY }, year: 2025, level: 'BRONZE' }]);
    const flags = await certificationDb(t).collection('certifications').find({ cityId: CITY, latest: true }).toArray();
    expect(flags.map((c) => c._id)).toEqual([`${CITY}:2025`]);
    // The registry of one year still lists it.
    const of2024 = await ok(t, `{ registry(year: 2024) { edges { node { city { id } level } } } }`, {});
    expect(of2024.registry.edges.map((e: any) => e.node)).toEqual([{ city: { id: CITY }, level: 'PLATINUM' }]);
  });
});

describe('read your writes through the gateway caches', () => {
  // Public reads of what each change touches: the city's certification fields, the lookup, the
  // registry and a mentor pool. Each change must invalidate them before its answer arrives.
  const READ = `query Seen($id: ID!, $year: Int!) {
    city(id: $id) { certification { year status level } certifications { year status } }
    certification(cityId: $id, year: $year) { status level verifierOrganisationId }
    registry(first: 100) { totalCount edges { node { id } } }
  }`;
  const GAP = `query Mentors { city(id: "lalitpur") { certificationGap(year: 2016, target: GOLD) { mentorCandidates { city { id } } } } }`;
  const seen = async (key: { cityId: string; year: number }) => {
    // Twice: the second answer comes from the caches when they hold it.
    await ok(t, READ, { id: key.cityId, year: key.year });
    return ok(t, READ, { id: key.cityId, year: key.year });
  };

  test('open, assign, the work, award and reject are visible to the next anonymous read', async () => {
    const key = { cityId: 'busan', year: 2025 };
    const s = await staff();
    const before = await seen(key);
    expect(before.certification).toBeNull();
    const mentorsBefore = (await ok(t, GAP, {})).city.certificationGap.mentorCandidates.map((m: any) => m.city.id);
    expect((await ok(t, GAP, {})).city.certificationGap.mentorCandidates.map((m: any) => m.city.id)).toEqual(mentorsBefore);

    await ok(t, OPEN, key, s);
    let now = await seen(key);
    expect(now.certification).toEqual({ status: 'ENROLLED', level: null, verifierOrganisationId: null });
    expect(now.city.certification).toEqual({ year: 2025, status: 'ENROLLED', level: null });

    await ok(t, ASSIGN, { ...key, org: 'sgs' }, s);
    now = await seen(key);
    expect(now.certification).toEqual({ status: 'ENROLLED', level: null, verifierOrganisationId: 'sgs' });

    // Every core and 20 supporting indicators verified: SILVER, so Busan becomes a possible mentor.
    // The status follows (events): the caches drop what the event-driven changes changed too.
    await openAndSubmitValues(key, async () => {
      expect((await seen(key)).certification).toEqual({ status: 'DATA_SUBMITTED', level: null, verifierOrganisationId: 'sgs' });
    });
    expect((await seen(key)).certification).toEqual({ status: 'UNDER_VERIFICATION', level: null, verifierOrganisationId: 'sgs' });
    await ok(t, AWARD, key, s);
    now = await seen(key);
    expect(now.certification).toMatchObject({ status: 'CERTIFIED', level: 'SILVER' });
    expect(now.city.certifications[0]).toEqual({ year: 2025, status: 'CERTIFIED' });
    expect(now.registry.edges.map((e: any) => e.node.id)).toContain('busan:2025');
    expect(now.registry.totalCount).toBe(before.registry.totalCount + (before.registry.edges.some((e: any) => e.node.id.startsWith('busan:')) ? 0 : 1));
    const mentorsAfter = (await ok(t, GAP, {})).city.certificationGap.mentorCandidates.map((m: any) => m.city.id);
    expect(mentorsAfter).toContain('busan');

    const other = { cityId: 'busan', year: 2026 };
    await ok(t, OPEN, other, s);
    await seen(other);
    await ok(t, REJECT, { ...other, reason: 'Withdrawn' }, s);
    expect((await seen(other)).certification).toEqual({ status: 'REJECTED', level: null, verifierOrganisationId: null });
  });

  /** The city's officer saves and submits every value (then `submitted` looks); the verifier verifies every core and 20 supporting ones. */
  async function openAndSubmitValues(key: { cityId: string; year: number }, submitted: () => Promise<void>) {
    const officerToken = await officer(key.cityId);
    const saved = await ok(t, SAVE, { input: { ...key, expectedVersion: 0, values: validValues() } }, officerToken);
    await ok(t, SUBMIT, { ...key, expectedVersion: saved.saveIndicatorValues.version }, officerToken);
    await settle(t);
    await submitted();
    await verifyAll(t, key.cityId, key.year, 'sgs', [...CORE, ...SUPPORTING.slice(0, 20)]);
  }
});

describe('the state machine: anything else is a CONFLICT', () => {
  test('award before verification, assign/award/reject after a decision', async () => {
    const key = { cityId: 'kuala-lumpur', year: 2022 };
    const s = await staff();
    await ok(t, OPEN, key, s);
    await expectRefusedUnchanged(t, key, AWARD, key, s, { code: 'CONFLICT', message: /ENROLLED/ });
    await expectRefusedUnchanged(t, key, REJECT, { ...key, reason: '   ' }, s, { code: 'BAD_USER_INPUT', field: 'reason' });
    await expectRefusedUnchanged(t, key, REJECT, { ...key, reason: 'Withdrawn' }, await officer('kuala-lumpur'), { code: 'FORBIDDEN' });
    const rejected = await ok(t, REJECT, { ...key, reason: 'The city withdrew from this round' }, s);
    expect(rejected.rejectCertification).toMatchObject({ status: 'REJECTED', rejectionReason: 'The city withdrew from this round' });
    // The reason is not public.
    const pub = await ok(t, `{ certification(cityId: "kuala-lumpur", year: 2022) { status rejectionReason } }`, {});
    expect(pub.certification).toEqual({ status: 'REJECTED', rejectionReason: null });
    for (const [query, vars] of [
      [ASSIGN, { ...key, org: 'sgs' }],
      [AWARD, key],
      [REJECT, { ...key, reason: 'again' }],
    ] as const) {
      await expectRefusedUnchanged(t, key, query, vars, s, { code: 'CONFLICT' });
    }
    // A CERTIFIED certification (sample data) is final too.
    const certified = { cityId: 'makati', year: 2016 };
    for (const [query, vars] of [
      [ASSIGN, { ...certified, org: 'sgs' }],
      [AWARD, certified],
      [REJECT, { ...certified, reason: 'no' }],
    ] as const) {
      await expectRefusedUnchanged(t, certified, query, vars, s, { code: 'CONFLICT' });
    }
  });

  test('two concurrent openings of the same certification: exactly one succeeds', async () => {
    const s = await staff();
    const results = await Promise.all([1, 2, 3].map(() => t.query(OPEN, { cityId: 'penang-island', year: 2022 }, { token: s })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions.code)).toEqual(['CONFLICT', 'CONFLICT']);
  });
});
