import type { Db, MongoClient } from 'mongodb';

/**
 * Which server a client talks to. Both speak the MongoDB wire protocol, but they serve different
 * query shapes fast: FerretDB 1.24 (SQLite) pushes down only a filter that is exactly
 * `{_id: <string>}` and scans and decodes the whole collection for anything else (`$eq`, `$in`, any
 * other field), while MongoDB serves `$in` and declared indexes. The data layer (lib/db/access.ts)
 * picks its query shapes by engine. Detected once per client from `buildInfo`, which FerretDB
 * answers with a `ferretdbVersion`.
 */
export type DbEngine = 'mongodb' | 'ferretdb';

const detected = new WeakMap<MongoClient, Promise<DbEngine>>();

export function detectEngine(client: MongoClient): Promise<DbEngine> {
  let engine = detected.get(client);
  if (!engine) {
    engine = client
      .db('admin')
      .command({ buildInfo: 1 })
      .then((info) => (typeof info.ferretdbVersion === 'string' ? 'ferretdb' : 'mongodb') as DbEngine);
    // A failed probe (database down at start-up) is retried on the next call instead of being kept.
    engine.catch(() => detected.delete(client));
    detected.set(client, engine);
  }
  return engine;
}

export function engineOf(db: Db): Promise<DbEngine> {
  return detectEngine(db.client);
}
