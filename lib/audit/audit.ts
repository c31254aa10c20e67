import { MongoBulkWriteError, MongoServerError, type Collection, type Db } from 'mongodb';
import type { AuditEntryDoc } from '../db/audit-entry';
import type { AuthUser } from '../auth/roles';

/**
 * The audit trail: collection `audit` in the database of the subgraph that made the change.
 *
 * Nothing acknowledged may be lost, and there are no transactions: so a change and its audit entries
 * are written in ONE single-document update (the entries go into the changed document's
 * `pendingAudit` outbox), then copied to `audit` and the outbox emptied. Entry ids are deterministic,
 * so a copy interrupted half-way is simply redone (by the next change or read of that document).
 */
export const AUDIT = 'audit';

export function auditEntries(db: Db): Collection<AuditEntryDoc> {
  return db.collection<AuditEntryDoc>(AUDIT);
}

export async function ensureAuditIndexes(db: Db): Promise<void> {
  await auditEntries(db).createIndexes([{ key: { cityId: 1, year: 1, seq: 1 }, name: 'city_year_seq' }]);
}

/** Entries of one change: numbered after the version the change produces, so they sort in change order. */
export class AuditBatch {
  readonly entries: AuditEntryDoc[] = [];

  constructor(
    private readonly scope: { docId: string; cityId: string | null; year: number | null; version: number },
    private readonly actor: AuthUser,
    private readonly at: Date,
  ) {}

  add(action: string, subject: string, oldValue: Record<string, unknown> | null, newValue: Record<string, unknown> | null): void {
    const n = this.entries.length;
    this.entries.push({
      _id: `${this.scope.docId}:v${this.scope.version}:${n}`,
      cityId: this.scope.cityId,
      year: this.scope.year,
      at: this.at,
      actor: this.actor.sub,
      actorRoles: [...this.actor.roles],
      action,
      subject,
      old: oldValue,
      new: newValue,
      // Versions grow by one per change and a change holds at most a few hundred entries.
      seq: this.scope.version * 10_000 + n,
    });
  }
}

function onlyDuplicates(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return errors.length > 0 && errors.every((e) => e.code === 11000);
  }
  return error instanceof MongoServerError && error.code === 11000;
}

/**
 * Copies a document's outbox to `audit` (entries already there are skipped), then empties the outbox
 * unless the document changed meanwhile (a later change carries the older entries along in its own
 * outbox, so they are copied then).
 */
export async function flushOutbox(db: Db, collection: string, doc: { _id: string; version?: number; pendingAudit?: AuditEntryDoc[] }): Promise<void> {
  const pending = doc.pendingAudit ?? [];
  if (pending.length === 0) return;
  try {
    await auditEntries(db).insertMany(pending, { ordered: false });
  } catch (error) {
    if (!onlyDuplicates(error)) throw error;
  }
  await db.collection<{ _id: string }>(collection).updateOne({ _id: { $eq: doc._id }, ...versionFilter(doc.version) }, { $unset: { pendingAudit: '' } });
}

/** Matches a document still at `version` (documents seeded before versions existed have none). */
export function versionFilter(version: number | undefined): Record<string, unknown> {
  return version === undefined ? { version: { $exists: false } } : { version: { $eq: version } };
}

/** The entries of one city and data year, in the order the changes were made. */
export async function findAuditTrail(db: Db, cityId: string, year: number): Promise<AuditEntryDoc[]> {
  const entries = await auditEntries(db)
    .find({ cityId: { $eq: cityId }, year: { $eq: year } })
    .toArray();
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.seq ?? 0) - (b.seq ?? 0) || (a._id < b._id ? -1 : 1));
}
