import type { MentoringPairDoc } from '../data/types';
import type { Context } from '../context';
import { cityRef } from './cityRef';

export const MentoringPair = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.mentoringPairById.load(ref.id),
  id: (pair: MentoringPairDoc) => pair._id,
  mentor: (pair: MentoringPairDoc) => cityRef(pair.mentorCityId),
  mentee: (pair: MentoringPairDoc) => cityRef(pair.menteeCityId),
};
