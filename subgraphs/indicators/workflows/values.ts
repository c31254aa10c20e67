import { checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { IndicatorReportDoc } from '../data/types';
import { canSeeUnpublished } from '../domain/access';
import { compareClauseIds, type CatalogueIndicator, type IndicatorKind } from '../domain/catalogue';
import { checkConsistency, type RuleViolation } from '../domain/consistency';
import type { CoverageView } from '../domain/coverage';
import { resolveTheme } from '../domain/inputs';
import { valuesOf, type ReportView, type ValueView } from '../domain/values';
import { coverageKey } from '../loaders';
import { ruleView, type RuleView } from './catalogue';
import { emptyReport } from './saveValues';

/** Unverified values are the city's work in progress: other callers see VERIFIED values only. */
export function visibleTo<T extends { status: ValueView['status'] }>(ctx: Context, cityId: string, values: T[]): T[] {
  return canSeeUnpublished(ctx.user, cityId) ? values : values.filter((v) => v.status === 'VERIFIED');
}

/** `City.latestDataYear`: the latest data year with any value (in any status: counts are public); null when none. */
export function latestDataYear(cityId: string, ctx: Context): Promise<number | null> {
  return ctx.loaders.latestYear.load(cityId);
}

/** The year asked for (checked), or the city's latest data year when none is given (null: the city has no values). */
async function yearOrLatest(cityId: string, year: number | null | undefined, ctx: Context): Promise<number | null> {
  return year != null ? checkYear(year, ctx.settings) : latestDataYear(cityId, ctx);
}

/** `City.indicators`: the city's values for a year the caller may see, in clause order, narrowed to a theme and/or kind. */
export async function cityIndicators(
  cityId: string,
  args: { year?: number | null; themeId?: string | null; theme?: string | null; kind?: IndicatorKind | null },
  ctx: Context,
): Promise<ValueView[]> {
  const { kind } = args;
  // Values may belong to any loaded edition, so any edition's theme is acceptable.
  const theme = resolveTheme(args, ctx.catalogue, ctx.catalogue.allThemeNames());
  const year = await yearOrLatest(cityId, args.year, ctx);
  if (year === null) return [];
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

/** `City.indicatorCoverage`: from the coverage summary (the report is not read); null without a year and without values. */
export async function cityCoverage(cityId: string, args: { year?: number | null }, ctx: Context): Promise<CoverageView | null> {
  const year = await yearOrLatest(cityId, args.year, ctx);
  return year === null ? null : ctx.loaders.coverage.load(coverageKey(cityId, year));
}

/** A broken consistency rule as GraphQL shows it. */
export interface WarningView {
  rule: RuleView;
  values: { indicator: CatalogueIndicator; value: number }[];
  message: string;
}

/**
 * `IndicatorReport.warnings`: the WARNING rules of the report's edition broken by the values the
 * caller may see (a dry run's report carries the values as they would be: `preview`).
 */
export function reportWarnings(report: ReportView, ctx: Context): WarningView[] {
  const edition = ctx.catalogue.edition(report.edition);
  if (!edition) return [];
  const values = visibleTo(ctx, report.cityId, report.preview ?? report.values);
  const byId = new Map(values.map((v) => [v.indicatorId, v.value]));
  const rules = edition.rules.filter((r) => r.severity === 'WARNING');
  return checkConsistency(rules, byId).map((v: RuleViolation) => ({
    rule: ruleView(v.rule, edition),
    values: v.values.flatMap(({ indicatorId, value }) => {
      const indicator = edition.byId.get(indicatorId);
      return indicator ? [{ indicator, value }] : [];
    }),
    message: v.message,
  }));
}

/** An `CoverageView` entity asked for by another subgraph (null for a year that is not a number). */
export function coverageReference(ref: { cityId: unknown; year: unknown }, ctx: Context): Promise<CoverageView> | null {
  const year = Number(ref.year);
  if (!Number.isInteger(year)) return null;
  return ctx.loaders.coverage.load(coverageKey(String(ref.cityId), year));
}
