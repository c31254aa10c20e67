import type { QueryResolvers } from '../generated/resolvers-types';
import { listCities, listMembers } from '../workflows/directory';
import { findRound, listRounds } from '../workflows/programme';
import { suggestCities } from '../workflows/search';

export const Query = {
  city: (_, { id }, ctx) => ctx.loaders.cityById.load(id),
  member: (_, { id }, ctx) => ctx.loaders.memberById.load(id),
  cities: (_, args, ctx) => listCities(ctx, args),
  citySuggestions: (_, args, ctx) => suggestCities(ctx, args),
  members: (_, args, ctx) => listMembers(ctx, args),
  programmeRounds: (_, args, ctx) => listRounds(ctx, args),
  programmeRound: (_, { year }, ctx) => findRound(ctx, year),
} satisfies QueryResolvers;
