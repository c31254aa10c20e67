import type { CityResolvers } from '../generated/resolvers-types';
import { certificationGapOf } from '../workflows/gap';

/** City is owned by membership; here it only carries the certification fields. */
export const City: CityResolvers = {
  // No existence check: a city without certifications simply has none.
  __resolveReference: (ref) => ({ id: ref.id }),
  /** The latest data year, whatever its status. */
  certification: async (city, _, ctx) => (await ctx.loaders.certificationsByCity.load(city.id))[0] ?? null,
  /** Latest data year first (the loader sorts). */
  certifications: (city, _, ctx) => ctx.loaders.certificationsByCity.load(city.id),
  certificationGap: (city, args, ctx) => certificationGapOf(city, args, ctx),
};
