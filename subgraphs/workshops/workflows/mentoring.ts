import { randomBytes } from 'node:crypto';
import { requireRole } from '../../../lib/auth/guards';
import { changeDocument } from '../../../lib/db/outbox';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkInt, checkOptionalText } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { findActivePairOf, findMentoringPair, mentoringPairsCollection } from '../data/mentoringPairs';
import type { StoredMentoringPair, StoredSession, WorkshopFormat } from '../data/types';
import { checkOutcome, checkStartedOn, mentorEligibility, mentorMinLevel, requireEligible, type OutcomeInput } from '../domain/mentoring';
import { checkThemes } from '../domain/themes';
import { localDate, showInstant } from '../domain/time';
import { requireCityFacts } from './cities';
import { declarePairChanged } from './invalidation';
import { certificationFactsOf } from './otherDomains';

export interface MentoringSessionInput {
  heldAt: Date | string;
  durationMinutes: number;
  format: WorkshopFormat;
  summary?: string | null;
}

/** One lock per two cities (either direction) for the one-active-pair rule; one per pair for its changes. */
const citiesLock = (a: string, b: string) => `mentoring:${[a, b].sort().join('|')}`;
const pairLock = (id: string) => `mentoring-pair:${id}`;
const pairConflict = (id: string) => `The mentoring pair ${id} changed meanwhile; try again.`;

function requireActive(pair: StoredMentoringPair | null, id: string): StoredMentoringPair {
  if (!pair) throw codedError('NOT_FOUND', `No mentoring pair with id ${JSON.stringify(id)}.`, { field: 'pairId' });
  if (pair.status !== 'ACTIVE')
    throw codedError('CONFLICT', `The mentoring pair ${pair._id} is ${pair.status} (closed on ${pair.closedOn}).`, { field: 'pairId' });
  return pair;
}

/** The mentor's IANA zone: stored on the pair, or (pairs made before zones were stored) asked of membership. */
async function mentorZoneOf(ctx: Context, pair: StoredMentoringPair): Promise<string> {
  if (pair.mentorTimezone) return pair.mentorTimezone;
  return (await requireCityFacts(ctx, [{ id: pair.mentorCityId, field: 'pairId' }])).get(pair.mentorCityId)!.timezone;
}

/**
 * Pairs an eligible mentor city with a mentee city on some ISO 37120 themes, from a day in the
 * mentor's local calendar (today by default, up to 365 days back). The mentor must hold a
 * certification in force at or above MENTOR_MIN_LEVEL (default SILVER) or verified data in every
 * focus theme, asked of certification and indicators through the gateway (FORBIDDEN with the reason).
 */
export async function pairMentor(
  ctx: Context,
  mentorCityId: string,
  menteeCityId: string,
  focusThemesInput: string[],
  startedOnInput?: string | null,
): Promise<StoredMentoringPair> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  if (mentorCityId === menteeCityId) throw inputError('menteeCityId', `must differ from mentorCityId (${mentorCityId}): a city cannot mentor itself`);
  const focusThemes = checkThemes(focusThemesInput, 'focusThemes');
  const facts = await requireCityFacts(ctx, [
    { id: mentorCityId, field: 'mentorCityId' },
    { id: menteeCityId, field: 'menteeCityId' },
  ]);
  const zone = facts.get(mentorCityId)!.timezone;
  const now = ctx.settings.now();
  const today = localDate(now, zone);
  const startedOn = checkStartedOn(startedOnInput ?? today, today, zone);
  const eligibility = mentorEligibility(mentorCityId, await certificationFactsOf(ctx, mentorCityId), focusThemes, mentorMinLevel());
  requireEligible(eligibility);
  const id = `mp-${randomBytes(6).toString('hex')}`;
  const pair = await changeDocument({
    collection: mentoringPairsCollection(ctx.db),
    id,
    actor,
    at: now,
    locks: [citiesLock(mentorCityId, menteeCityId)],
    conflict: `A mentoring pair with id ${id} exists already; try again.`,
    async change() {
      const active = await findActivePairOf(ctx.db, mentorCityId, menteeCityId);
      if (active) {
        throw codedError('CONFLICT', `${active.mentorCityId} already mentors ${active.menteeCityId} (pair ${active._id}, ACTIVE); close it first.`, {
          field: 'menteeCityId',
          pairId: active._id,
        });
      }
      return {
        next: {
          _id: id,
          mentorCityId,
          menteeCityId,
          focusThemes,
          status: 'ACTIVE' as const,
          startedOn,
          closedOn: null,
          sessions: [],
          mentorTimezone: zone,
          outcome: null,
        },
        audit: [
          {
            action: 'mentoring.paired',
            subject: `mentoring:${id}`,
            old: null,
            new: { mentorCityId, menteeCityId, focusThemes, startedOn, mentorTimezone: zone, eligibility: eligibility.reason },
          },
        ],
        scope: { cityId: menteeCityId },
      };
    },
  });
  declarePairChanged(ctx, pair!);
  return pair!;
}

/**
 * Logs a session held by an ACTIVE pair: not in the future, and not before the pair's first day in
 * the mentor's local calendar (a session at 01:00+08:00 on the day a Manila pair starts is fine).
 */
export async function logMentoringSession(ctx: Context, pairId: string, input: MentoringSessionInput): Promise<StoredMentoringPair> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const heldAt = input.heldAt instanceof Date ? input.heldAt : new Date(input.heldAt);
  const durationMinutes = checkInt(input.durationMinutes, 'input.durationMinutes', 1, 1440);
  const summary = checkOptionalText(input.summary, 'input.summary', 1, 2000);
  const found = requireActive(await findMentoringPair(ctx.db, pairId), pairId);
  const zone = await mentorZoneOf(ctx, found);
  const now = ctx.settings.now();
  if (heldAt.getTime() > now.getTime()) {
    throw inputError(
      'input.heldAt',
      `must not be in the future (a session is logged once held; now is ${showInstant(now, zone)}), got ${showInstant(heldAt, zone)}`,
    );
  }
  const session: StoredSession = { heldAt, durationMinutes, format: input.format, summary, timezone: zone };
  const pair = await changeDocument({
    collection: mentoringPairsCollection(ctx.db),
    id: pairId,
    actor,
    at: now,
    locks: [pairLock(pairId)],
    conflict: pairConflict(pairId),
    change(current) {
      const pair = requireActive(current, pairId);
      const day = localDate(heldAt, zone);
      if (day < pair.startedOn) {
        throw inputError(
          'input.heldAt',
          `must not be before the pair started (${pair.startedOn} in ${zone}, the mentor's time zone), got ${showInstant(heldAt, zone)}, which is ${day} there`,
        );
      }
      // Under the pair's lock, so two sessions logged at once are both kept (FerretDB has no atomic $push).
      return {
        next: { ...pair, mentorTimezone: zone, sessions: [...pair.sessions, session] },
        audit: [
          { action: 'mentoring.sessionLogged', subject: `mentoring:${pair._id}`, old: null, new: { ...session, localHeldAt: showInstant(heldAt, zone) } },
        ],
        scope: { cityId: pair.menteeCityId },
      };
    },
  });
  declarePairChanged(ctx, pair!);
  return pair!;
}

/** Closes an ACTIVE pair today (the mentor's local day), recording what it achieved. */
export async function closeMentoringPair(ctx: Context, pairId: string, outcomeInput: OutcomeInput): Promise<StoredMentoringPair> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const outcome = checkOutcome(outcomeInput);
  const found = requireActive(await findMentoringPair(ctx.db, pairId), pairId);
  const zone = await mentorZoneOf(ctx, found);
  const now = ctx.settings.now();
  const pair = await changeDocument({
    collection: mentoringPairsCollection(ctx.db),
    id: pairId,
    actor,
    at: now,
    locks: [pairLock(pairId)],
    conflict: pairConflict(pairId),
    change(current) {
      const pair = requireActive(current, pairId);
      const closed = { status: 'CLOSED' as const, closedOn: localDate(now, zone), outcome };
      return {
        next: { ...pair, mentorTimezone: zone, ...closed },
        audit: [{ action: 'mentoring.closed', subject: `mentoring:${pair._id}`, old: { status: 'ACTIVE' }, new: { ...closed } }],
        scope: { cityId: pair.menteeCityId },
      };
    },
  });
  declarePairChanged(ctx, pair!);
  return pair!;
}
