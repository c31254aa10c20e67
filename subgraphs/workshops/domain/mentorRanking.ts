import { isVerifiedTheme, type ThemeCounts } from './mentoring';

/**
 * Ranks the possible mentors of a certification gap by what they can actually teach (pure):
 * 1. VERIFIED supporting indicators in the mentee's gap themes (the gap from Silver up lies in
 *    supporting indicators, and every Silver-or-better city has its core verified), most first;
 * 2. closeness: the same region and the same population band as the mentee (both, then one);
 * 3. capacity: fewer ACTIVE pairs in which the city mentors already;
 * then by city id, so the order is stable. A city with nothing verified in the gap themes is left out.
 */

export interface MentorCandidateFacts {
  cityId: string;
  /** The data year of the mentor's latest certification (from the pool). */
  dataYear: number;
  region: string;
  population: number | null;
  byTheme: ThemeCounts[];
  /** ACTIVE pairs in which the city mentors now. */
  activePairs: number;
}

export interface MenteeFacts {
  cityId: string;
  region: string;
  population: number | null;
}

export interface ThemeCount {
  theme: string;
  count: number;
}

export interface MentorSuggestion {
  cityId: string;
  dataYear: number;
  verifiedSupportingInGapThemes: number;
  verifiedSupportingByTheme: ThemeCount[];
  verifiedThemes: string[];
  sameRegion: boolean;
  populationBand: string | null;
  samePopulationBand: boolean;
  activeMentoringPairs: number;
  reasons: string[];
}

/** Population bands (people), as peers are grouped by size. */
const BANDS: { upTo: number; name: string }[] = [
  { upTo: 250_000, name: 'under 250 000' },
  { upTo: 1_000_000, name: '250 000 to 1 million' },
  { upTo: 5_000_000, name: '1 to 5 million' },
  { upTo: Number.POSITIVE_INFINITY, name: '5 million or more' },
];

export function populationBand(population: number | null): string | null {
  if (population == null) return null;
  return BANDS.find((b) => population < b.upTo)!.name;
}

export function suggestionOf(mentee: MenteeFacts, gapThemes: readonly string[], c: MentorCandidateFacts): MentorSuggestion {
  const byName = new Map(c.byTheme.map((t) => [t.theme, t]));
  const verifiedSupportingByTheme = gapThemes
    .map((theme) => ({ theme, count: byName.get(theme)?.supportingVerified ?? 0 }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || gapThemes.indexOf(a.theme) - gapThemes.indexOf(b.theme));
  const verifiedSupportingInGapThemes = verifiedSupportingByTheme.reduce((n, t) => n + t.count, 0);
  const verifiedThemes = gapThemes.filter((theme) => isVerifiedTheme(byName.get(theme)));
  const band = populationBand(c.population);
  const sameRegion = c.region === mentee.region;
  const samePopulationBand = band !== null && band === populationBand(mentee.population);
  const reasons: string[] = [];
  if (verifiedSupportingInGapThemes > 0) {
    reasons.push(
      `${verifiedSupportingInGapThemes} VERIFIED supporting indicator${verifiedSupportingInGapThemes === 1 ? '' : 's'} in the gap themes (data year ${c.dataYear}): ` +
        verifiedSupportingByTheme.map((t) => `${t.theme} ${t.count}`).join(', '),
    );
  } else {
    reasons.push(`no VERIFIED supporting indicator in the gap themes (data year ${c.dataYear})`);
  }
  if (verifiedThemes.length) reasons.push(`every core indicator VERIFIED in ${verifiedThemes.join(', ')}`);
  if (sameRegion) reasons.push(`same region as ${mentee.cityId} (${c.region})`);
  if (samePopulationBand) reasons.push(`same population band as ${mentee.cityId} (${band})`);
  reasons.push(c.activePairs === 0 ? 'mentors no city at the moment' : `mentors ${c.activePairs} ${c.activePairs === 1 ? 'city' : 'cities'} at the moment`);
  return {
    cityId: c.cityId,
    dataYear: c.dataYear,
    verifiedSupportingInGapThemes,
    verifiedSupportingByTheme,
    verifiedThemes,
    sameRegion,
    populationBand: band,
    samePopulationBand,
    activeMentoringPairs: c.activePairs,
    reasons,
  };
}

const closeness = (s: MentorSuggestion) => (s.sameRegion ? 1 : 0) + (s.samePopulationBand ? 1 : 0);

export function compareSuggestions(a: MentorSuggestion, b: MentorSuggestion): number {
  return (
    b.verifiedSupportingInGapThemes - a.verifiedSupportingInGapThemes ||
    closeness(b) - closeness(a) ||
    a.activeMentoringPairs - b.activeMentoringPairs ||
    (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0)
  );
}

/** The candidates that can teach something in the gap themes, best first (see the module comment). */
export function rankMentors(mentee: MenteeFacts, gapThemes: readonly string[], candidates: readonly MentorCandidateFacts[]): MentorSuggestion[] {
  return candidates
    .filter((c) => c.cityId !== mentee.cityId)
    .map((c) => suggestionOf(mentee, gapThemes, c))
    .filter((s) => s.verifiedSupportingInGapThemes > 0 || s.verifiedThemes.length > 0)
    .sort(compareSuggestions);
}
