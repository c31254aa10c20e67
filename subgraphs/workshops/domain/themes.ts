import catalogue from '../../../data/catalogues/iso37120-2014.json';
import { inputError } from '../../../lib/graphql/errors';
import { checkDistinct } from '../../../lib/graphql/inputs';

/** The 17 ISO 37120:2014 theme names (e.g. `Solid Waste`), from the indicator catalogue. */
export const ISO37120_THEMES: ReadonlySet<string> = new Set(catalogue.indicators.map((indicator) => indicator.theme));

const THEME_LIST = [...ISO37120_THEMES].join(', ');

/** One ISO 37120 theme name, spelled as in the catalogue. */
export function checkTheme(theme: string, field: string): string {
  if (!ISO37120_THEMES.has(theme)) throw inputError(field, `must be an ISO 37120 theme (${THEME_LIST}), got ${JSON.stringify(theme)}`);
  return theme;
}

/** A non-empty list of distinct ISO 37120 theme names. */
export function checkThemes(themes: readonly string[], field: string): string[] {
  if (themes.length === 0) throw inputError(field, 'must name at least one ISO 37120 theme');
  themes.forEach((t, i) => {
    checkTheme(t, `${field}[${i}]`);
  });
  return checkDistinct(themes, field);
}
