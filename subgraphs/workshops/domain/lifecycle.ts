import type { Filter } from 'mongodb';
import type { StoredWorkshop, WorkshopDoc } from '../data/types';

/**
 * A workshop's status, computed from the clock in ONE place for the field (`Workshop.status`), the
 * listing filter (`workshops(status:)`), "upcoming" lists and the rules of the workflows, so they
 * always agree:
 * - CANCELLED when the organiser cancelled it (stored);
 * - otherwise SCHEDULED before `startsAt`, IN_PROGRESS in [startsAt, endsAt), COMPLETED from `endsAt`.
 * The stored `status` only says whether it was cancelled (seeded past workshops store COMPLETED,
 * which reads the same as SCHEDULED here: the clock decides).
 */
export type WorkshopStatus = 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export const WORKSHOP_STATUSES: readonly WorkshopStatus[] = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

export function statusAt(w: Pick<WorkshopDoc, 'status' | 'startsAt' | 'endsAt'>, now: Date): WorkshopStatus {
  if (w.status === 'CANCELLED') return 'CANCELLED';
  const t = now.getTime();
  if (t < w.startsAt.getTime()) return 'SCHEDULED';
  if (t < w.endsAt.getTime()) return 'IN_PROGRESS';
  return 'COMPLETED';
}

/** Not cancelled by the organiser (scheduled, in progress or completed, depending on the clock). */
export const NOT_CANCELLED: Filter<StoredWorkshop> = { status: { $ne: 'CANCELLED' } };

/** The database filter of the workshops whose `statusAt(now)` is `status`: exactly the same boundaries. */
export function statusFilter(status: WorkshopStatus, now: Date): Filter<StoredWorkshop> {
  switch (status) {
    case 'CANCELLED':
      return { status: { $eq: 'CANCELLED' } };
    case 'SCHEDULED':
      return { ...NOT_CANCELLED, startsAt: { $gt: now } };
    case 'IN_PROGRESS':
      return { ...NOT_CANCELLED, startsAt: { $lte: now }, endsAt: { $gt: now } };
    case 'COMPLETED':
      return { ...NOT_CANCELLED, endsAt: { $lte: now } };
  }
}

/** Listed as upcoming at `now` (City.upcomingWorkshops, CertificationGap.upcomingWorkshops): still SCHEDULED. */
export const isUpcoming = (w: Pick<WorkshopDoc, 'status' | 'startsAt' | 'endsAt'>, now: Date): boolean => statusAt(w, now) === 'SCHEDULED';
