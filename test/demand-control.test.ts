/**
 * Demand control by the cost spec (gateway/limits/cost.ts): the estimate read from the subgraphs'
 * `@cost`/`@listSize` checked against what operations actually return, on a federation of workload B's
 * shape (bench/workload-b: accounts, inventory, products, reviews and the nested TestQuery) and on our
 * own four subgraphs and sample data; the actual cost of every executed operation is exported next to
 * its estimate (`gateway_operation_cost{kind}`), and a refusal states the estimate, the limit and the
 * most expensive path.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import pino from 'pino';
import { createGateway, type Gateway } from '../gateway/server';
import { listen, type RunningHttpServer } from '../lib/http/graphql-http-server';
import { SDL, subgraphSchema, WORKLOAD_B_SUBGRAPHS } from '../bench/workload-b/subgraphs';
import { TEST_QUERY } from '../bench/workload-b/operation';
import { GOLDEN_OPERATION } from './golden/golden';
import { startTestStack, type TestStack } from './support/stack';

jest.setTimeout(180_000);

const logger = pino({ level: 'silent' });
const JSON_POST = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function post(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: JSON_POST, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

/** Objects (composite values) in an answer's data, the root excluded: what the weights count by default. */
function countObjects(data: unknown): number {
  const count = (value: unknown): number => {
    if (Array.isArray(value)) return value.reduce((n: number, item) => n + count(item), 0);
    if (value && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + count(v), 0);
    return 0;
  };
  return count(data) - 1;
}

/** `gateway_operation_cost_sum{operation, kind}` and `gateway_operation_objects_sum{operation}` from /metrics. */
async function costMetrics(graphqlUrl: string, operation: string): Promise<{ estimated: number; actual: number; objects: number }> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const sum = (metric: string, kind?: string) => {
    for (const line of text.split('\n')) {
      if (!line.startsWith(`${metric}_sum{`) || !line.includes(`operation="${operation}"`)) continue;
      if (kind && !line.includes(`kind="${kind}"`)) continue;
      return Number(line.split(' ').pop());
    }
    return NaN;
  };
  return { estimated: sum('gateway_operation_cost', 'estimated'), actual: sum('gateway_operation_cost', 'actual'), objects: sum('gateway_operation_objects') };
}

describe('a workload-B-shaped federation', () => {
  const servers: http.Server[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'demand-'));
  const urls: Record<string, string> = {};

  /** The benchmark's subgraphs with their list sizes declared (Federation 2.9's @listSize). */
  function sizedSdl(name: string): string {
    const link =
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@requires", "@provides", "@shareable", "@listSize", "@cost"])';
    const sdl = SDL[name].replace(/^extend schema @link\([^\n]*\)/, link);
    switch (name) {
      case 'accounts':
        return sdl.replace('users: [User]', 'users: [User] @listSize(assumedSize: 10)');
      case 'products':
        return sdl.replace(
          'topProducts(first: Int = 5): [Product]',
          'topProducts(first: Int = 5): [Product] @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)',
        );
      case 'reviews':
        // Each user writes three reviews and each product gets three.
        return sdl.replace(/reviews: \[Review\]/g, 'reviews: [Review] @listSize(assumedSize: 3)');
      default:
        return sdl;
    }
  }

  function supergraph(sized: boolean): string {
    const result = composeServices(WORKLOAD_B_SUBGRAPHS.map((name) => ({ name, url: urls[name], typeDefs: parse(sized ? sizedSdl(name) : SDL[name]) })));
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
    return result.supergraphSdl;
  }

  /** A lean subgraph server (as the benchmark's): graphql-js over the in-memory data. */
  function serve(schema: GraphQLSchema): Promise<http.Server> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const document: DocumentNode = parse(query);
        const errors = validate(schema, document);
        const result = errors.length ? { errors } : await execute({ schema, document, variableValues: variables, operationName });
        const text = JSON.stringify(result);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  }

  async function gatewayOn(sdl: string, limits: Record<string, number> = {}): Promise<{ gateway: Gateway; running: RunningHttpServer }> {
    const path = join(dir, `supergraph-${Object.keys(limits).join('-') || 'default'}-${Math.random().toString(36).slice(2)}.graphql`);
    writeFileSync(path, sdl);
    const gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: path,
      subgraphUrls: {},
      maxBodyBytes: 1_000_000,
      logger,
      limits,
      cache: { enabled: false },
    });
    const running = await listen(gateway.listener, 0);
    return { gateway, running };
  }

  const started: { gateway: Gateway; running: RunningHttpServer }[] = [];

  beforeAll(async () => {
    for (const name of WORKLOAD_B_SUBGRAPHS) {
      const server = await serve(subgraphSchema(name));
      servers.push(server);
      urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    }
  });

  afterAll(async () => {
    for (const { gateway, running } of started) {
      await running.close();
      await gateway.stop();
    }
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('with @listSize declared, TestQuery is estimated at exactly the objects it returns, and the actual cost is exported next to it', async () => {
    const g = await gatewayOn(supergraph(true));
    started.push(g);
    const r = await post(g.running.url, { query: TEST_QUERY, operationName: 'TestQuery' });
    expect(r.status).toBe(200);
    expect(r.json.errors).toBeUndefined();
    const objects = countObjects(r.json.data);
    // 10 users × (1 + 3 reviews × (review + product + 3 reviews × (review + author + 3 × (review + product))))
    // + 5 top products × (1 + 3 reviews × (review + author + 3 × (review + product))).
    expect(objects).toBe(790 + 125);
    expect(await costMetrics(g.running.url, 'TestQuery')).toEqual({ estimated: objects, actual: objects, objects });
    // The slicing argument counts: 2 top products instead of the default 5.
    const two = TEST_QUERY.replace('topProducts {', 'topProducts(first: 2) {').replace('query TestQuery', 'query TestQueryTwo');
    const r2 = await post(g.running.url, { query: two, operationName: 'TestQueryTwo' });
    const objects2 = countObjects(r2.json.data);
    expect(objects2).toBe(790 + 50);
    expect(await costMetrics(g.running.url, 'TestQueryTwo')).toEqual({ estimated: objects2, actual: objects2, objects: objects2 });
  });

  test('without directives every list counts the default list size: refused with the estimate, the limit and the most expensive path', async () => {
    const g = await gatewayOn(supergraph(false));
    started.push(g);
    const r = await post(g.running.url, { query: TEST_QUERY, operationName: 'TestQuery' });
    expect(r.status).toBe(400);
    const error = r.json.errors[0];
    expect(error.extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      limit: 50_000,
      path: 'users×20.reviews×20.product.reviews×20.author.reviews×20.product',
    });
    expect(error.extensions.estimatedCost).toBeGreaterThan(300_000);
    expect(error.message).toMatch(/^The operation's estimated cost is \d+; the most is 50000 \(MAX_COST\)\. The most expensive path is users×20\.reviews×20/);
    expect(r.json.data).toBeUndefined();
  });

  test('the default list size is configurable (COST_DEFAULT_LIST_SIZE)', async () => {
    const g = await gatewayOn(supergraph(false), { defaultListSize: 3 });
    started.push(g);
    const r = await post(g.running.url, { query: TEST_QUERY.replace('query TestQuery', 'query TestQueryThree'), operationName: 'TestQueryThree' });
    expect(r.status).toBe(200);
    const objects = countObjects(r.json.data);
    const metrics = await costMetrics(g.running.url, 'TestQueryThree');
    expect(metrics.actual).toBe(objects);
    // Three users assumed where there are ten: an underestimate the metric pair shows.
    expect(metrics.estimated).toBe(3 * 79 + 3 * 25);
    expect(metrics.estimated).toBeLessThan(metrics.actual);
  });
});

describe('our subgraphs and sample data', () => {
  let t: TestStack;

  beforeAll(async () => {
    // No response cache: every operation is executed (and measured).
    t = await startTestStack({ gateway: { cache: { enabled: false } } });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown>; exact?: boolean }[] = [
    {
      name: 'RegistryPage',
      query: 'query RegistryPage { registry(first: 10) { totalCount edges { node { year level city { id name } coverage { coreVerified earnedLevel } } } } }',
      exact: true,
    },
    {
      name: 'CitiesPage',
      query: 'query CitiesPage { cities(first: 20) { edges { node { id name membership { clusters } certifications { year level } } } } }',
    },
    { name: 'CityProfile', query: GOLDEN_OPERATION, variables: { id: 'makati' } },
    { name: 'WorkshopsPage', query: 'query WorkshopsPage { workshops(first: 5) { edges { node { title hostCity { name } } } } }', exact: true },
    { name: 'Catalogue', query: 'query Catalogue { indicatorCatalogue { id name } themes { name } }' },
    {
      name: 'Gap',
      query:
        'query Gap { city(id: "kuala-lumpur") { certificationGap(year: 2016, target: PLATINUM) { coreNeeded missingCore { id } upcomingWorkshops { title } mentorCandidates { city { name } } } } }',
    },
  ];

  test.each(OPERATIONS)('$name: the objects returned stay within the estimate, and both are exported', async ({ name, query, variables, exact }) => {
    const r = await post(t.stack.gatewayUrl, { query, variables, operationName: name });
    expect(r.status).toBe(200);
    expect(r.json.errors).toBeUndefined();
    const objects = countObjects(r.json.data);
    const m = await costMetrics(t.stack.gatewayUrl, name);
    expect(m.objects).toBe(objects);
    expect(m.actual).toBeGreaterThanOrEqual(objects); // @cost weights only add
    expect(m.actual).toBeLessThanOrEqual(m.estimated);
    // A full page with no assumed sizes under it is estimated exactly.
    if (exact) expect(m.estimated).toBe(m.actual);
  });

  test('the estimate follows the slicing argument and @cost', async () => {
    const page = (n: number) => `query RegistryOf${n} { registry(first: ${n}) { edges { node { city { id } } } } }`;
    for (const n of [1, 7]) {
      await post(t.stack.gatewayUrl, { query: page(n), operationName: `RegistryOf${n}` });
      // The connection (1) + n × (edge + node + city).
      expect((await costMetrics(t.stack.gatewayUrl, `RegistryOf${n}`)).estimated).toBe(1 + 3 * n);
    }
    // certificationGap weighs 10 (@cost): the city (1) + the gap (10).
    await post(t.stack.gatewayUrl, {
      query: 'query GapOnly { city(id: "makati") { certificationGap(year: 2016, target: GOLD) { coreNeeded } } }',
      operationName: 'GapOnly',
    });
    expect(await costMetrics(t.stack.gatewayUrl, 'GapOnly')).toEqual({ estimated: 11, actual: 11, objects: 2 });
  });

  test('one document with different variables is measured for each (the preflight remembers a document, not a verdict across variables)', async () => {
    const query = 'query PageOf($n: Int) { registry(first: $n) { edges { node { city { id } } } } }';
    // Each estimate is 1 + 3n (see above); the metric sums them.
    let sum = 0;
    for (const n of [2, 5, 2]) {
      const r = await post(t.stack.gatewayUrl, { query, variables: { n }, operationName: 'PageOf' });
      expect(r.json.errors).toBeUndefined();
      sum += 1 + 3 * n;
      expect((await costMetrics(t.stack.gatewayUrl, 'PageOf')).estimated).toBe(sum);
    }
    const refused = await post(t.stack.gatewayUrl, { query, variables: { n: 100_000 }, operationName: 'PageOf' });
    expect(refused.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.json.errors[0].message).toMatch(/first on Query\.registry is 100000/);
    const again = await post(t.stack.gatewayUrl, { query, variables: { n: 5 }, operationName: 'PageOf' });
    expect(again.json.errors).toBeUndefined();
    expect((await costMetrics(t.stack.gatewayUrl, 'PageOf')).estimated).toBe(sum + 16);
  });
});
