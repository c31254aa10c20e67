import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Filter } from 'mongodb';
import type { CertificationRecord, ShownStatus } from '../data/types';

/**
 * How long a certification stays in force is configuration, not code: a JSON file (default
 * `certification-validity.json` next to this file, or CERTIFICATION_VALIDITY_PATH), validated when
 * loaded. WCCD requires annual reporting; by default a city is listed while its latest certified data
 * year is at most `validYears` (2) before the current year (`ctx.settings.now()`); after that its
 * certification is EXPIRED.
 *
 * The sample data is a snapshot of the 2016 round (its certifications were awarded in 2015–2017 for
 * data years 2014–2016): with `sampleDataAsOf` set, certifications marked `sampleData` are judged as
 * of that year, so the sample registry stays as it was whatever today's date; real certifications are
 * always judged by today's date.
 */
export interface ValidityRule {
  /** A certification of data year Y is in force through the current year Y + validYears. */
  validYears: number;
  /** The year the sample data is judged as of (null: like any other data). */
  sampleDataAsOf: number | null;
  source: string;
}

export const DEFAULT_VALIDITY_PATH = join(__dirname, 'certification-validity.json');

export function parseValidityRule(json: unknown, source: string): ValidityRule {
  const fail = (what: string): never => {
    throw new Error(`Certification validity ${source}: ${what}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('must be a JSON object with "validYears"');
  const raw = json as Record<string, unknown>;
  if (!Number.isInteger(raw.validYears) || (raw.validYears as number) < 0 || (raw.validYears as number) > 50) {
    fail(`"validYears" must be an integer from 0 to 50, got ${JSON.stringify(raw.validYears)}`);
  }
  const asOf = raw.sampleDataAsOf ?? null;
  if (asOf !== null && (!Number.isInteger(asOf) || (asOf as number) < 1900 || (asOf as number) > 2100)) {
    fail(`"sampleDataAsOf" must be a year or null, got ${JSON.stringify(asOf)}`);
  }
  return { validYears: raw.validYears as number, sampleDataAsOf: asOf as number | null, source };
}

export function loadValidityRule(path: string = process.env.CERTIFICATION_VALIDITY_PATH || DEFAULT_VALIDITY_PATH): ValidityRule {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Certification validity ${path}: cannot be read as JSON (${(error as Error).message})`);
  }
  return parseValidityRule(json, path);
}

let cached: ValidityRule | undefined;

/** The process-wide rule, loaded once on first use. */
export function defaultValidityRule(): ValidityRule {
  cached ??= loadValidityRule();
  return cached;
}

/** The year a certification is judged as of: today's, or the sample's year for sample data. */
function referenceYear(rule: ValidityRule, now: Date, sampleData: boolean): number {
  const current = now.getUTCFullYear();
  return sampleData && rule.sampleDataAsOf !== null ? Math.min(current, rule.sampleDataAsOf) : current;
}

/** The oldest data year still in force as of `now`. */
export function oldestInForce(rule: ValidityRule, now: Date, sampleData = false): number {
  return referenceYear(rule, now, sampleData) - rule.validYears;
}

/** Whether a certification of data year `year` would be past its validity as of `now`. */
export function isPastValidity(rule: ValidityRule, now: Date, doc: Pick<CertificationRecord, 'year' | 'sampleData'>): boolean {
  return doc.year < oldestInForce(rule, now, !!doc.sampleData);
}

/** The status the API shows: EXPIRED for a CERTIFIED certification past its validity, else the stored one. */
export function shownStatus(rule: ValidityRule, now: Date, doc: Pick<CertificationRecord, 'status' | 'year' | 'sampleData'>): ShownStatus {
  return doc.status === 'CERTIFIED' && isPastValidity(rule, now, doc) ? 'EXPIRED' : doc.status;
}

/** Whether the certification is in force: CERTIFIED and within its validity. */
export function isInForce(rule: ValidityRule, now: Date, doc: Pick<CertificationRecord, 'status' | 'year' | 'sampleData'>): boolean {
  return shownStatus(rule, now, doc) === 'CERTIFIED';
}

/** The last current year in which it is listed (null for sample data judged as of a fixed year). */
export function inForceUntil(rule: ValidityRule, doc: Pick<CertificationRecord, 'year' | 'sampleData'>): number | null {
  return doc.sampleData && rule.sampleDataAsOf !== null ? null : doc.year + rule.validYears;
}

/** The query for certifications in force as of `now`: the same rule as `isInForce`, for filters. */
export function inForceFilter(rule: ValidityRule, now: Date): Filter<CertificationRecord> {
  const oldest = oldestInForce(rule, now);
  if (rule.sampleDataAsOf === null) return { status: 'CERTIFIED', year: { $gte: oldest } };
  return {
    status: 'CERTIFIED',
    $or: [
      { sampleData: true, year: { $gte: oldestInForce(rule, now, true) } },
      { sampleData: { $ne: true }, year: { $gte: oldest } },
    ],
  };
}
