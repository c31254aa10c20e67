import { checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { IndicatorReportDoc } from '../data/types';
import { canSeeUnpublished } from '../domain/access';
import { compareClauseIds, type IndicatorKind } from '../domain/catalogue';
import type { CoverageView } from '../domain/coverage';
import { checkTheme } from '../domain/inputs';
import { valuesOf, type ValueView } from '../domain/values';
import { coverageKey } from '../loaders';
import { emptyReport } from './saveValues';

/** Unverified values are the city's work in progress: other callers see VERIFIED values only. */
function visibleTo(ctx: Context, cityId: string, values: ValueView[]): ValueView[] {
  return canSeeUnpublished(ctx.user, cityId) ? values : values.filter((v) => v.status === 'VERIFIED');
}

/** `City.indicators`: the city's values for a year the caller may see, in clause order, narrowed to a theme and/or kind. */
export async function cityIndicators(cityId: string, args: { year: number; theme?: string | null; kind?: IndicatorKind | null }, ctx: Context): Promise<ValueView[]> {
  const year = checkYear(args.year, ctx.settings);
  const { theme, kind } = args;
  // Values may belong to any loaded edition, so any edition's theme is acceptable.
  if (theme != null) checkTheme(theme, ctx.catalogue.allThemeNames());
  const all = valuesOf(await ctx.loaders.report.load(coverageKey(cityId, year)));
  return visibleTo(ctx, cityId, all)
    .filter((v) => {
      const indicator = ctx.catalogue.indicator(v.edition, v.indicatorId);
      // A value whose indicator is not in a loaded catalogue cannot be shown (Indicator is non-null).
      if (!indicator) return false;
      return (theme == null || indicator.theme === theme) && (kind == null || indicator.kind === kind);
    })
    .sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId) || a.edition.localeCompare(b.edition));
}

/** `City.indicatorReport`: the stored report, or version 0 when nothing was saved. */
export async function cityReport(cityId: string, args: { year: number }, ctx: Context): Promise<IndicatorReportDoc> {
  const year = checkYear(args.year, ctx.settings);
  return (await ctx.loaders.report.load(coverageKey(cityId, year))) ?? emptyReport(cityId, year, ctx.catalogue.defaultEdition);
}

/** `IndicatorReport.values`: the values the caller may see, in clause order. */
export function reportValues(report: IndicatorReportDoc, ctx: Context): ValueView[] {
  const all = valuesOf(report).filter((v) => ctx.catalogue.indicator(v.edition, v.indicatorId));
  return visibleTo(ctx, report.cityId, all).sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId));
}

/** `City.indicatorCoverage`: from the coverage summary (the report is not read). */
export function cityCoverage(cityId: string, args: { year: number }, ctx: Context): Promise<CoverageView> {
  const year = checkYear(args.year, ctx.settings);
  return ctx.loaders.coverage.load(coverageKey(cityId, year));
}

/** An `CoverageView` entity asked for by another subgraph (null for a year that is not a number). */
export function coverageReference(ref: { cityId: unknown; year: unknown }, ctx: Context): Promise<CoverageView> | null {
  const year = Number(ref.year);
  if (!Number.isInteger(year)) return null;
  return ctx.loaders.coverage.load(coverageKey(String(ref.cityId), year));
}
