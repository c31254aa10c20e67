import type { Db } from 'mongodb';
import type { SampleDataset } from '../../data/sample/types';
import { findById } from '../../lib/db/access';
import { mentoringPairsCollection } from './data/mentoringPairs';
import { registrationsCollection } from './data/registrations';
import { workshopsCollection } from './data/workshops';

const SEED_MARKER = 'seed';

/** Inserts the workshops part of the dataset once; the `_meta` marker makes a second run a no-op. */
export async function seed(db: Db, dataset: SampleDataset): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>('_meta');
  if (await findById(meta, SEED_MARKER)) return false;
  const { workshops, registrations, mentoring_pairs } = dataset.workshops;
  if (workshops.length) await workshopsCollection(db).insertMany(workshops, { ordered: false });
  if (registrations.length) await registrationsCollection(db).insertMany(registrations, { ordered: false });
  if (mentoring_pairs.length) await mentoringPairsCollection(db).insertMany(mentoring_pairs, { ordered: false });
  await meta.insertOne({ _id: SEED_MARKER, seededAt: new Date() });
  return true;
}
