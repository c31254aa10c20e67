import type { Db } from 'mongodb';
import type { SampleDataset } from '../../data/sample/types';
import { certifications, ensureCertificationIndexes } from './data/certifications';

const META = '_meta';

/** Inserts the certifications of the dataset once; a `_meta` marker makes later runs a no-op. */
export async function seed(db: Db, dataset: SampleDataset): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>(META);
  if (await meta.findOne({ _id: { $eq: 'seed' } })) return false;
  await ensureCertificationIndexes(db);
  const docs = dataset.certification.certifications;
  // insertMany rejects an empty list.
  if (docs.length > 0) await certifications(db).insertMany(docs, { ordered: false });
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
