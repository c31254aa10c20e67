import { checkInt } from '../../../lib/graphql/inputs';
import type { CityResolvers } from '../generated/resolvers-types';
import { workshopHistory } from '../workflows/views';

const DEFAULT_UPCOMING = 5;

export const City = {
  /** Membership owns cities; here a reference is all we need (fields below batch by id). No query. */
  __resolveReference: (ref) => ({ __typename: 'City', id: ref.id }),

  async upcomingWorkshops(city, args, ctx) {
    const first = checkInt(args.first ?? DEFAULT_UPCOMING, 'first', 0, ctx.settings.maxPageSize);
    // One loader for every `first`: it loads all upcoming workshops per city and each field slices.
    return (await ctx.loaders.upcomingWorkshopsByCityId.load(city.id)).slice(0, first);
  },

  mentoring: (city, _args, ctx) => ctx.loaders.mentoringByCityId.load(city.id),

  workshopHistory: (city, args, ctx) => workshopHistory(ctx, city, args),
} satisfies CityResolvers;
