import type { IndicatorValueDoc } from '../../../data/sample/types';
import { compareClauseIds, type IndicatorKind } from '../catalogue';
import type { Context } from '../context';
import type { IndicatorCoverage } from '../coverage';
import { coverageKey } from '../loaders';
import { validateTheme, validateYear } from '../validation';

/** City is owned by membership; here it only carries the indicator fields. */
interface CityRef {
  id: string;
}

export const City = {
  // The reference is all we need: every field below is looked up by the id (no existence check here).
  __resolveReference(ref: CityRef): CityRef {
    return { id: ref.id };
  },

  async indicators(
    city: CityRef,
    args: { year: number; theme?: string | null; kind?: IndicatorKind | null },
    ctx: Context,
  ): Promise<IndicatorValueDoc[]> {
    const year = validateYear(args.year, ctx.settings);
    const { theme, kind } = args;
    // Values may belong to any loaded edition, so any edition's theme is acceptable.
    if (theme != null) validateTheme(theme, ctx.catalogue.allThemeNames());
    const values = await ctx.loaders.valuesForYear(year).load(city.id);
    return values
      .filter((v) => {
        const indicator = ctx.catalogue.indicator(v.edition, v.indicatorId);
        // A value whose indicator is not in a loaded catalogue cannot be shown (Indicator is non-null).
        if (!indicator) return false;
        return (theme == null || indicator.theme === theme) && (kind == null || indicator.kind === kind);
      })
      .sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId) || a.edition.localeCompare(b.edition));
  },

  indicatorCoverage(city: CityRef, args: { year: number }, ctx: Context): Promise<IndicatorCoverage> {
    const year = validateYear(args.year, ctx.settings);
    return ctx.loaders.coverage.load(coverageKey(city.id, year));
  },
};
