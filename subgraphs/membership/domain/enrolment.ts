import type { SubgraphSettings } from '../../../lib/config';
import { inputError } from '../../../lib/graphql/errors';
import { checkDate, checkInt } from '../../../lib/graphql/inputs';
import type { EnrolmentDoc, EnrolmentRateDoc, ProgrammeRoundDoc } from '../data/types';

export const PROGRAMME_NAME = 'CityNet–WCCD ISO 37120 joint programme';

/** The last day of the subsidy: three years after enrolment, less one day (2016-05-20 -> 2019-05-19). */
export function subsidisedUntil(enrolledOn: string): string {
  const [y, m, d] = enrolledOn.split('-').map(Number);
  const end = new Date(Date.UTC(y + 3, m - 1, d));
  // 29 February + 3 years rolls over to 1 March; the day before is then 28 February, as it should be.
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Subsidised up to and including `subsidisedUntil` (never at the standard rate). */
export function isSubsidised(enrolment: Pick<EnrolmentDoc, 'subsidisedUntil'>, today: string): boolean {
  return enrolment.subsidisedUntil !== null && today <= enrolment.subsidisedUntil;
}

/** The day before a date (the deprecated `subsidisedUntil` of an enrolment that was never subsidised). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The reason recorded for an enrolment made by `enrolCity` (and for enrolments from before rates were recorded). */
export const DIRECT_ENROLMENT_REASON = 'Subsidised rate: enrolled directly by CityNet staff (enrolCity), outside the review of a round.';

/** The rate of an enrolment: as recorded, or, for one from before rates were recorded, the subsidised rate it was given. */
export function rateOf(enrolment: EnrolmentDoc): EnrolmentRateDoc {
  return enrolment.rate ?? { kind: enrolment.subsidisedUntil ? 'SUBSIDISED' : 'STANDARD', annualFee: null, currency: null, reason: DIRECT_ENROLMENT_REASON };
}

/**
 * Validates a programme enrolment and builds it: a round the programme accepts (a data year, or the
 * year after the last), enrolled within a year of its round.
 */
export function checkEnrolment(
  args: { round: number; enrolledOn: string },
  settings: Pick<SubgraphSettings, 'minDataYear' | 'maxDataYear'>,
): { round: number; enrolledOn: string } {
  const round = checkInt(args.round, 'round', settings.minDataYear, settings.maxDataYear + 1);
  const enrolledOn = checkDate(args.enrolledOn, 'enrolledOn');
  if (Math.abs(Number(enrolledOn.slice(0, 4)) - round) > 1) throw inputError('enrolledOn', `must fall within a year of round ${round}, got ${enrolledOn}`);
  return { round, enrolledOn };
}

/**
 * A direct enrolment by CityNet staff (`enrolCity`): at the subsidised rate, for three years, by their
 * decision; the fee is the round's subsidised fee when a round of that year exists.
 */
export function buildEnrolment(
  cityId: string,
  args: { round: number; enrolledOn: string },
  round: ProgrammeRoundDoc | null,
): Omit<EnrolmentDoc, 'version' | 'outbox'> {
  return {
    _id: cityId,
    cityId,
    programme: PROGRAMME_NAME,
    round: args.round,
    enrolledOn: args.enrolledOn,
    subsidisedUntil: subsidisedUntil(args.enrolledOn),
    rate: { kind: 'SUBSIDISED', annualFee: round?.subsidisedAnnualFee ?? null, currency: round?.currency ?? null, reason: DIRECT_ENROLMENT_REASON },
    applicationId: null,
    status: 'ACTIVE',
    withdrawnOn: null,
  };
}
