import type { CityDoc } from '../data/types';
import type { Context } from '../context';

export const City = {
  /** Federation entry point: the gateway sends `{id}`; null for unknown ids. Batched per request. */
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.cityById.load(ref.id),
  id: (city: CityDoc) => city._id,
  membership: (city: CityDoc, _: unknown, ctx: Context) => ctx.loaders.fullMemberByCityId.load(city._id),
  programmeEnrolment: (city: CityDoc, _: unknown, ctx: Context) => ctx.loaders.enrolmentByCityId.load(city._id),
};
