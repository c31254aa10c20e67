/**
 * The partner contract (schema/contract-partner.graphql): what partner apps may rely on — no
 * mutations, no staff-only fields (@tag(name: "internal")), no @inaccessible fields — kept current
 * with the supergraph, and enough for the operations partner apps run (trusted documents).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type GraphQLObjectType } from 'graphql';
import { CONTRACT_FILE, excludedCoordinates, partnerContract } from '../../scripts/contract';
import { composeSupergraph, SUPERGRAPH_FILE } from '../../scripts/compose';
import { apiSchemaOf } from '../../scripts/schema-check';

const ROOT = join(__dirname, '..', '..');
const supergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');
const committed = readFileSync(CONTRACT_FILE, 'utf8');
const contract = buildSchema(committed);

test('the committed contract is generated from the current supergraph (npm run contract)', () => {
  expect(composeSupergraph()).toBe(supergraph);
  expect(partnerContract(supergraph)).toBe(committed);
});

test('no mutations, no staff-only fields, no @inaccessible fields', () => {
  expect(contract.getMutationType()).toBeUndefined();
  const excluded = excludedCoordinates(supergraph);
  for (const coordinate of ['Query.auditTrail', 'IndicatorValue.verifierNote', 'Certification.rejectionReason', 'Member.contacts', 'Member.annualFeeUsd']) {
    expect(excluded).toContain(coordinate);
    const [type, field] = coordinate.split('.');
    expect([coordinate, (contract.getType(type) as GraphQLObjectType | undefined)?.getFields()[field]]).toEqual([coordinate, undefined]);
  }
  expect((contract.getType('CertificationGap') as GraphQLObjectType).getFields().mentorPool).toBeUndefined();
  // Types only mutations or staff-only fields used are gone too.
  expect(contract.getType('MemberContacts')).toBeUndefined();
  expect(contract.getType('AuditTrail')).toBeUndefined();
});

test('staff still see the internal fields in the full API; partners keep everything else', () => {
  const api = apiSchemaOf(supergraph);
  expect((api.getType('Member') as GraphQLObjectType).getFields().contacts).toBeDefined();
  expect(api.getMutationType()).toBeDefined();
  const queryFields = Object.keys(contract.getQueryType()!.getFields());
  expect(queryFields).toEqual(expect.arrayContaining(['city', 'cities', 'registry', 'workshops', 'indicatorCatalogue']));
  expect(queryFields).toEqual(Object.keys(api.getQueryType()!.getFields()).filter((f) => f !== 'auditTrail'));
});

test("partner apps' trusted operations are valid against the contract", () => {
  const files = readdirSync(join(ROOT, 'trusted-documents')).filter((f) => f.endsWith('.graphql'));
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) {
    const errors = validate(contract, parse(readFileSync(join(ROOT, 'trusted-documents', file), 'utf8'))).map((e) => e.message);
    expect([file, errors]).toEqual([file, []]);
  }
});
