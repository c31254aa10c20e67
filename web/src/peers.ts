/**
 * How the city page words and tabulates the server's peer comparison (`City.peerComparison`): the API
 * ranks each indicator by its direction (`betterWhen`) and never counts the city among its own peers;
 * the dashboard ranks nothing itself. Pure, so the jest suite checks it without a browser.
 */
import { number } from './format';
import type { BetterWhen, PeerGroup, PeerStanding } from './types';

/** The peer groups the API offers, with the dashboard's URL value for each (`?peers=`). */
export const PEER_GROUPS: { value: PeerGroup; param: string; label: string }[] = [
  { value: 'REGION', param: 'region', label: 'Same region' },
  { value: 'POPULATION_BAND', param: 'size', label: 'Same population band' },
  { value: 'INCOME_GROUP', param: 'income', label: 'Same country income group' },
  { value: 'ALL', param: 'all', label: 'All other cities' },
];

export const peerGroupOfParam = (param: string | null): PeerGroup => PEER_GROUPS.find((g) => g.param === param)?.value ?? 'REGION';
export const paramOfPeerGroup = (group: PeerGroup): string => PEER_GROUPS.find((g) => g.value === group)!.param;

/** "lower is better", from the catalogue's reading of the indicator (ISO 37120 itself states none). */
export function directionText(betterWhen: BetterWhen): string {
  switch (betterWhen) {
    case 'HIGHER':
      return 'higher is better';
    case 'LOWER':
      return 'lower is better';
    case 'NEITHER':
      return 'neither higher nor lower is better, so it is not ranked';
  }
}

/** "South-East Asia peers", "peers of 1 – 5 million inhabitants", "all other cities". */
export function groupPhrase(peerGroup: PeerGroup, group: string | null): string {
  switch (peerGroup) {
    case 'REGION':
      return group ? `${group} peers` : 'peers of its region';
    case 'POPULATION_BAND':
      return group ? `peers of ${group} inhabitants` : 'peers of its population band';
    case 'INCOME_GROUP':
      return group ? `peers in ${group.charAt(0).toLowerCase()}${group.slice(1)} countries` : 'peers of its income group';
    case 'ALL':
      return 'all other cities';
  }
}

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** One data year of the comparison, as the table and the chart show it. */
export interface PeerYear {
  year: number;
  /** The city's VERIFIED value; null without one. */
  own: number | null;
  median: number | null;
  peerCount: number;
  /** "2/6": rank out of the peers with a value and the city; null when the API gives no rank. */
  rank: string | null;
  /** "80th": the API's percentile (the share of peers the city does better than), rounded. */
  percentile: string | null;
  peers: { id: string; name: string; value: number }[];
}

/** The rows of the table, one per data year asked (`standings[i]` is the answer for `years[i]`, null when there was none). */
export function peerYears(years: number[], standings: (PeerStanding | null)[]): PeerYear[] {
  return years.map((year, i) => {
    const s = standings[i];
    return {
      year,
      own: s?.value ?? null,
      median: s?.median ?? null,
      peerCount: s?.peerCount ?? 0,
      rank: s && s.rank !== null ? `${s.rank}/${s.peerCount + 1}` : null,
      percentile: s && s.percentile !== null ? ordinal(Math.round(s.percentile)) : null,
      peers: (s?.peers ?? []).map((p) => ({ id: p.city.id, name: p.city.name, value: p.value })),
    };
  });
}

/**
 * The headline: the latest year with a rank ("2016: rank 2 of 6 among South-East Asia peers, lower is
 * better · 80th percentile"); for an indicator ranked neither way, why not; without a value, that.
 */
export function headline(cityName: string, indicator: PeerStanding['indicator'], rows: PeerYear[], phrase: string): { strong: string; rest: string } {
  if (indicator.betterWhen === 'NEITHER') {
    const last = [...rows].reverse().find((r) => r.own !== null);
    return {
      strong: 'Not ranked',
      rest:
        `: for ${indicator.id} ${indicator.name}, ${directionText('NEITHER')}${indicator.betterWhenNote ? ` (${indicator.betterWhenNote})` : ''}.` +
        (last ? ` ${last.year}: ${cityName} ${number(last.own!)}, the median of ${phrase} ${last.median === null ? '—' : number(last.median)}.` : ''),
    };
  }
  const last = [...rows].reverse().find((r) => r.rank !== null);
  if (!last) {
    const anyValue = rows.some((r) => r.own !== null);
    return {
      strong: 'No rank',
      rest: anyValue
        ? `: none of ${phrase} has a verified value for ${indicator.id} ${indicator.name} in a year ${cityName} has one.`
        : `: ${cityName} has no verified value for ${indicator.id} ${indicator.name} in ${rows.map((r) => r.year).join(', ')}.`,
    };
  }
  const [rank, outOf] = last.rank!.split('/');
  return {
    strong: `${last.year}: rank ${rank} of ${outOf}`,
    rest: ` among ${phrase} (${directionText(indicator.betterWhen)}) · ${last.percentile} percentile`,
  };
}
