/**
 * Cache policy from the composed @cacheControl hints (gateway/cache/policy.ts), with Apollo's rules:
 * field hint, else the returned type's hint; inheritMaxAge; root and composite fields without hints
 * default to 0; scalars inherit; PRIVATE anywhere wins; entity fetches take the minimum of their fields.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { CachePolicies } from '../../gateway/cache/policy';
import { CACHE_HEADER } from './mini-federation';

const A = `${CACHE_HEADER}
  type Query {
    city(id: ID!): City @cacheControl(maxAge: 300)
    cities: CityConnection! @cacheControl(maxAge: 120)
    bare: City
    stats: Stats @cacheControl(maxAge: 100)
  }
  type CityConnection @cacheControl(inheritMaxAge: true) { edges: [CityEdge!]! total: Int! }
  type CityEdge @cacheControl(inheritMaxAge: true) { node: City! @cacheControl(inheritMaxAge: true) }
  type Stats { count: Int nested: Nested }
  type Nested { n: Int }
  type City @key(fields: "id") {
    id: ID!
    name: String! @cacheControl(maxAge: 3600)
    contact: String @cacheControl(maxAge: 3600, scope: PRIVATE)
    twin: City @cacheControl(maxAge: 50)
  }
`;
const B = `${CACHE_HEADER}
  type City @key(fields: "id") {
    id: ID!
    score: Int @cacheControl(maxAge: 60)
    notes: [Note!]! @cacheControl(maxAge: 30, scope: PRIVATE)
    plain: Int
  }
  type Place @key(fields: "code") @cacheControl(maxAge: 90) { code: ID! label: String }
  type Secret @key(fields: "code") @cacheControl(maxAge: 20, scope: PRIVATE) { code: ID! label: String }
  type Note @cacheControl(maxAge: 30) { text: String! }
`;

const composed = composeServices([
  { name: 'a', url: 'http://a', typeDefs: parse(A) },
  { name: 'b', url: 'http://b', typeDefs: parse(B) },
]);
if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
const policies = new CachePolicies(composed.supergraphSdl!, { maxTtlSeconds: 3600 });

test.each([
  ['a field hint', '{ city(id: "x") { id name } }', { maxAge: 300, scope: 'PUBLIC', query: true }],
  ['the smallest maxAge of all fields', '{ city(id: "x") { name twin { id } } }', { maxAge: 50, scope: 'PUBLIC', query: true }],
  ['PRIVATE anywhere makes the answer private', '{ city(id: "x") { name contact } }', { maxAge: 300, scope: 'PRIVATE', query: true }],
  ['connection types inherit the list field maxAge', '{ cities { total edges { node { id name } } } }', { maxAge: 120, scope: 'PUBLIC', query: true }],
  ['a root field without hints is not cached', '{ bare { id } }', { maxAge: 0, scope: 'PUBLIC', query: true }],
  ['a composite field without hints is not cached', '{ stats { count nested { n } } }', { maxAge: 0, scope: 'PUBLIC', query: true }],
  ['scalars under a hinted field inherit', '{ stats { count } }', { maxAge: 100, scope: 'PUBLIC', query: true }],
  ['fields through fragments count', 'query Q { city(id: "x") { ...F } } fragment F on City { contact }', { maxAge: 300, scope: 'PRIVATE', query: true }],
  ['mutations are never cached', 'mutation { x }', { maxAge: 0, scope: 'PRIVATE' }],
  ['a document that does not parse is not cached', '{ city(', { maxAge: 0, scope: 'PRIVATE' }],
])('%s', (_name, query, expected) => {
  expect(policies.forDocument(query)).toEqual(expected);
});

test('an entity fetch takes the minimum of the fields it selects (key fields do not restrict)', () => {
  const fetch = 'query($representations:[_Any!]!){_entities(representations:$representations){...on City{id score}}}';
  expect(policies.forDocument(fetch)).toEqual({ maxAge: 60, scope: 'PUBLIC', query: true });
  const privateFetch = 'query($representations:[_Any!]!){_entities(representations:$representations){...on City{notes{text}}}}';
  expect(policies.forDocument(privateFetch)).toEqual({ maxAge: 30, scope: 'PRIVATE', query: true });
});

test('an entity field without a hint takes the entity type hint, else is not cached (a subgraph without hints caches nothing)', () => {
  const entities = (selection: string) => `query($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;
  expect(policies.forDocument(entities('...on City{score plain}'))).toEqual({ maxAge: 0, scope: 'PUBLIC', query: true });
  expect(policies.forDocument(entities('...on Place{code label}'))).toEqual({ maxAge: 90, scope: 'PUBLIC', query: true });
  expect(policies.forDocument(entities('...on Secret{label}'))).toEqual({ maxAge: 20, scope: 'PRIVATE', query: true });
  // Only the key: nothing restricts it but the ceiling.
  expect(policies.forDocument(entities('...on City{id}'))).toEqual({ maxAge: 3600, scope: 'PUBLIC', query: true });
});

test('entity keys per subgraph come from the supergraph', () => {
  expect(policies.entityKey('a', 'City')).toEqual(['id']);
  expect(policies.entityKey('b', 'City')).toEqual(['id']);
  expect(policies.entityKey('b', 'Note')).toBeUndefined();
});
