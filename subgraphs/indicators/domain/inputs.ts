/** Input checks against the catalogue (edition, theme, indicator ids); the generic ones (year, text, ...) are lib/graphql/inputs.ts. */
import { suggestionList } from 'graphql/jsutils/suggestionList';
import { checkDistinct, checkText } from '../../../lib/graphql/inputs';
import { inputError } from '../../../lib/graphql/errors';
import type { Catalogue, CatalogueEdition, CatalogueIndicator } from './catalogue';
import { MAX_TEXT } from './rules';

/** The edition asked for (default when omitted); an unknown edition is a client error naming `edition`. */
export function checkEdition(catalogue: Catalogue, edition: string | null | undefined, field = 'edition'): CatalogueEdition {
  const found = catalogue.edition(edition);
  if (!found) throw inputError(field, `must be a loaded catalogue edition (${[...catalogue.editions.keys()].join(', ')}), got ${JSON.stringify(edition)}`);
  return found;
}

/** " Did you mean X?" for a mistyped name (case and small typos), or nothing. */
function didYouMean(input: string, options: readonly string[]): string {
  const suggestions = suggestionList(input, [...options]).slice(0, 3);
  return suggestions.length ? `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(' or ')}?` : '';
}

/** A theme name of the given list (exact match); the message lists the valid themes and suggests the closest. */
export function checkTheme(theme: string, validThemes: readonly string[], field = 'theme'): string {
  if (!validThemes.includes(theme)) {
    throw inputError(field, `must be an ISO 37120 theme (${validThemes.join(', ')}), got ${JSON.stringify(theme)}${didYouMean(theme, validThemes)}`);
  }
  return theme;
}

/**
 * The theme asked for, by `themeId` (the enum, validated before execution) or the deprecated string
 * alias `theme` (validated here); null when neither is given. Both must agree when both are given.
 */
export function resolveTheme(args: { themeId?: string | null; theme?: string | null }, catalogue: Catalogue, validThemes: readonly string[]): string | null {
  const byId = args.themeId != null ? (catalogue.allThemes().get(args.themeId) ?? null) : null;
  if (args.themeId != null && byId === null) throw inputError('themeId', `must be a theme of a loaded catalogue edition, got ${JSON.stringify(args.themeId)}`);
  const byName = args.theme != null ? checkTheme(args.theme, validThemes) : null;
  if (byId !== null && byName !== null && byId !== byName) {
    throw inputError('themeId', `names ${JSON.stringify(byId)} but the deprecated "theme" names ${JSON.stringify(byName)}; give one of them`);
  }
  return byId ?? byName;
}

/** 1..max distinct indicator ids of an edition; an unknown id is named with its index and the closest ids. */
export function checkIndicatorIds(ids: readonly string[], edition: CatalogueEdition, max: number, field = 'indicatorIds'): CatalogueIndicator[] {
  checkListLength(ids.length, field, max);
  checkDistinct(ids, field);
  return ids.map((id, i) => {
    const indicator = edition.byId.get(id);
    if (!indicator)
      throw inputError(
        `${field}[${i}]`,
        `is not an indicator of ${edition.edition}, got ${JSON.stringify(id.slice(0, 20))}${didYouMean(id, [...edition.byId.keys()])}`,
      );
    return indicator;
  });
}

/** A source or note: absent or blank is null; otherwise lib's text rule, up to MAX_TEXT characters. */
export function checkNote(value: string | null | undefined, field: string): string | null {
  return value == null || value.trim() === '' ? null : checkText(value, field, 1, MAX_TEXT);
}

/** A list of 1..max entries (values of a save, verdicts). */
export function checkListLength(length: number, field: string, max: number): void {
  if (length === 0 || length > max) throw inputError(field, `must hold 1 to ${max} entries, got ${length}`);
}
