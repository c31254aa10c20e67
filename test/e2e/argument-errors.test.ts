/**
 * A bad argument on a nested field never nulls its parent (issue 13 item 3): `bad: indicators(year: 2014,
 * theme: "economy")` returned `city: null`, and the valid name, certification and values were lost.
 *
 * Across the composed API: every object type reached from the root (with sample arguments, as WCCD staff),
 * every field of it with arguments is asked with one bad argument at a time (a data year outside the
 * programme, a negative page size, an unknown id or theme, a malformed date, an enum value that does not
 * exist), next to the parent's `__typename`. Either the request is refused before it runs (validation:
 * no data at all, with "did you mean" for enums), or it runs and the parent is still there, with the error
 * at the field's own path.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { composeSupergraph } from '../../scripts/compose';
import { apiSchemaOf } from '../../scripts/schema-check';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';

const schema = apiSchemaOf(composeSupergraph());

let t: TestStack;
let staff: string;
beforeAll(async () => {
  t = await startTestStack({ gateway: { cache: { enabled: false } } });
  staff = await tokenFor('WCCD_STAFF', { sub: 'wccd-argument-errors' });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

/** Good sample values, to reach every type and to fill the arguments that are not the bad one. */
function goodValue(owner: string, field: string, arg: GraphQLArgument): string | undefined {
  const named = getNamedType(arg.type);
  const specific: Record<string, string> = {
    'Query.workshop.id': '"ws-0001"',
    'Query.mentoringPair.id': '"mp-0001"',
    'Query.indicator.id': '"5.1"',
    'Query.member.id': '"makati"',
    'Query.registration.id': '"ws-0002:makati"',
  };
  if (specific[`${owner}.${field}.${arg.name}`]) return specific[`${owner}.${field}.${arg.name}`];
  switch (arg.name) {
    case 'id':
    case 'cityId':
      return '"makati"';
    case 'year':
      return '2016';
    case 'round':
      return '2016';
    case 'from':
      return named.name === 'Int' ? '2014' : '"2026-01-01T00:00:00Z"';
    case 'to':
      return named.name === 'Int' ? '2016' : '"2027-12-31T00:00:00Z"';
    case 'first':
      return '3';
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
  const type = getNullableType(arg.type);
  if (!isNonNullType(arg.type)) return undefined;
  if (isEnumType(type)) return type.getValues().at(-1)!.name;
  if (isScalarType(type) && type.name === 'Int') return '1';
  if (isScalarType(type) && type.name === 'Boolean') return 'false';
  return undefined;
}

/** A bad value for an argument, or undefined when there is none worth trying. */
function badValue(arg: GraphQLArgument): string | undefined {
  const named = getNamedType(arg.type);
  const list = isListType(getNullableType(arg.type));
  if (isEnumType(named)) return list ? '[NOT_A_VALUE]' : 'NOT_A_VALUE';
  if (isInputObjectType(named)) return undefined;
  switch (named.name) {
    case 'Int':
      return ['first', 'last', 'limit'].includes(arg.name) ? '-5' : ['year', 'from', 'to', 'round'].includes(arg.name) ? '1800' : '-99999';
    case 'DateTime':
      return '"2027-02-30T00:00:00Z"';
    case 'Date':
      return '"2027-02-30"';
    case 'ID':
    case 'String': {
      const text = arg.name === 'theme' ? '"economy"' : arg.name === 'country' ? '"ph"' : arg.name === 'after' ? '"not-a-cursor"' : '"No Such Thing!"';
      return list ? `[${text}]` : text;
    }
  }
  return undefined;
}

function call(owner: string, field: GraphQLField<unknown, unknown>, bad?: { arg: string; value: string }): string | null {
  const args: string[] = [];
  for (const arg of field.args) {
    const value = bad?.arg === arg.name ? bad.value : goodValue(owner, field.name, arg);
    if (value === undefined) {
      if (isNonNullType(arg.type)) return null;
      continue;
    }
    args.push(`${arg.name}: ${value}`);
  }
  return args.length ? `${field.name}(${args.join(', ')})` : field.name;
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) ? ' { __typename }' : '';
}

interface Probe {
  wrap: (inner: string) => string;
  path: string[];
}

/** The objects at a path of the answer (through lists). */
function at(data: unknown, path: readonly string[]): unknown[] {
  let level: unknown[] = [data];
  for (const key of path) {
    level = level.flatMap((v) => {
      const next = v == null ? v : (v as Record<string, unknown>)[key];
      return Array.isArray(next) ? next : [next];
    });
  }
  return level;
}

/**
 * Fields of other subgraphs that still null their parent on a bad argument when this test was written
 * (non-null fields that check the argument while running). Reported to their owners; a new entry is a
 * regression and fails the test, an entry that no longer happens should be removed.
 */
const KNOWN: Record<string, string> = {
  'City.certificationGap(year: 1800)': 'certification subgraph: certificationGap is CertificationGap! and checks the year while running',
  'City.workshopHistory(after: "not-a-cursor")': 'workshops subgraph: a non-null connection that checks the cursor while running',
  'Workshop.registrations(after: "not-a-cursor")': 'workshops subgraph: a non-null connection that checks the cursor while running',
  'Workshop.waitlist(after: "not-a-cursor")': 'workshops subgraph: a non-null connection that checks the cursor while running',
};

test('a bad argument on any nested field of the API nulls that field only, or is refused before the query runs', async () => {
  const query = schema.getQueryType()!;
  const reached = new Map<string, Probe>([[query.name, { wrap: (inner) => `{ ${inner} }`, path: [] }]]);
  const queue: GraphQLObjectType[] = [query];
  const nulledParent: string[] = [];
  const unexplained: string[] = [];
  let tried = 0;
  const triedFields = new Set<string>();
  let refusedBeforeRunning = 0;
  while (queue.length) {
    const owner = queue.shift()!;
    const probe = reached.get(owner.name)!;
    for (const field of Object.values(owner.getFields())) {
      if (field.name.startsWith('_')) continue;
      const good = call(owner.name, field);
      const returned = getNamedType(field.type);
      if (good && isObjectType(returned) && !reached.has(returned.name)) {
        reached.set(returned.name, { wrap: (inner) => probe.wrap(`${good} { ${inner} }`), path: [...probe.path, field.name] });
        queue.push(returned);
      }
      if (owner === query || !good) continue;
      // Only where the parent is there with good arguments (otherwise there is nothing to lose).
      const baseline = await t.query(probe.wrap(`__typename ${good}${selection(field)}`), {}, { token: staff });
      const parents = at(baseline.data, probe.path);
      if (!baseline.data || parents.length === 0 || parents.some((p) => p == null)) continue;
      for (const arg of field.args) {
        const value = badValue(arg);
        if (value === undefined) continue;
        const bad = call(owner.name, field, { arg: arg.name, value });
        if (!bad) continue;
        tried++;
        triedFields.add(`${owner.name}.${field.name}`);
        const where = `${owner.name}.${field.name}(${arg.name}: ${value})`;
        const r = await t.query(probe.wrap(`__typename bad: ${bad}${selection(field)}`), {}, { token: staff });
        if (!r.data) {
          // Refused before execution: the whole request, with a validation error naming the problem.
          refusedBeforeRunning++;
          const codes = (r.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
          if (!codes.length || !codes.every((c: string | undefined) => c === 'GRAPHQL_VALIDATION_FAILED' || c === 'BAD_USER_INPUT'))
            unexplained.push(`${where}: ${JSON.stringify(r.errors)}`);
          if (isEnumType(getNamedType(arg.type)) && !/Value "NOT_A_VALUE" does not exist/.test(r.errors?.[0]?.message ?? ''))
            unexplained.push(`${where}: ${r.errors?.[0]?.message}`);
          continue;
        }
        const after = at(r.data, probe.path);
        if (after.length === 0 || after.some((p) => p == null)) nulledParent.push(where);
      }
    }
  }
  expect(tried).toBeGreaterThan(15);
  expect(refusedBeforeRunning).toBeGreaterThan(0);
  // Every field of the indicators subgraph is among those tried.
  for (const f of ['City.indicators', 'City.indicatorReport', 'City.indicatorCoverage', 'City.indicatorSeries', 'City.peerComparison'])
    expect([...triedFields]).toContain(f);
  expect({ nulledParent: nulledParent.filter((where) => !KNOWN[where]), unexplained }).toEqual({ nulledParent: [], unexplained: [] });
}, 600_000);

test('the case issue 13 found: a wrong theme on one field no longer loses the city', async () => {
  const r = await t.query(
    `{ city(id: "makati") { name certification { level } bad: indicators(year: 2014, theme: "economy") { value } good: indicators(year: 2014, themeId: ECONOMY) { value } } }`,
  );
  expect(r.data.city).toMatchObject({ name: 'Makati', certification: { level: 'PLATINUM' }, bad: null });
  expect(r.data.city.good.length).toBeGreaterThan(0);
  expect(r.errors!.map((e: any) => [e.path.join('.'), e.extensions.code, e.extensions.field])).toEqual([['city.bad', 'BAD_USER_INPUT', 'theme']]);
  expect(r.errors![0].message).toMatch(/did you mean "Economy"/);
  const enumTypo = await t.query(`{ city(id: "makati") { indicators(themeId: Economy) { value } } }`);
  expect(enumTypo.data).toBeUndefined();
  expect(enumTypo.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(enumTypo.errors![0].message).toMatch(/Did you mean the enum value "ECONOMY"/);
});
