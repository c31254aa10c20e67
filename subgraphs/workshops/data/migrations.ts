import type { Migration } from '../../../lib/db/migrations';
import { registrationsCollection } from './registrations';
import type { StoredParticipant } from './types';
import { workshopsCollection } from './workshops';

/**
 * The workshops database's migrations, in id order (lib/db/migrations.ts runs each once, at start-up).
 *
 * Before the one audited write, a workshop's `version` counted the changes of its details only (what
 * `Workshop.version` shows and `expectedVersion` is compared with), and audit entries were written
 * after the change, so no document ever held `pendingAudit` or an outbox. Now `version` is the
 * document's write version (seat counts write the workshop too), and the details version has its own
 * field, `detailsVersion`.
 */
export const detailsVersion: Migration = {
  id: '2026-12-01-workshops-details-version',
  description: 'workshops: the details version moves from version to detailsVersion',
  async up(db) {
    const workshops = workshopsCollection(db);
    // Only documents the old code changed carry a version; the rest are at details version 1 (the default).
    const changed = await workshops.find({ version: { $exists: true }, detailsVersion: { $exists: false } }, { projection: { _id: 1, version: 1 } }).toArray();
    for (const w of changed) await workshops.updateOne({ _id: w._id }, { $set: { detailsVersion: w.version } });
  },
};

/**
 * Issue 12: a workshop's status is computed from the clock (domain/lifecycle.ts); the stored one only
 * says whether the organiser cancelled it. Workshops stored as COMPLETED (the seeded past ones) become
 * SCHEDULED, which reads the same once they have ended.
 */
export const statusByClock: Migration = {
  id: '2026-12-05-workshops-status-by-clock',
  description: 'workshops: stored status is CANCELLED or SCHEDULED (the clock decides IN_PROGRESS and COMPLETED)',
  async up(db) {
    await workshopsCollection(db).updateMany({ status: { $eq: 'COMPLETED' } }, { $set: { status: 'SCHEDULED' } });
  },
};

/**
 * Issue 12: seats are people. A live registration written before participants holds one unnamed seat
 * (its status, its place in the queue): it is stored as such, so every live registration has
 * `participants`. Idempotent: only registrations without them are changed.
 */
export const registrationSeats: Migration = {
  id: '2026-12-06-registrations-participants',
  description: 'registrations: live registrations without participants get their one unnamed seat',
  async up(db) {
    const registrations = registrationsCollection(db);
    const old = await registrations.find({ participants: { $exists: false }, status: { $in: ['CONFIRMED', 'WAITLISTED'] } }).toArray();
    for (const r of old) {
      const confirmed = r.status === 'CONFIRMED';
      const seat: StoredParticipant = {
        id: 'p1',
        name: null,
        role: null,
        email: null,
        status: confirmed ? 'CONFIRMED' : 'WAITLISTED',
        seq: r.seq ?? -1,
        addedAt: r.registeredAt,
        confirmedAt: confirmed ? (r.confirmedAt ?? r.registeredAt) : null,
      };
      // By `_id` alone (FerretDB serves that filter as a lookup; anything more scans the collection per
      // registration). Setting the same seat again is harmless, and replicas wait on the migrations lock.
      await registrations.updateOne({ _id: r._id }, { $set: { participants: [seat] } });
    }
  },
};

export const migrations: readonly Migration[] = [detailsVersion, statusByClock, registrationSeats];
