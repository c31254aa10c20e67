import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer } from '../../stack/local-server';
import { connectMongo } from '../../lib/db/mongo';
import { detectEngine } from '../../lib/db/engine';

/**
 * Starts one real MongoDB-compatible server for the whole run (unless MONGODB_URI is given);
 * workers inherit MONGODB_URI and isolate themselves with a database prefix each, and
 * TEST_DB_ENGINE (mongodb or ferretdb) for tests that only make sense on one engine.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.MONGODB_URI) {
    const dataDir = mkdtempSync(join(tmpdir(), 'citynet-test-db-'));
    const server = await startLocalServer({ dataDir, log: (line) => process.stderr.write(`${line}\n`) });
    process.env.MONGODB_URI = server.uri;
    process.stderr.write(`\nTest database: ${server.kind} at ${server.uri}\n`);
    (globalThis as Record<string, unknown>).__LOCAL_DB__ = server;
  }
  const client = await connectMongo(process.env.MONGODB_URI, { monitorCommands: false, appName: 'jest-setup' });
  process.env.TEST_DB_ENGINE = await detectEngine(client);
  await client.close();
}
