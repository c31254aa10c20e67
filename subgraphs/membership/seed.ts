import type { Db } from 'mongodb';
import { findById } from '../../lib/db/access';
import { appendToStream } from '../../lib/db/events';
import { auditEntries } from '../../lib/db/outbox';
import type { SampleDataset } from '../../data/sample/types';
import { citiesCollection } from './data/cities';
import { contactsCollection, sampleContacts } from './data/contacts';
import { duesCollection } from './data/dues';
import { enrolmentsCollection } from './data/enrolments';
import { membersCollection } from './data/members';
import { applicationsCollection, roundsCollection } from './data/programme';
import { SAMPLE_CITY_NAMES } from './data/sample/names';
import { buildSampleProgramme } from './data/sample/programme';
import type { CityDoc } from './data/types';
import { cityAdmittedEvent } from './workflows/city';

const SEED_MARKER = 'seed';
/** When the sample cities joined the registry, for their `city.admitted` events. */
const SEEDED_AT = new Date('2016-01-01T00:00:00Z');

/**
 * Inserts the membership part of the dataset once; the `_meta` marker makes a second run a no-op.
 * Adds what only membership knows of the sample: the cities' native-script and former names (with
 * sources), the 2016 programme round with its history and audit trail, members' dues; and announces
 * every city to the other domains (`city.admitted`, as an admission would). The search index is built
 * at start-up (data/search-index.ts `syncSearchIndex`), like for any city it does not know yet.
 */
export async function seed(db: Db, dataset: SampleDataset): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>('_meta');
  if (await findById(meta, SEED_MARKER)) return false;
  const { members } = dataset.membership;
  const cities: CityDoc[] = dataset.membership.cities.map((c) =>
    SAMPLE_CITY_NAMES[c._id] && !c.otherNames ? { ...c, otherNames: SAMPLE_CITY_NAMES[c._id] } : c,
  );
  const programme = buildSampleProgramme(cities, members, dataset.membership.enrolments);
  if (cities.length) await citiesCollection(db).insertMany(cities, { ordered: false });
  if (members.length) await membersCollection(db).insertMany(members, { ordered: false });
  if (programme.enrolments.length) await enrolmentsCollection(db).insertMany(programme.enrolments, { ordered: false });
  // Member contacts are not public: the sample gets made-up ones, labelled as sample data.
  if (members.length) await contactsCollection(db).insertMany(sampleContacts(members), { ordered: false });
  await roundsCollection(db).insertMany(programme.rounds, { ordered: false });
  if (programme.applications.length) await applicationsCollection(db).insertMany(programme.applications, { ordered: false });
  if (programme.dues.length) await duesCollection(db).insertMany(programme.dues, { ordered: false });
  if (programme.audit.length) await auditEntries(db).insertMany(programme.audit, { ordered: false });
  // The other domains learn of every city from the stream, whether admitted by a workflow or seeded.
  await appendToStream(
    db,
    cities.map((c) => cityAdmittedEvent(c, SEEDED_AT)),
  );
  await meta.insertOne({ _id: SEED_MARKER, seededAt: new Date() });
  return true;
}
