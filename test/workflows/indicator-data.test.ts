/**
 * The indicator-data workflow through the gateway with real tokens: a city's officer saves values in
 * bulk (all or nothing, idempotent, version-checked) and submits them, which freezes them.
 */
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { ALL_IDS, expectRefusedUnchanged, indicatorsDb, officer, ok, REPORT, SAVE, staff, storedState, SUBMIT, validValues, verifier } from './wccd-helpers';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const save = (cityId: string, year: number, expectedVersion: number | null, values: unknown[]) => ({ input: { cityId, year, expectedVersion, values } });

describe('saving values', () => {
  const CITY = 'makati';
  const YEAR = 2020;

  test('the officer saves all 100 values as DRAFT in one write, with one audit entry each', async () => {
    const t0 = await officer(CITY);
    const data = await ok(t, SAVE, save(CITY, YEAR, 0, validValues()), t0);
    expect(data.saveIndicatorValues).toMatchObject({ cityId: CITY, year: YEAR, version: 1, draftCount: 100, submittedCount: 0, verifiedCount: 0 });
    expect(data.saveIndicatorValues.values).toHaveLength(100);
    const stored = await indicatorsDb(t)
      .collection('indicator_reports')
      .findOne({ _id: `${CITY}:${YEAR}` as any });
    expect(stored).toMatchObject({ cityId: CITY, year: YEAR, version: 1, edition: 'ISO 37120:2014', sampleData: false });
    expect(stored!.values).toHaveLength(100);
    expect(stored!.values[0]).toMatchObject({
      indicatorId: '5.1',
      value: 10,
      status: 'DRAFT',
      source: 'City statistics office',
      enteredBy: `city_officer:${CITY}`,
    });
    expect(stored!.outbox).toBeUndefined(); // the outbox was carried out: audit entries and coverage summary
    expect(
      await indicatorsDb(t)
        .collection('indicator_coverage')
        .findOne({ _id: `${CITY}:${YEAR}` as any }),
    ).toMatchObject({ reportVersion: 1, coreReported: 46, supportingReported: 54, coreVerified: 0 });
    const audit = await indicatorsDb(t).collection('audit').countDocuments({ cityId: CITY, year: YEAR, action: 'VALUE_ENTERED' });
    expect(audit).toBe(100);
  });

  test('saving the same payload again changes nothing: no new version, no audit entry', async () => {
    const before = await storedState(t, CITY, YEAR);
    const data = await ok(t, SAVE, save(CITY, YEAR, 1, validValues()), await officer(CITY));
    expect(data.saveIndicatorValues.version).toBe(1);
    // A retry of the first save (its expectedVersion is now stale) is not a change either.
    const retry = await ok(t, SAVE, save(CITY, YEAR, 0, validValues()), await officer(CITY));
    expect(retry.saveIndicatorValues.version).toBe(1);
    expect(await storedState(t, CITY, YEAR)).toEqual(before);
  });

  test('an edit with the current version bumps it; a stale version is a CONFLICT and writes nothing', async () => {
    const t0 = await officer(CITY);
    const data = await ok(t, SAVE, save(CITY, YEAR, 1, [{ indicatorId: '5.1', value: 12.5, source: 'Labour force survey', note: 'Q4 average' }]), t0);
    expect(data.saveIndicatorValues.version).toBe(2);
    expect(data.saveIndicatorValues.values.find((v: any) => v.indicator.id === '5.1')).toMatchObject({
      value: 12.5,
      status: 'DRAFT',
      source: 'Labour force survey',
      note: 'Q4 average',
    });
    await expectRefusedUnchanged(t, { cityId: CITY, year: YEAR }, SAVE, save(CITY, YEAR, 1, [{ indicatorId: '5.1', value: 13 }]), t0, {
      code: 'CONFLICT',
      field: 'expectedVersion',
    });
    await expectRefusedUnchanged(t, { cityId: CITY, year: YEAR }, SAVE, save(CITY, YEAR, null, [{ indicatorId: '5.1', value: 13 }]), t0, { code: 'CONFLICT' });
  });

  test('two concurrent saves with the same expectedVersion: exactly one succeeds, the other is a CONFLICT', async () => {
    const t0 = await officer(CITY);
    const results = await Promise.all([
      t.query(SAVE, save(CITY, YEAR, 2, [{ indicatorId: '5.2', value: 40 }]), { token: t0 }),
      t.query(SAVE, save(CITY, YEAR, 2, [{ indicatorId: '5.3', value: 41 }]), { token: t0 }),
    ]);
    const succeeded = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].errors![0].extensions.code).toBe('CONFLICT');
    const stored = await indicatorsDb(t)
      .collection('indicator_reports')
      .findOne({ _id: `${CITY}:${YEAR}` as any });
    expect(stored!.version).toBe(3);
    // Exactly the winner's change is stored; the loser's is not.
    const changed = stored!.values.filter((v: any) => (v.indicatorId === '5.2' && v.value === 40) || (v.indicatorId === '5.3' && v.value === 41));
    expect(changed).toHaveLength(1);
  });

  test('two concurrent first saves of a new year: exactly one creates the report', async () => {
    const t0 = await officer(CITY);
    const results = await Promise.all(
      [2021, 2021, 2021].map((year, i) => t.query(SAVE, save(CITY, year, 0, [{ indicatorId: '5.1', value: 10 + i }]), { token: t0 })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions.code)).toEqual(['CONFLICT', 'CONFLICT']);
    const stored = await indicatorsDb(t)
      .collection('indicator_reports')
      .findOne({ _id: `${CITY}:2021` as any });
    expect(stored).toMatchObject({ version: 1 });
    expect(stored!.values).toHaveLength(1);
  });
});

describe('validation before any write, all or nothing (BAD_USER_INPUT naming the field)', () => {
  const CITY = 'seoul';
  const YEAR = 2020;
  const key = { cityId: CITY, year: YEAR };

  beforeAll(async () => {
    await ok(t, SAVE, save(CITY, YEAR, 0, validValues()), await officer(CITY));
  });

  // Each payload is otherwise valid (and would change values), so only the named rule refuses it.
  const cases: [string, unknown[], string][] = [
    [
      'unknown indicator',
      [
        { indicatorId: '5.1', value: 11 },
        { indicatorId: '99.9', value: 1 },
      ],
      'values[1].indicatorId',
    ],
    [
      'percentage above 100',
      [
        { indicatorId: '5.2', value: 11 },
        { indicatorId: '5.1', value: 100.5 },
      ],
      'values[1].value',
    ],
    ['negative percentage', [{ indicatorId: '5.1', value: -0.1 }], 'values[0].value'],
    [
      'negative count',
      [
        { indicatorId: '5.1', value: 11 },
        { indicatorId: '8.1', value: -3 },
      ],
      'values[1].value',
    ],
    ['negative rate', [{ indicatorId: '12.1', value: -1 }], 'values[0].value'],
    [
      'duplicate indicator in the payload',
      [
        { indicatorId: '5.1', value: 11 },
        { indicatorId: '6.1', value: 11 },
        { indicatorId: '5.1', value: 12 },
      ],
      'values[2].indicatorId',
    ],
    // 16.4–16.8 are stored at 10 each (50): 16.4 at 61 makes 101 together.
    [
      'solid-waste shares above 100 together (with the stored values)',
      [
        { indicatorId: '5.1', value: 11 },
        { indicatorId: '16.4', value: 61 },
      ],
      'values[1].value',
    ],
    // 20.2–20.5 within the payload: 30 + 30 + 30 + 20 = 110.
    [
      'wastewater shares above 100 together',
      [20.2, 20.3, 20.4, 20.5].map((id, i) => ({ indicatorId: String(id), value: i === 3 ? 20 : 30 })),
      'values[0].value',
    ],
    ['no values', [], 'values'],
  ];

  test.each(cases)('%s', async (_name, values, field) => {
    await expectRefusedUnchanged(t, key, SAVE, save(CITY, YEAR, 1, values), await officer(CITY), { code: 'BAD_USER_INPUT', field });
  });

  test('a year outside the programme', async () => {
    for (const year of [2009, 2031]) {
      await expectRefusedUnchanged(t, { cityId: CITY, year }, SAVE, save(CITY, year, 0, [{ indicatorId: '5.1', value: 1 }]), await officer(CITY), {
        code: 'BAD_USER_INPUT',
        field: 'year',
      });
    }
  });

  test('non-finite numbers', async () => {
    // JSON has no Infinity/NaN, so a literal is the only way to send one: GraphQL's Float refuses it at the gateway.
    const literal = `mutation { saveIndicatorValues(input: { cityId: "${CITY}", year: ${YEAR}, expectedVersion: 1, values: [{ indicatorId: "5.1", value: 1e999 }] }) { version } }`;
    const before = await storedState(t, CITY, YEAR);
    const r = await t.query(literal, {}, { token: await officer(CITY) });
    expect(r.errors![0].message).toMatch(/Float cannot represent .*Infinity/);
    expect(['BAD_USER_INPUT', 'INVALID_GRAPHQL']).toContain(r.errors![0].extensions.code);
    await expectRefusedUnchanged(t, key, SAVE, save(CITY, YEAR, 1, [{ indicatorId: '5.1', value: null }]), await officer(CITY), { code: 'BAD_USER_INPUT' });
    expect(await storedState(t, CITY, YEAR)).toEqual(before);
  });

  test('more than 100 values: refused at the gateway, and by the subgraph itself (field "values")', async () => {
    const values = Array.from({ length: 101 }, (_, i) => ({ indicatorId: ALL_IDS[i % 100], value: 11 }));
    await expectRefusedUnchanged(t, key, SAVE, save(CITY, YEAR, 1, values), await officer(CITY), { code: 'BAD_USER_INPUT', message: /100/ });
    const service = t.stack.subgraphs.indicators.service;
    const before = await storedState(t, CITY, YEAR);
    const response = await service.server.executeOperation(
      { query: SAVE, variables: save(CITY, YEAR, 1, values) },
      { contextValue: service.createContext({ sub: 'officer-1', roles: ['CITY_OFFICER'], cityId: CITY }) },
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(result?.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'values' });
    expect(await storedState(t, CITY, YEAR)).toEqual(before);
  });

  test('a share group at exactly 100 is fine', async () => {
    const values = ['16.4', '16.5', '16.6', '16.7', '16.8'].map((indicatorId, i) => ({ indicatorId, value: i === 0 ? 60 : 10 }));
    const data = await ok(t, SAVE, save(CITY, YEAR, 1, values), await officer(CITY));
    expect(data.saveIndicatorValues.version).toBe(2);
  });

  test('only an officer of that city may save', async () => {
    const payload = save(CITY, YEAR, 2, [{ indicatorId: '5.1', value: 99 }]);
    await expectRefusedUnchanged(t, key, SAVE, payload, undefined, { code: 'UNAUTHENTICATED' });
    await expectRefusedUnchanged(t, key, SAVE, payload, await officer('busan'), { code: 'FORBIDDEN' });
    await expectRefusedUnchanged(t, key, SAVE, payload, await verifier('sgs'), { code: 'FORBIDDEN' });
    await expectRefusedUnchanged(t, key, SAVE, payload, await staff(), { code: 'FORBIDDEN' });
    await expectRefusedUnchanged(t, key, SAVE, payload, await tokenFor('PARTNER_APP'), { code: 'FORBIDDEN' });
  });
});

describe('submitting freezes the values', () => {
  const CITY = 'busan';
  const YEAR = 2020;
  const key = { cityId: CITY, year: YEAR };

  test('submit with a stale version is a CONFLICT; with the current one every DRAFT becomes SUBMITTED', async () => {
    const t0 = await officer(CITY);
    await ok(t, SAVE, save(CITY, YEAR, 0, validValues(ALL_IDS.slice(0, 60))), t0);
    await expectRefusedUnchanged(t, key, SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: 0 }, t0, { code: 'CONFLICT' });
    await expectRefusedUnchanged(t, key, SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: 1 }, await officer('seoul'), { code: 'FORBIDDEN' });
    const data = await ok(t, SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: 1 }, t0);
    expect(data.submitIndicatorYear).toMatchObject({ version: 2, draftCount: 0, submittedCount: 60 });
    const audit = await indicatorsDb(t).collection('audit').countDocuments({ cityId: CITY, year: YEAR, action: 'VALUE_SUBMITTED' });
    expect(audit).toBe(60);
  });

  test('a SUBMITTED value cannot be changed (CONFLICT, nothing written); saving it unchanged is no change', async () => {
    const t0 = await officer(CITY);
    await expectRefusedUnchanged(t, key, SAVE, save(CITY, YEAR, 2, [{ indicatorId: '5.1', value: 11 }]), t0, { code: 'CONFLICT', field: 'values[0]' });
    // All or nothing: a new indicator next to a frozen change is not saved either.
    await expectRefusedUnchanged(
      t,
      key,
      SAVE,
      save(CITY, YEAR, 2, [
        { indicatorId: ALL_IDS[99], value: 5 },
        { indicatorId: '5.1', value: 11 },
      ]),
      t0,
      { code: 'CONFLICT' },
    );
    const same = await ok(t, SAVE, save(CITY, YEAR, 2, [{ indicatorId: '5.1', value: 10, source: 'City statistics office' }]), t0);
    expect(same.saveIndicatorValues.version).toBe(2);
  });

  test('nothing left to submit is a CONFLICT; new values can still be added and submitted', async () => {
    const t0 = await officer(CITY);
    await expectRefusedUnchanged(t, key, SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: 2 }, t0, { code: 'CONFLICT' });
    await expectRefusedUnchanged(t, { cityId: CITY, year: 2025 }, SUBMIT, { cityId: CITY, year: 2025, expectedVersion: 0 }, t0, { code: 'CONFLICT' });
    const more = await ok(t, SAVE, save(CITY, YEAR, 2, validValues(ALL_IDS.slice(60))), t0);
    expect(more.saveIndicatorValues).toMatchObject({ version: 3, draftCount: 40, submittedCount: 60 });
    const data = await ok(t, SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: 3 }, t0);
    expect(data.submitIndicatorYear).toMatchObject({ version: 4, draftCount: 0, submittedCount: 100 });
  });
});

describe('who sees values that are not VERIFIED', () => {
  const CITY = 'incheon';
  const YEAR = 2020;
  const VALUES = `query($id: ID!, $year: Int!) { city(id: $id) { indicators(year: $year) { indicator { id } status }
    indicatorCoverage(year: $year) { coreReported supportingReported } indicatorReport(year: $year) { version draftCount values { indicator { id } } } } }`;

  beforeAll(async () => {
    await ok(t, SAVE, save(CITY, YEAR, 0, validValues(ALL_IDS.slice(0, 10))), await officer(CITY));
  });

  test('the city officers, verifiers and WCCD staff see DRAFT values; everyone else sees none', async () => {
    const see = async (tokenValue?: string) => (await ok(t, VALUES, { id: CITY, year: YEAR }, tokenValue)).city;
    for (const tokenValue of [await officer(CITY), await verifier('sgs'), await staff()]) {
      const city = await see(tokenValue);
      expect(city.indicators).toHaveLength(10);
      expect(city.indicatorReport.values).toHaveLength(10);
    }
    for (const tokenValue of [undefined, await tokenFor('PARTNER_APP'), await officer('makati'), await tokenFor('CITYNET_STAFF')]) {
      const city = await see(tokenValue);
      expect(city.indicators).toEqual([]);
      expect(city.indicatorReport.values).toEqual([]);
      // Counts stay public aggregates.
      expect(city.indicatorReport).toMatchObject({ version: 1, draftCount: 10 });
      expect(city.indicatorCoverage.coreReported + city.indicatorCoverage.supportingReported).toBe(10);
    }
  });

  test('indicatorReport of a year with nothing saved is version 0', async () => {
    const data = await ok(t, REPORT, { id: CITY, year: 2019 }, await officer(CITY));
    expect(data.city.indicatorReport).toMatchObject({ version: 0, draftCount: 0, values: [] });
  });
});
