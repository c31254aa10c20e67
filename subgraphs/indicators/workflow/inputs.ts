import type { SubgraphSettings } from '../../../lib/config';
import { codedError } from '../../../lib/graphql/errors';

/** A client error naming the offending input path in `extensions.field` (e.g. `values[2].value`). */
export function fieldError(field: string, message: string) {
  return codedError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

export function checkYear(year: number, settings: SubgraphSettings, field = 'year'): number {
  if (!Number.isInteger(year) || year < settings.minDataYear || year > settings.maxDataYear) {
    throw fieldError(field, `must be a data year between ${settings.minDataYear} and ${settings.maxDataYear}, got ${year}`);
  }
  return year;
}

export function checkText(value: string | null | undefined, field: string, max: number): string | null {
  if (value == null) return null;
  if (value.length > max) throw fieldError(field, `must be at most ${max} characters, got ${value.length}`);
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function checkListSize(length: number, field: string, max: number): void {
  if (length === 0 || length > max) throw fieldError(field, `must hold 1 to ${max} entries, got ${length}`);
}

export const MAX_VALUES_PER_SAVE = 100;
export const MAX_TEXT = 2000;
