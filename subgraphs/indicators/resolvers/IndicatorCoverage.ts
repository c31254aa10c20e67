import type { Context } from '../context';
import type { IndicatorCoverage as Coverage } from '../coverage';
import { coverageKey } from '../loaders';

export const IndicatorCoverage = {
  // Same loader as City.indicatorCoverage, so a list of coverages costs one query.
  __resolveReference(ref: { cityId: string; year: number | string }, ctx: Context): Promise<Coverage> | null {
    const year = Number(ref.year);
    if (!Number.isInteger(year)) return null;
    return ctx.loaders.coverage.load(coverageKey(String(ref.cityId), year));
  },
};
