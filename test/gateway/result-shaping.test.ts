/**
 * gateway/execution/result-shaping.ts must shape every answer exactly as @apollo/gateway's own
 * `computeResponse` does: the same data (values and key order), the same errors (message, path,
 * code), the same assertion failures. Compared here on the federation benchmark's real merged answer
 * and on thousands of generated answers, valid and broken, over a schema with interfaces, unions,
 * enums, a custom scalar, non-null lists of lists, aliases, fragments and @skip/@include.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  Supergraph,
  operationFromDocument,
  possibleRuntimeTypes,
  type CompositeType,
  type Operation,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import { parse } from 'graphql';
import { apolloComputeResponse, computeResponse, installResultShaping, type ComputeResponse } from '../../gateway/execution/result-shaping';
import { SDL as BENCHMARK_SDL, subgraphSchema } from '../../bench/workload-b/subgraphs';
import { TEST_QUERY } from '../../bench/workload-b/operation';
import { seededRandom } from '../../bench/operation';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

const SUBGRAPHS = {
  catalogue: `${LINK}
    scalar Instant
    enum Level { BRONZE SILVER GOLD }
    interface Place { id: ID!  name: String! }
    type City implements Place @key(fields: "id") { id: ID!  name: String!  population: Int  level: Level  since: Instant  area: Float  tags: [[String!]]!  twins: [City!] }
    type Region implements Place @key(fields: "id") { id: ID!  name: String!  cities: [City]!  flags: [Boolean!]  }
    union Found = City | Region
    type Query { places: [Place!]!  find(term: String): [Found]  city(id: ID!): City  }`,
  reports: `${LINK}
    type City @key(fields: "id") { id: ID!  reports: [Report!]! }
    type Report { year: Int!  score: Float  verified: Boolean!  note: String }`,
};

const OPERATIONS = [
  `query Everything($withTags: Boolean!, $skipScore: Boolean!) {
     places { __typename id name ... on City { population level since area tags @include(if: $withTags) twins { id name } }
              ... on Region { cities { id name reports { year score @skip(if: $skipScore) verified } } flags } }
     find(term: "a") { ... on Place { id } ... on City { n: name level } ... on Region { regionName: name } kind: __typename }
   }`,
  `query Aliases($skip: Boolean = false) {
     first: city(id: "1") { id name alias: name population @skip(if: $skip) ...F reports { year ... on Report { score note } } }
     second: city(id: "2") @include(if: true) { id ...F }
     third: city(id: "3") @skip(if: true) { id }
     __type(name: "City") { name }
     __typename
   }
   fragment F on City { level tags area name }`,
  `query Nested { places { ... on Region { cities { twins { twins { id name level } } } } ... on Place { name } } }`,
];

function apiSchemaOf(subgraphs: Record<string, string>) {
  const composed = composeServices(Object.entries(subgraphs).map(([name, sdl]) => ({ name, typeDefs: parse(sdl), url: `http://${name}` })));
  if (composed.errors) throw composed.errors[0];
  return { supergraphSdl: composed.supergraphSdl, schema: Supergraph.build(composed.supergraphSdl).apiSchema() };
}

/**
 * A merged answer for the operation as subgraphs might give it: mostly right, and with probability
 * `broken` per value something wrong (null, missing, a wrong leaf, an unknown or wrong __typename, a
 * non-list, a non-object), plus fields nobody selected.
 */
function generate(operation: Operation, rnd: () => number, broken: number): Record<string, unknown> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const leaf = (type: Type): unknown => {
    const name = (type as { name?: string }).name;
    if (rnd() < broken) return pick([1.5, 'x', true, 7, { no: 1 }, 'PLATINUM', '12', -0, Number.NaN]);
    switch (name) {
      case 'Int':
        return Math.floor(rnd() * 1000) - 10;
      case 'Float':
        return rnd() * 100;
      case 'Boolean':
        return rnd() < 0.5;
      case 'ID':
        return rnd() < 0.5 ? String(Math.floor(rnd() * 99)) : Math.floor(rnd() * 99);
      case 'Level':
        return pick(['BRONZE', 'SILVER', 'GOLD']);
      case 'Instant':
        return pick(['2026-11-30T00:00:00Z', 42, { any: 'thing' }]);
      default:
        return `s${Math.floor(rnd() * 1000)}`;
    }
  };
  const value = (type: Type, selectionSet: SelectionSet | undefined, depth: number): unknown => {
    if (rnd() < broken / 2) return null;
    switch (type.kind) {
      case 'NonNullType':
        return value(type.ofType, selectionSet, depth);
      case 'ListType': {
        if (rnd() < broken / 4) return 'not a list';
        const length = depth > 4 ? 0 : Math.floor(rnd() * 4);
        return Array.from({ length }, () => value(type.ofType, selectionSet, depth + 1));
      }
      case 'ObjectType':
      case 'InterfaceType':
      case 'UnionType': {
        if (rnd() < broken / 4) return 'not an object';
        const runtime = pick(possibleRuntimeTypes(type as CompositeType));
        const object: Record<string, unknown> = {};
        const r = rnd();
        if (r < broken / 2) object.__typename = pick(['Nope', 'Report', 'Level', 'String']);
        else if (type.kind !== 'ObjectType' || r < 0.5) object.__typename = runtime.name;
        if (rnd() < 0.3) object.unselected = 'extra';
        if (selectionSet) fill(object, selectionSet, runtime, depth + 1);
        return object;
      }
      default:
        return leaf(type);
    }
  };
  const fill = (object: Record<string, unknown>, selectionSet: SelectionSet, runtime: CompositeType, depth: number) => {
    for (const selection of selectionSet.selections()) {
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        if (field.name === '__typename') continue;
        if (rnd() < broken / 2) continue; // missing
        const name = field.responseName();
        if (object[name] !== undefined && rnd() < 0.5) continue;
        object[name] = value(field.definition.type!, selection.selectionSet, depth);
      } else if (!selection.element.typeCondition || selection.element.typeCondition.name === runtime.name || rnd() < 0.4) {
        fill(object, selection.selectionSet, runtime, depth);
      }
    }
  };
  const root: Record<string, unknown> = {};
  fill(root, operation.selectionSet, operation.schema().schemaDefinition.rootType(operation.rootKind)!, 0);
  return root;
}

/** What a shaping gave, in a form two results can be compared in (key order included). */
function outcome(shape: ComputeResponse, args: Parameters<ComputeResponse>[0]) {
  try {
    const { data, errors } = shape(args);
    return {
      data: JSON.stringify(data),
      errors: errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
    };
  } catch (error) {
    return { thrown: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

const introspectionHandling = (selection: { toString(): string }) => ({ introspected: String(selection) });

describe('result shaping', () => {
  test('is installed in place of @apollo/gateway’s own for the version in use', () => {
    expect(installResultShaping()).toEqual({ installed: true });
    expect(require('@apollo/gateway/dist/resultShaping').computeResponse).toBe(computeResponse);
  });

  test('gives the federation benchmark’s 62 KB answer exactly as Apollo does', async () => {
    const composed = composeServices(Object.entries(BENCHMARK_SDL).map(([name, sdl]) => ({ name, typeDefs: parse(sdl), url: `http://${name}` })));
    const shaping = require('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse };
    const captured: Parameters<ComputeResponse>[0][] = [];
    const installed = shaping.computeResponse;
    shaping.computeResponse = (args) => {
      captured.push(args);
      return apolloComputeResponse(args);
    };
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      buildService: ({ name }) => new LocalGraphQLDataSource(subgraphSchema(name)),
    });
    const server = new ApolloServer({ gateway });
    try {
      await server.start();
      const response = await server.executeOperation({ query: TEST_QUERY });
      expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeUndefined();
    } finally {
      shaping.computeResponse = installed;
      await server.stop();
    }
    expect(captured).toHaveLength(1);
    const ours = outcome(computeResponse, captured[0]);
    expect(ours).toEqual(outcome(apolloComputeResponse, captured[0]));
    expect((ours.data ?? '').length).toBeGreaterThan(60_000);
    expect(ours.errors).toEqual([]);
  });

  test('gives the same data, errors and failures as Apollo’s on 6 000 generated answers, valid and broken', () => {
    const { schema } = apiSchemaOf(SUBGRAPHS);
    const operations = OPERATIONS.map((text) => operationFromDocument(schema, parse(text), { validate: false }));
    const seen = { clean: 0, withErrors: 0, nullRoot: 0, thrown: 0 };
    for (let seed = 1; seed <= 6000; seed++) {
      const rnd = seededRandom(seed);
      const operation = operations[seed % operations.length];
      const broken = seed % 4 === 0 ? 0 : [0.02, 0.08, 0.2][seed % 3];
      const input = generate(operation, rnd, broken);
      const variables: Record<string, unknown> = {};
      for (const name of ['withTags', 'skipScore', 'skip']) {
        const r = rnd();
        // Mostly booleans; sometimes absent or not a boolean (Apollo asserts on those).
        if (r < 0.9) variables[name] = r < 0.45;
        else if (r < 0.95) variables[name] = 'yes';
      }
      const args = { operation, variables, input, introspectionHandling };
      const apollo = outcome(apolloComputeResponse, args);
      const ours = outcome(computeResponse, args);
      if (JSON.stringify(ours) !== JSON.stringify(apollo)) {
        // The seed replays the case.
        expect({ seed, ours }).toEqual({ seed, ours: apollo });
      }
      if ('thrown' in apollo) seen.thrown++;
      else if (apollo.data === 'null') seen.nullRoot++;
      else if (apollo.errors.length) seen.withErrors++;
      else seen.clean++;
    }
    // The generated cases reach every kind of outcome, each many times.
    expect(Math.min(...Object.values(seen))).toBeGreaterThan(200);
  });

  test('answers an empty result as Apollo does', () => {
    const { schema } = apiSchemaOf(SUBGRAPHS);
    const operation = operationFromDocument(schema, parse(OPERATIONS[1]), { validate: false });
    for (const input of [null, undefined]) {
      expect(computeResponse({ operation, input, introspectionHandling })).toEqual(apolloComputeResponse({ operation, input, introspectionHandling }));
    }
  });
});
