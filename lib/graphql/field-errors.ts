import type { GraphQLError } from 'graphql';
import { codedError } from './errors';

/** BAD_USER_INPUT naming the offending input path in the message and in `extensions.field`. */
export function badField(field: string, message: string): GraphQLError {
  return codedError('BAD_USER_INPUT', `"${field}" ${message}`, { field });
}

/** A trimmed string of `min`..`max` characters (no control characters). */
export function requireText(value: string, field: string, min = 1, max = 200): string {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length < min || text.length > max) throw badField(field, `must be ${min}–${max} characters long, got ${text.length}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value.replace(/[\n\r\t]/g, ''))) throw badField(field, 'must not contain control characters');
  return text;
}

/** Optional text: null/undefined stay null; otherwise as `requireText`. */
export function optionalText(value: string | null | undefined, field: string, min = 1, max = 200): string | null {
  return value == null ? null : requireText(value, field, min, max);
}

/**
 * An IANA time zone (e.g. Asia/Manila, UTC), spelled as in the tz database: Intl must know it, and
 * since Intl ignores case, each part must also start with a capital (so `asia/manila` is refused
 * rather than stored in a spelling no one else uses).
 */
export function requireTimeZone(value: string, field: string): string {
  if (/^[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(value)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return value;
    } catch {
      // not a zone Intl knows
    }
  }
  throw badField(field, `must be an IANA time zone such as Asia/Manila, got ${JSON.stringify(value)}`);
}

/** An integer within [min, max]. */
export function requireInt(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badField(field, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** A list without repeated entries. */
export function requireDistinct<T>(values: readonly T[], field: string): T[] {
  const seen = new Set<T>();
  values.forEach((v, i) => {
    if (seen.has(v)) throw badField(`${field}[${i}]`, `repeats ${JSON.stringify(v)}`);
    seen.add(v);
  });
  return [...values];
}
