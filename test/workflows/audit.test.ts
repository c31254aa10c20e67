/**
 * The audit trail through the gateway: every change to values, verdicts and the certification, with
 * who, when, old and new, contributed by two subgraphs to one `AuditTrail` entity; for WCCD staff and
 * the city's officers only. Acknowledged changes are never missing from it (the outbox).
 */
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import {
  ALL_IDS,
  AWARD,
  CORE,
  expectRefusedUnchanged,
  indicatorsDb,
  officer,
  ok,
  openAndSubmit,
  SAVE,
  staff,
  SUBMIT,
  SUPPORTING,
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

const TRAIL = `query Trail($cityId: ID!, $year: Int!) { auditTrail(cityId: $cityId, year: $year) {
  cityId year
  valueChanges { id at actor actorRoles action subject old new }
  certificationChanges { id at actor actorRoles action subject old new } } }`;

const CITY = 'surabaya';
const YEAR = 2025;
const ORG = 'bureau-veritas';

describe('every step is recorded', () => {
  beforeAll(async () => {
    const values: { indicatorId: string; value: number; source: string | null; note: null }[] = ALL_IDS.map((indicatorId) => ({
      indicatorId,
      value: 10,
      source: null,
      note: null,
    }));
    values[0] = { indicatorId: '5.1', value: 8, source: 'BPS', note: null };
    await openAndSubmit(t, CITY, YEAR, ORG, values as any);
    await verifyAll(
      t,
      CITY,
      YEAR,
      ORG,
      [...CORE, ...SUPPORTING].filter((id) => id !== '5.4'),
    );
    await ok(
      t,
      VERIFY,
      { input: { cityId: CITY, year: YEAR, verdicts: [{ indicatorId: '5.4', verdict: 'REJECTED', note: 'Source missing' }] } },
      await verifier(ORG),
    );
    const officerToken = await officer(CITY);
    const saved = await ok(
      t,
      SAVE,
      { input: { cityId: CITY, year: YEAR, expectedVersion: 4, values: [{ indicatorId: '5.4', value: 12, source: 'BPS 2020' }] } },
      officerToken,
    );
    // The same save again is no change and adds nothing to the trail.
    await ok(
      t,
      SAVE,
      {
        input: {
          cityId: CITY,
          year: YEAR,
          expectedVersion: saved.saveIndicatorValues.version,
          values: [{ indicatorId: '5.4', value: 12, source: 'BPS 2020' }],
        },
      },
      officerToken,
    );
    await ok(t, SUBMIT, { cityId: CITY, year: YEAR, expectedVersion: saved.saveIndicatorValues.version }, officerToken);
    await verifyAll(t, CITY, YEAR, ORG, ['5.4']);
    await ok(t, AWARD, { cityId: CITY, year: YEAR }, await staff());
  });

  test('value changes in order, with who, when, old and new', async () => {
    const trail = (await ok(t, TRAIL, { cityId: CITY, year: YEAR }, await staff())).auditTrail;
    expect(trail).toMatchObject({ cityId: CITY, year: YEAR });
    const actions = trail.valueChanges.map((e: any) => e.action);
    const count = (a: string) => actions.filter((x: string) => x === a).length;
    expect(count('VALUE_ENTERED')).toBe(100);
    expect(count('VALUE_SUBMITTED')).toBe(101); // 100, then the corrected 5.4
    expect(count('VALUE_VERIFIED')).toBe(100);
    expect(count('VALUE_REJECTED')).toBe(1);
    expect(count('VALUE_CHANGED')).toBe(1);
    expect(trail.valueChanges).toHaveLength(303);
    // Time order: entered, submitted, verified/rejected, corrected, resubmitted, verified.
    const of54 = trail.valueChanges.filter((e: any) => e.subject === '5.4');
    expect(of54.map((e: any) => e.action)).toEqual([
      'VALUE_ENTERED',
      'VALUE_SUBMITTED',
      'VALUE_REJECTED',
      'VALUE_CHANGED',
      'VALUE_SUBMITTED',
      'VALUE_VERIFIED',
    ]);
    expect(of54[0]).toMatchObject({
      actor: `city_officer:${CITY}`,
      actorRoles: ['CITY_OFFICER'],
      at: '2026-11-28T00:00:00.000Z',
      old: null,
      new: { value: 10, status: 'DRAFT', source: null, note: null },
    });
    expect(of54[2]).toMatchObject({
      actor: `verifier:${ORG}`,
      actorRoles: ['VERIFIER'],
      old: { value: 10, status: 'SUBMITTED' },
      new: { value: 10, status: 'REJECTED', verifiedBy: `verifier:${ORG}`, verifierOrgId: ORG, verifierNote: 'Source missing' },
    });
    expect(of54[3]).toMatchObject({
      actor: `city_officer:${CITY}`,
      old: { value: 10, status: 'REJECTED' },
      new: { value: 12, status: 'DRAFT', source: 'BPS 2020' },
    });
    expect(of54[5]).toMatchObject({ old: { value: 12, status: 'SUBMITTED' }, new: { value: 12, status: 'VERIFIED' } });
    const first = trail.valueChanges.findIndex((e: any) => e.action === 'VALUE_SUBMITTED');
    expect(trail.valueChanges.slice(0, first).every((e: any) => e.action === 'VALUE_ENTERED')).toBe(true);
    expect(new Set(trail.valueChanges.map((e: any) => e.id)).size).toBe(303);
  });

  test('certification changes, contributed by the certification subgraph: staff steps, and the steps the work caused', async () => {
    const trail = (await ok(t, TRAIL, { cityId: CITY, year: YEAR }, await staff())).auditTrail;
    // The submission and the first verdict moved the status (indicators events): their actors are the
    // officer and the verifier who acted; the resubmission after a rejection moved nothing.
    expect(trail.certificationChanges.map((e: any) => [e.action, e.actor, e.actorRoles, e.subject])).toEqual([
      ['CERTIFICATION_OPENED', 'wccd-staff-1', ['WCCD_STAFF'], 'certification'],
      ['VERIFIER_ASSIGNED', 'wccd-staff-1', ['WCCD_STAFF'], 'certification'],
      ['DATA_SUBMITTED', `city_officer:${CITY}`, ['CITY_OFFICER'], 'certification'],
      ['VERIFICATION_STARTED', `verifier:${ORG}`, ['VERIFIER'], 'certification'],
      ['CERTIFICATION_AWARDED', 'wccd-staff-1', ['WCCD_STAFF'], 'certification'],
    ]);
    const [opened, assigned, submitted, started, awarded] = trail.certificationChanges;
    expect(opened).toMatchObject({ old: null, new: { status: 'ENROLLED', level: null } });
    expect(assigned).toMatchObject({ old: { status: 'ENROLLED', verifierOrganisationId: null }, new: { status: 'ENROLLED', verifierOrganisationId: ORG } });
    expect(submitted).toMatchObject({
      old: { status: 'ENROLLED' },
      new: { status: 'DATA_SUBMITTED', event: expect.stringMatching(new RegExp(`^indicators\\.submitted:${CITY}:${YEAR}:v\\d+$`)) },
    });
    expect(started).toMatchObject({
      old: { status: 'DATA_SUBMITTED' },
      new: { status: 'UNDER_VERIFICATION', event: expect.stringMatching(/^indicators\.verdict:/) },
    });
    expect(awarded).toMatchObject({
      old: { status: 'UNDER_VERIFICATION', level: null },
      new: { status: 'CERTIFIED', level: 'PLATINUM', awardedAt: '2026-11-28T00:00:00.000Z', coverage: { coreVerified: 46, supportingVerified: 54 } },
    });
  });

  test('refused writes add nothing to the trail', async () => {
    const before = (await ok(t, TRAIL, { cityId: CITY, year: YEAR }, await staff())).auditTrail;
    await expectRefusedUnchanged(
      t,
      { cityId: CITY, year: YEAR },
      SAVE,
      { input: { cityId: CITY, year: YEAR, expectedVersion: 0, values: [{ indicatorId: '5.1', value: 1 }] } },
      await officer(CITY),
      { code: 'CONFLICT' },
    );
    await expectRefusedUnchanged(t, { cityId: CITY, year: YEAR }, AWARD, { cityId: CITY, year: YEAR }, await staff(), { code: 'CONFLICT' });
    expect((await ok(t, TRAIL, { cityId: CITY, year: YEAR }, await staff())).auditTrail).toEqual(before);
  });
});

describe('access', () => {
  test("WCCD staff and the city's officers read it; everyone else is refused", async () => {
    const own = (await ok(t, TRAIL, { cityId: CITY, year: YEAR }, await officer(CITY))).auditTrail;
    expect(own.valueChanges.length).toBeGreaterThan(0);
    expect(own.certificationChanges.length).toBe(5);
    const anonymous = await t.query(TRAIL, { cityId: CITY, year: YEAR });
    expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.auditTrail ?? null).toBeNull();
    for (const tokenValue of [await officer('makati'), await verifier(ORG), await tokenFor('CITYNET_STAFF'), await tokenFor('PARTNER_APP')]) {
      const r = await t.query(TRAIL, { cityId: CITY, year: YEAR }, { token: tokenValue });
      expect(r.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(r.data?.auditTrail ?? null).toBeNull();
    }
  });

  test('the certification subgraph checks the reader itself, too', async () => {
    const service = t.stack.subgraphs.certification.service;
    const response = await service.server.executeOperation(
      {
        query: `{ _entities(representations: [{__typename: "AuditTrail", cityId: "${CITY}", year: ${YEAR}}]) { ... on AuditTrail { certificationChanges { action } } } }`,
      },
      { contextValue: service.createContext({ sub: 'app', roles: ['PARTNER_APP'] }) },
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(result?.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('nothing acknowledged is lost', () => {
  test('an outbox left by an interrupted copy is copied before the trail is read', async () => {
    // Simulate a crash between the report write and the copy: an entry only in the report's outbox.
    const reports = indicatorsDb(t).collection('indicator_reports');
    const id = `${CITY}:${YEAR}`;
    const report = await reports.findOne({ _id: id as any });
    const orphan = {
      _id: `${id}:v${report!.version}:999`,
      cityId: CITY,
      year: YEAR,
      at: new Date('2026-11-28T00:00:00Z'),
      actor: 'city_officer:surabaya',
      actorRoles: ['CITY_OFFICER'],
      action: 'VALUE_CHANGED',
      subject: '5.9',
      old: null,
      new: { value: 1 },
      seq: report!.version * 10_000 + 999,
    };
    await reports.updateOne({ _id: id as any }, { $set: { outbox: { audit: [orphan] } } });
    const trail = (await ok(t, TRAIL, { cityId: CITY, year: YEAR }, await staff())).auditTrail;
    expect(trail.valueChanges.at(-1)).toMatchObject({ id: orphan._id, subject: '5.9' });
    expect(
      await indicatorsDb(t)
        .collection('audit')
        .countDocuments({ _id: orphan._id as any }),
    ).toBe(1);
    expect((await reports.findOne({ _id: id as any }))!.outbox).toBeUndefined();
    // Copying again (e.g. a second reader) inserts nothing twice.
    await reports.updateOne({ _id: id as any }, { $set: { outbox: { audit: [orphan] } } });
    const again = (await ok(t, TRAIL, { cityId: CITY, year: YEAR }, await staff())).auditTrail;
    expect(again.valueChanges).toHaveLength(trail.valueChanges.length);
  });
});
