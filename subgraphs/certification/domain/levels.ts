import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificationLevel } from '../data/types';

export type { CertificationLevel } from '../data/types';

/**
 * The WCCD level thresholds are configuration, not code: a JSON table (default
 * `certification-levels.json` next to this file, or the file named by CERTIFICATION_LEVELS_PATH),
 * validated when loaded so that a bad table stops start-up with a clear message.
 */

/** Lowest first; the rank is the index + 1 (ASPIRATIONAL 1 … PLATINUM 5; no level is 0). */
export const CERTIFICATION_LEVELS: readonly CertificationLevel[] = ['ASPIRATIONAL', 'BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];

/** Mentors are cities whose latest certification is at least this level. */
export const MENTOR_MIN_LEVEL: CertificationLevel = 'SILVER';

/** The `levelRank` stored on certifications so the registry can sort by level (0 when no level). */
export function levelRank(level: CertificationLevel | null | undefined): number {
  return level ? CERTIFICATION_LEVELS.indexOf(level) + 1 : 0;
}

/** One row of the table (GraphQL `LevelThreshold`). */
export interface LevelThreshold {
  level: CertificationLevel;
  minCoreVerified: number;
  minSupportingVerified: number;
}

export interface LevelTable {
  /** The catalogue edition the thresholds are for, when the file says. */
  edition: string | null;
  /** Highest level first. */
  levels: LevelThreshold[];
  /** Where the table came from, for messages. */
  source: string;
}

export const DEFAULT_LEVELS_PATH = join(__dirname, 'certification-levels.json');

/** Validates the JSON of a level table: known, distinct levels, highest first, every level reachable. */
export function parseLevelTable(json: unknown, source: string): LevelTable {
  const fail = (what: string): never => {
    throw new Error(`Certification level table ${source}: ${what}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('must be a JSON object with a "levels" array');
  const raw = json as { edition?: unknown; levels?: unknown };
  if (raw.edition !== undefined && typeof raw.edition !== 'string') fail('"edition" must be a string when given');
  if (!Array.isArray(raw.levels) || raw.levels.length === 0) return fail('"levels" must be a non-empty array');
  const levels = raw.levels.map((row: unknown, i: number): LevelThreshold => {
    const at = `levels[${i}]`;
    if (typeof row !== 'object' || row === null) return fail(`${at} must be an object`);
    const r = row as Record<string, unknown>;
    if (!CERTIFICATION_LEVELS.includes(r.level as CertificationLevel)) {
      fail(`${at}.level must be one of ${CERTIFICATION_LEVELS.join(', ')}, got ${JSON.stringify(r.level)}`);
    }
    for (const field of ['minCoreVerified', 'minSupportingVerified'] as const) {
      if (!Number.isInteger(r[field]) || (r[field] as number) < 0) fail(`${at}.${field} must be a non-negative integer, got ${JSON.stringify(r[field])}`);
    }
    return { level: r.level as CertificationLevel, minCoreVerified: r.minCoreVerified as number, minSupportingVerified: r.minSupportingVerified as number };
  });
  for (let i = 1; i < levels.length; i++) {
    const [higher, lower] = [levels[i - 1], levels[i]];
    if (levelRank(higher.level) <= levelRank(lower.level)) {
      fail(`levels must be listed highest first and once each, but ${lower.level} follows ${higher.level}`);
    }
    // First match wins, so a higher level must ask for at least as much on both counts, and more on one;
    // otherwise the lower level could never be earned (or would be earned instead of the higher one).
    const atLeast = higher.minCoreVerified >= lower.minCoreVerified && higher.minSupportingVerified >= lower.minSupportingVerified;
    const more = higher.minCoreVerified > lower.minCoreVerified || higher.minSupportingVerified > lower.minSupportingVerified;
    if (!atLeast || !more) {
      fail(
        `${higher.level} (${higher.minCoreVerified}/${higher.minSupportingVerified}) must require more than ${lower.level} (${lower.minCoreVerified}/${lower.minSupportingVerified})`,
      );
    }
  }
  return { edition: (raw.edition as string | undefined) ?? null, levels, source };
}

/** Reads and validates a table (default: CERTIFICATION_LEVELS_PATH, else certification-levels.json). */
export function loadLevelTable(path: string = process.env.CERTIFICATION_LEVELS_PATH || DEFAULT_LEVELS_PATH): LevelTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Certification level table ${path}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Certification level table ${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseLevelTable(json, path);
}

let cached: LevelTable | undefined;

/** The process-wide table, loaded once on first use. */
export function defaultLevelTable(): LevelTable {
  cached ??= loadLevelTable();
  return cached;
}

/**
 * The highest level that this many VERIFIED core and supporting indicators earn: the first row of the
 * table (highest first) both counts satisfy; null below the lowest row.
 */
export function earnedLevel(coreVerified: number, supportingVerified: number, table: LevelTable = defaultLevelTable()): CertificationLevel | null {
  const row = table.levels.find((r) => coreVerified >= r.minCoreVerified && supportingVerified >= r.minSupportingVerified);
  return row?.level ?? null;
}
