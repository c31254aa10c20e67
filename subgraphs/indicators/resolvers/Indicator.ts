import type { CatalogueIndicator } from '../catalogue';
import type { Context } from '../context';

export const Indicator = {
  // Reference data: resolved from memory; an unknown edition or id is simply null.
  __resolveReference(ref: { edition: string; id: string }, ctx: Context): CatalogueIndicator | null {
    return ctx.catalogue.indicator(ref.edition, ref.id) ?? null;
  },
};
