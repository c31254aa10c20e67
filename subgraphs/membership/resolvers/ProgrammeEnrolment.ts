import type { EnrolmentDoc } from '../../../data/sample/types';

/** Today's calendar date in UTC, YYYY-MM-DD (comparable as a string with stored dates). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export const ProgrammeEnrolment = {
  /** Subsidised up to and including `subsidisedUntil`. */
  subsidised: (enrolment: EnrolmentDoc) => todayUtc() <= enrolment.subsidisedUntil,
};
