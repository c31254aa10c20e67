import type { CertificationDoc } from '../data/types';
import type { Context } from '../context';
import { certificationGap } from './CertificationGap';

/** City is owned by membership; here it only carries the certification fields. */
interface CityRef {
  id: string;
}

export const City = {
  // No existence check: a city without certifications simply has none.
  __resolveReference(ref: CityRef): CityRef {
    return { id: ref.id };
  },

  /** The latest data year, whatever its status. */
  async certification(city: CityRef, _: unknown, ctx: Context): Promise<CertificationDoc | null> {
    const list = await ctx.loaders.certificationsByCity.load(city.id);
    return list[0] ?? null;
  },

  /** Latest data year first (the loader sorts). */
  certifications(city: CityRef, _: unknown, ctx: Context): Promise<CertificationDoc[]> {
    return ctx.loaders.certificationsByCity.load(city.id);
  },

  certificationGap,
};
