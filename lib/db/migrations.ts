import type { Collection, Db } from 'mongodb';
import { findById, isDuplicateKey } from './access';
import { withLocks } from './locks';

/**
 * Versioned data migrations, run by each subgraph at start-up on its own database, in order, each
 * once: applied ones are recorded in the database's `migrations` collection. A database seeded or
 * written by an older version is upgraded in place (never "delete .data/ and start again").
 *
 * Every `up` must be idempotent (safe to run again after a crash half-way), since the record is
 * written after it. Replicas starting together are serialised by a lock, so one runs each migration
 * and the others find it recorded.
 */
export interface Migration {
  /** Sortable and unique, e.g. `2026-11-30-outbox`. */
  id: string;
  description: string;
  up(db: Db): Promise<void>;
}

export interface MigrationRecord {
  _id: string;
  description: string;
  appliedAt: Date;
  ms: number;
}

export function migrationsCollection(db: Db): Collection<MigrationRecord> {
  return db.collection<MigrationRecord>('migrations');
}

/** Runs the migrations not yet recorded; returns the ids it ran. */
export async function runMigrations(db: Db, migrations: readonly Migration[], log: (message: string) => void = () => {}): Promise<string[]> {
  const ids = migrations.map((m) => m.id);
  if (new Set(ids).size !== ids.length) throw new Error(`Duplicate migration ids: ${ids.join(', ')}`);
  const sorted = [...ids].sort();
  if (sorted.some((id, i) => id !== ids[i])) throw new Error(`Migrations must be listed in id order: ${ids.join(', ')}`);
  const ran: string[] = [];
  // A long lease: a migration over a large collection may take a while, and no other replica may start it.
  await withLocks(
    db,
    ['migrations'],
    async () => {
      for (const migration of migrations) {
        if (await findById(migrationsCollection(db), migration.id)) continue;
        const started = Date.now();
        log(`migration ${migration.id}: ${migration.description}`);
        await migration.up(db);
        try {
          await migrationsCollection(db).insertOne({ _id: migration.id, description: migration.description, appliedAt: new Date(), ms: Date.now() - started });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        ran.push(migration.id);
      }
    },
    { leaseMs: 10 * 60_000, waitMs: 10 * 60_000 },
  );
  return ran;
}

/**
 * The shape every versioned document had before the outbox carried more than audit entries:
 * `pendingAudit` becomes `outbox.audit`. Shared by the subgraphs whose collections had it.
 */
export function pendingAuditToOutbox(collectionName: string): Migration {
  return {
    id: `2026-11-30-${collectionName}-outbox`,
    description: `${collectionName}: pendingAudit -> outbox.audit`,
    async up(db) {
      const collection = db.collection<{ _id: string; pendingAudit?: unknown[] }>(collectionName);
      const docs = await collection.find({ pendingAudit: { $exists: true } }).toArray();
      for (const doc of docs) {
        await collection.updateOne({ _id: doc._id }, { $set: { 'outbox.audit': doc.pendingAudit ?? [] }, $unset: { pendingAudit: '' } });
      }
    },
  };
}
