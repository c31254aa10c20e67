import type { QueryResolvers } from '../generated/resolvers-types';
import { certificationOf, registryPage } from '../workflows/registry';

export const Query: QueryResolvers = {
  registry: (_, args, ctx) => registryPage(args, ctx),
  certification: (_, args, ctx) => certificationOf(args, ctx),
  certificationLevels: (_, __, ctx) => ctx.levels.levels,
  verifierOrganisations: (_, __, ctx) => ctx.organisations.list,
};
