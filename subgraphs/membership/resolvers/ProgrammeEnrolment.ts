import type { EnrolmentDoc } from '../data/types';
import type { Context } from '../context';

/** The calendar date of `now` in UTC, YYYY-MM-DD (comparable as a string with stored dates). */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export const ProgrammeEnrolment = {
  city: (enrolment: EnrolmentDoc, _: unknown, ctx: Context) => ctx.loaders.cityById.load(enrolment.cityId),
  /** Subsidised up to and including `subsidisedUntil`; "today" comes from the settable clock. */
  subsidised: (enrolment: EnrolmentDoc, _: unknown, ctx: Context) => todayUtc(ctx.settings.now()) <= enrolment.subsidisedUntil,
};
