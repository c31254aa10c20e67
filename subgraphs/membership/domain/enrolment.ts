import type { SubgraphSettings } from '../../../lib/config';
import { inputError } from '../../../lib/graphql/errors';
import { checkDate, checkInt } from '../../../lib/graphql/inputs';
import type { EnrolmentDoc } from '../data/types';

export const PROGRAMME_NAME = 'CityNet–WCCD ISO 37120 joint programme';

/** The last day of the subsidy: three years after enrolment, less one day (2016-05-20 -> 2019-05-19). */
export function subsidisedUntil(enrolledOn: string): string {
  const [y, m, d] = enrolledOn.split('-').map(Number);
  const end = new Date(Date.UTC(y + 3, m - 1, d));
  // 29 February + 3 years rolls over to 1 March; the day before is then 28 February, as it should be.
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Subsidised up to and including `subsidisedUntil`. */
export function isSubsidised(enrolment: Pick<EnrolmentDoc, 'subsidisedUntil'>, today: string): boolean {
  return today <= enrolment.subsidisedUntil;
}

/**
 * Validates a programme enrolment and builds it: a round the programme accepts (a data year, or the
 * year after the last), enrolled within a year of its round.
 */
export function buildEnrolment(
  cityId: string,
  args: { round: number; enrolledOn: string },
  settings: Pick<SubgraphSettings, 'minDataYear' | 'maxDataYear'>,
): Omit<EnrolmentDoc, 'version' | 'outbox'> {
  const round = checkInt(args.round, 'round', settings.minDataYear, settings.maxDataYear + 1);
  const enrolledOn = checkDate(args.enrolledOn, 'enrolledOn');
  if (Math.abs(Number(enrolledOn.slice(0, 4)) - round) > 1) throw inputError('enrolledOn', `must fall within a year of round ${round}, got ${enrolledOn}`);
  return { _id: cityId, cityId, programme: PROGRAMME_NAME, round, enrolledOn, subsidisedUntil: subsidisedUntil(enrolledOn) };
}
