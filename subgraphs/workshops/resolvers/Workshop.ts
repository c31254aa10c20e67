import { resolvePage, toConnection } from '../../../lib/graphql/pagination';
import { toLocalIso } from '../../../lib/time/local-time';
import { waitlistOf } from '../domain/registrations';
import { cityRef } from '../domain/views';
import { detailsVersionOf } from '../domain/workshops';
import type { WorkshopResolvers } from '../generated/resolvers-types';

export const Workshop = {
  __resolveReference: (ref, ctx) => ctx.loaders.workshopById.load(ref.id),
  id: (workshop) => workshop._id,
  hostCity: (workshop) => (workshop.hostCityId ? cityRef(workshop.hostCityId) : null),
  localStartsAt: (workshop) => toLocalIso(workshop.startsAt, workshop.timezone),
  seatsAvailable: (workshop) => Math.max(0, workshop.capacity - workshop.seatsTaken),
  /** Pages over the workshop's registrations, loaded for all workshops of the request in one query. */
  async registrations(workshop, args, ctx) {
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const all = await ctx.loaders.registrationsByWorkshopId.load(workshop._id);
    return toConnection(all.slice(page.offset, page.offset + page.limit), page, all.length);
  },
  /** The waitlist in promotion order, from the same batched load as `registrations`. */
  async waitlist(workshop, args, ctx) {
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const waiting = waitlistOf(await ctx.loaders.registrationsByWorkshopId.load(workshop._id));
    return toConnection(waiting.slice(page.offset, page.offset + page.limit), page, waiting.length);
  },
  version: (workshop) => detailsVersionOf(workshop),
  cancellationReason: (workshop) => workshop.cancellationReason ?? null,
  cancelledAt: (workshop) => workshop.cancelledAt ?? null,
} satisfies WorkshopResolvers;
