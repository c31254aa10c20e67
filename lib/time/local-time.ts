/**
 * Renders instants as wall-clock time in an IANA zone with its UTC offset, e.g.
 * `2026-03-02T09:00:00+08:00`, using only Intl (no date library).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23 avoids the `24:00` some ICU versions print for midnight with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Wall clock in `timeZone` at `instant` (whole seconds) and its offset from UTC in minutes. */
function wallClock(instant: Date, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  // The offset is the difference between the wall clock read as if it were UTC and the instant.
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return { year, month, day, hour, minute, second, offsetMinutes: Math.round((wallAsUtc - wholeSeconds) / 60_000) };
}

/** Offset of an IANA zone from UTC at an instant, in minutes (e.g. +480 for Asia/Manila). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  return wallClock(at, timeZone).offsetMinutes;
}

export function toLocalIso(instant: Date, timeZone: string): string {
  const { year, month, day, hour, minute, second, offsetMinutes } = wallClock(instant, timeZone);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
