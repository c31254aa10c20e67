import type { WorkshopDoc } from '../data/types';
import type { Context } from '../context';

/** This subgraph's part of the gap to a target level: workshops on the themes where the gap lies. */
interface GapRepresentation {
  cityId: string;
  year: number;
  target: string;
  gapThemes?: string[];
}

const MAX_WORKSHOPS = 10;

export const CertificationGap = {
  __resolveReference(rep: GapRepresentation): GapRepresentation {
    return rep;
  },
  /** Soonest first; a workshop covering several gap themes appears once. */
  async upcomingWorkshops(rep: GapRepresentation, _: unknown, ctx: Context): Promise<WorkshopDoc[]> {
    if (!rep.gapThemes) throw new Error('CertificationGap representation lacks gapThemes (@requires)');
    const lists = await ctx.loaders.upcomingWorkshopsByTheme.loadMany(rep.gapThemes);
    const byId = new Map<string, WorkshopDoc>();
    for (const list of lists) {
      if (list instanceof Error) throw list;
      for (const w of list) byId.set(w._id, w);
    }
    return [...byId.values()]
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a._id.localeCompare(b._id))
      .slice(0, MAX_WORKSHOPS);
  },
};
