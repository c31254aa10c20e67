import { randomBytes } from 'node:crypto';
import type { MongoClient } from 'mongodb';
import { connectMongo, CommandRecorder } from '../../lib/db/mongo';

export interface TestMongo {
  client: MongoClient;
  uri: string;
  /** Unique database-name prefix for this test file, e.g. `t3f9a1c_`. */
  prefix: string;
  recorder: CommandRecorder;
  /** Drops every database with this prefix and closes the client. */
  cleanup(): Promise<void>;
}

/** A client on the run's real test server (see global-setup), with its own database prefix. */
export async function openTestMongo(): Promise<TestMongo> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run the tests through jest (globalSetup starts the database).');
  const client = await connectMongo(uri, { monitorCommands: true, appName: 'jest' });
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const recorder = new CommandRecorder(client);
  return {
    client,
    uri,
    prefix,
    recorder,
    async cleanup() {
      recorder.stop();
      const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
      for (const { name } of databases) if (name.startsWith(prefix)) await client.db(name).dropDatabase();
      await client.close();
    },
  };
}
