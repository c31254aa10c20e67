/**
 * `npm run bench:latency`: the latency a user of `npm start` sees, cold and warm (issue 10's targets):
 * the sample data in a fresh local database (FerretDB, or MONGODB_URI), the whole stack in this
 * process as `npm start` runs it, then
 *   - the golden CityProfile for 20 cities,
 *   - registry(first: 50) with coverage and earned level,
 *   - certificationGap with the dashboard's fields, for the certified cities,
 * each in a first pass (cold: nothing cached) and a second pass (warm), one request at a time. Prints
 * the median and the maximum of each pass, and the per-subgraph time of the first pass.
 * Options: --passes N (default 2), --cache on|off (default on).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSampleDataset } from '../data/sample/dataset';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/config';
import { connectMongo } from '../lib/db/mongo';
import { startLocalServer, type LocalServer } from '../stack/local-server';
import { startStack } from '../stack/stack';
import { GOLDEN_OPERATION, GOLDEN_NOW } from '../test/golden/golden';

const REGISTRY = `query Registry { registry(first: 50) { totalCount edges { node { city { id name country } year level awardedAt
  coverage { coreVerified supportingVerified earnedLevel } } } pageInfo { hasNextPage endCursor } } }`;
const GAP = `query Gap($id: ID!, $year: Int!) { city(id: $id) { certificationGap(year: $year, target: PLATINUM) {
  coreNeeded supportingNeeded missingCore { id name } unverifiedCore { id } gapThemes
  upcomingWorkshops { title startsAt themes } mentorCandidates { city { name certification { level } } verifiedThemes } } } }`;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const passes = Number(arg('passes', '2'));
  const cache = arg('cache', 'on') === 'on';
  process.env.LOG_LEVEL ??= 'warn';
  let local: LocalServer | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    local = await startLocalServer({ dataDir: mkdtempSync(join(tmpdir(), 'citynet-latency-')) });
    uri = local.uri;
  }
  const clients = {} as Record<SubgraphName, Awaited<ReturnType<typeof connectMongo>>>;
  for (const name of SUBGRAPH_NAMES) clients[name] = await connectMongo(uri, { appName: `latency-${name}` });
  const now = new Date(GOLDEN_NOW);
  const dataset = buildSampleDataset();
  const stack = await startStack({
    clients,
    settings: { dbPrefix: `lat${Date.now()}_`, defaultPageSize: 20, maxPageSize: 100, minDataYear: 2010, maxDataYear: 2026, now: () => new Date(now) },
    dataset,
    gateway: { supergraphPath: join(__dirname, '..', 'schema', 'supergraph.graphql'), maxBodyBytes: 1_000_000, cache: { enabled: cache } },
  });
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const started = performance.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    const ms = performance.now() - started;
    if (body.errors) throw new Error(`errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
    return ms;
  };
  const cities = dataset.membership.cities.slice(0, 20).map((c) => c._id);
  const certified = [...new Set(dataset.certification.certifications.filter((c) => c.status === 'CERTIFIED').map((c) => `${c.cityId}:${c.year}`))].slice(0, 20);
  console.log(`Latency through the gateway (cache ${cache ? 'on' : 'off'}), sample data, one request at a time:`);
  for (let pass = 1; pass <= passes; pass++) {
    const profile: number[] = [];
    for (const id of cities) profile.push(await post(GOLDEN_OPERATION, { id }));
    const registry: number[] = [];
    for (let i = 0; i < 5; i++) registry.push(await post(REGISTRY));
    const gap: number[] = [];
    for (const key of certified) {
      const [id, year] = key.split(':');
      gap.push(await post(GAP, { id, year: Number(year) }));
    }
    const line = (name: string, xs: number[]) =>
      `  pass ${pass} ${name.padEnd(28)} median ${median(xs).toFixed(0).padStart(5)} ms   max ${Math.max(...xs)
        .toFixed(0)
        .padStart(5)} ms   (${xs.length})`;
    console.log(line('CityProfile (20 cities)', profile));
    console.log(`${line('registry(first: 50)', registry.slice(0, 1))}   first request of the pass`);
    console.log(line('certificationGap', gap));
  }
  await stack.stop();
  for (const name of SUBGRAPH_NAMES) await clients[name].close();
  await local?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
