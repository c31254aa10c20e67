import { randomBytes } from 'node:crypto';
import type { MentoringPairDoc } from '../data/types';
import { requireRole } from '../../../lib/auth/guards';
import { recordAudit } from '../../../lib/db/audit-log';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import { badField, optionalText, requireInt } from '../../../lib/graphql/field-errors';
import { requireCitiesExist } from '../cities';
import type { Context } from '../context';
import { mentoringPairsCollection } from '../data/mentoringPairs';
import { requireThemes, utcDate } from '../validation';

type Session = MentoringPairDoc['sessions'][number];

export interface MentoringSessionInput {
  heldAt: Date;
  durationMinutes: number;
  format: Session['format'];
  summary?: string | null;
}

/** One lock per two cities (either direction) for the one-active-pair rule; one per pair for its changes. */
const citiesLock = (a: string, b: string) => `mentoring:${[a, b].sort().join('|')}`;
const pairLock = (id: string) => `mentoring-pair:${id}`;

async function loadPair(ctx: Context, id: string): Promise<MentoringPairDoc> {
  const pair = await mentoringPairsCollection(ctx.db).findOne({ _id: { $eq: id } });
  if (!pair) throw codedError('NOT_FOUND', `No mentoring pair with id ${JSON.stringify(id)}.`, { field: 'pairId' });
  return pair;
}

function requireActive(pair: MentoringPairDoc): void {
  if (pair.status !== 'ACTIVE') throw codedError('CONFLICT', `The mentoring pair ${pair._id} is ${pair.status} (closed on ${pair.closedOn}).`, { field: 'pairId' });
}

export async function pairMentor(_: unknown, args: { mentorCityId: string; menteeCityId: string; focusThemes: string[] }, ctx: Context): Promise<MentoringPairDoc> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  if (args.mentorCityId === args.menteeCityId) throw badField('menteeCityId', `must differ from mentorCityId (${args.mentorCityId}): a city cannot mentor itself`);
  const focusThemes = requireThemes(args.focusThemes, 'focusThemes');
  await requireCitiesExist(ctx, [
    { id: args.mentorCityId, field: 'mentorCityId' },
    { id: args.menteeCityId, field: 'menteeCityId' },
  ]);
  return withLocks(ctx.db, [citiesLock(args.mentorCityId, args.menteeCityId)], async () => {
    const active = await mentoringPairsCollection(ctx.db).findOne({
      status: 'ACTIVE',
      $or: [
        { mentorCityId: { $eq: args.mentorCityId }, menteeCityId: { $eq: args.menteeCityId } },
        { mentorCityId: { $eq: args.menteeCityId }, menteeCityId: { $eq: args.mentorCityId } },
      ],
    });
    if (active) {
      throw codedError('CONFLICT', `${active.mentorCityId} already mentors ${active.menteeCityId} (pair ${active._id}, ACTIVE); close it first.`, { field: 'menteeCityId', pairId: active._id });
    }
    const now = ctx.settings.now();
    const pair: MentoringPairDoc = {
      _id: `mp-${randomBytes(6).toString('hex')}`,
      mentorCityId: args.mentorCityId,
      menteeCityId: args.menteeCityId,
      focusThemes,
      status: 'ACTIVE',
      startedOn: utcDate(now),
      closedOn: null,
      sessions: [],
    };
    await mentoringPairsCollection(ctx.db).insertOne(pair);
    await recordAudit(ctx.db, actor, now, [{ cityId: pair.menteeCityId, action: 'mentoring.paired', subject: `mentoring:${pair._id}`, old: null, new: { mentorCityId: pair.mentorCityId, menteeCityId: pair.menteeCityId, focusThemes } }]);
    return pair;
  });
}

export async function logMentoringSession(_: unknown, args: { pairId: string; input: MentoringSessionInput }, ctx: Context): Promise<MentoringPairDoc> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  const { input } = args;
  const session: Session = {
    heldAt: input.heldAt,
    durationMinutes: requireInt(input.durationMinutes, 'input.durationMinutes', 1, 1440),
    format: input.format,
    summary: optionalText(input.summary, 'input.summary', 1, 2000),
  };
  if (session.heldAt.getTime() > ctx.settings.now().getTime()) throw badField('input.heldAt', `must not be in the future (a session is logged once held), got ${session.heldAt.toISOString()}`);
  return withLocks(ctx.db, [pairLock(args.pairId)], async () => {
    const pair = await loadPair(ctx, args.pairId);
    requireActive(pair);
    if (utcDate(session.heldAt) < pair.startedOn) throw badField('input.heldAt', `must not be before the pair started (${pair.startedOn})`);
    const sessions = [...pair.sessions, session];
    // Under the pair's lock, so two sessions logged at once are both kept (FerretDB has no atomic $push).
    await mentoringPairsCollection(ctx.db).updateOne({ _id: { $eq: pair._id } }, { $set: { sessions } });
    await recordAudit(ctx.db, actor, ctx.settings.now(), [{ cityId: pair.menteeCityId, action: 'mentoring.sessionLogged', subject: `mentoring:${pair._id}`, old: null, new: { ...session } }]);
    return { ...pair, sessions };
  });
}

export async function closeMentoringPair(_: unknown, args: { pairId: string }, ctx: Context): Promise<MentoringPairDoc> {
  const actor = requireRole(ctx.user, 'CITYNET_STAFF');
  return withLocks(ctx.db, [pairLock(args.pairId)], async () => {
    const pair = await loadPair(ctx, args.pairId);
    requireActive(pair);
    const now = ctx.settings.now();
    const set = { status: 'CLOSED' as const, closedOn: utcDate(now) };
    await mentoringPairsCollection(ctx.db).updateOne({ _id: { $eq: pair._id } }, { $set: set });
    await recordAudit(ctx.db, actor, now, [{ cityId: pair.menteeCityId, action: 'mentoring.closed', subject: `mentoring:${pair._id}`, old: { status: 'ACTIVE' }, new: { ...set } }]);
    return { ...pair, ...set };
  });
}
