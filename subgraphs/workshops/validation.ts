import { badField, requireDistinct } from '../../lib/graphql/field-errors';
import { ISO37120_THEMES } from './themes';

/** A non-empty list of distinct ISO 37120 theme names. */
export function requireThemes(themes: readonly string[], field: string): string[] {
  if (themes.length === 0) throw badField(field, 'must name at least one ISO 37120 theme');
  themes.forEach((t, i) => {
    if (!ISO37120_THEMES.has(t)) throw badField(`${field}[${i}]`, `must be an ISO 37120 theme (${[...ISO37120_THEMES].join(', ')}), got ${JSON.stringify(t)}`);
  });
  return requireDistinct(themes, field);
}

/** `YYYY-MM-DD` of an instant in UTC. */
export const utcDate = (at: Date) => at.toISOString().slice(0, 10);
