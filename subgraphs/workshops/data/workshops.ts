import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db, Filter } from 'mongodb';
import type { WorkshopDoc } from './types';
import type { Page } from '../../../lib/graphql/pagination';
import { ensureIndexes } from './indexes';

export function workshopsCollection(db: Db): Collection<WorkshopDoc> {
  return db.collection<WorkshopDoc>('workshops');
}

/** Indexes for the date-range listing (start order), the host look-up and the theme filter. */
export async function ensureWorkshopIndexes(db: Db): Promise<void> {
  await ensureIndexes(workshopsCollection(db), [
    { key: { startsAt: 1, _id: 1 }, name: 'startsAt_id' },
    { key: { status: 1, startsAt: 1 }, name: 'status_startsAt' },
    { key: { hostCityId: 1 }, name: 'hostCityId' },
    { key: { themes: 1 }, name: 'themes' },
  ]);
}

export async function findWorkshopsByIds(db: Db, ids: readonly string[]): Promise<WorkshopDoc[]> {
  return workshopsCollection(db).find({ _id: { $in: [...ids] } }, { batchSize: LOADER_BATCH_SIZE }).toArray();
}

/** One page of workshops in start order (then id, so pages are stable for equal start times). */
export async function findWorkshopsPage(db: Db, filter: Filter<WorkshopDoc>, page: Page): Promise<WorkshopDoc[]> {
  if (page.limit === 0) return [];
  return workshopsCollection(db).find(filter).sort({ startsAt: 1, _id: 1 }).skip(page.offset).limit(page.limit).toArray();
}

export async function countWorkshops(db: Db, filter: Filter<WorkshopDoc>): Promise<number> {
  return workshopsCollection(db).countDocuments(filter);
}

/**
 * Scheduled workshops starting after `now` that any of `hostCityIds` hosts or whose id is in
 * `workshopIds`, soonest first: one query for a whole batch of cities.
 */
export async function findUpcomingWorkshops(db: Db, hostCityIds: readonly string[], workshopIds: readonly string[], now: Date): Promise<WorkshopDoc[]> {
  const or: Filter<WorkshopDoc>[] = [{ hostCityId: { $in: [...hostCityIds] } }];
  if (workshopIds.length) or.push({ _id: { $in: [...workshopIds] } });
  return workshopsCollection(db)
    .find({ status: 'SCHEDULED', startsAt: { $gt: now }, $or: or }, { batchSize: LOADER_BATCH_SIZE })
    .sort({ startsAt: 1, _id: 1 })
    .toArray();
}

/** A workshop as stored once the workflows have touched it (seeded ones lack the optional fields). */
export interface StoredWorkshop extends WorkshopDoc {
  /** Grows with every change of the details (1 when absent). */
  version?: number;
  cancellationReason?: string | null;
  cancelledAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
}

export function storedWorkshops(db: Db): Collection<StoredWorkshop> {
  return db.collection<StoredWorkshop>('workshops');
}

/** How facilitators are compared: case and spacing do not make a different person. */
export function facilitatorKey(facilitator: string | null | undefined): string | null {
  return facilitator ? facilitator.trim().replace(/\s+/g, ' ').toLowerCase() : null;
}

/**
 * The SCHEDULED workshops (other than `excludeId`) that overlap [startsAt, endsAt) and share the host
 * city or the facilitator. Instants are stored as UTC dates, so offsets given on input do not matter.
 */
export async function findClashes(
  db: Db,
  slot: { excludeId?: string; hostCityId: string | null; facilitator: string | null; startsAt: Date; endsAt: Date },
): Promise<StoredWorkshop[]> {
  const filter: Filter<StoredWorkshop> = { status: 'SCHEDULED', startsAt: { $lt: slot.endsAt }, endsAt: { $gt: slot.startsAt } };
  if (slot.excludeId) filter._id = { $ne: slot.excludeId };
  const overlapping = await storedWorkshops(db).find(filter).sort({ startsAt: 1, _id: 1 }).toArray();
  const key = facilitatorKey(slot.facilitator);
  return overlapping.filter((w) => (slot.hostCityId !== null && w.hostCityId === slot.hostCityId) || (key !== null && facilitatorKey(w.facilitator) === key));
}

/** Scheduled workshops starting after `now` on any of `themes`, soonest first. */
export async function findUpcomingWorkshopsOnThemes(db: Db, themes: readonly string[], now: Date): Promise<WorkshopDoc[]> {
  return workshopsCollection(db)
    .find({ status: { $eq: 'SCHEDULED' }, startsAt: { $gt: now }, themes: { $in: [...themes] } }, { batchSize: LOADER_BATCH_SIZE })
    .sort({ startsAt: 1, _id: 1 })
    .toArray();
}
