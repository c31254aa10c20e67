import {
  BSON,
  MongoBulkWriteError,
  MongoServerError,
  type Collection,
  type Document,
  type Filter,
  type FindOptions,
  type IndexDescription,
  type OptionalUnlessRequiredId,
  type UpdateFilter,
  type WithId,
} from 'mongodb';
import { engineOf } from './engine';

/**
 * The data-access shapes every subgraph uses, chosen per engine (lib/db/engine.ts):
 * - by id: a literal `{_id: id}` (the one filter FerretDB pushes down);
 * - by many ids: on FerretDB one `{_id: id}` lookup per id, issued concurrently with a bound, or one
 *   `$in` that decodes the collection once when that reads less (small collections of small
 *   documents); on MongoDB one `$in` query on `_id`, in one cursor batch;
 * - a duplicate-key check, an index helper and a version-checked update, each written once here.
 * Ids from clients must be strings: anything else could smuggle an operator into a filter.
 */
export type IdDoc = Document & { _id: string };

/** Cursor batch size for lookups: one batch, so N documents cost one command and no getMore round trips. */
export const ONE_BATCH = 100_000;
/** Concurrent `_id` lookups on FerretDB (each is a short SQLite read; more only queues). */
const FERRET_CONCURRENCY = 8;

function requireStringId(id: unknown): string {
  if (typeof id !== 'string') throw new TypeError(`A document id must be a string, got ${typeof id}`);
  return id;
}

/** One document by `_id`, as the literal filter both engines serve from the primary key. */
export function findById<T extends IdDoc>(collection: Collection<T>, id: string, options: FindOptions = {}): Promise<WithId<T> | null> {
  return collection.findOne({ _id: requireStringId(id) } as Filter<T>, options);
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the order of `items`. */
export async function mapBounded<I, O>(items: readonly I[], limit: number, task: (item: I) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * What the data layer knows of each FerretDB collection to choose a query shape: how many documents it
 * holds and their average size, from `collStats` (a few ms: SQLite's page counts, no document decoded),
 * refreshed in the background at most once a minute; the average is then corrected by the documents
 * actually read (collStats counts whole pages).
 */
interface CollectionStats {
  count?: number;
  avgBytes?: number;
  refreshedAt: number;
  refreshing?: Promise<void>;
}
const stats = new Map<string, CollectionStats>();
const STATS_TTL_MS = 60_000;

function statsOf(collection: Pick<Collection, 'dbName' | 'collectionName'>): CollectionStats {
  const key = `${collection.dbName}.${collection.collectionName}`;
  let entry = stats.get(key);
  if (!entry) stats.set(key, (entry = { refreshedAt: 0 }));
  return entry;
}

function refreshStats(entry: CollectionStats, collection: Pick<Collection, 'db' | 'collectionName'>): Promise<void> {
  if (entry.refreshing) return entry.refreshing;
  if (Date.now() - entry.refreshedAt <= STATS_TTL_MS) return Promise.resolve();
  entry.refreshedAt = Date.now();
  entry.refreshing = collection.db
    .command({ collStats: collection.collectionName })
    .then(
      (result) => {
        const count = Number(result.count);
        if (Number.isFinite(count)) entry.count = count;
        const avg = Number(result.avgObjSize);
        if (entry.avgBytes === undefined && Number.isFinite(avg) && avg > 0) entry.avgBytes = avg;
      },
      () => {
        entry.refreshedAt = 0;
      },
    )
    .finally(() => {
      entry.refreshing = undefined;
    });
  return entry.refreshing;
}

function noteSizes(entry: CollectionStats, docs: readonly Document[]): void {
  for (const doc of docs.slice(0, 8)) {
    const bytes = BSON.calculateObjectSize(doc);
    entry.avgBytes = entry.avgBytes === undefined ? bytes : entry.avgBytes * 0.8 + bytes * 0.2;
  }
}

/**
 * FerretDB 1.24's costs on SQLite, measured on the sample data (2 cores): an `_id` lookup ~0.6 ms plus
 * ~0.35 µs per byte of the document it returns (lookups queue: FerretDB serves them one at a time);
 * a scan (any other filter) ~1.5 ms plus ~0.2 µs per byte of every document in the collection.
 */
const FERRET_LOOKUP_MS = 0.6;
const FERRET_LOOKUP_MS_PER_BYTE = 0.00035;
const FERRET_SCAN_MS = 1.5;
const FERRET_SCAN_MS_PER_BYTE = 0.0002;
/** Below this many ids lookups always win: no statistics are needed to decide. */
const FEW_IDS = 8;

/**
 * The documents with these `_id`s (missing ones are left out; order not guaranteed).
 * On MongoDB, one `$in` on `_id`. On FerretDB, whichever reads less by the cost model above: one
 * `{_id}` lookup per id (bounded concurrency), or one `$in` query that decodes the whole collection
 * once. The collection's statistics are read before the first decision that needs them.
 */
export async function findByIds<T extends IdDoc>(collection: Collection<T>, ids: readonly string[], options: FindOptions = {}): Promise<WithId<T>[]> {
  const unique = [...new Set(ids.map(requireStringId))];
  if (unique.length === 0) return [];
  if ((await engineOf(collection.db)) === 'ferretdb') {
    const entry = statsOf(collection);
    if (unique.length >= FEW_IDS) {
      const refresh = refreshStats(entry, collection);
      if (entry.count === undefined) await refresh;
    }
    const { count, avgBytes = 0 } = entry;
    const lookups = unique.length * (FERRET_LOOKUP_MS + avgBytes * FERRET_LOOKUP_MS_PER_BYTE);
    const scan = count !== undefined && unique.length >= FEW_IDS ? FERRET_SCAN_MS + count * avgBytes * FERRET_SCAN_MS_PER_BYTE : Number.POSITIVE_INFINITY;
    if (scan >= lookups) {
      const docs = (await mapBounded(unique, FERRET_CONCURRENCY, (id) => findById(collection, id, options))).filter((d): d is WithId<T> => d !== null);
      if (!options.projection) noteSizes(entry, docs);
      return docs;
    }
    const docs = await collection.find({ _id: { $in: unique } } as Filter<T>, { ...options, batchSize: ONE_BATCH }).toArray();
    if (!options.projection) noteSizes(entry, docs);
    return docs;
  }
  return collection.find({ _id: { $in: unique } } as Filter<T>, { ...options, batchSize: ONE_BATCH }).toArray();
}

/** `findByIds` as a map by `_id`, for loaders that answer key by key. */
export async function findByIdsMap<T extends IdDoc>(
  collection: Collection<T>,
  ids: readonly string[],
  options: FindOptions = {},
): Promise<Map<string, WithId<T>>> {
  const docs = await findByIds(collection, ids, options);
  return new Map(docs.map((d) => [d._id, d]));
}

/** True when the write failed only because a unique key (`_id` or a unique index) already exists. */
export function isDuplicateKey(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return errors.length > 0 && errors.every((e) => e.code === 11000);
  }
  return error instanceof MongoServerError && error.code === 11000;
}

/** Inserts documents, skipping those whose `_id` is already stored (idempotent copies and seeds). */
export async function insertManyIgnoringDuplicates<T extends IdDoc>(collection: Collection<T>, docs: OptionalUnlessRequiredId<T>[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * Creates indexes one per command: FerretDB 1.24 panics when one createIndexes command re-creates
 * several existing indexes (it happens on every restart), while one at a time is a no-op.
 */
export async function ensureIndexes<T extends Document>(collection: Collection<T>, indexes: IndexDescription[]): Promise<void> {
  for (const index of indexes) await collection.createIndexes([index]);
}

/**
 * Applies `update` to the document `current` was read as, only if it is still at `current.version`
 * (documents from before versions existed have none). Returns the document after the update, or null
 * when it changed meanwhile. On FerretDB the caller must hold the document's lock (lib/db/locks.ts):
 * its conditional updates are not atomic and any filter but `{_id}` scans the collection, so the
 * version is compared on a fresh read and the write is by `_id` alone. On MongoDB the version
 * condition in the filter is the compare-and-swap.
 */
export async function updateIfVersion<T extends IdDoc & { version?: number }>(
  collection: Collection<T>,
  current: { _id: string; version?: number },
  update: UpdateFilter<T>,
): Promise<WithId<T> | null> {
  if ((await engineOf(collection.db)) === 'ferretdb') {
    const fresh = await findById(collection, current._id, { projection: { version: 1 } });
    if (!fresh || fresh.version !== current.version) return null;
    return collection.findOneAndUpdate({ _id: current._id } as Filter<T>, update, { returnDocument: 'after' });
  }
  const version = current.version === undefined ? { $exists: false } : { $eq: current.version };
  return collection.findOneAndUpdate({ _id: current._id, version } as Filter<T>, update, { returnDocument: 'after' });
}
