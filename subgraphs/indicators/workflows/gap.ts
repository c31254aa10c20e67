import type { City as CityRef } from '../../../lib/federation/refs';
import type { Context } from '../context';
import { parseReportId } from '../data/indicatorReports';
import { summarize } from '../domain/coverage';
import { gapOfSummary, verifiedThemesOfSummary, type Gap } from '../domain/gap';
import { coverageKey } from '../loaders';

/**
 * This subgraph's part of `CertificationGap` (the entity starts in the certification subgraph): the
 * thresholds and the pool of possible mentors arrive in the representation (@requires).
 */
export interface GapRepresentation {
  cityId: string;
  year: number;
  target: string;
  requiredCoreVerified?: number;
  requiredSupportingVerified?: number;
  /** `city:year` of each possible mentor's latest certification (cities certified Silver or higher). */
  mentorPool?: string[];
}

export interface MentorCandidateView {
  city: CityRef;
  dataYear: number;
  verifiedThemes: string[];
}

const MAX_MENTORS = 10;

/** Each field of one gap entity asks for the gap: computed once per representation (one request's object). */
const computed = new WeakMap<GapRepresentation, Promise<Gap>>();

/** The city's gap to the target, from its coverage summary (no report is decoded). */
export function gapOf(rep: GapRepresentation, ctx: Context): Promise<Gap> {
  let gap = computed.get(rep);
  if (!gap) {
    gap = computeGapOf(rep, ctx);
    computed.set(rep, gap);
  }
  return gap;
}

async function computeGapOf(rep: GapRepresentation, ctx: Context): Promise<Gap> {
  if (rep.requiredCoreVerified === undefined || rep.requiredSupportingVerified === undefined) {
    throw new Error('CertificationGap representation lacks the required thresholds (requiredCoreVerified, requiredSupportingVerified)');
  }
  const summary = (await ctx.loaders.summary.load(coverageKey(rep.cityId, Number(rep.year)))) ?? summarize([], ctx.catalogue);
  const edition = ctx.catalogue.edition(summary.edition) ?? ctx.catalogue.default;
  return gapOfSummary(edition, summary, rep.requiredCoreVerified, rep.requiredSupportingVerified);
}

/**
 * Cities of the pool (from certification) whose latest certified data has every core indicator
 * verified in some of the gap's themes, best match first: read from their coverage summaries.
 */
export async function mentorCandidates(rep: GapRepresentation, ctx: Context): Promise<MentorCandidateView[]> {
  const gap = await gapOf(rep, ctx);
  if (!gap.gapThemes.length || !rep.mentorPool?.length) return [];
  const summaries = await ctx.loaders.summary.loadMany(rep.mentorPool);
  const candidates = rep.mentorPool.flatMap((key, i): MentorCandidateView[] => {
    const summary = summaries[i];
    if (!summary || summary instanceof Error) return [];
    const themes = verifiedThemesOfSummary(summary, gap.gapThemes);
    const { cityId, year } = parseReportId(key);
    return themes.length ? [{ city: { __typename: 'City', id: cityId }, dataYear: year, verifiedThemes: themes }] : [];
  });
  return candidates.sort((a, b) => b.verifiedThemes.length - a.verifiedThemes.length || a.city.id.localeCompare(b.city.id)).slice(0, MAX_MENTORS);
}
