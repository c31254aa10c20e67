import type { Context } from '../context';
import { levelRank, type CertificationLevel } from '../levels';
import { findLatestCertifiedAtLeast } from '../data/certifications';
import { validateYear } from '../validation';
import { codedError } from '../../../lib/graphql/errors';

/**
 * The gap to a target level starts here, because the threshold table is certification's: this
 * subgraph answers what the target needs and who could mentor; the indicators subgraph works out
 * what is missing (@requires the thresholds), and the workshops subgraph which workshops cover it
 * (@requires the gap's themes). One query, three domains, no subgraph reading another's database.
 */
export interface CertificationGapRef {
  cityId: string;
  year: number;
  target: CertificationLevel;
}

/** Mentors are cities certified at least this level (their latest certification). */
const MENTOR_MIN_LEVEL: CertificationLevel = 'SILVER';

export function certificationGap(city: { id: string }, args: { year: number; target: CertificationLevel }, ctx: Context): CertificationGapRef {
  validateYear(args.year, ctx.settings);
  return { cityId: city.id, year: args.year, target: args.target };
}

export const CertificationGap = {
  __resolveReference(ref: CertificationGapRef): CertificationGapRef {
    return { cityId: ref.cityId, year: ref.year, target: ref.target };
  },
  requiredCoreVerified(gap: CertificationGapRef, _: unknown, ctx: Context): number {
    return threshold(gap, ctx).minCoreVerified;
  },
  requiredSupportingVerified(gap: CertificationGapRef, _: unknown, ctx: Context): number {
    return threshold(gap, ctx).minSupportingVerified;
  },
  /** "cityId:year" of each possible mentor's latest certified year (internal: @inaccessible). */
  async mentorPool(gap: CertificationGapRef, _: unknown, ctx: Context): Promise<string[]> {
    const docs = await ctx.loaders.mentorPool.load(levelRank(MENTOR_MIN_LEVEL));
    return docs.filter((d) => d.cityId !== gap.cityId).map((d) => `${d.cityId}:${d.year}`);
  },
};

function threshold(gap: CertificationGapRef, ctx: Context) {
  const row = ctx.levels.levels.find((l) => l.level === gap.target);
  if (!row) throw codedError('BAD_USER_INPUT', `"target" ${gap.target} is not in the level table`, { argumentName: 'target' });
  return row;
}

export { findLatestCertifiedAtLeast };
