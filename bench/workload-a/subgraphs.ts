/**
 * Workload A's subgraph process: the four real subgraphs (ours, unchanged) on ephemeral ports over
 * the bench database, seeded with the larger sample dataset, with every request and every database
 * command counted (command monitoring), reported to the orchestrator over IPC.
 */
import type { MongoClient } from 'mongodb';
import { buildSampleDataset } from '../../data/sample/dataset';
import { DATABASE_NAMES, SUBGRAPH_NAMES, type SubgraphName, type SubgraphSettings } from '../../lib/config';
import { connectMongo, databaseName } from '../../lib/db/mongo';
import { serveSubgraph } from '../../lib/subgraph/run';
import { SUBGRAPHS } from '../../subgraphs';
import { SubgraphStats } from '../subgraph-stats';

/** Connection housekeeping, not data access (as lib/db/mongo's CommandRecorder). */
const HOUSEKEEPING = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);

async function main(): Promise<void> {
  const uri = process.env.BENCH_MONGODB_URI;
  if (!uri) throw new Error('BENCH_MONGODB_URI is not set');
  const now = new Date(process.env.BENCH_NOW ?? '2026-11-28T00:00:00Z');
  const settings: SubgraphSettings = {
    dbPrefix: process.env.BENCH_DB_PREFIX ?? 'bench_',
    defaultPageSize: 20,
    maxPageSize: 100,
    minDataYear: 2010,
    maxDataYear: 2030,
    now: () => new Date(now),
  };
  const extraCities = Number(process.env.BENCH_EXTRA_CITIES ?? 300);
  const extraWorkshops = Number(process.env.BENCH_EXTRA_WORKSHOPS ?? 1000);
  const dataset = buildSampleDataset({ extraCities, extraWorkshops });

  const stats = new SubgraphStats();
  const clients: MongoClient[] = [];
  const urls = {} as Record<SubgraphName, string>;
  const seedMs: Record<string, number> = {};
  for (const name of SUBGRAPH_NAMES) {
    // One client per subgraph, so that its commands are counted apart.
    const client = await connectMongo(uri, { monitorCommands: true, appName: `bench-${name}` });
    clients.push(client);
    const counters = stats.counters(name);
    client.on('commandStarted', (event) => {
      if (!HOUSEKEEPING.has(event.commandName)) counters.dbCommands++;
    });
    const db = client.db(databaseName(DATABASE_NAMES[name], settings.dbPrefix));
    const started = Date.now();
    await SUBGRAPHS[name].seed(db, dataset); // idempotent: a seeded database is left as it is
    seedMs[name] = Date.now() - started;
    const service = await SUBGRAPHS[name].createServer({ db, settings });
    const http = await serveSubgraph(service, 0, '127.0.0.1');
    stats.watch(name, http.httpServer);
    urls[name] = http.url;
  }
  stats.reset(); // seeding and index creation are not part of any run

  stats.serveIpc(async (message) => {
    if (message.type === 'drop') {
      // Only the databases this run created (its own prefix).
      for (const name of SUBGRAPH_NAMES) await clients[0].db(databaseName(DATABASE_NAMES[name], settings.dbPrefix)).dropDatabase();
      process.send?.({ type: 'drop:reply' });
    }
  });
  const sizes = {
    cities: dataset.membership.cities.length,
    indicatorValues: dataset.indicators.indicator_values.length,
    certifications: dataset.certification.certifications.length,
    workshops: dataset.workshops.workshops.length,
    registrations: dataset.workshops.registrations.length,
  };
  const cityIds = dataset.membership.cities.map((c) => c._id);
  process.send?.({ type: 'ready', urls, seedMs, sizes, cityIds });
  process.on('SIGTERM', async () => {
    for (const client of clients) await client.close().catch(() => {});
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
