import type { IndicatorReportDoc } from '../data/types';
import { canSeeUnpublished } from '../access';
import { compareClauseIds, type IndicatorKind } from '../catalogue';
import type { Context } from '../context';
import type { IndicatorCoverage } from '../coverage';
import { coverageKey } from '../loaders';
import { validateTheme, validateYear } from '../validation';
import { valuesOf, type ValueView } from '../values';
import { emptyReport } from './IndicatorReport';

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
  ): Promise<ValueView[]> {
    const year = validateYear(args.year, ctx.settings);
    const { theme, kind } = args;
    // Values may belong to any loaded edition, so any edition's theme is acceptable.
    if (theme != null) validateTheme(theme, ctx.catalogue.allThemeNames());
    const all = valuesOf(await ctx.loaders.report.load(coverageKey(city.id, year)));
    // Unverified values are the city's work in progress: public callers see VERIFIED values only.
    const visible = canSeeUnpublished(ctx.user, city.id) ? all : all.filter((v) => v.status === 'VERIFIED');
    return visible
      .filter((v) => {
        const indicator = ctx.catalogue.indicator(v.edition, v.indicatorId);
        // A value whose indicator is not in a loaded catalogue cannot be shown (Indicator is non-null).
        if (!indicator) return false;
        return (theme == null || indicator.theme === theme) && (kind == null || indicator.kind === kind);
      })
      .sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId) || a.edition.localeCompare(b.edition));
  },

  async indicatorReport(city: CityRef, args: { year: number }, ctx: Context): Promise<IndicatorReportDoc> {
    const year = validateYear(args.year, ctx.settings);
    return (await ctx.loaders.report.load(coverageKey(city.id, year))) ?? emptyReport(city.id, year, ctx);
  },

  indicatorCoverage(city: CityRef, args: { year: number }, ctx: Context): Promise<IndicatorCoverage> {
    const year = validateYear(args.year, ctx.settings);
    return ctx.loaders.coverage.load(coverageKey(city.id, year));
  },
};
