/**
 * Cache scopes must tell the truth (issue 10): a field whose answer differs between an anonymous
 * caller and any role must be PRIVATE, since PUBLIC answers are fetched without the caller's
 * identity and shared with everyone. Every field of the composed API (reached from the root with
 * sample arguments, on the sample data) is asked by anonymous, PARTNER_APP and each staff role, and
 * the answers compared. PARTNER_APP must match anonymous on every field (the gateway treats partner
 * apps as public viewers). The cache is off here: the subgraphs' own answers are compared.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CachePolicies } from '../../gateway/cache/policy';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import type { Role } from '../../lib/auth/roles';

const SUPERGRAPH = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const policies = new CachePolicies(SUPERGRAPH);

/** Cities whose data differ in interesting ways: certified, in progress, rejected before. */
const CITIES = ['makati', 'seoul', 'muntinlupa'];
const YEAR = 2016;

/** Argument values by name (and, where a name is ambiguous, by `Type.field.argument`). */
function argumentValue(owner: string, field: string, arg: GraphQLArgument, cityId: string): string | undefined {
  const key = `${owner}.${field}.${arg.name}`;
  const specific: Record<string, string> = {
    'Query.member.id': JSON.stringify(cityId),
    'Query.workshop.id': '"ws-0001"',
    'Query.mentoringPair.id': '"mp-0001"',
    'Query.indicator.id': '"5.1"',
    'Query.registration.id': '"reg-0001"',
  };
  if (specific[key]) return specific[key];
  const type = getNullableType(arg.type) as GraphQLInputType;
  const named = getNamedType(arg.type);
  switch (arg.name) {
    case 'id':
    case 'cityId':
      return JSON.stringify(cityId);
    case 'year':
      return String(YEAR);
    case 'from':
      return named.name === 'Int' ? '2014' : '"2026-01-01T00:00:00Z"';
    case 'to':
      return named.name === 'Int' ? '2016' : '"2027-12-31T00:00:00Z"';
    case 'first':
      return '5';
    case 'theme':
      return isEnumType(named) ? named.getValues()[0].name : '"Economy"';
    case 'country':
      return '"PH"';
    case 'indicatorIds':
      return '["5.1", "8.1"]';
    case 'query':
    case 'search':
      return '"ma"';
  }
  if (!isNonNullType(arg.type)) return undefined; // optional: leave it out
  if (isEnumType(type)) return type.getValues().at(-1)!.name;
  if (isScalarType(type) && type.name === 'Int') return '1';
  if (isScalarType(type) && type.name === 'Boolean') return 'false';
  if (isInputObjectType(type) || isListType(type)) return undefined;
  return undefined;
}

interface Probe {
  /** Where the field is asked, e.g. `city(id: "makati") { certification { ... } }`, as wrap(inner). */
  wrap: (inner: string) => string;
  /** The path to the answer in `data`. */
  path: string[];
}

/** The selection of a field's answer: its own leaves that are not PRIVATE (nested objects are tested on their own). */
function leaves(type: GraphQLObjectType, privateField: (owner: string, field: string) => boolean): string {
  const names = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)) && !privateField(type.name, f.name))
    .map((f) => f.name);
  return ['__typename', ...names].join(' ');
}

function call(owner: string, field: GraphQLField<unknown, unknown>, cityId: string): string | null {
  const args: string[] = [];
  for (const arg of field.args) {
    const value = argumentValue(owner, field.name, arg, cityId);
    if (value === undefined) {
      if (isNonNullType(arg.type)) return null;
      continue;
    }
    args.push(`${arg.name}: ${value}`);
  }
  return args.length ? `${field.name}(${args.join(', ')})` : field.name;
}

let t: TestStack;
const tokens: Partial<Record<Role | 'anonymous', string | undefined>> = {};

beforeAll(async () => {
  t = await startTestStack({ gateway: { cache: { enabled: false } } });
  tokens.anonymous = undefined;
  tokens.PARTNER_APP = await tokenFor('PARTNER_APP', { sub: 'partner-scopes' });
  tokens.WCCD_STAFF = await tokenFor('WCCD_STAFF', { sub: 'wccd-scopes' });
  tokens.CITYNET_STAFF = await tokenFor('CITYNET_STAFF', { sub: 'citynet-scopes' });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

const isPrivate = (owner: string, field: string): boolean => policies.scopeOf(owner, field) === 'PRIVATE';

async function ask(query: string, role: keyof typeof tokens, cityId: string): Promise<unknown> {
  const token =
    role === 'CITY_OFFICER'
      ? await tokenFor('CITY_OFFICER', { cityId, sub: `officer-${cityId}` })
      : role === 'VERIFIER'
        ? await tokenFor('VERIFIER', { orgId: 'bureau-veritas', sub: 'verifier-scopes' })
        : tokens[role];
  const r = await t.query(query, {}, { token });
  // Errors compared by code and path: messages may name the caller.
  return {
    data: r.data ?? null,
    errors: (r.errors ?? []).map((e: { path?: unknown; extensions?: { code?: string } }) => ({ path: e.path, code: e.extensions?.code })),
  };
}

const ROLES: (keyof typeof tokens)[] = ['PARTNER_APP', 'WCCD_STAFF', 'CITYNET_STAFF', 'CITY_OFFICER', 'VERIFIER'];

test('a field whose answer depends on who asks is PRIVATE; partner apps see exactly what anonymous callers see', async () => {
  const schema = policies.schema;
  const query = schema.getQueryType()!;
  const violations: string[] = [];
  const partnerDiffers: string[] = [];
  const unreachable: string[] = [];
  let probed = 0;
  // The cities are probed side by side (each its own breadth-first walk).
  const probeCity = async (cityId: string) => {
    // Breadth-first from the root: every object type is reached once, by the first path found.
    const reached = new Map<string, Probe>([[query.name, { wrap: (inner) => `{ ${inner} }`, path: [] }]]);
    const queue: GraphQLObjectType[] = [query];
    while (queue.length) {
      const owner = queue.shift()!;
      const probe = reached.get(owner.name)!;
      for (const field of Object.values(owner.getFields())) {
        if (field.name.startsWith('_')) continue;
        const fieldCall = call(owner.name, field, cityId);
        if (!fieldCall) {
          if (cityId === CITIES[0]) unreachable.push(`${owner.name}.${field.name}`);
          continue;
        }
        const returned = getNamedType(field.type);
        const selection = isObjectType(returned) ? `${fieldCall} { ${leaves(returned, isPrivate)} }` : fieldCall;
        const document = probe.wrap(`__typename ${selection}`);
        const answers = new Map<string, string>();
        // The roles ask side by side (the answers are compared, not their order).
        const roles = ['anonymous', ...ROLES] as const;
        const asked = await Promise.all(roles.map((role) => ask(document, role, cityId)));
        roles.forEach((role, i) => {
          answers.set(role, JSON.stringify(asked[i]));
        });
        probed++;
        const anonymous = answers.get('anonymous');
        // A signed-in partner app is told FORBIDDEN where an anonymous caller is told to sign in.
        if (answers.get('PARTNER_APP')!.replaceAll('"FORBIDDEN"', '"UNAUTHENTICATED"') !== anonymous)
          partnerDiffers.push(`${owner.name}.${field.name} (${cityId})`);
        const differs = ROLES.filter((role) => answers.get(role) !== anonymous);
        const scope = policies.scopeOf(owner.name, field.name);
        if (differs.length && scope !== 'PRIVATE')
          violations.push(`${owner.name}.${field.name} differs for ${differs.join(', ')} (${cityId}) but is not PRIVATE`);
        // Go deeper only through PUBLIC fields: under a PRIVATE one, every answer is private anyway.
        if (isObjectType(returned) && scope !== 'PRIVATE' && !reached.has(returned.name)) {
          reached.set(returned.name, {
            wrap: (inner) => probe.wrap(`${fieldCall} { ${inner} }`),
            path: [...probe.path, field.name],
          });
          queue.push(returned);
        }
      }
    }
  };
  await Promise.all(CITIES.map(probeCity));
  expect(probed).toBeGreaterThan(50);
  expect({ violations, partnerDiffers }).toEqual({ violations: [], partnerDiffers: [] });
  // Fields whose required arguments have no sample value are listed, so the table above grows with the schema.
  expect(unreachable).toEqual([]);
}, 600_000);
