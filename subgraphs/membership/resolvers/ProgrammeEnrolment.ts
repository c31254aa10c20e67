import { utcDate } from '../../../lib/time/dates';
import type { ProgrammeEnrolmentResolvers } from '../generated/resolvers-types';
import { isSubsidised } from '../domain/enrolment';

export const ProgrammeEnrolment = {
  city: async (enrolment, _, ctx) => {
    const city = await ctx.loaders.cityById.load(enrolment.cityId);
    if (!city) throw new Error(`Enrolment ${enrolment._id} names an unknown city ${enrolment.cityId}`);
    return city;
  },
  /** "Today" comes from the settable clock. */
  subsidised: (enrolment, _, ctx) => isSubsidised(enrolment, utcDate(ctx.settings.now())),
} satisfies ProgrammeEnrolmentResolvers;
