import type { Collection, Db, Filter } from 'mongodb';
import { ensureIndexes, findById, findByIds, ONE_BATCH } from '../../../lib/db/access';
import { keysetFilter, keysetSort, type KeysetPage, type KeysetSpec } from '../../../lib/graphql/keyset';
import type { StoredWorkshop } from './types';

/** Not cancelled by the organiser (the clock decides between scheduled, in progress and completed). */
const NOT_CANCELLED = { status: { $ne: 'CANCELLED' as const } };

export function workshopsCollection(db: Db): Collection<StoredWorkshop> {
  return db.collection<StoredWorkshop>('workshops');
}

/** Indexes for the date-range listing (start order), upcoming ones, the host look-up and the theme filter. */
export async function ensureWorkshopIndexes(db: Db): Promise<void> {
  await ensureIndexes(workshopsCollection(db), [
    { key: { startsAt: 1, _id: 1 }, name: 'startsAt_id' },
    { key: { status: 1, startsAt: 1 }, name: 'status_startsAt' },
    { key: { hostCityId: 1 }, name: 'hostCityId' },
    { key: { themes: 1 }, name: 'themes' },
  ]);
}

export function findWorkshop(db: Db, id: string): Promise<StoredWorkshop | null> {
  return findById(workshopsCollection(db), id);
}

export function findWorkshopsByIds(db: Db, ids: readonly string[]): Promise<StoredWorkshop[]> {
  return findByIds(workshopsCollection(db), ids);
}

/** Start order, then id, so pages are stable for equal start times. */
const START_ORDER = { startsAt: 1, _id: 1 } as const;
export const byStart = (a: StoredWorkshop, b: StoredWorkshop): number =>
  a.startsAt.getTime() - b.startsAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** Keyset of Query.workshops: start order, then id. */
export const WORKSHOPS_KEYSET: KeysetSpec<StoredWorkshop> = {
  name: 'workshops',
  keys: [{ field: 'startsAt', direction: 1 }],
  valuesOf: (w) => [w.startsAt],
  idOf: (w) => w._id,
};

/** One page of workshops in start order after the page's position (limit + 1, to learn whether more follow). */
export async function findWorkshopsPage(db: Db, filter: Filter<StoredWorkshop>, page: KeysetPage): Promise<StoredWorkshop[]> {
  if (page.limit === 0) return [];
  const after = keysetFilter(WORKSHOPS_KEYSET, page) as Filter<StoredWorkshop>;
  return workshopsCollection(db)
    .find({ $and: [filter, after] })
    .sort(keysetSort(WORKSHOPS_KEYSET))
    .limit(page.limit + 1)
    .toArray();
}

export async function countWorkshops(db: Db, filter: Filter<StoredWorkshop>): Promise<number> {
  return workshopsCollection(db).countDocuments(filter);
}

/** Workshops still to come (not cancelled, starting after `now`) that any of `hostCityIds` hosts, soonest first: one query for a batch of cities. */
export async function findUpcomingHostedWorkshops(db: Db, hostCityIds: readonly string[], now: Date): Promise<StoredWorkshop[]> {
  return workshopsCollection(db)
    .find({ ...NOT_CANCELLED, startsAt: { $gt: now }, hostCityId: { $in: [...hostCityIds] } }, { batchSize: ONE_BATCH })
    .sort(START_ORDER)
    .toArray();
}

/** Workshops still to come (not cancelled, starting after `now`) on any of `themes`, soonest first. */
export async function findUpcomingWorkshopsOnThemes(db: Db, themes: readonly string[], now: Date): Promise<StoredWorkshop[]> {
  return workshopsCollection(db)
    .find({ ...NOT_CANCELLED, startsAt: { $gt: now }, themes: { $in: [...themes] } }, { batchSize: ONE_BATCH })
    .sort(START_ORDER)
    .toArray();
}

/**
 * The workshops (not cancelled) that overlap [startsAt, endsAt), in start order (domain/workshops.ts
 * `clashes` keeps those sharing the host or the facilitator). Instants are stored as UTC dates, so
 * offsets given on input do not matter.
 */
export async function findOverlapping(db: Db, slot: { startsAt: Date; endsAt: Date }): Promise<StoredWorkshop[]> {
  return workshopsCollection(db)
    .find({ ...NOT_CANCELLED, startsAt: { $lt: slot.endsAt }, endsAt: { $gt: slot.startsAt } }, { batchSize: ONE_BATCH })
    .sort(START_ORDER)
    .toArray();
}
