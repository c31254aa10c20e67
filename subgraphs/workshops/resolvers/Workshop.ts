import type { WorkshopDoc } from '../data/types';
import { waitlistOrder } from '../data/registrations';
import type { StoredWorkshop } from '../data/workshops';
import { resolvePage, toConnection, type PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { toLocalIso } from '../../../lib/time/local-time';
import { cityRef } from './cityRef';

export const Workshop = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.workshopById.load(ref.id),
  id: (workshop: WorkshopDoc) => workshop._id,
  hostCity: (workshop: WorkshopDoc) => (workshop.hostCityId ? cityRef(workshop.hostCityId) : null),
  localStartsAt: (workshop: WorkshopDoc) => toLocalIso(workshop.startsAt, workshop.timezone),
  seatsAvailable: (workshop: WorkshopDoc) => Math.max(0, workshop.capacity - workshop.seatsTaken),
  /** Pages over the workshop's registrations, loaded for all workshops of the request in one query. */
  async registrations(workshop: WorkshopDoc, args: PageArgs, ctx: Context) {
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const all = await ctx.loaders.registrationsByWorkshopId.load(workshop._id);
    return toConnection(all.slice(page.offset, page.offset + page.limit), page, all.length);
  },
  /** The waitlist in promotion order, from the same batched load as `registrations`. */
  async waitlist(workshop: WorkshopDoc, args: PageArgs, ctx: Context) {
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const waiting = (await ctx.loaders.registrationsByWorkshopId.load(workshop._id)).filter((r) => r.status === 'WAITLISTED').sort(waitlistOrder);
    return toConnection(waiting.slice(page.offset, page.offset + page.limit), page, waiting.length);
  },
  version: (workshop: StoredWorkshop) => workshop.version ?? 1,
  cancellationReason: (workshop: StoredWorkshop) => workshop.cancellationReason ?? null,
  cancelledAt: (workshop: StoredWorkshop) => workshop.cancelledAt ?? null,
};
