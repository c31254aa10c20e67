/**
 * Shared by the WCCD workflow tests (indicator data, verification, certification, audit): real
 * tokens, the workflow operations, and reads of the stored documents (to prove that a refused write
 * changed nothing).
 */
import type { Db } from 'mongodb';
import catalogue from '../../data/catalogues/iso37120-2014.json';
import type { Role } from '../../lib/auth/roles';
import { authSettingsFromEnv } from '../../lib/auth/settings';
import { signDevToken } from '../../lib/auth/tokens';
import type { TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';

export const CORE = catalogue.indicators.filter((i) => i.kind === 'core').map((i) => i.id);
export const SUPPORTING = catalogue.indicators.filter((i) => i.kind === 'supporting').map((i) => i.id);
export const ALL_IDS = catalogue.indicators.map((i) => i.id);

/** A valid value for every indicator (10 fits every unit, and the share groups add up to 50 and 40). */
export function validValues(ids: readonly string[] = ALL_IDS, value = 10) {
  return ids.map((indicatorId) => ({ indicatorId, value, source: 'City statistics office', note: null }));
}

export const officer = (cityId: string, sub?: string) => tokenFor('CITY_OFFICER', { cityId, sub });
export const verifier = (orgId: string, sub?: string) => tokenFor('VERIFIER', { orgId, sub });
export const staff = () => tokenFor('WCCD_STAFF', { sub: 'wccd-staff-1' });
/** A token with several roles (four-eyes: the same person as officer and verifier). */
export const multiRoleToken = (roles: Role[], options: { cityId?: string; orgId?: string; sub: string }) =>
  signDevToken(authSettingsFromEnv(), { roles, ...options });

export const REPORT_FIELDS = `cityId year version draftCount submittedCount verifiedCount rejectedCount
  values { indicator { id } value status source note verifierNote }`;

export const SAVE = `mutation Save($input: SaveIndicatorValuesInput!) { saveIndicatorValues(input: $input) { ${REPORT_FIELDS} } }`;
export const SUBMIT = `mutation Submit($cityId: ID!, $year: Int!, $expectedVersion: Int!) {
  submitIndicatorYear(cityId: $cityId, year: $year, expectedVersion: $expectedVersion) { ${REPORT_FIELDS} } }`;
export const VERIFY = `mutation Verify($input: VerifyIndicatorValuesInput!) { verifyIndicatorValues(input: $input) { ${REPORT_FIELDS} } }`;
export const REPORT = `query Report($id: ID!, $year: Int!) { city(id: $id) { indicatorReport(year: $year) { ${REPORT_FIELDS} } } }`;

const CERT_FIELDS = `id year status level verifierOrganisation verifierOrganisationId awardedAt rejectionReason sampleData city { id }`;
export const OPEN = `mutation Open($cityId: ID!, $year: Int!) { openCertification(cityId: $cityId, year: $year) { ${CERT_FIELDS} } }`;
export const ASSIGN = `mutation Assign($cityId: ID!, $year: Int!, $org: ID!) {
  assignVerifier(cityId: $cityId, year: $year, verifierOrganisationId: $org) { ${CERT_FIELDS} } }`;
export const AWARD = `mutation Award($cityId: ID!, $year: Int!, $level: CertificationLevel) {
  awardCertification(cityId: $cityId, year: $year, level: $level) { ${CERT_FIELDS} } }`;
export const REJECT = `mutation Reject($cityId: ID!, $year: Int!, $reason: String!) {
  rejectCertification(cityId: $cityId, year: $year, reason: $reason) { ${CERT_FIELDS} } }`;

/** Runs an operation and fails the test (with the errors) unless it succeeded. */
export async function ok(t: TestStack, query: string, variables: Record<string, unknown>, tokenValue?: string): Promise<any> {
  const r = await t.query(query, variables, { token: tokenValue });
  if (r.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.errors, null, 1)}`);
  return r.data;
}

/** The first error's code, field and message of an operation that must be refused. */
export async function refused(
  t: TestStack,
  query: string,
  variables: Record<string, unknown>,
  tokenValue?: string,
): Promise<{ code: string; field?: string; message: string }> {
  const r = await t.query(query, variables, { token: tokenValue });
  if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
  const [e] = r.errors;
  return { code: e.extensions?.code, field: e.extensions?.field, message: e.message };
}

export const indicatorsDb = (t: TestStack): Db => t.stack.subgraphs.indicators.service.db;
export const certificationDb = (t: TestStack): Db => t.stack.subgraphs.certification.service.db;

/** Everything a refused write must leave as it was, read straight from both databases. */
export async function storedState(t: TestStack, cityId: string, year: number) {
  const id = `${cityId}:${year}`;
  const [report, certification, valueAudit, certificationAudit] = await Promise.all([
    indicatorsDb(t)
      .collection('indicator_reports')
      .findOne({ _id: id as any }),
    certificationDb(t)
      .collection('certifications')
      .findOne({ _id: id as any }),
    indicatorsDb(t).collection('audit').find({ cityId, year }).sort({ _id: 1 }).toArray(),
    certificationDb(t).collection('audit').find({ cityId, year }).sort({ _id: 1 }).toArray(),
  ]);
  return { report, certification, valueAudit, certificationAudit };
}

/** Asserts the operation is refused with `code` (and `field`, message) and that nothing stored changed. */
export async function expectRefusedUnchanged(
  t: TestStack,
  key: { cityId: string; year: number },
  query: string,
  variables: Record<string, unknown>,
  tokenValue: string | undefined,
  expected: { code: string; field?: string; message?: RegExp },
): Promise<void> {
  // Events of earlier steps delivered first: nothing but this call may change what is compared.
  await t.stack.settleEvents();
  const before = await storedState(t, key.cityId, key.year);
  const error = await refused(t, query, variables, tokenValue);
  const shape: Record<string, unknown> = { code: expected.code };
  if (expected.field !== undefined) shape.field = expected.field;
  if (expected.message) shape.message = expect.stringMatching(expected.message);
  expect(error).toMatchObject(shape);
  expect(await storedState(t, key.cityId, key.year)).toEqual(before);
}

/**
 * Waits until every domain event on its way has been applied (the stack's settleEvents): what one
 * domain changed is then known to the others (the assignment to indicators, a submission, verdicts and
 * coverage to certification). Events are delivered within moments anyway; tests wait for them instead
 * of sleeping.
 */
export async function settle(t: TestStack): Promise<void> {
  await t.stack.settleEvents();
}

/** Staff open the certification and assign `org`; the city's officer saves the values and submits them. */
export async function openAndSubmit(t: TestStack, cityId: string, year: number, org: string, values = validValues()): Promise<number> {
  const staffToken = await staff();
  await ok(t, OPEN, { cityId, year }, staffToken);
  await ok(t, ASSIGN, { cityId, year, org }, staffToken);
  const officerToken = await officer(cityId);
  const saved = await ok(t, SAVE, { input: { cityId, year, expectedVersion: 0, values } }, officerToken);
  const submitted = await ok(t, SUBMIT, { cityId, year, expectedVersion: saved.saveIndicatorValues.version }, officerToken);
  await settle(t);
  return submitted.submitIndicatorYear.version;
}

/** The verifier of `org` verifies these indicators in one call (and certification learns of it). */
export async function verifyAll(t: TestStack, cityId: string, year: number, org: string, ids: readonly string[]): Promise<any> {
  const verdicts = ids.map((indicatorId) => ({ indicatorId, verdict: 'VERIFIED', note: 'Checked against the source' }));
  const report = (await ok(t, VERIFY, { input: { cityId, year, verdicts } }, await verifier(org))).verifyIndicatorValues;
  await settle(t);
  return report;
}
