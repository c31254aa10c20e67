import { cityRef } from '../domain/views';
import type { MentoringPairResolvers } from '../generated/resolvers-types';

export const MentoringPair = {
  __resolveReference: (ref, ctx) => ctx.loaders.mentoringPairById.load(ref.id),
  id: (pair) => pair._id,
  mentor: (pair) => cityRef(pair.mentorCityId),
  mentee: (pair) => cityRef(pair.menteeCityId),
} satisfies MentoringPairResolvers;
