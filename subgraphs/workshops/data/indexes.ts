import type { Collection, Document, IndexDescription } from 'mongodb';

/**
 * Creates indexes one `createIndexes` command each: FerretDB 1.24 drops the connection when a
 * single command re-creates several existing indexes (every restart does that), one at a time works.
 */
export async function ensureIndexes<T extends Document>(collection: Collection<T>, specs: IndexDescription[]): Promise<void> {
  for (const spec of specs) await collection.createIndexes([spec]);
}
