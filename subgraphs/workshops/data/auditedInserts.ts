import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection } from 'mongodb';
import type { AuthUser } from '../../../lib/auth/roles';
import { insertManyIgnoringDuplicates, isDuplicateKey } from '../../../lib/db/access';
import { appliedMarkers, recordEvidence, type Attempt } from '../../../lib/db/idempotency';
import { auditEntries, auditEntriesFor, type AuditChange, type AuditScope, type VersionedDoc } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';

/** One new document and what its creation records (as `writeChange` takes it, with its own actor). */
export interface AuditedInsert<T extends VersionedDoc> {
  next: Omit<T, 'version' | 'outbox'>;
  audit: readonly AuditChange[];
  scope: AuditScope;
  actor: AuthUser;
  /** The keyed request this insert is for (workflows/batch.ts `attemptOf`): its marker goes in the outbox. */
  attempt?: Attempt;
}

/**
 * `writeChange` (lib/db/outbox.ts) for many NEW documents at once, in three commands whatever their
 * number: each document is still one single-document write carrying its own audit entries in its
 * `outbox` (the same shape and entry ids as `writeChange`: `<collection>:<id>:v1:<n>`), inserted
 * together; then all their entries are copied to `audit` in one insert, and the outboxes emptied in
 * one bulk write of literal `{_id}` updates. A crash in between leaves outboxes that the next change of
 * a document, or start-up (`flushPendingOutboxes`), carries out as usual.
 *
 * Used where a burst must stay cheap under a lock (a batch of registrations for one workshop). Callers
 * hold the lock that serialises these documents. Returns, per item, the document as written (without
 * its outbox) or the error that refused it (CONFLICT `conflict(id)` when its `_id` exists already).
 */
export async function insertAudited<T extends VersionedDoc>(
  collection: Collection<T>,
  items: readonly AuditedInsert<T>[],
  at: Date,
  conflict: (id: string) => string,
): Promise<(T | Error)[]> {
  if (items.length === 0) return [];
  const docs = items.map((item) => {
    const { version: _version, outbox: _outbox, ...fields } = item.next as unknown as VersionedDoc;
    const doc = `${collection.collectionName}:${fields._id}`;
    const audit = auditEntriesFor(doc, 1, item.scope, item.actor, at, item.audit);
    const applied = appliedMarkers(
      item.attempt,
      doc,
      item.audit.map((change) => change.subject),
    );
    return { ...fields, version: 1, outbox: { audit, derived: [], events: [], ...(applied.length ? { applied } : {}) } } as unknown as T;
  });
  const refused = new Map<number, Error>();
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (error) {
    // Anything but per-document refusals leaves the outcome unknown: the batch fails; documents that
    // were written carry their outbox, carried out later as after any interrupted write.
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const duplicate = isDuplicateKey(error);
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    for (const e of writeErrors) refused.set(e.index, duplicate ? codedError('CONFLICT', conflict(docs[e.index]._id)) : error);
  }
  const written = docs.filter((_, i) => !refused.has(i));
  await insertManyIgnoringDuplicates(
    auditEntries(collection.db),
    written.flatMap((d) => d.outbox?.audit ?? []),
  );
  const markers = written.flatMap((d) => d.outbox?.applied ?? []);
  if (markers.length) await recordEvidence(collection.db, markers);
  if (written.length) {
    const unset: AnyBulkWriteOperation<T>[] = written.map((d) => ({
      updateOne: { filter: { _id: d._id } as never, update: { $unset: { outbox: '' } } as never },
    }));
    await collection.bulkWrite(unset, { ordered: false });
  }
  return docs.map((doc, i) => {
    const error = refused.get(i);
    if (error) return error;
    const { outbox: _flushed, ...clean } = doc;
    return clean as T;
  });
}
