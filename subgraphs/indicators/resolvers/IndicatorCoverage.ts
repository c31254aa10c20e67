import type { IndicatorCoverageResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { coverageReference } from '../workflows/values';

export const IndicatorCoverage = {
  // Same loader as City.indicatorCoverage, so a list of coverages costs one lookup per summary.
  __resolveReference: (ref, ctx) => coverageReference(ref, ctx),
} satisfies Known<IndicatorCoverageResolvers>;
