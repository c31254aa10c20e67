import type { IndicatorResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { indicatorReference } from '../workflows/catalogue';

export const Indicator = {
  // Reference data: resolved from memory; an unknown edition or id is simply null.
  __resolveReference: (ref, ctx) => indicatorReference(ref, ctx),
} satisfies Known<IndicatorResolvers>;
