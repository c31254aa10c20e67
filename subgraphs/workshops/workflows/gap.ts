import { checkInt } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { StoredWorkshop } from '../data/types';
import { byStart } from '../data/workshops';
import { rankMentors, type MentorCandidateFacts, type MentorSuggestion } from '../domain/mentorRanking';
import type { GapRepresentation } from '../domain/views';
import { mentorFactsOf, registryFactsOf } from './otherDomains';

/**
 * This subgraph's part of `CertificationGap` (the entity starts in the certification subgraph): the
 * gap's themes (indicators) and the pool of possible mentors (certification) arrive in the
 * representation (@requires).
 */

const MAX_WORKSHOPS = 10;

function requireThemes(rep: GapRepresentation): string[] {
  // The gateway sends gapThemes (@requires) whenever a field needing them is asked for; a client cannot omit it.
  if (!Array.isArray(rep.gapThemes)) throw new Error('CertificationGap representation lacks gapThemes (@requires)');
  return rep.gapThemes;
}

/**
 * Gap themes the city already attended a workshop on AFTER the gap's data year: its data for that
 * year predates the training, so more workshops on the theme would repeat it. A theme attended in or
 * before the data year and still a gap is not counted: the training did not close it.
 */
export async function attendedGapThemes(rep: GapRepresentation, ctx: Context): Promise<string[]> {
  const themes = requireThemes(rep);
  const attended = await ctx.loaders.attendedByCityId.load(rep.cityId);
  const trained = new Set(attended.filter((a) => a.workshop.startsAt.getUTCFullYear() > Number(rep.year)).flatMap((a) => a.workshop.themes));
  return themes.filter((t) => trained.has(t));
}

/**
 * Upcoming workshops on the gap's themes, soonest first (at most 10); a workshop whose gap themes the
 * city has all attended already (see `attendedGapThemes`) is not suggested again.
 */
export async function gapWorkshops(rep: GapRepresentation, ctx: Context): Promise<StoredWorkshop[]> {
  const themes = requireThemes(rep);
  const attended = new Set(await attendedGapThemes(rep, ctx));
  const open = themes.filter((t) => !attended.has(t));
  const byId = new Map<string, StoredWorkshop>();
  for (const list of await ctx.loaders.upcomingWorkshopsByTheme.loadMany(open)) {
    if (list instanceof Error) throw list;
    for (const w of list) byId.set(w._id, w);
  }
  return [...byId.values()].sort(byStart).slice(0, MAX_WORKSHOPS);
}

const DEFAULT_SUGGESTIONS = 10;
const MAX_SUGGESTIONS = 50;

/** `cityId:year` of the pool (the data year of the city's latest certification). */
function parsePoolKey(key: string): { cityId: string; year: number } {
  const at = key.lastIndexOf(':');
  return { cityId: key.slice(0, at), year: Number(key.slice(at + 1)) };
}

/**
 * The pool's cities ranked by what they can teach the gap's city (domain/mentorRanking.ts): their
 * verified coverage, region and population are asked through the gateway (public reads of indicators
 * and membership), their mentoring capacity is this subgraph's own pairs.
 */
export async function suggestMentors(
  rep: GapRepresentation,
  first: number | null | undefined,
  ctx: Context,
): Promise<(MentorSuggestion & { city: { __typename: 'City'; id: string } })[]> {
  const limit = checkInt(first ?? DEFAULT_SUGGESTIONS, 'first', 0, MAX_SUGGESTIONS);
  const themes = requireThemes(rep);
  if (!Array.isArray(rep.mentorPool)) throw new Error('CertificationGap representation lacks mentorPool (@requires)');
  if (themes.length === 0 || limit === 0) return [];
  const pool = rep.mentorPool.map(parsePoolKey).filter((p) => p.cityId !== rep.cityId);
  if (pool.length === 0) return [];
  // The pool's facts from the registry (a few requests for all of them); a city of the pool the
  // registry does not list for that year is asked on its own.
  const [mentee, registry] = await Promise.all([mentorFactsOf(ctx, rep.cityId, Number(rep.year)), registryFactsOf(ctx)]);
  const facts = await Promise.all(pool.map((p) => registry.get(`${p.cityId}:${p.year}`) ?? mentorFactsOf(ctx, p.cityId, p.year)));
  const active = await ctx.loaders.activePairsAsMentor.loadMany(pool.map((p) => p.cityId));
  const candidates: MentorCandidateFacts[] = pool.flatMap((p, i) => {
    const f = facts[i];
    const pairs = active[i];
    if (!f) return [];
    if (pairs instanceof Error) throw pairs;
    return [{ cityId: p.cityId, dataYear: p.year, region: f.region, population: f.population, byTheme: f.byTheme, activePairs: pairs }];
  });
  const menteeFacts = { cityId: rep.cityId, region: mentee?.region ?? '', population: mentee?.population ?? null };
  return rankMentors(menteeFacts, themes, candidates)
    .slice(0, limit)
    .map((s) => ({ ...s, city: { __typename: 'City' as const, id: s.cityId } }));
}
