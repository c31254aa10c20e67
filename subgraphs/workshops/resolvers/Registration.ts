import { cityRef } from '../domain/views';
import { participantsOf, seatsOf } from '../domain/participants';
import type { RegistrationResolvers } from '../generated/resolvers-types';
import { participantsView, waitlistPositionOf } from '../workflows/views';

export const Registration = {
  id: (registration) => registration._id,
  workshop: async (registration, _args, ctx) => {
    const workshop = await ctx.loaders.workshopById.load(registration.workshopId);
    if (!workshop) throw new Error(`Registration ${registration._id} names the missing workshop ${registration.workshopId}`);
    return workshop;
  },
  city: (registration) => cityRef(registration.cityId),
  /** Position among the workshop's registrations with people waiting (batched: one query per request for all workshops). */
  waitlistPosition: (registration, _args, ctx) => waitlistPositionOf(ctx, registration),
  confirmedAt: (registration) => registration.confirmedAt ?? null,
  cancelledAt: (registration) => registration.cancelledAt ?? null,
  cancellationReason: (registration) => registration.cancellationReason ?? null,
  participantCount: (registration) => participantsOf(registration).length,
  confirmedParticipants: (registration) => seatsOf(registration).filter((p) => p.status === 'CONFIRMED').length,
  waitlistedParticipants: (registration) => seatsOf(registration).filter((p) => p.status === 'WAITLISTED').length,
  participants: (registration, _args, ctx) => participantsView(ctx, registration),
  attendance: (registration) =>
    registration.attendance
      ? {
          attended: registration.attendance.attended,
          participantsPresent: registration.attendance.participantsPresent,
          recordedAt: registration.attendance.recordedAt,
        }
      : null,
} satisfies RegistrationResolvers;
