import { inputError } from '../../../lib/graphql/errors';
import { checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { CertificationLevel } from '../data/types';
import { levelRank, MENTOR_MIN_LEVEL, type LevelThreshold } from '../domain/levels';
import type { CertificationGapRef, CityRef } from '../domain/refs';

/**
 * The gap to a target level starts here, because the threshold table is certification's: this
 * subgraph answers what the target needs and who could mentor; the indicators subgraph works out
 * what is missing (@requires the thresholds), and the workshops subgraph which workshops cover it
 * (@requires the gap's themes). One query, three domains, no subgraph reading another's database.
 */
export function certificationGapOf(city: CityRef, args: { year: number; target: CertificationLevel }, ctx: Context): CertificationGapRef {
  return { cityId: city.id, year: checkYear(args.year, ctx.settings), target: args.target };
}

/** The row of the threshold table the gap's target needs. */
export function thresholdOf(gap: CertificationGapRef, ctx: Context): LevelThreshold {
  const row = ctx.levels.levels.find((l) => l.level === gap.target);
  if (!row) throw inputError('target', `must be a level of the threshold table (${ctx.levels.levels.map((l) => l.level).join(', ')}), got ${gap.target}`);
  return row;
}

/** "cityId:year" of each possible mentor's latest certified year (Silver or higher), not the city itself. */
export async function mentorPoolOf(gap: CertificationGapRef, ctx: Context): Promise<string[]> {
  const pool = await ctx.loaders.mentorPool.load(levelRank(MENTOR_MIN_LEVEL));
  return pool.filter((m) => m.cityId !== gap.cityId).map((m) => `${m.cityId}:${m.year}`);
}
