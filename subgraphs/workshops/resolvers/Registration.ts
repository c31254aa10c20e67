import type { RegistrationDoc } from '../data/types';
import type { Context } from '../context';
import { waitlistOrder, type StoredRegistration } from '../data/registrations';
import { cityRef } from './cityRef';

export const Registration = {
  id: (registration: RegistrationDoc) => registration._id,
  workshop: (registration: RegistrationDoc, _: unknown, ctx: Context) => ctx.loaders.workshopById.load(registration.workshopId),
  city: (registration: RegistrationDoc) => cityRef(registration.cityId),
  /** Position among the workshop's WAITLISTED registrations (batched: one query per request for all workshops). */
  async waitlistPosition(registration: StoredRegistration, _: unknown, ctx: Context) {
    if (registration.status !== 'WAITLISTED') return null;
    const waiting = (await ctx.loaders.registrationsByWorkshopId.load(registration.workshopId)).filter((r) => r.status === 'WAITLISTED').sort(waitlistOrder);
    const index = waiting.findIndex((r) => r._id === registration._id);
    return index < 0 ? null : index + 1;
  },
  confirmedAt: (registration: StoredRegistration) => registration.confirmedAt ?? null,
  cancelledAt: (registration: StoredRegistration) => registration.cancelledAt ?? null,
};
