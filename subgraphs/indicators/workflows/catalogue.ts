import type { Context } from '../context';
import type { CatalogueIndicator, IndicatorKind, ThemeSummary } from '../domain/catalogue';
import { checkEdition, checkTheme } from '../domain/inputs';

/** Catalogue queries: all answered from the in-memory catalogue (no database access). */

export interface CatalogueEditionView {
  edition: string;
  indicatorCount: number;
  coreCount: number;
  supportingCount: number;
  themeCount: number;
  isDefault: boolean;
}

export function indicatorById(args: { id: string; edition?: string | null }, ctx: Context): CatalogueIndicator | null {
  return checkEdition(ctx.catalogue, args.edition).byId.get(args.id) ?? null;
}

export function catalogueIndicators(args: { theme?: string | null; kind?: IndicatorKind | null; edition?: string | null }, ctx: Context): CatalogueIndicator[] {
  const edition = checkEdition(ctx.catalogue, args.edition);
  const { theme, kind } = args;
  if (theme != null) checkTheme(theme, edition.themes.map((t) => t.name));
  return edition.indicators.filter((i) => (theme == null || i.theme === theme) && (kind == null || i.kind === kind));
}

export function themesOf(args: { edition?: string | null }, ctx: Context): ThemeSummary[] {
  return checkEdition(ctx.catalogue, args.edition).themes;
}

export function catalogueEditions(ctx: Context): CatalogueEditionView[] {
  return [...ctx.catalogue.editions.values()].map((e) => ({
    edition: e.edition,
    indicatorCount: e.indicators.length,
    coreCount: e.coreCount,
    supportingCount: e.supportingCount,
    themeCount: e.themes.length,
    isDefault: e.edition === ctx.catalogue.defaultEdition,
  }));
}

/** An `Indicator` entity: reference data from memory; an unknown edition or id is simply null. */
export function indicatorReference(ref: { edition: unknown; id: unknown }, ctx: Context): CatalogueIndicator | null {
  return ctx.catalogue.indicator(String(ref.edition), String(ref.id)) ?? null;
}
