import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { earnedLevel, type CertificationLevel } from '../levels';

/** What the gateway sends: the key plus the @requires fields fetched from the indicators subgraph. */
interface CoverageRepresentation {
  cityId: string;
  year: number;
  coreVerified?: number;
  supportingVerified?: number;
}

export const IndicatorCoverage = {
  // Everything earnedLevel needs is in the representation: no database access.
  __resolveReference(ref: CoverageRepresentation): CoverageRepresentation {
    return { cityId: ref.cityId, year: ref.year, coreVerified: ref.coreVerified, supportingVerified: ref.supportingVerified };
  },

  earnedLevel(coverage: CoverageRepresentation, _: unknown, ctx: Context): CertificationLevel | null {
    const { coreVerified, supportingVerified } = coverage;
    if (!Number.isInteger(coreVerified) || !Number.isInteger(supportingVerified)) {
      // Only reachable when called without the gateway's @requires fields.
      throw codedError('BAD_USER_INPUT', 'earnedLevel needs coreVerified and supportingVerified in the IndicatorCoverage representation');
    }
    return earnedLevel(coreVerified!, supportingVerified!, ctx.levels);
  },
};
