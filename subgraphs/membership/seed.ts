import type { Db } from 'mongodb';
import { findById } from '../../lib/db/access';
import type { SampleDataset } from '../../data/sample/types';
import { citiesCollection } from './data/cities';
import { contactsCollection, sampleContacts } from './data/contacts';
import { enrolmentsCollection } from './data/enrolments';
import { membersCollection } from './data/members';

const SEED_MARKER = 'seed';

/** Inserts the membership part of the dataset once; the `_meta` marker makes a second run a no-op. */
export async function seed(db: Db, dataset: SampleDataset): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>('_meta');
  if (await findById(meta, SEED_MARKER)) return false;
  const { cities, members, enrolments } = dataset.membership;
  if (cities.length) await citiesCollection(db).insertMany(cities, { ordered: false });
  if (members.length) await membersCollection(db).insertMany(members, { ordered: false });
  if (enrolments.length) await enrolmentsCollection(db).insertMany(enrolments, { ordered: false });
  // Member contacts are not public: the sample gets made-up ones, labelled as sample data.
  if (members.length) await contactsCollection(db).insertMany(sampleContacts(members), { ordered: false });
  await meta.insertOne({ _id: SEED_MARKER, seededAt: new Date() });
  return true;
}
