/**
 * Plausible sample values for each ISO 37120 unit. A city's value for an indicator starts from a
 * seeded base and drifts a few percent a year, so charts over the years look like real series.
 * Groups of shares that must not exceed 100 % together are generated as shares of a whole.
 */
import { Random } from './random';

export interface CatalogueIndicator {
  id: string;
  theme: string;
  name: string;
  kind: 'core' | 'supporting';
  unit: string;
}

/** Indicator groups whose percentages must sum to at most 100 (see the domain notes). */
export const SHARE_GROUPS: string[][] = [
  ['16.4', '16.5', '16.6', '16.7', '16.8'],
  ['20.2', '20.3', '20.4', '20.5'],
];

const RANGES: Record<string, [number, number]> = {
  '%': [3, 95],
  '% of population affected': [0.1, 8],
  '% of eligible voters': [35, 85],
  '% of voting age population': [35, 85],
  '% of city area': [2, 40],
  'per 100 000 population': [1, 1500],
  'per 100 000 population per year': [0.5, 60],
  'per 100 000': [1, 500],
  'µg/m3': [6, 75],
  'tonnes per capita': [0.3, 9],
  minutes: [4, 22],
  'km per 100 000 population': [5, 350],
  'kWh/year per capita': [600, 9000],
  'm2 per capita': [2, 40],
  'per capita': [0.1, 4],
  'litres/day per capita': [90, 340],
  'students per teacher': [12, 35],
  'kWh/m2 per year': [80, 300],
  'interruptions per customer per year': [0.2, 10],
  hours: [0.5, 18],
  years: [68, 85],
  'per 1 000 live births': [2, 30],
  'trips per capita per year': [60, 600],
  'number of destinations': [3, 120],
  'hectares per 100 000 population': [40, 1500],
  ratio: [0.3, 2.5],
  'hours per household per year': [0.5, 25],
};

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

/** Values for every indicator of the catalogue for one city over the given years. */
export function generateCityValues(cityId: string, catalogue: CatalogueIndicator[], years: number[]): Map<string, Map<number, number>> {
  const result = new Map<string, Map<number, number>>();
  const grouped = new Set(SHARE_GROUPS.flat());
  for (const indicator of catalogue) {
    if (grouped.has(indicator.id)) continue;
    const rng = new Random(`${cityId}|${indicator.id}`);
    const [min, max] = RANGES[indicator.unit] ?? [1, 100];
    const base = rng.between(min, max);
    const series = new Map<number, number>();
    let value = base;
    for (const year of years) {
      value = Math.min(max, Math.max(min, value * rng.between(0.95, 1.05)));
      series.set(year, round(value));
    }
    result.set(indicator.id, series);
  }
  for (const group of SHARE_GROUPS) {
    const rng = new Random(`${cityId}|${group.join(',')}`);
    for (const year of years) {
      // Shares of a whole that leaves 0–10 % unaccounted for, rounded down so they never exceed 100.
      const weights = group.map(() => rng.between(0.2, 1));
      const sum = weights.reduce((a, b) => a + b, 0);
      const whole = rng.between(90, 100);
      group.forEach((id, i) => {
        const series = result.get(id) ?? new Map<number, number>();
        series.set(year, Math.floor((weights[i] / sum) * whole * 10) / 10);
        result.set(id, series);
      });
    }
  }
  return result;
}
