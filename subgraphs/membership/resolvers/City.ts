import type { CityResolvers } from '../generated/resolvers-types';

export const City = {
  /** Federation entry point: the gateway sends `{id}`; null for unknown ids. Batched per request. */
  __resolveReference: (ref, ctx) => ctx.loaders.cityById.load(ref.id),
  id: (city) => city._id,
  membership: (city, _, ctx) => ctx.loaders.fullMemberByCityId.load(city._id),
  programmeEnrolment: (city, _, ctx) => ctx.loaders.enrolmentByCityId.load(city._id),
} satisfies CityResolvers;
