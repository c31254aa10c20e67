import type { Collection, Db } from 'mongodb';
import type { AuthUser } from '../auth/roles';
import { codedError } from '../graphql/errors';
import { ensureIndexes, findById, insertManyIgnoringDuplicates, isDuplicateKey, updateIfVersion, type IdDoc } from './access';
import type { AuditEntryDoc } from './audit-entry';
import { appliedMarkers, currentAttempt, recordEvidence, type AppliedMarker } from './idempotency';
import { withLocks } from './locks';

export type { AuditEntryDoc } from './audit-entry';

/**
 * The one audited write of every subgraph.
 *
 * Nothing acknowledged may be lost, and neither FerretDB nor MongoDB without a replica-set
 * transaction can write two documents atomically. So a change is ONE single-document write that
 * carries, in the changed document's `outbox`, everything else the change implies:
 * - `audit`: its audit entries (who, when, what, old and new);
 * - `derived`: documents computed from it (summaries, lookup documents), replaced by `_id`;
 * - `events`: domain events for other subgraphs, appended to this database's `events` collection;
 * - `applied`: while a mutation with an `Idempotency-Key` runs, a marker that this change was made for
 *   it (lib/db/idempotency.ts), added automatically: the evidence that a change was applied is in the
 *   very write of the change, so a crash before its answer is stored cannot hide it.
 * After the write the outbox is flushed: every part is idempotent (deterministic ids, replace by
 * `_id`), so a flush interrupted by a crash is simply redone by the next change or read of the
 * document (`loadForChange`), and nothing in it is lost or applied twice.
 *
 * Writes of one document are serialised by its lock (lib/db/locks.ts): FerretDB 1.24 does not make
 * conditional updates atomic, so the version check (lib/db/access.ts `updateIfVersion`) is only a
 * second line of defence there, and the whole defence on MongoDB.
 */
export const AUDIT = 'audit';
export const EVENTS = 'events';

export interface DerivedWrite {
  collection: string;
  doc: IdDoc;
}

/** A domain event another subgraph consumes (at least once, idempotently: `_id` is deterministic). */
export interface EventDoc {
  _id: string;
  type: string;
  at: Date;
  payload: Record<string, unknown>;
  /** Position in this database's stream, assigned when the event is appended (see lib/db/events.ts). */
  seq?: number;
}

export interface Outbox {
  audit?: AuditEntryDoc[];
  derived?: DerivedWrite[];
  events?: EventDoc[];
  /** Markers of the keyed request that made the change (lib/db/idempotency.ts). */
  applied?: AppliedMarker[];
}

/** A document that can be changed by `changeDocument`: a string `_id`, a version, an outbox. */
export interface VersionedDoc extends IdDoc {
  version?: number;
  outbox?: Outbox;
}

export function auditEntries(db: Db): Collection<AuditEntryDoc> {
  return db.collection<AuditEntryDoc>(AUDIT);
}

/** The one index set of `audit`: a city and year's trail in order, and a subject's history. */
export async function ensureAuditIndexes(db: Db): Promise<void> {
  await ensureIndexes(auditEntries(db), [
    { key: { cityId: 1, year: 1, seq: 1 }, name: 'city_year_seq' },
    { key: { subject: 1, at: 1 }, name: 'subject_at' },
  ]);
}

/** What one change records: the action, its subject and the state before (null when created) and after. */
export interface AuditChange {
  action: string;
  subject: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}

/** The trail an entry belongs to: a city and data year (either may be null, e.g. a workshop). */
export interface AuditScope {
  cityId: string | null;
  year?: number | null;
}

/**
 * Audit entries of one change of document `docId` to `version`. Ids are deterministic (document,
 * version, position), so copying them twice inserts them once; `seq` orders a trail in change order.
 */
export function auditEntriesFor(
  docId: string,
  version: number,
  scope: AuditScope,
  actor: AuthUser,
  at: Date,
  changes: readonly AuditChange[],
): AuditEntryDoc[] {
  return changes.map((change, n) => ({
    _id: `${docId}:v${version}:${n}`,
    cityId: scope.cityId,
    year: scope.year ?? null,
    at,
    actor: actor.sub,
    actorRoles: [...actor.roles],
    action: change.action,
    subject: change.subject,
    old: change.old,
    new: change.new,
    // Versions grow by one per change and a change holds at most a few hundred entries.
    seq: version * 10_000 + n,
  }));
}

function mergeOutboxes(a: Outbox | undefined, b: Outbox): Outbox {
  const applied = [...(a?.applied ?? []), ...(b.applied ?? [])];
  return {
    audit: [...(a?.audit ?? []), ...(b.audit ?? [])],
    derived: [...(a?.derived ?? []), ...(b.derived ?? [])],
    events: [...(a?.events ?? []), ...(b.events ?? [])],
    ...(applied.length ? { applied } : {}),
  };
}

function isEmpty(outbox: Outbox | undefined): boolean {
  return !outbox || (!outbox.audit?.length && !outbox.derived?.length && !outbox.events?.length && !outbox.applied?.length);
}

/** Appends events to this database's stream (lib/db/events.ts assigns the order); idempotent by `_id`. */
export type EventAppender = (db: Db, events: EventDoc[]) => Promise<void>;

let appendEvents: EventAppender = async (db, events) => {
  await insertManyIgnoringDuplicates(db.collection<EventDoc>(EVENTS), events);
};

/** Lets the event stream (lib/db/events.ts) take over appending, so that it can number events. */
export function setEventAppender(appender: EventAppender): void {
  appendEvents = appender;
}

/**
 * Carries out a document's outbox, then empties it (by `_id` under the caller's lock; a later change
 * would carry a still-pending outbox along in its own write, so nothing in it is lost).
 */
export async function flushOutbox<T extends VersionedDoc>(collection: Collection<T>, doc: T): Promise<void> {
  const outbox = doc.outbox;
  if (isEmpty(outbox)) return;
  const db = collection.db;
  await insertManyIgnoringDuplicates(auditEntries(db), outbox!.audit ?? []);
  for (const { collection: name, doc: derived } of outbox!.derived ?? []) {
    await db.collection<IdDoc>(name).replaceOne({ _id: derived._id }, derived, { upsert: true });
  }
  if (outbox!.events?.length) await appendEvents(db, outbox!.events);
  // Before the outbox goes: the evidence that the keyed request's change was applied stays.
  if (outbox!.applied?.length) await recordEvidence(db, outbox!.applied);
  await collection.updateOne({ _id: doc._id } as never, { $unset: { outbox: '' } } as never);
}

/** The document a change starts from; an outbox left by an interrupted flush is carried out first. */
export async function loadForChange<T extends VersionedDoc>(collection: Collection<T>, id: string): Promise<T | null> {
  const doc = (await findById(collection, id)) as T | null;
  if (doc && !isEmpty(doc.outbox)) {
    await flushOutbox(collection, doc);
    delete doc.outbox;
  }
  return doc;
}

/** What a change function decides: the document after the change and what the change implies. */
export interface ChangeResult<T> {
  /** The whole document after the change (version and outbox are set by the write). */
  next: Omit<T, 'version' | 'outbox'>;
  /** Audit entries of the change, in its trail (`scope`). */
  audit: readonly AuditChange[];
  scope: AuditScope;
  derived?: DerivedWrite[];
  events?: EventDoc[];
}

export interface ChangeOptions<T extends VersionedDoc> {
  collection: Collection<T>;
  id: string;
  actor: AuthUser;
  at: Date;
  /** Lock key (default `<collection>:<id>`); more keys when the change must exclude others too. */
  locks?: string[];
  /**
   * Decides the change from the current document (null: none yet). Throws a coded error to refuse
   * (nothing is written), returns null when nothing would change (nothing is written).
   */
  change(current: T | null): Promise<ChangeResult<T> | null> | ChangeResult<T> | null;
  /** The CONFLICT message when the document was created or changed by another writer meanwhile. */
  conflict: string;
}

/**
 * The one audited write: under the document's lock, read it (carrying out a left-over outbox), let
 * `change` decide, write the result in ONE single-document write with its outbox (an insert, whose
 * unique `_id` loses a race with CONFLICT, or a version-checked update), then flush the outbox.
 * Returns the document as written (without the outbox), or the current one when nothing changed.
 */
export async function changeDocument<T extends VersionedDoc>(options: ChangeOptions<T>): Promise<T | null> {
  const { collection, id } = options;
  const keys = options.locks ?? [`${collection.collectionName}:${id}`];
  return withLocks(collection.db, keys, async () => {
    const current = await loadForChange(collection, id);
    const result = await options.change(current);
    if (!result) return current;
    return writeChange(collection, current, result, options.actor, options.at, options.conflict);
  });
}

/**
 * The write of `changeDocument` for callers that hold the lock already (several documents changed
 * under one set of locks, each still one audited single-document write).
 */
export async function writeChange<T extends VersionedDoc>(
  collection: Collection<T>,
  current: T | null,
  result: ChangeResult<T>,
  actor: AuthUser,
  at: Date,
  conflict: string,
): Promise<T> {
  const id = (result.next as unknown as IdDoc)._id;
  const version = (current?.version ?? 0) + 1;
  const applied = appliedMarkers(
    currentAttempt(),
    `${collection.collectionName}:${id}`,
    result.audit.map((change) => change.subject),
  );
  const outbox: Outbox = {
    // Named by collection as well: two collections of one database may hold documents with the same
    // `_id` (a member and its city's enrolment), and all their entries go to the one `audit` collection.
    audit: auditEntriesFor(`${collection.collectionName}:${id}`, version, result.scope, actor, at, result.audit),
    derived: result.derived ?? [],
    events: result.events ?? [],
    ...(applied.length ? { applied } : {}),
  };
  // A change without audit entries, derived documents or events (e.g. a recount) leaves no empty outbox behind.
  const carried = current ? mergeOutboxes(current.outbox, outbox) : outbox;
  const withOutbox = isEmpty(carried) ? {} : { outbox: carried };
  // `next` may be spread from the current document: its version and outbox are the write's to set.
  const { _id: _ignored, version: _version, outbox: _outbox, ...fields } = result.next as unknown as VersionedDoc;
  let written: T;
  if (!current) {
    written = { _id: id, ...fields, version, ...withOutbox } as unknown as T;
    try {
      await collection.insertOne(written as never);
    } catch (error) {
      if (isDuplicateKey(error)) throw codedError('CONFLICT', conflict);
      throw error;
    }
  } else {
    const update = { $set: { ...fields, version, ...withOutbox } };
    const after = await updateIfVersion(collection as unknown as Collection<IdDoc & { version?: number }>, current, update as never);
    if (!after) throw codedError('CONFLICT', conflict);
    written = after as unknown as T;
  }
  await flushOutbox(collection, written);
  const { outbox: _flushed, ...clean } = written;
  return clean as T;
}

/**
 * Copies the outboxes of documents that still hold one (a crash between a write and its flush),
 * e.g. at start-up. A scan of one collection: run it where a full read is acceptable.
 */
export async function flushPendingOutboxes<T extends VersionedDoc>(collection: Collection<T>): Promise<number> {
  const pending = (await collection.find({ outbox: { $exists: true } } as never).toArray()) as T[];
  for (const doc of pending) {
    await withLocks(collection.db, [`${collection.collectionName}:${doc._id}`], async () => {
      await loadForChange(collection, doc._id);
    });
  }
  return pending.length;
}

/** The entries of one city and data year, in the order the changes were made. */
export async function findAuditTrail(db: Db, cityId: string, year: number): Promise<AuditEntryDoc[]> {
  const entries = await auditEntries(db)
    .find({ cityId: { $eq: cityId }, year: { $eq: year } })
    .toArray();
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.seq ?? 0) - (b.seq ?? 0) || (a._id < b._id ? -1 : 1));
}

/** The entries of one subject (a workshop, a registration, a member), oldest first. */
export async function findSubjectTrail(db: Db, subject: string): Promise<AuditEntryDoc[]> {
  const entries = await auditEntries(db)
    .find({ subject: { $eq: subject } })
    .toArray();
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.seq ?? 0) - (b.seq ?? 0) || (a._id < b._id ? -1 : 1));
}
