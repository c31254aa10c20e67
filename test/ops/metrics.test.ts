/**
 * Prometheus GET /metrics on the gateway and on each subgraph: operation latency by operation name,
 * subgraph fetch latency and failures by subgraph, errors by code, database command latency.
 */
import { startTestStack, type TestStack } from '../support/stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

async function scrape(graphqlUrl: string): Promise<string> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one sample line, e.g. `name{a="b",...} 3` (labels in any order). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const body = line.slice(name.length + 1, line.lastIndexOf('}'));
    if (Object.entries(labels).every(([k, v]) => body.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

async function post(query: string, operationName?: string) {
  const response = await fetch(t.stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

test('a query shows up by operation name at the gateway and the subgraphs, with subgraph fetches and database commands', async () => {
  const result = await post('query OpsProfile { city(id: "makati") { name certification { level } } }', 'OpsProfile');
  expect(result.errors).toBeUndefined();

  const gateway = await scrape(t.stack.gatewayUrl);
  expect(sample(gateway, 'graphql_operation_duration_seconds_count', { operation: 'OpsProfile', type: 'query', service: 'gateway' })).toBe(1);
  expect(gateway).toMatch(/graphql_operation_duration_seconds_bucket\{le="0\.\d+",operation="OpsProfile"/);
  expect(sample(gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'membership', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  expect(sample(gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'certification', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  // Process metrics come along (one set per process).
  expect(gateway).toContain('process_cpu_seconds_total');

  const membership = await scrape(t.stack.subgraphUrls.membership);
  // The gateway's fetch to a subgraph is an anonymous operation named by the query planner.
  expect(membership).toMatch(/graphql_operation_duration_seconds_count\{[^}]*service="membership"[^}]*\} [1-9]/);
  expect(sample(membership, 'mongodb_command_duration_seconds_count', { service: 'membership', command: 'find', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  // Each subgraph counts only its own database's commands.
  const certification = await scrape(t.stack.subgraphUrls.certification);
  expect(certification).not.toContain('service="membership"');
});

test('errors are counted by code, and failed subgraph fetches by subgraph and code', async () => {
  const bad = await post('query BadTheme { indicatorCatalogue(theme: "No such theme") { id } }', 'BadTheme');
  expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  let gateway = await scrape(t.stack.gatewayUrl);
  expect(sample(gateway, 'graphql_errors_total', { code: 'BAD_USER_INPUT', service: 'gateway' })).toBeGreaterThanOrEqual(1);
  const indicators = await scrape(t.stack.subgraphUrls.indicators);
  expect(sample(indicators, 'graphql_errors_total', { code: 'BAD_USER_INPUT', service: 'indicators' })).toBeGreaterThanOrEqual(1);

  await t.stack.stopSubgraph('workshops');
  try {
    const partial = await post('query Upcoming { city(id: "makati") { name upcomingWorkshops { title } } }', 'Upcoming');
    expect(partial.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'workshops' });
  } finally {
    await t.stack.restartSubgraph('workshops');
  }
  gateway = await scrape(t.stack.gatewayUrl);
  expect(sample(gateway, 'gateway_subgraph_errors_total', { subgraph: 'workshops', code: 'SUBGRAPH_UNAVAILABLE' })).toBeGreaterThanOrEqual(1);
  expect(sample(gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'workshops', outcome: 'error' })).toBeGreaterThanOrEqual(1);
  expect(sample(gateway, 'graphql_errors_total', { code: 'SUBGRAPH_UNAVAILABLE', service: 'gateway' })).toBeGreaterThanOrEqual(1);
});

test('operation names from clients cannot blow up label cardinality', async () => {
  const weird = 'x'.repeat(80);
  await post(`query ${weird} { __typename }`, weird);
  const gateway = await scrape(t.stack.gatewayUrl);
  expect(gateway).not.toContain(weird);
  expect(gateway).toContain('operation="invalid"');
});

test('the cache of public answers shows its hits, misses, size and invalidations', async () => {
  const query = 'query CachedProfile { city(id: "makati") { name membership { clusters } } }';
  await post(query, 'CachedProfile');
  await post(query, 'CachedProfile');
  let gateway = await scrape(t.stack.gatewayUrl);
  expect(sample(gateway, 'gateway_cache_lookups_total', { cache: 'response', layer: 'local', result: 'miss' })).toBeGreaterThanOrEqual(1);
  expect(sample(gateway, 'gateway_cache_lookups_total', { cache: 'response', layer: 'local', result: 'hit' })).toBeGreaterThanOrEqual(1);
  expect(Number(/^gateway_cache_bytes\{[^}]*\} (\d+)/m.exec(gateway)?.[1])).toBeGreaterThan(0);
  expect(Number(/^gateway_cache_entries\{[^}]*\} (\d+)/m.exec(gateway)?.[1])).toBeGreaterThan(0);
  // The answer is served from the cache, and still counted as an operation.
  expect(sample(gateway, 'graphql_operation_duration_seconds_count', { operation: 'CachedProfile', type: 'query', service: 'gateway' })).toBe(2);

  // A change invalidates what depends on it: the next answer is fetched again.
  const { tokenFor } = await import('../support/tokens');
  const staff = await tokenFor('CITYNET_STAFF', { sub: 'metrics-staff' });
  const response = await fetch(t.stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
    body: JSON.stringify({ query: 'mutation { setMemberClusters(memberId: "makati", clusters: [SDGS]) { id } }' }),
  });
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  gateway = await scrape(t.stack.gatewayUrl);
  expect(sample(gateway, 'gateway_cache_invalidations_total', { source: 'bus' })).toBeGreaterThanOrEqual(1);
  expect(Number(/^gateway_cache_entries_invalidated_total\{[^}]*\} (\d+)/m.exec(gateway)?.[1])).toBeGreaterThanOrEqual(1);
});
