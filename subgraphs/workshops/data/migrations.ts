import type { Migration } from '../../../lib/db/migrations';
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

export const migrations: readonly Migration[] = [detailsVersion];
