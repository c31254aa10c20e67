import type { Db } from 'mongodb';
import { findById, insertManyIgnoringDuplicates } from '../../../lib/db/access';
import { pendingAuditToOutbox, type Migration } from '../../../lib/db/migrations';
import { auditEntries } from '../../../lib/db/outbox';
import { seededHistory } from '../domain/history';
import { CERTIFICATIONS, certifications } from './certifications';
import { cityCopies } from './copies';
import type { CityCopyDoc } from './types';

/**
 * Sample certifications seeded before the seed wrote their history (version 1, no audit entry) get it,
 * as the seed now writes it (domain/history.ts): the audit trail, reasons, verifier and dates. The
 * history's ids are deterministic, so a run interrupted half-way is finished by the next one.
 */
export const seededHistoryMigration: Migration = {
  id: '2026-12-01-certifications-seeded-history',
  description: `${CERTIFICATIONS}: the history of seeded certifications (audit trail, reasons, dates)`,
  async up(db: Db) {
    const seeded = await certifications(db).find({ sampleData: true }).toArray();
    for (const doc of seeded) {
      if ((doc.version ?? 1) !== 1 || doc.outbox) continue;
      const { doc: next, audit } = seededHistory(doc);
      // Already migrated (the history's last entry is there) or changed by the workflow since: left alone.
      if (await findById(auditEntries(db), `${CERTIFICATIONS}:${doc._id}:v1:0`)) continue;
      await insertManyIgnoringDuplicates(auditEntries(db), audit);
      const { _id, ...fields } = next;
      await certifications(db).updateOne({ _id }, { $set: fields });
    }
  },
};

/**
 * What certification knows of the cities now comes from membership's events (`city_copies`). A
 * database from before knows the cities of its certifications (their id and country): those are
 * copied, so that they can be certified again before membership next announces them.
 */
export const cityCopiesMigration: Migration = {
  id: '2026-12-01-certifications-city-copies',
  description: `${CERTIFICATIONS} -> city_copies (id and country of every certified city)`,
  async up(db: Db) {
    const docs = await certifications(db)
      .find({}, { projection: { cityId: 1, country: 1 } })
      .toArray();
    const cities = new Map<string, CityCopyDoc>();
    for (const d of docs) cities.set(d.cityId, { _id: d.cityId, name: d.cityId, country: d.country, region: null, sourceSeq: 0, updatedAt: new Date(0) });
    await insertManyIgnoringDuplicates(cityCopies(db), [...cities.values()]);
  },
};

/**
 * The migrations of database wccd_certification, in order (run at start-up by server.ts, each once;
 * lib/db/migrations.ts). Every one is idempotent.
 */
export const MIGRATIONS: readonly Migration[] = [
  // Certifications written before lib/db/outbox.ts kept unflushed audit entries in `pendingAudit`.
  pendingAuditToOutbox(CERTIFICATIONS),
  cityCopiesMigration,
  seededHistoryMigration,
];
