/**
 * Verification through the gateway with real tokens: only the organisation assigned to the city and
 * year (a fact of the certification domain, known to indicators from its events), only SUBMITTED
 * values, never one's own values (four-eyes, per value) and never a city one is affiliated with
 * (conflicts of interest: test/workflows/conflicts.test.ts); rejected values go back to the city to
 * be corrected and resubmitted.
 */
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import {
  ALL_IDS,
  ASSIGN,
  expectRefusedUnchanged,
  officer,
  ok,
  OPEN,
  openAndSubmit,
  REPORT,
  SAVE,
  settle,
  staff,
  SUBMIT,
  verifier,
  VERIFY,
  verifyAll,
} from './wccd-helpers';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const CITY = 'busan';
const YEAR = 2021;
const ORG = 'sgs';
const key = { cityId: CITY, year: YEAR };
const verify = (verdicts: unknown[], cityId = CITY, year = YEAR) => ({ input: { cityId, year, verdicts } });

describe('verdicts of the assigned verifier', () => {
  beforeAll(async () => {
    await openAndSubmit(t, CITY, YEAR, ORG);
  });

  test('verifies 80 values and rejects 5 with notes', async () => {
    const report = await verifyAll(t, CITY, YEAR, ORG, ALL_IDS.slice(0, 80));
    expect(report).toMatchObject({ verifiedCount: 80, submittedCount: 20 });
    const rejects = ALL_IDS.slice(80, 85).map((indicatorId) => ({ indicatorId, verdict: 'REJECTED', note: `Check ${indicatorId} against the census` }));
    const data = await ok(t, VERIFY, verify(rejects), await verifier(ORG));
    expect(data.verifyIndicatorValues).toMatchObject({ verifiedCount: 80, rejectedCount: 5, submittedCount: 15 });
    const stored = await t.stack.subgraphs.indicators.service.db.collection('indicator_reports').findOne({ _id: `${CITY}:${YEAR}` as any });
    expect(stored!.values.find((v: any) => v.indicatorId === ALL_IDS[80])).toMatchObject({
      status: 'REJECTED',
      verifiedBy: `verifier:${ORG}`,
      verifierOrgId: ORG,
      verifierNote: `Check ${ALL_IDS[80]} against the census`,
    });
  });

  test('only SUBMITTED values get a verdict (CONFLICT naming the verdict), all or nothing', async () => {
    const t0 = await verifier(ORG);
    // values[0] would be fine; values[1] is already VERIFIED.
    await expectRefusedUnchanged(
      t,
      key,
      VERIFY,
      verify([
        { indicatorId: ALL_IDS[90], verdict: 'VERIFIED' },
        { indicatorId: ALL_IDS[0], verdict: 'VERIFIED' },
      ]),
      t0,
      {
        code: 'CONFLICT',
        field: 'verdicts[1].indicatorId',
      },
    );
    await expectRefusedUnchanged(t, key, VERIFY, verify([{ indicatorId: ALL_IDS[80], verdict: 'VERIFIED' }]), t0, { code: 'CONFLICT' }); // REJECTED
  });

  test('bad verdict input is BAD_USER_INPUT naming the field', async () => {
    const t0 = await verifier(ORG);
    await expectRefusedUnchanged(t, key, VERIFY, verify([{ indicatorId: '99.9', verdict: 'VERIFIED' }]), t0, {
      code: 'BAD_USER_INPUT',
      field: 'verdicts[0].indicatorId',
    });
    await expectRefusedUnchanged(t, key, VERIFY, verify([{ indicatorId: ALL_IDS[90], verdict: 'REJECTED' }]), t0, {
      code: 'BAD_USER_INPUT',
      field: 'verdicts[0].note',
    });
    await expectRefusedUnchanged(
      t,
      key,
      VERIFY,
      verify([
        { indicatorId: ALL_IDS[90], verdict: 'VERIFIED' },
        { indicatorId: ALL_IDS[90], verdict: 'REJECTED', note: 'x' },
      ]),
      t0,
      { code: 'BAD_USER_INPUT', field: 'verdicts[1].indicatorId' },
    );
    await expectRefusedUnchanged(t, { cityId: CITY, year: 2031 }, VERIFY, verify([{ indicatorId: '5.1', verdict: 'VERIFIED' }], CITY, 2031), t0, {
      code: 'BAD_USER_INPUT',
      field: 'year',
    });
  });

  test('a verifier of another organisation, and every other role, is refused', async () => {
    const payload = verify([{ indicatorId: ALL_IDS[90], verdict: 'VERIFIED' }]);
    await expectRefusedUnchanged(t, key, VERIFY, payload, await verifier('dnv'), { code: 'FORBIDDEN', message: /not assigned/ });
    await expectRefusedUnchanged(t, key, VERIFY, payload, undefined, { code: 'UNAUTHENTICATED' });
    for (const tokenValue of [await officer(CITY), await staff(), await tokenFor('PARTNER_APP'), await tokenFor('CITYNET_STAFF')]) {
      await expectRefusedUnchanged(t, key, VERIFY, payload, tokenValue, { code: 'FORBIDDEN' });
    }
  });

  test('rejected values go back to the city: corrected (DRAFT again), resubmitted, then verified', async () => {
    const t0 = await officer(CITY);
    const before = (await ok(t, REPORT, { id: CITY, year: YEAR }, t0)).city.indicatorReport;
    const corrections = ALL_IDS.slice(80, 85).map((indicatorId) => ({ indicatorId, value: 11, source: 'Census 2021', note: 'Corrected' }));
    const saved = await ok(t, SAVE, { input: { cityId: CITY, year: YEAR, expectedVersion: before.version, values: corrections } }, t0);
    expect(saved.saveIndicatorValues).toMatchObject({ rejectedCount: 0, draftCount: 5 });
    const submitted = await ok(t, SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: saved.saveIndicatorValues.version }, t0);
    expect(submitted.submitIndicatorYear).toMatchObject({ draftCount: 0, submittedCount: 20 });
    const report = await verifyAll(t, CITY, YEAR, ORG, ALL_IDS.slice(80));
    expect(report).toMatchObject({ verifiedCount: 100, submittedCount: 0, rejectedCount: 0 });
  });

  test('verifier notes are for the city, verifiers and staff; the public sees VERIFIED values without them', async () => {
    const VALUES = `query($id: ID!, $year: Int!) { city(id: $id) { indicators(year: $year, theme: "Economy") { indicator { id } status verifierNote } } }`;
    for (const tokenValue of [await officer(CITY), await verifier('dnv'), await staff()]) {
      const city = (await ok(t, VALUES, { id: CITY, year: YEAR }, tokenValue)).city;
      expect(city.indicators.every((v: any) => v.verifierNote === 'Checked against the source')).toBe(true);
    }
    for (const tokenValue of [undefined, await tokenFor('PARTNER_APP'), await officer('seoul')]) {
      const city = (await ok(t, VALUES, { id: CITY, year: YEAR }, tokenValue)).city;
      expect(city.indicators.length).toBeGreaterThan(0);
      expect(city.indicators.every((v: any) => v.status === 'VERIFIED' && v.verifierNote === null)).toBe(true);
    }
  });
});

describe('the assignment and the certification status come from the certification domain (its events)', () => {
  test('no certification or no verifier assigned: FORBIDDEN; a certification no longer in progress: CONFLICT', async () => {
    const city = 'incheon';
    const t0 = await officer(city);
    await ok(t, SAVE, { input: { cityId: city, year: 2022, expectedVersion: 0, values: [{ indicatorId: '5.1', value: 3 }] } }, t0);
    await ok(t, SUBMIT, { cityId: city, year: 2022, expectedVersion: 1 }, t0);
    const payload = verify([{ indicatorId: '5.1', verdict: 'VERIFIED' }], city, 2022);
    const k = { cityId: city, year: 2022 };
    await expectRefusedUnchanged(t, k, VERIFY, payload, await verifier(ORG), { code: 'FORBIDDEN' }); // no certification
    await ok(t, OPEN, { cityId: city, year: 2022 }, await staff());
    await settle(t);
    await expectRefusedUnchanged(t, k, VERIFY, payload, await verifier(ORG), { code: 'FORBIDDEN', message: /not assigned/ }); // DATA_SUBMITTED, nobody assigned
    // Yokohama 2016 is CERTIFIED (sample data): its verifier can no longer give verdicts.
    const cert = (await ok(t, `{ certification(cityId: "yokohama", year: 2016) { status verifierOrganisationId } }`, {})).certification;
    expect(cert.status).toBe('CERTIFIED');
    expect(cert.verifierOrganisationId).toEqual(expect.any(String));
    await expectRefusedUnchanged(
      t,
      { cityId: 'yokohama', year: 2016 },
      VERIFY,
      verify([{ indicatorId: '5.1', verdict: 'VERIFIED' }], 'yokohama', 2016),
      await verifier(cert.verifierOrganisationId),
      {
        code: 'CONFLICT',
      },
    );
  });

  test('four-eyes, per value: a verifier never gives a verdict on a value it entered itself', async () => {
    const city = 'colombo';
    const year = 2022;
    const staffToken = await staff();
    await ok(t, OPEN, { cityId: city, year }, staffToken);
    await ok(t, ASSIGN, { cityId: city, year, org: ORG }, staffToken);
    // One person (sub person-42): the city's officer entered 5.1; another officer entered 5.2.
    const asOfficer = await officer(city, 'person-42');
    await ok(t, SAVE, { input: { cityId: city, year, expectedVersion: 0, values: [{ indicatorId: '5.1', value: 7 }] } }, asOfficer);
    await ok(t, SAVE, { input: { cityId: city, year, expectedVersion: 1, values: [{ indicatorId: '5.2', value: 3 }] } }, await officer(city, 'person-7'));
    await ok(t, SUBMIT, { cityId: city, year, expectedVersion: 2 }, asOfficer);
    await settle(t);
    // The same person later verifying for the assigned organisation, with a verifier token that names no city.
    const asVerifier = await verifier(ORG, 'person-42');
    await expectRefusedUnchanged(
      t,
      { cityId: city, year },
      VERIFY,
      verify(
        [
          { indicatorId: '5.2', verdict: 'VERIFIED' },
          { indicatorId: '5.1', verdict: 'VERIFIED' },
        ],
        city,
        year,
      ),
      asVerifier,
      {
        code: 'FORBIDDEN',
        field: 'verdicts[1].indicatorId',
        message: /entered by you.*four-eyes/,
      },
    );
    // The value someone else entered they may verify; 5.1 another verifier of the same organisation.
    expect((await ok(t, VERIFY, verify([{ indicatorId: '5.2', verdict: 'VERIFIED' }], city, year), asVerifier)).verifyIndicatorValues.verifiedCount).toBe(1);
    const report = await verifyAll(t, city, year, ORG, ['5.1']);
    expect(report.verifiedCount).toBe(2);
  });
});
