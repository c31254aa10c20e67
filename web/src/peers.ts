/**
 * Where a city stands among its peers for one indicator and year, as the WCCD Open City Data Portal
 * shows it: rank by value (1 = highest value; ISO 37120 does not say whether higher is better) and
 * percentile rank. Pure, so the jest suite checks it without a browser.
 */
export interface PeerStanding {
  /** Peers with a value, the city included. */
  count: number;
  /** 1-based; ties share the better rank. */
  rank: number;
  /** Percentile rank: the share of peer values below the city's, ties counted half, 0–100 rounded. */
  percentile: number;
  median: number;
  min: number;
  max: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `peers` holds every peer's value, the city's own included; null when the city has no value. */
export function standing(cityValue: number | undefined, peers: number[]): PeerStanding | null {
  if (cityValue === undefined || !peers.length) return null;
  const above = peers.filter((v) => v > cityValue).length;
  const below = peers.filter((v) => v < cityValue).length;
  const equal = peers.length - above - below;
  return {
    count: peers.length,
    rank: above + 1,
    percentile: Math.round((100 * (below + 0.5 * equal)) / peers.length),
    median: median(peers),
    min: Math.min(...peers),
    max: Math.max(...peers),
  };
}

/** Population bands for "cities of a similar size" (the ISO 37120 city profile's size classes). */
export const POPULATION_BANDS: { label: string; min: number; max: number }[] = [
  { label: 'under 500 000', min: 0, max: 500_000 },
  { label: '500 000 – 1 million', min: 500_000, max: 1_000_000 },
  { label: '1 – 5 million', min: 1_000_000, max: 5_000_000 },
  { label: '5 million and more', min: 5_000_000, max: Infinity },
];

export function populationBand(population: number | null | undefined): (typeof POPULATION_BANDS)[number] | undefined {
  if (population == null) return undefined;
  return POPULATION_BANDS.find((b) => population >= b.min && population < b.max);
}

/** English ordinal suffix for a percentile: 1st, 2nd, 3rd, 4th, 11th, 21st … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
