import type { SubgraphSettings } from '../config';
import { inputError } from './errors';

/**
 * One checker per kind of input, each reporting through `inputError` (BAD_USER_INPUT, the field's
 * path in `extensions.field`, a message naming the field, the rule and what was given). Checkers
 * return the normalised value.
 */

/** A data year the programme accepts (MIN_DATA_YEAR..MAX_DATA_YEAR). */
export function checkYear(year: number, settings: Pick<SubgraphSettings, 'minDataYear' | 'maxDataYear'>, field = 'year'): number {
  if (!Number.isInteger(year) || year < settings.minDataYear || year > settings.maxDataYear) {
    throw inputError(field, `must be a data year from ${settings.minDataYear} to ${settings.maxDataYear}, got ${year}`);
  }
  return year;
}

/** ISO 3166-1 alpha-2, upper case, as stored; also keeps client strings out of queries as anything but a plain value. */
export function checkCountry(country: string, field = 'country'): string {
  if (!/^[A-Z]{2}$/.test(country))
    throw inputError(field, `must be an ISO 3166-1 alpha-2 code of two upper-case letters (e.g. PH), got ${JSON.stringify(country)}`);
  return country;
}

/** A city id: a lower-case slug such as kuala-lumpur. */
export function checkCityId(cityId: string, field = 'cityId'): string {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(cityId))
    throw inputError(field, `must be a city id (a lower-case slug such as kuala-lumpur), got ${JSON.stringify(cityId.slice(0, 100))}`);
  return cityId;
}

/** A trimmed text of `min`..`max` characters, inner whitespace collapsed, without control characters. */
export function checkText(value: string, field: string, min = 1, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) throw inputError(field, 'must not contain control characters');
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length < min || text.length > max) throw inputError(field, `must be ${min}–${max} characters long, got ${text.length}`);
  return text;
}

/** Optional text: null/undefined stay null; otherwise as `checkText`. */
export function checkOptionalText(value: string | null | undefined, field: string, min = 1, max = 200): string | null {
  return value == null ? null : checkText(value, field, min, max);
}

/** An integer within [min, max]. */
export function checkInt(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw inputError(field, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** A list without repeated entries (the first repeat is named by its index). */
export function checkDistinct<T>(values: readonly T[], field: string): T[] {
  const seen = new Set<T>();
  values.forEach((v, i) => {
    if (seen.has(v)) throw inputError(`${field}[${i}]`, `repeats ${JSON.stringify(v)}`);
    seen.add(v);
  });
  return [...values];
}

/**
 * An IANA time zone (e.g. Asia/Manila, UTC), spelled as in the tz database: Intl must know it, and
 * since Intl ignores case, each part must start with a capital (so `asia/manila` is refused rather
 * than stored in a spelling no one else uses).
 */
export function checkTimeZone(value: string, field: string): string {
  if (/^[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(value)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return value;
    } catch {
      // not a zone Intl knows
    }
  }
  throw inputError(field, `must be an IANA time zone such as Asia/Manila, got ${JSON.stringify(value)}`);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a real calendar day (31 April does not exist; 29 February only in leap years). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function checkDate(value: string, field: string): string {
  if (!isCalendarDate(value)) throw inputError(field, `must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}
