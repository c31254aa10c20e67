import { resolvePage, toConnection } from '../../../lib/graphql/pagination';
import { checkCountry, checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { certificationId, countRegistry, findRegistryPage, type RegistryFilter } from '../data/certifications';
import type { CertificationLevel, CertificationRecord } from '../data/types';
import type { RegistryPage } from '../domain/refs';

export interface RegistryArgs {
  year?: number | null;
  level?: CertificationLevel | null;
  country?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * One page of the WCCD Global Cities Registry: CERTIFIED certifications, each city's latest by
 * default (or those of one data year), highest level first, then by city.
 */
export async function registryPage(args: RegistryArgs, ctx: Context): Promise<RegistryPage> {
  const filter: RegistryFilter = {
    year: args.year == null ? null : checkYear(args.year, ctx.settings),
    level: args.level ?? null,
    country: args.country == null ? null : checkCountry(args.country),
  };
  const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const [nodes, totalCount] = await Promise.all([findRegistryPage(ctx.db, filter, page.offset, page.limit), countRegistry(ctx.db, filter)]);
  return toConnection(nodes, page, totalCount);
}

/** A city's certification for one data year; null when there is none. */
export function certificationOf(args: { cityId: string; year: number }, ctx: Context): Promise<CertificationRecord | null> {
  return ctx.loaders.certificationById.load(certificationId(args.cityId, checkYear(args.year, ctx.settings)));
}
