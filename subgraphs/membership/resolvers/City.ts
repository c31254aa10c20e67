import type { CityResolvers } from '../generated/resolvers-types';
import { cityApplication } from '../workflows/programme';
import { isActiveEnrolment } from '../domain/programme';

export const City = {
  /** Federation entry point: the gateway sends `{id}`; null for unknown ids. Batched per request. */
  __resolveReference: (ref, ctx) => ctx.loaders.cityById.load(ref.id),
  id: (city) => city._id,
  membership: (city, _, ctx) => ctx.loaders.fullMemberByCityId.load(city._id),
  /** A withdrawn acceptance is no enrolment. */
  programmeEnrolment: async (city, _, ctx) => {
    const enrolment = await ctx.loaders.enrolmentByCityId.load(city._id);
    return isActiveEnrolment(enrolment) ? enrolment : null;
  },
  nativeName: (city) => city.otherNames?.find((n) => n.kind === 'NATIVE')?.name ?? null,
  otherNames: (city) => city.otherNames ?? [],
  /** CityNet staff and the city's own officers. */
  programmeApplication: (city, { round }, ctx) => cityApplication(ctx, city._id, round),
} satisfies CityResolvers;
