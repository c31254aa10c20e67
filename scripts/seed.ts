/** `npm run seed`: seeds every subgraph's database at MONGODB_URI once (idempotent). */
import { buildSampleDataset } from '../data/sample/dataset';
import { DATABASE_NAMES, SUBGRAPH_NAMES, subgraphSettingsFromEnv } from '../lib/config';
import { connectMongo, databaseName } from '../lib/db/mongo';
import { SUBGRAPHS } from '../subgraphs';

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set (npm start seeds its local database by itself).');
  const client = await connectMongo(uri);
  const dataset = buildSampleDataset();
  for (const name of SUBGRAPH_NAMES) {
    const db = client.db(databaseName(DATABASE_NAMES[name], subgraphSettingsFromEnv().dbPrefix));
    const seeded = await SUBGRAPHS[name].seed(db, dataset);
    console.log(`${db.databaseName}: ${seeded ? 'seeded' : 'already seeded, left as it is'}`);
  }
  await client.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
