import { inputError } from '../../../lib/graphql/errors';
import { checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { ValueStatus } from '../data/types';
import type { CatalogueIndicator } from '../domain/catalogue';
import { checkIndicatorIds } from '../domain/inputs';
import { MAX_SERIES_INDICATORS, MAX_SERIES_YEARS, seriesPoints, type SeriesPoint } from '../domain/series';
import { coverageKey } from '../loaders';
import { latestDataYear, visibleTo } from './values';

/** One indicator's series as GraphQL shows it (`IndicatorSeries`). */
export interface SeriesView {
  indicator: CatalogueIndicator;
  points: SeriesPoint[];
}

/**
 * The range of data years asked for: both ends given; only `from` (up to 9 years after it); only `to`
 * (up to 9 years before it); neither (the 10 years up to the city's latest data year). At most
 * MAX_SERIES_YEARS years, within the programme's years.
 */
async function seriesYears(cityId: string, args: { from?: number | null; to?: number | null }, ctx: Context): Promise<{ from: number; to: number }> {
  const { minDataYear, maxDataYear } = ctx.settings;
  const span = MAX_SERIES_YEARS - 1;
  const given = {
    from: args.from != null ? checkYear(args.from, ctx.settings, 'from') : null,
    to: args.to != null ? checkYear(args.to, ctx.settings, 'to') : null,
  };
  const to = given.to ?? (given.from !== null ? Math.min(given.from + span, maxDataYear) : ((await latestDataYear(cityId, ctx)) ?? maxDataYear));
  const from = given.from ?? Math.max(minDataYear, to - span);
  if (from > to) throw inputError('from', `must not be after "to" (${to}), got ${from}`);
  if (to - from > span)
    throw inputError('from', `must be at most ${span} years before "to" (a series covers at most ${MAX_SERIES_YEARS} data years), got ${from} to ${to}`);
  return { from, to };
}

/**
 * `City.indicatorSeries`: the city's values of up to 25 indicators (of the programme's edition) by data
 * year, with the change from the previous year; values the caller may see only (VERIFIED for the
 * public). One report lookup per year, the year before the range included for the first change.
 */
export async function cityIndicatorSeries(
  cityId: string,
  args: { indicatorIds: readonly string[]; from?: number | null; to?: number | null },
  ctx: Context,
): Promise<SeriesView[]> {
  const edition = ctx.catalogue.default;
  const indicators = checkIndicatorIds(args.indicatorIds, edition, MAX_SERIES_INDICATORS);
  const { from, to } = await seriesYears(cityId, args, ctx);
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  const read = [from - 1, ...years];
  const reports = await ctx.loaders.report.loadMany(read.map((y) => coverageKey(cityId, y)));
  const byIndicator = new Map<string, Map<number, { value: number; status: ValueStatus }>>(indicators.map((i) => [i.id, new Map()]));
  reports.forEach((report, i) => {
    if (report instanceof Error) throw report;
    // A clause number means what its edition says: values reported against another edition are not this indicator.
    if (!report || report.edition !== edition.edition) return;
    for (const v of visibleTo(ctx, cityId, report.values)) byIndicator.get(v.indicatorId)?.set(read[i], { value: v.value, status: v.status });
  });
  return indicators.map((indicator) => ({ indicator, points: seriesPoints(indicator.betterWhen, years, byIndicator.get(indicator.id)!) }));
}
