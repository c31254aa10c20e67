/**
 * Peer analytics (pure): how a city's value for an indicator stands among its peers' values, using the
 * indicator's direction (`betterWhen`, catalogue data), with the city itself never among its peers; and
 * the peer groups (region, population band, country income group: domain/peer-groups.json).
 */
import config from './peer-groups.json';
import type { BetterWhen } from './catalogue';

export type PeerGroupKind = 'ALL' | 'REGION' | 'POPULATION_BAND' | 'INCOME_GROUP';
export type IncomeGroup = 'HIGH' | 'UPPER_MIDDLE' | 'LOWER_MIDDLE' | 'LOW';

/** What peer grouping reads of a city (membership's data, asked through the gateway). */
export interface PeerCity {
  id: string;
  country: string;
  region: string;
  population: number | null;
}

/** The group a city falls in for one grouping. */
export interface PeerGroupOf {
  /** Equal keys: the same group. */
  key: string;
  /** e.g. `South-East Asia`, `500 000 – 1 million`, `Lower middle income`. */
  label: string;
  /** Where the grouping comes from (the income classification and its fiscal year); null when it is the city's own data. */
  source: string | null;
}

export interface PopulationBand {
  id: string;
  label: string;
  min: number;
  max: number | null;
}

export const POPULATION_BANDS: readonly PopulationBand[] = config.populationBands;
const INCOME = config.incomeGroups;
const INCOME_OF = INCOME.countries as Record<string, IncomeGroup>;

/** The classification the income groups come from, as shown with a comparison. */
export const INCOME_SOURCE = `${INCOME.classification}, ${INCOME.fiscalYear} (${INCOME.basis})`;

export function populationBand(population: number | null | undefined): PopulationBand | null {
  if (population == null) return null;
  return POPULATION_BANDS.find((b) => population >= b.min && (b.max === null || population < b.max)) ?? null;
}

/** The country's income group in the classification kept as data; null for a country it does not list. */
export function incomeGroupOf(country: string): IncomeGroup | null {
  return INCOME_OF[country] ?? null;
}

const REGION_LABELS: Record<string, string> = {
  EAST_ASIA: 'East Asia',
  SOUTH_EAST_ASIA: 'South-East Asia',
  SOUTH_ASIA: 'South Asia',
  WEST_ASIA: 'West Asia',
  OCEANIA: 'Oceania',
  NORTH_AMERICA: 'North America',
  EUROPE: 'Europe',
};

/** The city's group for a grouping; null when the city cannot be placed (no population, a country the classification lacks). */
export function groupOf(city: PeerCity, kind: PeerGroupKind): PeerGroupOf | null {
  switch (kind) {
    case 'ALL':
      return { key: 'all', label: 'All cities', source: null };
    case 'REGION':
      return { key: city.region, label: REGION_LABELS[city.region] ?? city.region, source: null };
    case 'POPULATION_BAND': {
      const band = populationBand(city.population);
      return band && { key: band.id, label: band.label, source: null };
    }
    case 'INCOME_GROUP': {
      const group = incomeGroupOf(city.country);
      return group && { key: group, label: (INCOME.labels as Record<IncomeGroup, string>)[group], source: INCOME_SOURCE };
    }
  }
}

/** The city's peers for a grouping: the other cities of its group (never the city itself). */
export function peersOf(city: PeerCity, cities: readonly PeerCity[], kind: PeerGroupKind): PeerCity[] {
  const own = groupOf(city, kind);
  if (!own) return [];
  return cities.filter((c) => c.id !== city.id && groupOf(c, kind)?.key === own.key);
}

/** Where a value stands among its peers' values (the city's own value is never among them). */
export interface Standing {
  /** Peers with a value. */
  peerCount: number;
  /**
   * 1 = best: one more than the peers whose value is better by the direction; ties share the better
   * rank; out of peerCount + 1. Null when there is no direction (NEITHER), no value of the city's own, or no peer.
   */
  rank: number | null;
  /** The share of peers the city does better than, ties counted half, 0–100 (one decimal); null when rank is. */
  percentile: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Is `a` better than `b` by the direction? (Never, for NEITHER.) */
export function isBetter(direction: BetterWhen, a: number, b: number): boolean {
  return direction === 'HIGHER' ? a > b : direction === 'LOWER' ? a < b : false;
}

export function standing(direction: BetterWhen, value: number | null, peerValues: readonly number[]): Standing {
  const peerCount = peerValues.length;
  const stats = { median: median(peerValues), min: peerCount ? Math.min(...peerValues) : null, max: peerCount ? Math.max(...peerValues) : null };
  if (value === null || direction === 'NEITHER' || peerCount === 0) return { peerCount, rank: null, percentile: null, ...stats };
  const better = peerValues.filter((p) => isBetter(direction, p, value)).length;
  const worse = peerValues.filter((p) => isBetter(direction, value, p)).length;
  const ties = peerCount - better - worse;
  return { peerCount, rank: better + 1, percentile: Math.round((1000 * (worse + 0.5 * ties)) / peerCount) / 10, ...stats };
}

/** Peers' values best first (by value, ascending, when there is no direction); ties by city id. */
export function bestFirst<T extends { cityId: string; value: number }>(direction: BetterWhen, values: readonly T[]): T[] {
  const sign = direction === 'HIGHER' ? -1 : 1;
  return [...values].sort((a, b) => sign * (a.value - b.value) || a.cityId.localeCompare(b.cityId));
}
