import { statusAt } from '../domain/lifecycle';
import { cityRef } from '../domain/views';
import { localIso } from '../domain/time';
import { detailsVersionOf } from '../domain/workshops';
import type { WorkshopResolvers } from '../generated/resolvers-types';
import { affectedCities, participantsPresent, participantsWaitlisted, registrationsPage, waitlistPage } from '../workflows/views';

export const Workshop = {
  __resolveReference: (ref, ctx) => ctx.loaders.workshopById.load(ref.id),
  id: (workshop) => workshop._id,
  hostCity: (workshop) => (workshop.hostCityId ? cityRef(workshop.hostCityId) : null),
  localStartsAt: (workshop) => localIso(workshop.startsAt, workshop.timezone),
  localEndsAt: (workshop) => localIso(workshop.endsAt, workshop.timezone),
  seatsAvailable: (workshop) => Math.max(0, workshop.capacity - workshop.seatsTaken),
  maxParticipantsPerCity: (workshop) => workshop.maxParticipantsPerCity ?? null,
  /** By the clock (domain/lifecycle.ts), exactly as `workshops(status:)` filters. */
  status: (workshop, _args, ctx) => statusAt(workshop, ctx.settings.now()),
  /** Pages over the workshop's registrations, loaded for all workshops of the request in one query. */
  registrations: (workshop, args, ctx) => registrationsPage(ctx, workshop, args),
  /** The waitlist in promotion order, from the same batched load as `registrations`. */
  waitlist: (workshop, args, ctx) => waitlistPage(ctx, workshop, args),
  participantsWaitlisted: (workshop, _args, ctx) => participantsWaitlisted(ctx, workshop),
  participantsPresent: (workshop, _args, ctx) => participantsPresent(ctx, workshop),
  affectedCities: (workshop, _args, ctx) => affectedCities(ctx, workshop),
  version: (workshop) => detailsVersionOf(workshop),
  cancellationReason: (workshop) => workshop.cancellationReason ?? null,
  cancelledAt: (workshop) => workshop.cancelledAt ?? null,
} satisfies WorkshopResolvers;
