import type { SubgraphSettings } from '../../lib/config';
import { userInputError } from '../../lib/graphql/errors';
import type { Catalogue, CatalogueEdition } from './catalogue';

export { validateYear } from '../../lib/graphql/validation';

/** The edition asked for (default when omitted); an unknown edition is a client error naming `edition`. */
export function resolveEdition(catalogue: Catalogue, edition: string | null | undefined): CatalogueEdition {
  const found = catalogue.edition(edition);
  if (!found) {
    throw userInputError(
      `"edition" ${JSON.stringify(edition)} is not a loaded catalogue edition; valid editions: ${[...catalogue.editions.keys()].join(', ')}`,
      'edition',
    );
  }
  return found;
}

/** Validates a theme name against the given theme list (exact match); the message lists the valid themes. */
export function validateTheme(theme: string, validThemes: readonly string[]): string {
  if (!validThemes.includes(theme)) {
    throw userInputError(`"theme" ${JSON.stringify(theme)} is not an ISO 37120 theme; valid themes: ${validThemes.join(', ')}`, 'theme');
  }
  return theme;
}
