import type { Context } from '../context';
import type { StoredRegistration, WorkshopDoc } from '../data/types';
import { isLive } from '../domain/participants';

/**
 * What a change of a workshop or of its registrations invalidates in the gateways' caches
 * (lib/subgraph/changes.ts), declared after the write succeeded:
 * - the `Workshop` itself (its fields, registrations and waitlist);
 * - every `City` whose `upcomingWorkshops` may list it: the host (before and after a move) and every
 *   city with a live registration, plus the cities whose registration changed (a cancelled one drops
 *   it from that city's list);
 * - `CertificationGap` type-wide: a gap lists the upcoming workshops on its themes, and which gaps
 *   list a workshop depends on data of other subgraphs;
 * - the root lists and look-ups (`workshops`, `workshop`).
 */
export function declareWorkshopChanged(
  ctx: Context,
  workshop: Pick<WorkshopDoc, '_id' | 'hostCityId'>,
  registrations: readonly Pick<StoredRegistration, 'cityId' | 'status'>[],
  alsoCities: readonly (string | null | undefined)[] = [],
): void {
  ctx.changes.entity('Workshop', { id: workshop._id });
  const cities = new Set<string>();
  if (workshop.hostCityId) cities.add(workshop.hostCityId);
  for (const r of registrations) if (isLive(r)) cities.add(r.cityId);
  for (const c of alsoCities) if (c) cities.add(c);
  for (const id of cities) ctx.changes.entity('City', { id });
  ctx.changes.type('CertificationGap');
  ctx.changes.lists();
}

/**
 * Attendance of a registration changed: the workshop (its head count), the city (`workshopHistory`),
 * `CertificationGap` type-wide (which upcoming workshops a gap suggests depends on the themes the
 * city attended), and the root lists that show workshops.
 */
export function declareAttendanceChanged(ctx: Context, workshop: Pick<WorkshopDoc, '_id'>, cityId: string): void {
  ctx.changes.entity('Workshop', { id: workshop._id });
  ctx.changes.entity('City', { id: cityId });
  ctx.changes.type('CertificationGap');
  ctx.changes.lists();
}

/**
 * A mentoring pair changed: the pair, both cities' `mentoring`, the root lists, and
 * `CertificationGap` type-wide (a mentor's active pairs rank its suggestions).
 */
export function declarePairChanged(ctx: Context, pair: { _id: string; mentorCityId: string; menteeCityId: string }): void {
  ctx.changes.entity('MentoringPair', { id: pair._id });
  ctx.changes.entity('City', { id: pair.mentorCityId });
  ctx.changes.entity('City', { id: pair.menteeCityId });
  ctx.changes.type('CertificationGap');
  ctx.changes.lists();
}
