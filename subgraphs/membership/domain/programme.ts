import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphSettings } from '../../../lib/config';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkDistinct, checkInt, checkText } from '../../../lib/graphql/inputs';
import { utcDate } from '../../../lib/time/dates';
import type { ApplicationStatus, CityDoc, DuesDoc, EnrolmentDoc, EnrolmentRateDoc, MemberDoc, ProgrammeApplicationDoc, ProgrammeRoundDoc } from '../data/types';
import type { ApplyToProgrammeInput, OpenProgrammeRoundInput } from '../generated/resolvers-types';
import { PROGRAMME_RULES, FEE_TABLE, type ProgrammeRules } from './config';
import { checkEmail } from './admission';
import { PROGRAMME_NAME } from './enrolment';
import { duesPaidFor } from './dues';
import { annualFeeUsd } from './fees';

/**
 * The programme round (issue 11): a call for participation with a window, seats and rates; applications
 * from member cities; CityNet staff's review; acceptance enrolling the city at the rate its standing
 * earns. Pure rules here; reads and writes in workflows/programme.ts.
 */

/** Application ids are `<year>:<cityId>`: one application per city and round. */
export const applicationId = (year: number, cityId: string): string => `${year}:${cityId}`;

/** The city of an application id, without reading it (for the officer check before anything is read). */
export function parseApplicationId(id: string, field = 'applicationId'): { year: number; cityId: string } {
  const m = /^(\d{4}):([a-z0-9][a-z0-9-]{0,99})$/.exec(id);
  if (!m) throw inputError(field, `must be an application id <year>:<cityId> (e.g. 2027:suwon), got ${JSON.stringify(id.slice(0, 120))}`);
  return { year: Number(m[1]), cityId: m[2] };
}

const roundKey = (year: number): string => String(year);
export { roundKey };

/** Indicator ids of every catalogue edition (data/catalogues: the published standard, static reference data). */
function loadIndicatorIds(): ReadonlySet<string> {
  const dir = join(__dirname, '..', '..', '..', 'data', 'catalogues');
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const catalogue = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { indicators?: { id: string }[] };
    for (const i of catalogue.indicators ?? []) ids.add(i.id);
  }
  if (ids.size === 0) throw new Error('subgraphs/membership/domain/programme: no indicator ids in data/catalogues');
  return ids;
}
const INDICATOR_IDS = loadIndicatorIds();

function checkMoney(value: number, field: string): number {
  return checkInt(value, field, 0, 10_000_000);
}

/** Validates a new round and builds it (nothing read yet). */
export function buildRound(
  input: OpenProgrammeRoundInput,
  settings: Pick<SubgraphSettings, 'minDataYear' | 'maxDataYear'>,
  rules: ProgrammeRules = PROGRAMME_RULES,
): ProgrammeRoundDoc {
  const year = checkInt(input.year, 'input.year', settings.minDataYear, settings.maxDataYear + 1);
  const dataYear = input.dataYear == null ? year : checkInt(input.dataYear, 'input.dataYear', settings.minDataYear, settings.maxDataYear);
  if (dataYear > year || dataYear < year - 2)
    throw inputError('input.dataYear', `must be the round's year or one of the two before it (${year - 2}–${year}), got ${dataYear}`);
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (closesAt.getTime() <= opensAt.getTime())
    throw inputError('input.closesAt', `must be after opensAt (${opensAt.toISOString()}), got ${closesAt.toISOString()}`);
  if (closesAt.getTime() - opensAt.getTime() > 366 * 86_400_000) throw inputError('input.closesAt', 'must be at most a year after opensAt');
  const seats = checkInt(input.seats, 'input.seats', 1, 1000);
  if (!/^[A-Z]{3}$/.test(input.currency))
    throw inputError('input.currency', `must be an ISO 4217 code of three upper-case letters (e.g. USD), got ${JSON.stringify(input.currency.slice(0, 20))}`);
  const standardAnnualFee = checkMoney(input.standardAnnualFee, 'input.standardAnnualFee');
  const subsidisedAnnualFee = checkMoney(input.subsidisedAnnualFee, 'input.subsidisedAnnualFee');
  if (subsidisedAnnualFee > standardAnnualFee)
    throw inputError('input.subsidisedAnnualFee', `must not exceed the standard fee (${standardAnnualFee}), got ${subsidisedAnnualFee}`);
  const subsidisedYears = input.subsidisedYears == null ? rules.defaultSubsidisedYears : checkInt(input.subsidisedYears, 'input.subsidisedYears', 1, 10);
  return {
    _id: roundKey(year),
    year,
    dataYear,
    opensAt,
    closesAt,
    seats,
    currency: input.currency,
    standardAnnualFee,
    subsidisedAnnualFee,
    subsidisedYears,
    sampleData: false,
  };
}

/** Whether the round takes applications at `now` (opensAt <= now < closesAt). */
export function isWindowOpen(round: Pick<ProgrammeRoundDoc, 'opensAt' | 'closesAt'>, now: Date): boolean {
  return now.getTime() >= round.opensAt.getTime() && now.getTime() < round.closesAt.getTime();
}

/** Refuses (CONFLICT on `input.round`) an application outside the window. */
export function checkWindow(round: ProgrammeRoundDoc, now: Date): void {
  if (now.getTime() < round.opensAt.getTime()) {
    throw codedError('CONFLICT', `Applications to the ${round.year} round open at ${round.opensAt.toISOString()}; it is ${now.toISOString()}.`, {
      field: 'input.round',
    });
  }
  if (now.getTime() >= round.closesAt.getTime()) {
    throw codedError('CONFLICT', `Applications to the ${round.year} round closed at ${round.closesAt.toISOString()}; it is ${now.toISOString()}.`, {
      field: 'input.round',
    });
  }
}

/** The input of an application, validated (nothing read yet). */
export function checkApplicationInput(input: ApplyToProgrammeInput): Pick<ProgrammeApplicationDoc, 'dataContact' | 'motivation' | 'readyIndicatorIds'> {
  const dataContact = {
    name: checkText(input.dataContact.name, 'input.dataContact.name', 2, 200),
    email: checkEmail(input.dataContact.email, 'input.dataContact.email'),
    position: input.dataContact.position == null ? null : checkText(input.dataContact.position, 'input.dataContact.position', 2, 200),
  };
  const motivation = checkText(input.motivation, 'input.motivation', 10, 1000);
  const ids = checkDistinct(input.readyIndicatorIds, 'input.readyIndicatorIds');
  ids.forEach((id, i) => {
    if (!INDICATOR_IDS.has(id))
      throw inputError(`input.readyIndicatorIds[${i}]`, `must be an ISO 37120 indicator id (e.g. 5.1), got ${JSON.stringify(id.slice(0, 40))}`);
  });
  return { dataContact, motivation, readyIndicatorIds: ids };
}

/**
 * Who may apply: a CityNet full member that is a member now (ACTIVE, or SUSPENDED: still a member,
 * though not in good standing). FORBIDDEN, naming the rule, for everyone else.
 */
export function checkApplicant(city: CityDoc, member: MemberDoc | null): MemberDoc {
  const full = member && member.category === 'FULL' && member.cityId === city._id ? member : null;
  if (!full)
    throw codedError('FORBIDDEN', `Only CityNet member cities may apply to the programme: ${city.name} is not a CityNet full member.`, {
      field: 'input.cityId',
    });
  if (full.status !== 'ACTIVE' && full.status !== 'SUSPENDED') {
    throw codedError('FORBIDDEN', `Only CityNet member cities may apply to the programme: ${city.name}'s membership is ${full.status}.`, {
      field: 'input.cityId',
    });
  }
  return full;
}

/** Whether an enrolment is in force (a withdrawn acceptance is not). */
export const isActiveEnrolment = (e: Pick<EnrolmentDoc, 'status'> | null | undefined): boolean => !!e && e.status !== 'WITHDRAWN';

/** Which review steps each status allows (the workflow decides the rest: seats, the rate). */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  SUBMITTED: ['SHORTLISTED', 'ACCEPTED', 'WAITLISTED', 'DECLINED', 'WITHDRAWN'],
  SHORTLISTED: ['ACCEPTED', 'WAITLISTED', 'DECLINED', 'WITHDRAWN'],
  WAITLISTED: ['ACCEPTED', 'DECLINED', 'WITHDRAWN'],
  ACCEPTED: ['WITHDRAWN'],
  DECLINED: [],
  WITHDRAWN: [],
};

const ACTION: Partial<Record<ApplicationStatus, string>> = {
  SHORTLISTED: 'shortlisted',
  ACCEPTED: 'accepted',
  WAITLISTED: 'waitlisted',
  DECLINED: 'declined',
  WITHDRAWN: 'withdrawn',
};

/** Refuses (CONFLICT on `applicationId`) a step the application's status does not allow. */
export function checkStep(application: Pick<ProgrammeApplicationDoc, '_id' | 'status'>, to: ApplicationStatus, hint = ''): void {
  if (!NEXT[application.status].includes(to)) {
    throw codedError(
      'CONFLICT',
      `The application ${application._id} is ${application.status} and cannot be ${ACTION[to] ?? to.toLowerCase()}${hint ? ` (${hint})` : ''}.`,
      { field: 'applicationId' },
    );
  }
}

/** The first day of `year` + `years`, less a day: 2026-11-28 + 3 -> 2029-11-27. */
export function lastDayOfYears(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The rate an accepted city pays, and the reason staff see. */
export interface RateDecision {
  rate: EnrolmentRateDoc;
  subsidisedUntil: string | null;
}

/**
 * The rate at acceptance: subsidised for the round's subsidised years when the city is a full member
 * in good standing (ACTIVE, and the dues of the acceptance's year paid, or in the first
 * `duesGraceDays` of the year those of the year before); the standard rate otherwise.
 */
export function decideRate(
  round: ProgrammeRoundDoc,
  member: MemberDoc,
  city: CityDoc,
  dues: { thisYear: DuesDoc | null; lastYear: DuesDoc | null },
  today: string,
  rules: ProgrammeRules = PROGRAMME_RULES,
): RateDecision {
  const year = Number(today.slice(0, 4));
  const fee = annualFeeUsd(FEE_TABLE, member, city.population);
  const dayOfYear = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000);
  const paidNow = duesPaidFor(dues.thisYear, fee);
  const paidLast = duesPaidFor(dues.lastYear, fee);
  const inGrace = dayOfYear < rules.duesGraceDays;
  const standard = (why: string): RateDecision => ({
    rate: { kind: 'STANDARD', annualFee: round.standardAnnualFee, currency: round.currency, reason: `Standard rate: ${why}` },
    subsidisedUntil: null,
  });
  if (member.status !== 'ACTIVE') return standard(`the membership is ${member.status}, not ACTIVE, so the city is not in good standing.`);
  if (!paidNow.paid && !(inGrace && paidLast.paid)) {
    const grace = inGrace ? ` (nor those of ${year - 1}: ${paidLast.paidUsd} of ${fee} USD)` : '';
    return standard(`the dues for ${year} are not paid (${paidNow.paidUsd} of ${fee} USD recorded)${grace}, so the city is not in good standing.`);
  }
  const which = paidNow.paid
    ? `the dues for ${year} are paid (${paidNow.paidUsd} of ${fee} USD)`
    : `the dues for ${year - 1} are paid and ${year}'s are within the ${rules.duesGraceDays}-day grace period`;
  const until = lastDayOfYears(today, round.subsidisedYears);
  return {
    rate: {
      kind: 'SUBSIDISED',
      annualFee: round.subsidisedAnnualFee,
      currency: round.currency,
      reason: `Subsidised rate for ${round.subsidisedYears} years (to ${until}): an ACTIVE full member in good standing, ${which}.`,
    },
    subsidisedUntil: until,
  };
}

/** The enrolment an acceptance writes (replacing a withdrawn one of an earlier round, if any). */
export function enrolmentFor(
  application: ProgrammeApplicationDoc,
  round: ProgrammeRoundDoc,
  decision: RateDecision,
  today: string,
): Omit<EnrolmentDoc, 'version' | 'outbox'> {
  return {
    _id: application.cityId,
    cityId: application.cityId,
    programme: PROGRAMME_NAME,
    round: round.year,
    enrolledOn: today,
    subsidisedUntil: decision.subsidisedUntil,
    rate: decision.rate,
    applicationId: application._id,
    status: 'ACTIVE',
    withdrawnOn: null,
  };
}

/** Today's date at the subgraph's clock. */
export const todayOf = (now: Date): string => utcDate(now);

/** The name this programme gives enrolments, for the views. */
export { PROGRAMME_NAME };
