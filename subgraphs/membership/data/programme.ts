import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import { ONE_BATCH } from '../../../lib/db/access';
import { keysetFilter, keysetSort, type KeysetPage, type KeysetSpec } from '../../../lib/graphql/keyset';
import type { ApplicationStatus, ProgrammeApplicationDoc, ProgrammeRoundDoc } from './types';

/** Collection `programme_rounds`: `_id` = the year as a string (found by `_id`, listed by year). */
export function roundsCollection(db: Db): Collection<ProgrammeRoundDoc> {
  return db.collection<ProgrammeRoundDoc>('programme_rounds');
}

/** Collection `programme_applications`: `_id` = `<year>:<cityId>`. */
export function applicationsCollection(db: Db): Collection<ProgrammeApplicationDoc> {
  return db.collection<ProgrammeApplicationDoc>('programme_applications');
}

export const ROUND_INDEXES: IndexDescription[] = [{ key: { year: -1, _id: 1 }, name: 'year_id' }];

/** A round's applications in submission order, by status (seats, the waiting list). */
export const APPLICATION_INDEXES: IndexDescription[] = [
  { key: { round: 1, submittedAt: 1, _id: 1 }, name: 'round_submitted' },
  { key: { round: 1, status: 1, waitlistedAt: 1 }, name: 'round_status_waitlisted' },
];

/** `Query.programmeRounds`: newest first. */
export const ROUND_ORDER: KeysetSpec<ProgrammeRoundDoc> = {
  name: 'programme-rounds',
  keys: [{ field: 'year', direction: -1 }],
  valuesOf: (r) => [r.year],
  idOf: (r) => r._id,
};

/** `ProgrammeRound.applications`: in submission order. */
export const APPLICATION_ORDER: KeysetSpec<ProgrammeApplicationDoc> = {
  name: 'programme-applications',
  keys: [{ field: 'submittedAt', direction: 1 }],
  valuesOf: (a) => [a.submittedAt],
  idOf: (a) => a._id,
};

export async function findRoundsPage(db: Db, page: KeysetPage): Promise<ProgrammeRoundDoc[]> {
  if (page.limit === 0) return [];
  return roundsCollection(db)
    .find(keysetFilter(ROUND_ORDER, page) as Filter<ProgrammeRoundDoc>)
    .sort(keysetSort(ROUND_ORDER))
    .limit(page.limit + 1)
    .toArray();
}

export async function countRounds(db: Db): Promise<number> {
  return roundsCollection(db).countDocuments({});
}

function applicationFilter(year: number, status?: ApplicationStatus | null): Filter<ProgrammeApplicationDoc> {
  return status ? { round: { $eq: year }, status: { $eq: status } } : { round: { $eq: year } };
}

export async function findApplicationsPage(
  db: Db,
  year: number,
  status: ApplicationStatus | null | undefined,
  page: KeysetPage,
): Promise<ProgrammeApplicationDoc[]> {
  if (page.limit === 0) return [];
  return applicationsCollection(db)
    .find({ $and: [applicationFilter(year, status), keysetFilter(APPLICATION_ORDER, page) as Filter<ProgrammeApplicationDoc>] })
    .sort(keysetSort(APPLICATION_ORDER))
    .limit(page.limit + 1)
    .toArray();
}

export async function countApplications(db: Db, year: number, status?: ApplicationStatus | null): Promise<number> {
  return applicationsCollection(db).countDocuments(applicationFilter(year, status));
}

/** Accepted applications per round (seats taken), for the rounds asked. */
export async function countAcceptedByRound(db: Db, years: readonly number[]): Promise<Map<number, number>> {
  const docs = await applicationsCollection(db)
    .find({ round: { $in: [...years] }, status: { $eq: 'ACCEPTED' } }, { projection: { round: 1 }, batchSize: ONE_BATCH })
    .toArray();
  const counts = new Map<number, number>(years.map((y) => [y, 0]));
  for (const d of docs) counts.set(d.round, (counts.get(d.round) ?? 0) + 1);
  return counts;
}

/** The round's waiting list, in order of promotion (waitlisted first, then submitted first). */
export async function findWaitlist(db: Db, year: number): Promise<ProgrammeApplicationDoc[]> {
  const docs = await applicationsCollection(db).find(applicationFilter(year, 'WAITLISTED'), { batchSize: ONE_BATCH }).toArray();
  return docs.sort(compareWaitlist);
}

export function compareWaitlist(a: ProgrammeApplicationDoc, b: ProgrammeApplicationDoc): number {
  return (
    (a.waitlistedAt?.getTime() ?? 0) - (b.waitlistedAt?.getTime() ?? 0) ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  );
}
