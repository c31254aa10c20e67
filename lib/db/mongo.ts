import { MongoClient, type CommandStartedEvent, type Db } from 'mongodb';
import { traceMongoCommands } from '../observability/mongo-tracing';

export interface MongoOptions {
  /**
   * Command monitoring (default on): database command latency in /metrics, a span per command when
   * tracing, and command counts in tests and the benchmark. Off only saves an event per command.
   */
  monitorCommands?: boolean;
  appName?: string;
}

export async function connectMongo(uri: string, options: MongoOptions = {}): Promise<MongoClient> {
  const client = new MongoClient(uri, {
    appName: options.appName,
    monitorCommands: options.monitorCommands ?? true,
    // Fail fast instead of hanging when the database is unreachable.
    serverSelectionTimeoutMS: 5000,
    connectTimeoutMS: 5000,
    maxPoolSize: 20,
  });
  if (options.monitorCommands ?? true) traceMongoCommands(client);
  await client.connect();
  return client;
}

export function databaseName(base: string, prefix = ''): string {
  return prefix + base;
}

/** Commands that are connection housekeeping, not data access. */
const HOUSEKEEPING = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'buildInfo', 'saslStart', 'saslContinue']);

export interface CommandLogEntry {
  db: string;
  command: string;
  collection?: string;
  /** For finds: whether the filter is exactly `{_id: <string>}` (a primary-key lookup on any engine). */
  byId?: boolean;
  /** The command as sent (for explaining it on MongoDB). */
  body?: Record<string, unknown>;
  /**
   * Work no request asked for: the event stream's feeds and consumers (lib/db/events.ts) polling in
   * the background, the idempotency keys' expiry sweep, and the data layer's statistics probe (`collStats`, at most once a
   * minute per collection; lib/db/access.ts).
   */
  background?: boolean;
}

/** Collections only the event machinery touches (lib/db/events.ts). */
const EVENT_COLLECTIONS = new Set(['events', 'events_meta', 'events_by_seq', 'event_positions']);

function lockKeyOf(command: Record<string, unknown>): unknown {
  const documents = command.documents as { _id?: unknown }[] | undefined;
  const deletes = command.deletes as { q?: { _id?: unknown } }[] | undefined;
  const filter = command.filter as { _id?: unknown } | undefined;
  return documents?.[0]?._id ?? deletes?.[0]?.q?._id ?? filter?._id;
}

function isBackground(commandName: string, collection: string | undefined, command: Record<string, unknown>): boolean {
  if (commandName === 'count' || commandName === 'collStats') return true;
  // The idempotency keys' expiry sweep (lib/db/idempotency.ts startExpiryCleanup).
  if (commandName === 'delete' && collection === 'idempotency') return true;
  if (collection && EVENT_COLLECTIONS.has(collection)) return true;
  if (collection !== 'locks') return false;
  const key = JSON.stringify(lockKeyOf(command) ?? '');
  return key.includes('events-consumer:');
}

/**
 * Records the data commands a client sends (find, aggregate, insert, ...), so tests can prove that a
 * list of N entities costs a constant number of queries.
 */
export class CommandRecorder {
  readonly entries: CommandLogEntry[] = [];
  private readonly listener = (event: CommandStartedEvent) => {
    if (HOUSEKEEPING.has(event.commandName)) return;
    const command = event.command as Record<string, unknown>;
    const target = command[event.commandName];
    const filter = command.filter as Record<string, unknown> | undefined;
    const byId = event.commandName === 'find' && !!filter && Object.keys(filter).length === 1 && typeof filter._id === 'string';
    this.entries.push({
      db: event.databaseName,
      command: event.commandName,
      collection: typeof target === 'string' ? target : undefined,
      byId,
      body: command,
      background: isBackground(event.commandName, typeof target === 'string' ? target : undefined, command),
    });
  };

  constructor(private readonly client: MongoClient) {
    client.on('commandStarted', this.listener);
  }

  reset(): void {
    this.entries.length = 0;
  }

  /** Commands matching `filter` (default: every command a request caused, not background work). */
  count(filter: (entry: CommandLogEntry) => boolean = (entry) => !entry.background): number {
    return this.entries.filter(filter).length;
  }

  stop(): void {
    this.client.off('commandStarted', this.listener);
  }
}

export type { Db, MongoClient };

/**
 * Cursor batch size for DataLoader queries: the driver's default first batch is 101 documents, and
 * every further batch is another round trip (getMore), so a batched lookup for many cities would
 * cost more commands as the list grows. One batch keeps it at one command per query.
 */
export const LOADER_BATCH_SIZE = 100_000;
