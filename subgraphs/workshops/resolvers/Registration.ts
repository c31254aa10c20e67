import { cityRef } from '../domain/views';
import { waitlistOf } from '../domain/registrations';
import type { RegistrationResolvers } from '../generated/resolvers-types';

export const Registration = {
  id: (registration) => registration._id,
  workshop: async (registration, _args, ctx) => {
    const workshop = await ctx.loaders.workshopById.load(registration.workshopId);
    if (!workshop) throw new Error(`Registration ${registration._id} names the missing workshop ${registration.workshopId}`);
    return workshop;
  },
  city: (registration) => cityRef(registration.cityId),
  /** Position among the workshop's WAITLISTED registrations (batched: one query per request for all workshops). */
  async waitlistPosition(registration, _args, ctx) {
    if (registration.status !== 'WAITLISTED') return null;
    const index = waitlistOf(await ctx.loaders.registrationsByWorkshopId.load(registration.workshopId)).findIndex((r) => r._id === registration._id);
    return index < 0 ? null : index + 1;
  },
  confirmedAt: (registration) => registration.confirmedAt ?? null,
  cancelledAt: (registration) => registration.cancelledAt ?? null,
} satisfies RegistrationResolvers;
