import type { Level, Region } from './types';

export const LEVELS: Level[] = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE', 'ASPIRATIONAL'];
export const levelLabel = (level: Level | null | undefined) => (level ? level.charAt(0) + level.slice(1).toLowerCase() : '—');
export const levelRank = (level: Level | null | undefined) => (level ? LEVELS.length - LEVELS.indexOf(level) : 0);
/** The level above `level`; the top level stays the top level, no level leads to the lowest. */
export function nextLevel(level: Level | null | undefined): Level {
  const ascending = [...LEVELS].reverse();
  if (!level) return ascending[0];
  return ascending[Math.min(ascending.indexOf(level) + 1, ascending.length - 1)];
}
const REGION_LABELS: Record<Region, string> = {
  EAST_ASIA: 'East Asia',
  SOUTH_EAST_ASIA: 'South-East Asia',
  SOUTH_ASIA: 'South Asia',
  WEST_ASIA: 'West Asia',
  OCEANIA: 'Oceania',
  NORTH_AMERICA: 'North America',
  EUROPE: 'Europe',
};
export const regionLabel = (region: Region) => REGION_LABELS[region] ?? region;

const countries = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (code: string) => {
  try {
    return countries.of(code) ?? code;
  } catch {
    return code;
  }
};

/** CityNet's clusters as CityNet names them (an enum value the map lacks falls back to its words). */
const CLUSTER_LABELS: Record<string, string> = {
  CLIMATE_CHANGE: 'Climate change',
  DISASTER: 'Disaster',
  SDGS: 'SDGs',
  INFRASTRUCTURE: 'Infrastructure',
};
export const clusterLabel = (cluster: string) => CLUSTER_LABELS[cluster] ?? enumLabel(cluster);

export const enumLabel = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
export const number = (n: number, digits = 2) => n.toLocaleString('en', { maximumFractionDigits: digits });
export const date = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

const DAY = 86_400_000;
/** Whole days from `iso` to `now` (0 on the day itself); null without a date. */
export function daysSince(iso: string | null | undefined, now: Date = new Date()): number | null {
  if (!iso) return null;
  const then = Date.parse(iso);
  return Number.isNaN(then) ? null : Math.max(0, Math.floor((now.getTime() - then) / DAY));
}
