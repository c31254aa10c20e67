import { resolveKeysetPage, toKeysetConnection } from '../../../lib/graphql/keyset';
import { checkCountry, checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { certificationId, countRegistry, findRegistryPage, REGISTRY_KEYSET, type RegistryFilter } from '../data/certifications';
import { inForceFilter } from '../domain/validity';
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
 * One page of the WCCD Global Cities Registry, highest level first, then by city: by default each
 * city's latest awarded certification while it is in force (not suspended, withdrawn or expired); with
 * a year, that data year's certifications that were awarded and not suspended or withdrawn.
 */
export async function registryPage(args: RegistryArgs, ctx: Context): Promise<RegistryPage> {
  const filter: RegistryFilter = {
    year: args.year == null ? null : checkYear(args.year, ctx.settings),
    level: args.level ?? null,
    country: args.country == null ? null : checkCountry(args.country),
    inForce: inForceFilter(ctx.validity, ctx.settings.now()),
  };
  const page = resolveKeysetPage(REGISTRY_KEYSET, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const [rows, totalCount] = await Promise.all([findRegistryPage(ctx.db, filter, page), countRegistry(ctx.db, filter)]);
  return toKeysetConnection(REGISTRY_KEYSET, rows, page, totalCount);
}

/** A city's certification for one data year; null when there is none. */
export function certificationOf(args: { cityId: string; year: number }, ctx: Context): Promise<CertificationRecord | null> {
  return ctx.loaders.certificationById.load(certificationId(args.cityId, checkYear(args.year, ctx.settings)));
}
