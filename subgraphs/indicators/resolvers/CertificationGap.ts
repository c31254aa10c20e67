import type { City as CityDoc } from '../../../lib/federation/refs';
import type { Context } from '../context';
import type { CatalogueEdition, CatalogueIndicator } from '../catalogue';
import { computeGap, verifiedThemes, type Gap } from '../gap';
import { coverageKey } from '../loaders';

/**
 * This subgraph's part of the gap: what is missing for the target, from the city's own report.
 * The thresholds come from the certification subgraph in the entity representation (@requires).
 */
interface GapRepresentation {
  cityId: string;
  year: number;
  target: string;
  requiredCoreVerified?: number;
  requiredSupportingVerified?: number;
  mentorPool?: string[];
}

const MAX_MENTORS = 10;

async function gapOf(rep: GapRepresentation, ctx: Context): Promise<{ gap: Gap; edition: CatalogueEdition }> {
  if (rep.requiredCoreVerified === undefined || rep.requiredSupportingVerified === undefined) {
    throw new Error('CertificationGap representation lacks the required thresholds (requiredCoreVerified, requiredSupportingVerified)');
  }
  const report = await ctx.loaders.report.load(coverageKey(rep.cityId, rep.year));
  const edition = ctx.catalogue.edition(report?.edition) ?? ctx.catalogue.default;
  const values = (report?.values ?? []).map((v) => ({ indicatorId: v.indicatorId, status: v.status }));
  return { gap: computeGap(edition, values, rep.requiredCoreVerified, rep.requiredSupportingVerified), edition };
}

export const CertificationGap = {
  __resolveReference(rep: GapRepresentation): GapRepresentation {
    return rep;
  },
  async missingCore(rep: GapRepresentation, _: unknown, ctx: Context): Promise<CatalogueIndicator[]> {
    return (await gapOf(rep, ctx)).gap.missingCore;
  },
  async unverifiedCore(rep: GapRepresentation, _: unknown, ctx: Context): Promise<CatalogueIndicator[]> {
    return (await gapOf(rep, ctx)).gap.unverifiedCore;
  },
  async coreVerified(rep: GapRepresentation, _: unknown, ctx: Context): Promise<number> {
    return (await gapOf(rep, ctx)).gap.coreVerified;
  },
  async supportingVerified(rep: GapRepresentation, _: unknown, ctx: Context): Promise<number> {
    return (await gapOf(rep, ctx)).gap.supportingVerified;
  },
  async coreNeeded(rep: GapRepresentation, _: unknown, ctx: Context): Promise<number> {
    return (await gapOf(rep, ctx)).gap.coreNeeded;
  },
  async supportingNeeded(rep: GapRepresentation, _: unknown, ctx: Context): Promise<number> {
    return (await gapOf(rep, ctx)).gap.supportingNeeded;
  },
  async reached(rep: GapRepresentation, _: unknown, ctx: Context): Promise<boolean> {
    const { gap } = await gapOf(rep, ctx);
    return gap.coreNeeded === 0 && gap.supportingNeeded === 0;
  },
  async gapThemes(rep: GapRepresentation, _: unknown, ctx: Context): Promise<string[]> {
    return (await gapOf(rep, ctx)).gap.gapThemes;
  },
  /** Cities certified Silver or higher (the pool, from certification) that are verified in the gap's themes. */
  async mentorCandidates(rep: GapRepresentation, _: unknown, ctx: Context) {
    const { gap } = await gapOf(rep, ctx);
    if (!gap.gapThemes.length || !rep.mentorPool?.length) return [];
    const reports = await ctx.loaders.report.loadMany(rep.mentorPool);
    const candidates = rep.mentorPool.flatMap((key, i) => {
      const report = reports[i];
      if (!report || report instanceof Error) return [];
      const edition = ctx.catalogue.edition(report.edition) ?? ctx.catalogue.default;
      const themes = verifiedThemes(edition, report.values, gap.gapThemes);
      return themes.length ? [{ city: { __typename: 'City', id: report.cityId } satisfies CityDoc, dataYear: report.year, verifiedThemes: themes }] : [];
    });
    return candidates.sort((a, b) => b.verifiedThemes.length - a.verifiedThemes.length || a.city.id.localeCompare(b.city.id)).slice(0, MAX_MENTORS);
  },
};
