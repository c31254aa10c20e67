import type { CertificationGapResolvers } from '../generated/resolvers-types';
import { mentorPoolOf, thresholdOf } from '../workflows/gap';

export const CertificationGap: CertificationGapResolvers = {
  __resolveReference: (ref) => ({ cityId: ref.cityId, year: ref.year, target: ref.target }),
  requiredCoreVerified: (gap, _, ctx) => thresholdOf(gap, ctx).minCoreVerified,
  requiredSupportingVerified: (gap, _, ctx) => thresholdOf(gap, ctx).minSupportingVerified,
  /** "cityId:year" of each possible mentor's latest certified year (internal: @inaccessible). */
  mentorPool: (gap, _, ctx) => mentorPoolOf(gap, ctx),
};
