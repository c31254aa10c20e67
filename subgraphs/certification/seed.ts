import type { Db } from 'mongodb';
import { findById, insertManyIgnoringDuplicates } from '../../lib/db/access';
import type { SampleDataset } from '../../data/sample/types';
import { certifications, ensureCertificationIndexes } from './data/certifications';
import type { CertificationRecord } from './data/types';
import { defaultVerifierOrganisations, type VerifierOrganisations } from './domain/organisations';

const META = '_meta';

/**
 * Inserts the certifications of the dataset once; a `_meta` marker makes later runs a no-op. The
 * dataset names verifier organisations; stored certifications also carry the configured id.
 */
export async function seed(db: Db, dataset: SampleDataset, organisations: VerifierOrganisations = defaultVerifierOrganisations()): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>(META);
  if (await findById(meta, 'seed')) return false;
  await ensureCertificationIndexes(db);
  const docs: CertificationRecord[] = dataset.certification.certifications.map((c) => ({
    ...c,
    verifierOrganisationId: c.verifierOrganisation ? (organisations.byName.get(c.verifierOrganisation)?.id ?? null) : null,
    version: 1,
  }));
  await insertManyIgnoringDuplicates(certifications(db), docs);
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
