import { cityRef } from '../domain/views';
import type { MentoringPairResolvers } from '../generated/resolvers-types';
import { pairTimezone, sessionsView } from '../workflows/views';

export const MentoringPair = {
  __resolveReference: (ref, ctx) => ctx.loaders.mentoringPairById.load(ref.id),
  id: (pair) => pair._id,
  mentor: (pair) => cityRef(pair.mentorCityId),
  mentee: (pair) => cityRef(pair.menteeCityId),
  timezone: (pair, _args, ctx) => pairTimezone(ctx, pair),
  sessions: (pair) => sessionsView(pair),
  outcome: (pair) => pair.outcome ?? null,
} satisfies MentoringPairResolvers;
