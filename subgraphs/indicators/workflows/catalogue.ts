import type { Context } from '../context';
import type { CatalogueEdition, CatalogueIndicator, IndicatorKind, ThemeSummary } from '../domain/catalogue';
import type { ConsistencyRule } from '../domain/consistency';
import { checkEdition, resolveTheme } from '../domain/inputs';

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

export function catalogueIndicators(
  args: { themeId?: string | null; theme?: string | null; kind?: IndicatorKind | null; edition?: string | null },
  ctx: Context,
): CatalogueIndicator[] {
  const edition = checkEdition(ctx.catalogue, args.edition);
  const { kind } = args;
  // A ThemeId of another edition's themes simply matches nothing here.
  const theme = resolveTheme(
    args,
    ctx.catalogue,
    edition.themes.map((t) => t.name),
  );
  return edition.indicators.filter((i) => (theme == null || i.theme === theme) && (kind == null || i.kind === kind));
}

/** A consistency rule as GraphQL shows it: its indicators as catalogue entries. */
export interface RuleView extends Omit<ConsistencyRule, 'indicators'> {
  indicators: CatalogueIndicator[];
}

export function ruleView(rule: ConsistencyRule, edition: CatalogueEdition): RuleView {
  return { ...rule, indicators: rule.indicators.flatMap((id) => edition.byId.get(id) ?? []) };
}

/** `Query.consistencyRules`: the edition's rules, in the catalogue's order. */
export function consistencyRulesOf(args: { edition?: string | null }, ctx: Context): RuleView[] {
  const edition = checkEdition(ctx.catalogue, args.edition);
  return edition.rules.map((rule) => ruleView(rule, edition));
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
