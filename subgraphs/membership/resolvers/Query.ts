import type { QueryResolvers } from '../generated/resolvers-types';
import { listCities, listMembers } from '../workflows/directory';

export const Query = {
  city: (_, { id }, ctx) => ctx.loaders.cityById.load(id),
  member: (_, { id }, ctx) => ctx.loaders.memberById.load(id),
  cities: (_, args, ctx) => listCities(ctx, args),
  members: (_, args, ctx) => listMembers(ctx, args),
} satisfies QueryResolvers;
