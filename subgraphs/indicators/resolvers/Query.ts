import type { QueryResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { auditTrailOf } from '../workflows/auditTrail';
import { catalogueEditions, catalogueIndicators, consistencyRulesOf, indicatorById, themesOf } from '../workflows/catalogue';

export const Query = {
  indicator: (_, args, ctx) => indicatorById(args, ctx),
  indicatorCatalogue: (_, args, ctx) => catalogueIndicators(args, ctx),
  themes: (_, args, ctx) => themesOf(args, ctx),
  catalogueEditions: (_, __, ctx) => catalogueEditions(ctx),
  consistencyRules: (_, args, ctx) => consistencyRulesOf(args, ctx),
  auditTrail: (_, args, ctx) => auditTrailOf(args, ctx),
} satisfies Known<QueryResolvers>;
