import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The verification organisations are configuration, not code: a JSON list (default
 * `verifier-organisations.json` next to this file, or VERIFIER_ORGANISATIONS_PATH), validated when
 * loaded so that a bad list stops start-up with a clear message.
 */
export interface VerifierOrganisation {
  id: string;
  name: string;
  /**
   * Declared conflicts of interest (`excludes` in the file): cities and countries the organisation may
   * neither be assigned to nor give verdicts on (e.g. where it is also a consultant of the city).
   */
  excludedCities: string[];
  excludedCountries: string[];
}

export interface VerifierOrganisations {
  list: VerifierOrganisation[];
  byId: Map<string, VerifierOrganisation>;
  byName: Map<string, VerifierOrganisation>;
  source: string;
}

export const DEFAULT_ORGANISATIONS_PATH = join(__dirname, 'verifier-organisations.json');

export function parseVerifierOrganisations(json: unknown, source: string): VerifierOrganisations {
  const fail = (what: string): never => {
    throw new Error(`Verifier organisations ${source}: ${what}`);
  };
  const raw = (typeof json === 'object' && json !== null ? (json as { organisations?: unknown }).organisations : undefined) as unknown;
  if (!Array.isArray(raw) || raw.length === 0) return fail('must be a JSON object with a non-empty "organisations" array');
  const list = raw.map((entry: unknown, i: number): VerifierOrganisation => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(e.id))
      fail(`organisations[${i}].id must be a lower-case slug like bureau-veritas, got ${JSON.stringify(e.id)}`);
    if (typeof e.name !== 'string' || e.name.trim() === '') fail(`organisations[${i}].name must be a non-empty string`);
    const excludes = (e.excludes ?? {}) as Record<string, unknown>;
    if (typeof excludes !== 'object' || excludes === null || Array.isArray(excludes))
      fail(`organisations[${i}].excludes must be an object with "cities" and "countries"`);
    const list = (field: 'cities' | 'countries', pattern: RegExp, what: string): string[] => {
      const value = excludes[field] ?? [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !pattern.test(v))) {
        fail(`organisations[${i}].excludes.${field} must be a list of ${what}, got ${JSON.stringify(value)}`);
      }
      return [...new Set(value as string[])].sort();
    };
    return {
      id: e.id as string,
      name: e.name as string,
      excludedCities: list('cities', /^[a-z0-9][a-z0-9-]*$/, 'city ids like makati'),
      excludedCountries: list('countries', /^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country codes like PH'),
    };
  });
  const byId = new Map<string, VerifierOrganisation>();
  const byName = new Map<string, VerifierOrganisation>();
  for (const org of list) {
    if (byId.has(org.id)) fail(`id ${org.id} appears twice`);
    byId.set(org.id, org);
    byName.set(org.name, org);
  }
  return { list, byId, byName, source };
}

export function loadVerifierOrganisations(path: string = process.env.VERIFIER_ORGANISATIONS_PATH || DEFAULT_ORGANISATIONS_PATH): VerifierOrganisations {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Verifier organisations ${path}: cannot be read as JSON (${(error as Error).message})`);
  }
  return parseVerifierOrganisations(json, path);
}

let cached: VerifierOrganisations | undefined;

/** The process-wide list, loaded once on first use. */
export function defaultVerifierOrganisations(): VerifierOrganisations {
  cached ??= loadVerifierOrganisations();
  return cached;
}
