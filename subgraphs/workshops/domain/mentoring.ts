import { envString } from '../../../lib/config';
import { ConfigError } from '../../../lib/env';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkText } from '../../../lib/graphql/inputs';
import type { MentoringResult } from '../data/types';
import type { CertificationLevel } from './views';
import { addDays, daysBetween } from './time';

/** The rules of mentoring: who may mentor, when a pair may start, how it closes. Pure. */

export const LEVELS: readonly CertificationLevel[] = ['ASPIRATIONAL', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];
export const levelRank = (level: CertificationLevel): number => LEVELS.indexOf(level);

/**
 * The lowest level a mentor city must hold in its latest certification in force (configuration:
 * MENTOR_MIN_LEVEL, default SILVER). Read per call, so a change of the environment needs no restart.
 */
export function mentorMinLevel(): CertificationLevel {
  const level = envString('MENTOR_MIN_LEVEL', 'SILVER');
  if (!LEVELS.includes(level as CertificationLevel))
    throw new ConfigError([`MENTOR_MIN_LEVEL must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(level)}`]);
  return level as CertificationLevel;
}

export interface ThemeCounts {
  theme: string;
  coreTotal: number;
  coreVerified: number;
  supportingTotal: number;
  supportingVerified: number;
}

/** What the certification and indicators domains say of a city (read through the gateway). */
export interface CertificationFacts {
  year: number;
  status: string;
  level: CertificationLevel | null;
  byTheme: ThemeCounts[];
}

/**
 * A theme in which a city's data is verified, as the gap's mentor candidates count it: every core
 * indicator of the theme VERIFIED (for themes without core indicators, every supporting one).
 */
export function isVerifiedTheme(t: ThemeCounts | undefined): boolean {
  if (!t) return false;
  if (t.coreTotal > 0) return t.coreVerified === t.coreTotal;
  return t.supportingTotal > 0 && t.supportingVerified === t.supportingTotal;
}

export interface Eligibility {
  eligible: boolean;
  /** Why (in words), whichever the answer. */
  reason: string;
}

/**
 * May a city mentor on these themes? Either its latest certification in force (status CERTIFIED,
 * latest data year) is at or above `minLevel`, or — in the data year of its latest certification
 * with verified values — every focus theme is verified (see `isVerifiedTheme`).
 */
export function mentorEligibility(
  cityId: string,
  certifications: readonly CertificationFacts[],
  focusThemes: readonly string[],
  minLevel: CertificationLevel,
): Eligibility {
  const latest = [...certifications].sort((a, b) => b.year - a.year);
  const inForce = latest.find((c) => c.status === 'CERTIFIED' && c.level);
  if (inForce && levelRank(inForce.level!) >= levelRank(minLevel)) {
    return { eligible: true, reason: `${cityId} is certified ${inForce.level} for data year ${inForce.year}, at or above ${minLevel}` };
  }
  const withData = latest.find((c) => c.byTheme.some((t) => t.coreVerified + t.supportingVerified > 0));
  if (withData) {
    const byName = new Map(withData.byTheme.map((t) => [t.theme, t]));
    const missing = focusThemes.filter((theme) => !isVerifiedTheme(byName.get(theme)));
    if (missing.length === 0) return { eligible: true, reason: `${cityId} has verified data in every focus theme (data year ${withData.year})` };
    const certified = inForce
      ? `its latest certification in force is ${inForce.level} (data year ${inForce.year}), below ${minLevel}`
      : `it has no certification in force (at or above ${minLevel} is needed)`;
    return {
      eligible: false,
      reason: `${cityId} cannot mentor: ${certified}, and its data for ${withData.year} is not verified in ${missing.join(', ')} (every core indicator of each focus theme must be VERIFIED)`,
    };
  }
  const certified = inForce
    ? `its latest certification in force is ${inForce.level} (data year ${inForce.year}), below ${minLevel}`
    : `it has no certification in force (at or above ${minLevel} is needed)`;
  return { eligible: false, reason: `${cityId} cannot mentor: ${certified}, and it has no verified data in the focus themes` };
}

/** Refuses an ineligible mentor: FORBIDDEN, with the reason. */
export function requireEligible(e: Eligibility): void {
  if (!e.eligible) throw codedError('FORBIDDEN', `${e.reason}.`, { field: 'mentorCityId' });
}

export const MAX_START_DAYS_BACK = 365;

/** A pair's first day: the mentor's local today or up to 365 days before it, never in the future. */
export function checkStartedOn(startedOn: string, today: string, zone: string, field = 'startedOn'): string {
  if (startedOn > today) throw inputError(field, `must not be in the future (today is ${today} in ${zone}, the mentor's time zone), got ${startedOn}`);
  if (daysBetween(startedOn, today) > MAX_START_DAYS_BACK) {
    throw inputError(
      field,
      `must be at most ${MAX_START_DAYS_BACK} days in the past (from ${addDays(today, -MAX_START_DAYS_BACK)} in ${zone}), got ${startedOn}`,
    );
  }
  return startedOn;
}

export const MENTORING_RESULTS: readonly MentoringResult[] = ['GOALS_MET', 'PARTLY_MET', 'NOT_MET', 'DISCONTINUED'];

export interface OutcomeInput {
  result: MentoringResult;
  summary: string;
}

export function checkOutcome(outcome: OutcomeInput): OutcomeInput {
  return { result: outcome.result, summary: checkText(outcome.summary, 'outcome.summary', 3, 2000) };
}
