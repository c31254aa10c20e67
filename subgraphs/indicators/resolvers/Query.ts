import type { CatalogueIndicator, IndicatorKind } from '../catalogue';
import type { Context } from '../context';
import { requireAuditReader } from '../access';
import { resolveEdition, validateTheme, validateYear } from '../validation';
import type { AuditTrailRef } from './AuditTrail';

/** Catalogue queries: all answered from the in-memory catalogue (no database access). */
export const Query = {
  indicator(_: unknown, args: { id: string; edition?: string | null }, ctx: Context): CatalogueIndicator | null {
    return resolveEdition(ctx.catalogue, args.edition).byId.get(args.id) ?? null;
  },

  indicatorCatalogue(
    _: unknown,
    args: { theme?: string | null; kind?: IndicatorKind | null; edition?: string | null },
    ctx: Context,
  ): CatalogueIndicator[] {
    const edition = resolveEdition(ctx.catalogue, args.edition);
    const { theme, kind } = args;
    if (theme != null) validateTheme(theme, edition.themes.map((t) => t.name));
    return edition.indicators.filter((i) => (theme == null || i.theme === theme) && (kind == null || i.kind === kind));
  },

  themes(_: unknown, args: { edition?: string | null }, ctx: Context) {
    return resolveEdition(ctx.catalogue, args.edition).themes;
  },

  catalogueEditions(_: unknown, __: unknown, ctx: Context) {
    return [...ctx.catalogue.editions.values()].map((e) => ({
      edition: e.edition,
      indicatorCount: e.indicators.length,
      coreCount: e.coreCount,
      supportingCount: e.supportingCount,
      themeCount: e.themes.length,
      isDefault: e.edition === ctx.catalogue.defaultEdition,
    }));
  },

  auditTrail(_: unknown, args: { cityId: string; year: number }, ctx: Context): AuditTrailRef {
    requireAuditReader(ctx.user, args.cityId);
    return { cityId: args.cityId, year: validateYear(args.year, ctx.settings) };
  },
};
