import { inputError } from '../../../lib/graphql/errors';
import { NATIONAL_CHAPTERS } from './config';

/** A national chapter from the configured list (domain/config/national-chapters.json). */
export function checkChapter(value: string, field: string): string {
  if (!NATIONAL_CHAPTERS.has(value)) throw inputError(field, `must be a national chapter (${[...NATIONAL_CHAPTERS].join(', ')}), got ${JSON.stringify(value)}`);
  return value;
}
