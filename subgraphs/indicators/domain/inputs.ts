/** Input checks against the catalogue (edition, theme); the generic ones (year, text, ...) are lib/graphql/inputs.ts. */
import { checkText } from '../../../lib/graphql/inputs';
import { inputError } from '../../../lib/graphql/errors';
import type { Catalogue, CatalogueEdition } from './catalogue';
import { MAX_TEXT } from './rules';

/** The edition asked for (default when omitted); an unknown edition is a client error naming `edition`. */
export function checkEdition(catalogue: Catalogue, edition: string | null | undefined, field = 'edition'): CatalogueEdition {
  const found = catalogue.edition(edition);
  if (!found) throw inputError(field, `must be a loaded catalogue edition (${[...catalogue.editions.keys()].join(', ')}), got ${JSON.stringify(edition)}`);
  return found;
}

/** A theme name of the given list (exact match); the message lists the valid themes. */
export function checkTheme(theme: string, validThemes: readonly string[], field = 'theme'): string {
  if (!validThemes.includes(theme)) throw inputError(field, `must be an ISO 37120 theme (${validThemes.join(', ')}), got ${JSON.stringify(theme)}`);
  return theme;
}

/** A source or note: absent or blank is null; otherwise lib's text rule, up to MAX_TEXT characters. */
export function checkNote(value: string | null | undefined, field: string): string | null {
  return value == null || value.trim() === '' ? null : checkText(value, field, 1, MAX_TEXT);
}

/** A list of 1..max entries (values of a save, verdicts). */
export function checkListLength(length: number, field: string, max: number): void {
  if (length === 0 || length > max) throw inputError(field, `must hold 1 to ${max} entries, got ${length}`);
}
