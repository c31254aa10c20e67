import { inputError } from '../../../lib/graphql/errors';
import type { IndicatorCoverageResolvers } from '../generated/resolvers-types';
import { earnedLevel } from '../domain/levels';

export const IndicatorCoverage: IndicatorCoverageResolvers = {
  // Everything earnedLevel needs is in the representation (the key plus the @requires fields): no database access.
  __resolveReference: (ref) => ({ cityId: ref.cityId, year: ref.year, coreVerified: ref.coreVerified, supportingVerified: ref.supportingVerified }),
  earnedLevel(coverage, _, ctx) {
    const { coreVerified, supportingVerified } = coverage;
    if (!Number.isInteger(coreVerified) || !Number.isInteger(supportingVerified)) {
      // Only reachable when called without the gateway's @requires fields.
      throw inputError('representations', 'must carry coreVerified and supportingVerified for IndicatorCoverage.earnedLevel (its @requires fields)');
    }
    return earnedLevel(coreVerified!, supportingVerified!, ctx.levels);
  },
};
