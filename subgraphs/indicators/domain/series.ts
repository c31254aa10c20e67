/**
 * Time series of one city's values (pure): per indicator, the values by data year with the change
 * from the previous data year, judged by the indicator's direction (`betterWhen`).
 */
import type { ValueStatus } from '../data/types';
import type { BetterWhen } from './catalogue';

/** The longest range of data years one series request may ask for. */
export const MAX_SERIES_YEARS = 10;
/** The most indicators one series request may ask for. */
export const MAX_SERIES_INDICATORS = 25;

export type Trend = 'IMPROVED' | 'WORSENED' | 'UNCHANGED';

export interface SeriesPoint {
  year: number;
  value: number;
  status: ValueStatus;
  /** value − the previous data year's value (null when year − 1 has no value the caller may see). */
  change: number | null;
  /** The change as a percentage of the previous value (null when there is no change, or the previous value is 0). */
  changePercent: number | null;
  /** Whether the change is for the better by the indicator's direction; null without a change, or with no direction (unless unchanged). */
  trend: Trend | null;
}

/** Rounds away binary noise (4.3 − 5 = −0.7000000000000002) to a few more places than values carry. */
const tidy = (n: number) => Math.round(n * 1e9) / 1e9 + 0;

/**
 * The points of one indicator for the years asked (ascending), from the values the caller may see by
 * year; `byYear` may hold the year before the first, for the first point's change.
 */
export function seriesPoints(
  direction: BetterWhen,
  years: readonly number[],
  byYear: ReadonlyMap<number, { value: number; status: ValueStatus }>,
): SeriesPoint[] {
  return years.flatMap((year): SeriesPoint[] => {
    const current = byYear.get(year);
    if (!current) return [];
    const previous = byYear.get(year - 1);
    const change = previous ? tidy(current.value - previous.value) : null;
    const changePercent = previous && change !== null && previous.value !== 0 ? Math.round((10_000 * change) / Math.abs(previous.value)) / 100 + 0 : null;
    let trend: Trend | null = null;
    if (change === 0) trend = 'UNCHANGED';
    else if (change !== null && direction !== 'NEITHER') trend = (direction === 'HIGHER') === change > 0 ? 'IMPROVED' : 'WORSENED';
    return [{ year, value: current.value, status: current.status, change, changePercent, trend }];
  });
}
