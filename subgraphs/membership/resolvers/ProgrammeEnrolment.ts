import { utcDate } from '../../../lib/time/dates';
import type { ProgrammeEnrolmentResolvers } from '../generated/resolvers-types';
import { dayBefore, isSubsidised, rateOf } from '../domain/enrolment';
import { seesRateReason } from '../workflows/programme';

export const ProgrammeEnrolment = {
  city: async (enrolment, _, ctx) => {
    const city = await ctx.loaders.cityById.load(enrolment.cityId);
    if (!city) throw new Error(`Enrolment ${enrolment._id} names an unknown city ${enrolment.cityId}`);
    return city;
  },
  /** Deprecated: a standard-rate enrolment was never subsidised (the day before it began). */
  subsidisedUntil: (enrolment) => enrolment.subsidisedUntil ?? dayBefore(enrolment.enrolledOn),
  /** "Today" comes from the settable clock. */
  subsidised: (enrolment, _, ctx) => isSubsidised(enrolment, utcDate(ctx.settings.now())),
  rate: (enrolment) => {
    const rate = rateOf(enrolment);
    return { kind: rate.kind, annualFee: rate.annualFee, currency: rate.currency, subsidisedUntil: enrolment.subsidisedUntil };
  },
  /** CityNet staff only; null for everyone else. */
  rateReason: (enrolment, _, ctx) => (seesRateReason(ctx) ? rateOf(enrolment).reason : null),
} satisfies ProgrammeEnrolmentResolvers;
