import type { Db } from 'mongodb';
import { findById, insertManyIgnoringDuplicates } from '../../lib/db/access';
import { auditEntries, ensureAuditIndexes } from '../../lib/db/outbox';
import type { SampleDataset } from '../../data/sample/types';
import { certifications, ensureCertificationIndexes } from './data/certifications';
import { cityCopies } from './data/copies';
import { MIGRATIONS } from './data/migrations';
import type { CertificationRecord, CityCopyDoc } from './data/types';
import { seededHistory } from './domain/history';
import { defaultVerifierOrganisations, type VerifierOrganisations } from './domain/organisations';
import { migrationsCollection } from '../../lib/db/migrations';

const META = '_meta';

/**
 * Inserts the certifications of the dataset once, each with its history in the shapes the workflow
 * writes (audit trail, reasons, verifier, dates: domain/history.ts), and what certification knows of
 * the sample's cities (as membership's `city.admitted` events would tell it); a `_meta` marker makes
 * later runs a no-op. The dataset names verifier organisations; stored certifications also carry the
 * configured id. A database seeded here is in the current shape: its migrations are recorded as applied.
 */
export async function seed(db: Db, dataset: SampleDataset, organisations: VerifierOrganisations = defaultVerifierOrganisations()): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>(META);
  if (await findById(meta, 'seed')) return false;
  const empty = !(await certifications(db).findOne({}, { projection: { _id: 1 } }));
  await ensureCertificationIndexes(db);
  await ensureAuditIndexes(db);
  const histories = dataset.certification.certifications.map((c) =>
    seededHistory({
      ...c,
      verifierOrganisationId: c.verifierOrganisation ? (organisations.byName.get(c.verifierOrganisation)?.id ?? null) : null,
      version: 1,
    } as CertificationRecord),
  );
  await insertManyIgnoringDuplicates(
    certifications(db),
    histories.map((h) => h.doc),
  );
  await insertManyIgnoringDuplicates(
    auditEntries(db),
    histories.flatMap((h) => h.audit),
  );
  const cities: CityCopyDoc[] = (dataset.membership?.cities ?? []).map((c) => ({
    _id: c._id,
    name: c.name,
    country: c.country,
    region: c.region ?? null,
    sourceSeq: 0,
    updatedAt: new Date(0),
  }));
  await insertManyIgnoringDuplicates(cityCopies(db), cities);
  if (empty) {
    const at = new Date();
    for (const m of MIGRATIONS) {
      await migrationsCollection(db).updateOne({ _id: m.id }, { $setOnInsert: { description: m.description, appliedAt: at, ms: 0 } }, { upsert: true });
    }
  }
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
