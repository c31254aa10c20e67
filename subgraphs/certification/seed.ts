import type { Db } from 'mongodb';
import type { SampleDataset } from '../../data/sample/types';
import { certifications, ensureCertificationIndexes, type CertificationRecord } from './data/certifications';
import { defaultVerifierOrganisations, type VerifierOrganisations } from './organisations';

const META = '_meta';

/**
 * Inserts the certifications of the dataset once; a `_meta` marker makes later runs a no-op. The
 * dataset names verifier organisations; stored certifications also carry the configured id.
 */
export async function seed(db: Db, dataset: SampleDataset, organisations: VerifierOrganisations = defaultVerifierOrganisations()): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>(META);
  if (await meta.findOne({ _id: { $eq: 'seed' } })) return false;
  await ensureCertificationIndexes(db);
  const docs: CertificationRecord[] = dataset.certification.certifications.map((c) => ({
    ...c,
    verifierOrganisationId: c.verifierOrganisation ? (organisations.byName.get(c.verifierOrganisation)?.id ?? null) : null,
    version: 1,
  }));
  // insertMany rejects an empty list.
  if (docs.length > 0) await certifications(db).insertMany(docs, { ordered: false });
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
