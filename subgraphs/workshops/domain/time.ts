import { toLocalIso } from '../../../lib/time/local-time';

/**
 * Local times for people: workshops are held in their own zone (the host city's, or an explicit one
 * online), mentoring in the mentor's. Pure helpers over lib/time/local-time.ts (Intl only).
 */

/** The wall-clock time in `zone` with its offset, e.g. 2027-03-02T09:00:00+05:30. */
export const localIso = (instant: Date, zone: string): string => toLocalIso(instant, zone);

/** The calendar day of an instant in `zone`, as YYYY-MM-DD (the mentor's day, the workshop's day). */
export const localDate = (instant: Date, zone: string): string => toLocalIso(instant, zone).slice(0, 10);

/** An instant as people read it in messages: local time in the zone, then UTC, e.g. `2027-03-02T09:00:00+05:30 (2027-03-02T03:30:00.000Z)`. */
export const showInstant = (instant: Date, zone: string): string => `${localIso(instant, zone)} (${instant.toISOString()})`;

/** An interval in messages: `from … to … in Asia/Colombo (… – … UTC)`. */
export function showInterval(startsAt: Date, endsAt: Date, zone: string): string {
  return `${localIso(startsAt, zone)} to ${localIso(endsAt, zone)} in ${zone} (${startsAt.toISOString()} to ${endsAt.toISOString()} UTC)`;
}

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (YYYY-MM-DD each): positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The calendar day `days` after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
