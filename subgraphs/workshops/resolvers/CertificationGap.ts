import type { StoredWorkshop } from '../data/types';
import { byStart } from '../data/workshops';
import type { CertificationGapResolvers } from '../generated/resolvers-types';

const MAX_WORKSHOPS = 10;

/** This subgraph's part of the gap to a target level: workshops on the themes where the gap lies. */
export const CertificationGap = {
  __resolveReference: (rep) => rep,
  /** Soonest first; a workshop covering several gap themes appears once. */
  async upcomingWorkshops(rep, _args, ctx) {
    // The gateway sends gapThemes (@requires) whenever this field is asked for; a client cannot omit it.
    if (!Array.isArray(rep.gapThemes)) throw new Error('CertificationGap representation lacks gapThemes (@requires)');
    const byId = new Map<string, StoredWorkshop>();
    for (const list of await ctx.loaders.upcomingWorkshopsByTheme.loadMany(rep.gapThemes)) {
      if (list instanceof Error) throw list;
      for (const w of list) byId.set(w._id, w);
    }
    return [...byId.values()].sort(byStart).slice(0, MAX_WORKSHOPS);
  },
} satisfies CertificationGapResolvers;
