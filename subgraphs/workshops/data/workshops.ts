import type { Collection, Db, Filter } from 'mongodb';
import { ensureIndexes, findById, findByIds, ONE_BATCH } from '../../../lib/db/access';
import type { Page } from '../../../lib/graphql/pagination';
import type { StoredWorkshop } from './types';

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
export const byStart = (a: StoredWorkshop, b: StoredWorkshop): number => a.startsAt.getTime() - b.startsAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** One page of workshops in start order. */
export async function findWorkshopsPage(db: Db, filter: Filter<StoredWorkshop>, page: Page): Promise<StoredWorkshop[]> {
  if (page.limit === 0) return [];
  return workshopsCollection(db).find(filter).sort(START_ORDER).skip(page.offset).limit(page.limit).toArray();
}

export async function countWorkshops(db: Db, filter: Filter<StoredWorkshop>): Promise<number> {
  return workshopsCollection(db).countDocuments(filter);
}

/** Scheduled workshops starting after `now` that any of `hostCityIds` hosts, soonest first: one query for a batch of cities. */
export async function findUpcomingHostedWorkshops(db: Db, hostCityIds: readonly string[], now: Date): Promise<StoredWorkshop[]> {
  return workshopsCollection(db)
    .find({ status: 'SCHEDULED', startsAt: { $gt: now }, hostCityId: { $in: [...hostCityIds] } }, { batchSize: ONE_BATCH })
    .sort(START_ORDER)
    .toArray();
}

/** Scheduled workshops starting after `now` on any of `themes`, soonest first. */
export async function findUpcomingWorkshopsOnThemes(db: Db, themes: readonly string[], now: Date): Promise<StoredWorkshop[]> {
  return workshopsCollection(db)
    .find({ status: { $eq: 'SCHEDULED' }, startsAt: { $gt: now }, themes: { $in: [...themes] } }, { batchSize: ONE_BATCH })
    .sort(START_ORDER)
    .toArray();
}

/**
 * The SCHEDULED workshops that overlap [startsAt, endsAt), in start order (domain/workshops.ts
 * `clashes` keeps those sharing the host or the facilitator). Instants are stored as UTC dates, so
 * offsets given on input do not matter.
 */
export async function findOverlapping(db: Db, slot: { startsAt: Date; endsAt: Date }): Promise<StoredWorkshop[]> {
  return workshopsCollection(db)
    .find({ status: 'SCHEDULED', startsAt: { $lt: slot.endsAt }, endsAt: { $gt: slot.startsAt } }, { batchSize: ONE_BATCH })
    .sort(START_ORDER)
    .toArray();
}
