import { userInputError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import type { CityRef } from './cityRef';

const DEFAULT_UPCOMING = 5;

export const City = {
  /** Membership owns cities; here a reference is all we need (fields below batch by id). No query. */
  __resolveReference: (ref: { id: string }) => ({ __typename: 'City', id: ref.id }),

  async upcomingWorkshops(city: CityRef, args: { first?: number | null }, ctx: Context) {
    const first = args.first ?? DEFAULT_UPCOMING;
    if (first < 0) throw userInputError(`"first" must be a non-negative integer, got ${first}`, 'first');
    if (first > ctx.settings.maxPageSize) throw userInputError(`"first" must be at most ${ctx.settings.maxPageSize}, got ${first}`, 'first');
    // One loader for every `first`: it loads all upcoming workshops per city and each field slices.
    const workshops = await ctx.loaders.upcomingWorkshopsByCityId.load(city.id);
    return workshops.slice(0, first);
  },

  mentoring: (city: CityRef, _: unknown, ctx: Context) => ctx.loaders.mentoringByCityId.load(city.id),
};
