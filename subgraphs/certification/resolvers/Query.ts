import type { CertificationDoc } from '../data/types';
import { resolvePage, toConnection, type Connection } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { countRegistry, findCertification, findRegistryPage, type RegistryFilter } from '../data/certifications';
import type { CertificationLevel, LevelThreshold } from '../levels';
import type { VerifierOrganisation } from '../organisations';
import { validateCountry, validateYear } from '../validation';

interface RegistryArgs {
  year?: number | null;
  level?: CertificationLevel | null;
  country?: string | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  async registry(_: unknown, args: RegistryArgs, ctx: Context): Promise<Connection<CertificationDoc>> {
    const filter: RegistryFilter = {
      year: args.year == null ? null : validateYear(args.year, ctx.settings),
      level: args.level ?? null,
      country: args.country == null ? null : validateCountry(args.country),
    };
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const [nodes, totalCount] = await Promise.all([
      findRegistryPage(ctx.db, filter, page.offset, page.limit),
      countRegistry(ctx.db, filter),
    ]);
    return toConnection(nodes, page, totalCount);
  },

  certification(_: unknown, args: { cityId: string; year: number }, ctx: Context): Promise<CertificationDoc | null> {
    return findCertification(ctx.db, args.cityId, validateYear(args.year, ctx.settings));
  },

  certificationLevels(_: unknown, __: unknown, ctx: Context): LevelThreshold[] {
    return ctx.levels.levels;
  },

  verifierOrganisations(_: unknown, __: unknown, ctx: Context): VerifierOrganisation[] {
    return ctx.organisations.list;
  },
};
