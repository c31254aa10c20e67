/** `npm run start:subgraph -- <name> [--seed]`: one subgraph on its own port, against MONGODB_URI. */
import { buildSampleDataset } from '../data/sample/dataset';
import { DATABASE_NAMES, SUBGRAPH_NAMES, subgraphSettingsFromEnv, type SubgraphName } from '../lib/config';
import { connectMongo, databaseName } from '../lib/db/mongo';
import { runSubgraphFromEnv } from '../lib/subgraph/run';
import { SUBGRAPHS } from '../subgraphs';

async function main(): Promise<void> {
  const name = process.argv[2] as SubgraphName;
  if (!SUBGRAPH_NAMES.includes(name)) {
    console.error(`Usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}> [--seed]`);
    process.exit(2);
  }
  if (process.argv.includes('--seed') && process.env.MONGODB_URI) {
    const client = await connectMongo(process.env.MONGODB_URI);
    const db = client.db(databaseName(DATABASE_NAMES[name], subgraphSettingsFromEnv().dbPrefix));
    const seeded = await SUBGRAPHS[name].seed(db, buildSampleDataset());
    console.log(seeded ? `Seeded ${db.databaseName}` : `${db.databaseName} was already seeded`);
    await client.close();
  }
  await runSubgraphFromEnv(name, SUBGRAPHS[name].createServer);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
