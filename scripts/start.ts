/**
 * `npm start`: everything up in one command — a local database when MONGODB_URI is unset (data in
 * .data/, kept across restarts), the sample data seeded once, the four subgraphs and the gateway.
 * Ctrl-C stops all of it cleanly.
 */
import { join } from 'node:path';
import { buildSampleDataset } from '../data/sample/dataset';
import { DEFAULT_PORTS, envInt, envString, SUBGRAPH_NAMES, subgraphSettingsFromEnv, type SubgraphName } from '../lib/config';
import { startLocalServer, type LocalServer } from '../stack/local-server';
import { connectMongo } from '../lib/db/mongo';
import { gatewaySettingsFromEnv } from '../gateway/config';
import { startStack } from '../stack/stack';
import { startTracing } from '../lib/observability/tracing';

async function main(): Promise<void> {
  // First, so that every span (gateway, subgraphs, database) of this one process is exported.
  const tracing = startTracing('citynet-wccd');
  let local: LocalServer | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    const dataDir = join(__dirname, '..', '.data', 'db');
    console.log(`MONGODB_URI is not set: starting a local MongoDB-compatible server (data in ${dataDir}) ...`);
    local = await startLocalServer({ dataDir, port: envInt('LOCAL_DB_PORT', 27018, 1, 65535) });
    uri = local.uri;
    console.log(`Local database: ${local.kind} at ${uri}`);
  }
  const client = await connectMongo(uri, { appName: 'citynet-wccd' });
  const clients = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, client])) as Record<SubgraphName, typeof client>;
  const gatewaySettings = gatewaySettingsFromEnv();
  const stack = await startStack({
    clients,
    settings: subgraphSettingsFromEnv(),
    dataset: buildSampleDataset(), // seeds only databases that have not been seeded yet
    host: envString('HOST', '127.0.0.1'),
    ports: { ...DEFAULT_PORTS, gateway: gatewaySettings.port },
    gateway: gatewaySettings,
  });

  console.log('');
  for (const name of SUBGRAPH_NAMES) console.log(`  subgraph ${name.padEnd(13)} ${stack.subgraphUrls[name]}`);
  console.log(`  gateway                ${stack.gatewayUrl}   <- query here (Apollo Sandbox in a browser)`);
  console.log(`  health                 ${stack.gatewayUrl.replace('/graphql', '/health')}`);
  console.log('\nSample data is generated (labelled sampleData: true). Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping ...');
    const step = (name: string) => process.env.DEBUG_SHUTDOWN && console.log(`  ${name} stopped`);
    await stack.stop();
    step('stack');
    await client.close();
    step('client');
    await local?.stop();
    step('database');
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
