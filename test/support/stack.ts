import type { MongoClient } from 'mongodb';
import { buildSampleDataset } from '../../data/sample/dataset';
import type { SampleDataset } from '../../data/sample/types';
import { SUBGRAPH_NAMES, type SubgraphName, type SubgraphSettings } from '../../lib/config';
import { CommandRecorder, connectMongo } from '../../lib/db/mongo';
import { startStack, type Stack, type StackOptions } from '../../stack/stack';
import { openTestMongo } from './mongo';
import { join } from 'node:path';

export interface TestStack {
  stack: Stack;
  dataset: SampleDataset;
  /** Data commands each subgraph sent to its database. */
  recorders: Record<SubgraphName, CommandRecorder>;
  /** POSTs an operation to the gateway (with `token` as a Bearer token) and returns the parsed JSON body. */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<{ data?: T; errors?: any[]; status: number }>;
  cleanup(): Promise<void>;
}

/** Tests pin the clock so "upcoming" answers (and the golden result) do not drift with the calendar. */
export const TEST_NOW = new Date('2026-11-28T00:00:00Z');

export const TEST_SETTINGS = (prefix: string): SubgraphSettings => ({
  dbPrefix: prefix,
  defaultPageSize: 20,
  maxPageSize: 100,
  minDataYear: 2010,
  maxDataYear: 2030,
  now: () => new Date(TEST_NOW),
});

/** The whole system on ephemeral ports over the real test database, seeded with the sample data. */
export async function startTestStack(
  options: {
    dataset?: SampleDataset;
    gateway?: Partial<StackOptions['gateway']>;
    subgraphHttp?: StackOptions['subgraphHttp'];
    bus?: StackOptions['bus'];
    /** The subgraphs' clock (default: pinned at TEST_NOW); a test that moves time passes its own. */
    now?: () => Date;
  } = {},
): Promise<TestStack> {
  const mongo = await openTestMongo();
  const clients = {} as Record<SubgraphName, MongoClient>;
  const recorders = {} as Record<SubgraphName, CommandRecorder>;
  for (const name of SUBGRAPH_NAMES) {
    clients[name] = await connectMongo(mongo.uri, { monitorCommands: true, appName: `test-${name}` });
    recorders[name] = new CommandRecorder(clients[name]);
  }
  const dataset = options.dataset ?? buildSampleDataset();
  const stack = await startStack({
    clients,
    settings: { ...TEST_SETTINGS(mongo.prefix), ...(options.now ? { now: options.now } : {}) },
    dataset,
    gateway: { supergraphPath: join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), maxBodyBytes: 1_000_000, ...options.gateway },
    subgraphHttp: options.subgraphHttp,
    bus: options.bus,
  });
  return {
    stack,
    dataset,
    recorders,
    async query(query, variables, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(stack.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      // Kept off the body's own keys so that deep-equality checks on the GraphQL response still hold.
      Object.defineProperty(body, 'status', { value: response.status, enumerable: false });
      return body as { data?: any; errors?: any[]; status: number };
    },
    async cleanup() {
      await stack.stop();
      for (const name of SUBGRAPH_NAMES) {
        recorders[name].stop();
        await clients[name].close();
      }
      await mongo.cleanup();
    },
  };
}
