import { randomBytes } from 'node:crypto';
import { requireRole } from '../../../lib/auth/guards';
import { changeDocument } from '../../../lib/db/outbox';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkInt, checkOptionalText } from '../../../lib/graphql/inputs';
import { utcDate } from '../../../lib/time/dates';
import type { Context } from '../context';
import { findActivePairOf, mentoringPairsCollection } from '../data/mentoringPairs';
import type { MentoringPairDoc, StoredMentoringPair, WorkshopFormat } from '../data/types';
import { checkThemes } from '../domain/themes';
import { requireCitiesExist } from './cities';
import { declarePairChanged } from './invalidation';

type Session = MentoringPairDoc['sessions'][number];

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

function requirePair(pair: StoredMentoringPair | null, id: string): StoredMentoringPair {
  if (!pair) throw codedError('NOT_FOUND', `No mentoring pair with id ${JSON.stringify(id)}.`, { field: 'pairId' });
  if (pair.status !== 'ACTIVE') throw codedError('CONFLICT', `The mentoring pair ${pair._id} is ${pair.status} (closed on ${pair.closedOn}).`, { field: 'pairId' });
  return pair;
}

export async function pairMentor(ctx: Context, mentorCityId: string, menteeCityId: string, focusThemesInput: string[]): Promise<StoredMentoringPair> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  if (mentorCityId === menteeCityId) throw inputError('menteeCityId', `must differ from mentorCityId (${mentorCityId}): a city cannot mentor itself`);
  const focusThemes = checkThemes(focusThemesInput, 'focusThemes');
  await requireCitiesExist(ctx, [
    { id: mentorCityId, field: 'mentorCityId' },
    { id: menteeCityId, field: 'menteeCityId' },
  ]);
  const now = ctx.settings.now();
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
        throw codedError('CONFLICT', `${active.mentorCityId} already mentors ${active.menteeCityId} (pair ${active._id}, ACTIVE); close it first.`, { field: 'menteeCityId', pairId: active._id });
      }
      return {
        next: { _id: id, mentorCityId, menteeCityId, focusThemes, status: 'ACTIVE' as const, startedOn: utcDate(now), closedOn: null, sessions: [] },
        audit: [{ action: 'mentoring.paired', subject: `mentoring:${id}`, old: null, new: { mentorCityId, menteeCityId, focusThemes } }],
        scope: { cityId: menteeCityId },
      };
    },
  });
  declarePairChanged(ctx, pair!);
  return pair!;
}

export async function logMentoringSession(ctx: Context, pairId: string, input: MentoringSessionInput): Promise<StoredMentoringPair> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const session: Session = {
    heldAt: input.heldAt instanceof Date ? input.heldAt : new Date(input.heldAt),
    durationMinutes: checkInt(input.durationMinutes, 'input.durationMinutes', 1, 1440),
    format: input.format,
    summary: checkOptionalText(input.summary, 'input.summary', 1, 2000),
  };
  const now = ctx.settings.now();
  if (session.heldAt.getTime() > now.getTime()) throw inputError('input.heldAt', `must not be in the future (a session is logged once held), got ${session.heldAt.toISOString()}`);
  const pair = await changeDocument({
    collection: mentoringPairsCollection(ctx.db),
    id: pairId,
    actor,
    at: now,
    locks: [pairLock(pairId)],
    conflict: pairConflict(pairId),
    change(current) {
      const pair = requirePair(current, pairId);
      if (utcDate(session.heldAt) < pair.startedOn) throw inputError('input.heldAt', `must not be before the pair started (${pair.startedOn})`);
      // Under the pair's lock, so two sessions logged at once are both kept (FerretDB has no atomic $push).
      return {
        next: { ...pair, sessions: [...pair.sessions, session] },
        audit: [{ action: 'mentoring.sessionLogged', subject: `mentoring:${pair._id}`, old: null, new: { ...session } }],
        scope: { cityId: pair.menteeCityId },
      };
    },
  });
  declarePairChanged(ctx, pair!);
  return pair!;
}

export async function closeMentoringPair(ctx: Context, pairId: string): Promise<StoredMentoringPair> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const now = ctx.settings.now();
  const pair = await changeDocument({
    collection: mentoringPairsCollection(ctx.db),
    id: pairId,
    actor,
    at: now,
    locks: [pairLock(pairId)],
    conflict: pairConflict(pairId),
    change(current) {
      const pair = requirePair(current, pairId);
      const closed = { status: 'CLOSED' as const, closedOn: utcDate(now) };
      return {
        next: { ...pair, ...closed },
        audit: [{ action: 'mentoring.closed', subject: `mentoring:${pair._id}`, old: { status: 'ACTIVE' }, new: { ...closed } }],
        scope: { cityId: pair.menteeCityId },
      };
    },
  });
  declarePairChanged(ctx, pair!);
  return pair!;
}
