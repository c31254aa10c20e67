/**
 * Conflicts of interest (issue 11), through the gateway with real tokens over the real database:
 * nobody may verify, or be assigned to verify, a city they are affiliated with.
 * - a VERIFIER token tied to the city (its cityId) is refused on that city;
 * - a token that is also the city's CITY_OFFICER is refused on that city (the Suwon 5.3);
 * - an organisation's declared exclusions (configuration: cities, countries) are refused at the
 *   assignment and at each verdict, also when declared after the assignment;
 * each refusal FORBIDDEN with the reason named, and nothing stored changes. Four-eyes (never one's own
 * value) stays per value: test/workflows/verification.test.ts.
 */
import { defaultVerifierOrganisations, type VerifierOrganisation } from '../../subgraphs/certification/domain/organisations';
import { announceOrganisations } from '../../subgraphs/certification/workflows/announce';
import type { Context } from '../../subgraphs/certification/context';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { ASSIGN, expectRefusedUnchanged, multiRoleToken, ok, OPEN, openAndSubmit, settle, staff, verifier, VERIFY } from './wccd-helpers';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ gateway: { subgraphTimeoutMs: 30_000 } });
  await openAndSubmit(t, CITY, YEAR, ORG);
}, 180_000);
afterAll(async () => {
  await t?.cleanup();
});

const CITY = 'suwon';
const YEAR = 2025;
const ORG = 'sgs';
const key = { cityId: CITY, year: YEAR };
const verify = (ids: string[], cityId = CITY) => ({
  input: { cityId, year: YEAR, verdicts: ids.map((indicatorId) => ({ indicatorId, verdict: 'VERIFIED', note: 'Matches the source' })) },
});

describe('tokens tied to the city', () => {
  test('a VERIFIER whose token is tied to the city is refused on it; tied to another city, it may verify', async () => {
    const local = await tokenFor('VERIFIER', { orgId: ORG, cityId: CITY, sub: 'verifier:sgs-suwon-office' });
    await expectRefusedUnchanged(t, key, VERIFY, verify(['5.6']), local, {
      code: 'FORBIDDEN',
      message: /tied to suwon \(its cityId\): nobody may verify a city they are affiliated with \(conflict of interest\)/,
    });
    const elsewhere = await tokenFor('VERIFIER', { orgId: ORG, cityId: 'seoul', sub: 'verifier:sgs-seoul-office' });
    expect((await ok(t, VERIFY, verify(['5.6']), elsewhere)).verifyIndicatorValues.verifiedCount).toBe(1);
  });

  test("a token that is VERIFIER and also the city's CITY_OFFICER is refused on it (the issue's Suwon 5.3)", async () => {
    const both = await multiRoleToken(['VERIFIER', 'CITY_OFFICER'], { cityId: CITY, orgId: ORG, sub: 'person-53' });
    await expectRefusedUnchanged(t, key, VERIFY, verify(['5.3']), both, {
      code: 'FORBIDDEN',
      message: /also a CITY_OFFICER of suwon: nobody may verify a city they are affiliated with/,
    });
    // An officer of another city who also verifies for the assigned organisation may.
    const otherCity = await multiRoleToken(['VERIFIER', 'CITY_OFFICER'], { cityId: 'busan', orgId: ORG, sub: 'person-54' });
    expect((await ok(t, VERIFY, verify(['5.3']), otherCity)).verifyIndicatorValues.verifiedCount).toBe(2);
  });
});

describe("organisations' declared exclusions", () => {
  test('refused at assignment: an excluded city (DNV, Busan) and an excluded country (BSI Group, GB)', async () => {
    const busan = { cityId: 'busan', year: YEAR };
    await ok(t, OPEN, busan, await staff());
    await expectRefusedUnchanged(t, busan, ASSIGN, { ...busan, org: 'dnv' }, await staff(), {
      code: 'FORBIDDEN',
      field: 'verifierOrganisationId',
      message: /DNV \(dnv\) declared a conflict of interest with busan \(an excluded city\)/,
    });
    // A new member city in the United Kingdom: certification learns of it from membership's event.
    const admit = `mutation($input: AdmitMemberInput!) { admitMember(input: $input) { id } }`;
    const input = { category: 'FULL', id: 'conflict-leeds', name: 'Conflict Leeds', country: 'GB', city: { region: 'EUROPE', timezone: 'Europe/London' } };
    await ok(t, admit, { input }, await tokenFor('CITYNET_STAFF', { sub: 'citynet:conflicts' }));
    await settle(t);
    const leeds = { cityId: 'conflict-leeds', year: YEAR };
    await ok(t, OPEN, leeds, await staff());
    await expectRefusedUnchanged(t, leeds, ASSIGN, { ...leeds, org: 'bsi' }, await staff(), {
      code: 'FORBIDDEN',
      field: 'verifierOrganisationId',
      message: /BSI Group \(bsi\) declared a conflict of interest with cities in GB \(an excluded country\)/,
    });
    expect((await ok(t, ASSIGN, { ...leeds, org: 'sgs' }, await staff())).assignVerifier).toMatchObject({ verifierOrganisationId: 'sgs' });
  });

  test('refused at each verdict: an exclusion declared after the assignment stops the verdicts; withdrawn, they go on', async () => {
    const certification = t.stack.subgraphs.certification.service.createContext(null) as Context;
    const declare = async (excludedCities: (org: VerifierOrganisation) => string[]) => {
      const list = defaultVerifierOrganisations().list.map((org) => ({ ...org, excludedCities: excludedCities(org) }));
      await announceOrganisations(certification, list);
      // The indicators domain learns of it from certification's `verifier.organisation` event.
      await settle(t);
    };
    await declare((org) => (org.id === ORG ? [CITY] : org.excludedCities));
    await expectRefusedUnchanged(t, key, VERIFY, verify(['5.7']), await verifier(ORG), {
      code: 'FORBIDDEN',
      message: /SGS \(sgs\) declared a conflict of interest with suwon \(an excluded city\)/,
    });
    await declare((org) => org.excludedCities);
    expect((await ok(t, VERIFY, verify(['5.7']), await verifier(ORG))).verifyIndicatorValues.verifiedCount).toBe(3);
  });
});
