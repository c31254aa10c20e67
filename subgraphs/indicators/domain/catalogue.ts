import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envString } from '../../../lib/config';

/**
 * The ISO 37120 catalogue is reference data, not code: every `*.json` file in the catalogue directory
 * is one edition ({standard, indicators: [...]}), so a new edition (e.g. 2018) is a new file only.
 * It is small and static, so it lives in memory for the life of the process.
 */

export type IndicatorKind = 'CORE' | 'SUPPORTING';
export type UnitSource = 'LISTED' | 'ASSUMED';

/** One indicator of one edition, shaped like the GraphQL `Indicator` type. */
export interface CatalogueIndicator {
  id: string;
  edition: string;
  name: string;
  theme: string;
  kind: IndicatorKind;
  unit: string;
  unitSource: UnitSource;
}

export interface ThemeSummary {
  name: string;
  coreCount: number;
  supportingCount: number;
}

/** One loaded edition with the lookups the resolvers need. */
export interface CatalogueEdition {
  edition: string;
  /** Clause order (5.1, 5.2, ..., 5.9, 5.10, 6.1, ...). */
  indicators: CatalogueIndicator[];
  byId: Map<string, CatalogueIndicator>;
  /** Themes in clause order (order of first appearance). */
  themes: ThemeSummary[];
  coreCount: number;
  supportingCount: number;
  /** The file the edition came from, for error messages. */
  source: string;
}

export const DEFAULT_CATALOGUE_DIR = join(__dirname, '..', '..', '..', 'data', 'catalogues');
export const FALLBACK_DEFAULT_EDITION = 'ISO 37120:2014';

/** Numeric clause comparison: "5.10" sorts after "5.9" (plain string order would not). */
export function compareClauseIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a < b ? -1 : a > b ? 1 : 0;
    if (x !== y) return x - y;
  }
  return 0;
}

export class Catalogue {
  readonly editions: ReadonlyMap<string, CatalogueEdition>;

  constructor(editions: CatalogueEdition[], readonly defaultEdition: string) {
    this.editions = new Map(editions.map((e) => [e.edition, e]));
    if (!this.editions.has(defaultEdition)) {
      throw new Error(
        `Default catalogue edition ${JSON.stringify(defaultEdition)} is not loaded (loaded: ${[...this.editions.keys()].join(', ') || 'none'})`,
      );
    }
  }

  /** The edition by name (the default edition when `edition` is null/undefined); undefined when unknown. */
  edition(edition?: string | null): CatalogueEdition | undefined {
    return this.editions.get(edition ?? this.defaultEdition);
  }

  /** The default edition (always loaded: checked in the constructor). */
  get default(): CatalogueEdition {
    return this.editions.get(this.defaultEdition)!;
  }

  indicator(edition: string | null | undefined, id: string): CatalogueIndicator | undefined {
    return this.edition(edition)?.byId.get(id);
  }

  /** Every theme name of every edition, sorted, for validation messages. */
  allThemeNames(): string[] {
    const names = new Set<string>();
    for (const e of this.editions.values()) for (const t of e.themes) names.add(t.name);
    return [...names].sort();
  }
}

const KINDS: Record<string, IndicatorKind> = { core: 'CORE', supporting: 'SUPPORTING' };
const UNIT_SOURCES: Record<string, UnitSource> = { listed: 'LISTED', assumed: 'ASSUMED' };

/** Validates one catalogue file's JSON and builds its edition; errors name the file and the entry. */
export function parseCatalogueEdition(json: unknown, source: string): CatalogueEdition {
  const fail = (what: string): never => {
    throw new Error(`Catalogue ${source}: ${what}`);
  };
  if (typeof json !== 'object' || json === null) return fail('must be a JSON object');
  const raw = json as { standard?: unknown; indicators?: unknown };
  if (typeof raw.standard !== 'string' || raw.standard.trim() === '') return fail('"standard" must be a non-empty string (the edition name)');
  if (!Array.isArray(raw.indicators) || raw.indicators.length === 0) return fail('"indicators" must be a non-empty array');
  const edition = raw.standard;
  const byId = new Map<string, CatalogueIndicator>();
  raw.indicators.forEach((entry: unknown, i: number) => {
    const at = `indicators[${i}]`;
    if (typeof entry !== 'object' || entry === null) return fail(`${at} must be an object`);
    const e = entry as Record<string, unknown>;
    for (const field of ['id', 'theme', 'name', 'unit'] as const) {
      if (typeof e[field] !== 'string' || (field !== 'unit' && (e[field] as string).trim() === '')) {
        fail(`${at}.${field} must be a non-empty string`);
      }
    }
    const id = e.id as string;
    if (!/^\d+(\.\d+)*$/.test(id)) fail(`${at}.id must be a clause number like 5.1, got ${JSON.stringify(id)}`);
    const kind = KINDS[e.kind as string];
    if (!kind) fail(`${at}.kind must be "core" or "supporting", got ${JSON.stringify(e.kind)}`);
    const unitSource = UNIT_SOURCES[e.unitSource as string];
    if (!unitSource) fail(`${at}.unitSource must be "listed" or "assumed", got ${JSON.stringify(e.unitSource)}`);
    if (byId.has(id)) fail(`${at}.id ${id} appears twice`);
    byId.set(id, { id, edition, name: e.name as string, theme: e.theme as string, kind, unit: e.unit as string, unitSource });
  });
  const indicators = [...byId.values()].sort((a, b) => compareClauseIds(a.id, b.id));
  const themes = new Map<string, ThemeSummary>();
  for (const ind of indicators) {
    const t = themes.get(ind.theme) ?? { name: ind.theme, coreCount: 0, supportingCount: 0 };
    if (ind.kind === 'CORE') t.coreCount++;
    else t.supportingCount++;
    themes.set(ind.theme, t);
  }
  return {
    edition,
    indicators,
    byId,
    themes: [...themes.values()],
    coreCount: indicators.filter((i) => i.kind === 'CORE').length,
    supportingCount: indicators.filter((i) => i.kind === 'SUPPORTING').length,
    source,
  };
}

export interface LoadCatalogueOptions {
  /** Directory holding one JSON file per edition (default: data/catalogues). */
  dir?: string;
  /** Edition certified against by default (default: env DEFAULT_CATALOGUE_EDITION, else ISO 37120:2014). */
  defaultEdition?: string;
}

/** Reads every `*.json` file of the directory as an edition. Fails on malformed files or duplicate editions. */
export function loadCatalogue(options: LoadCatalogueOptions = {}): Catalogue {
  const dir = options.dir ?? DEFAULT_CATALOGUE_DIR;
  const defaultEdition = options.defaultEdition ?? envString('DEFAULT_CATALOGUE_EDITION', FALLBACK_DEFAULT_EDITION);
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort();
  const editions: CatalogueEdition[] = [];
  for (const file of files) {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Catalogue ${path}: not valid JSON (${(error as Error).message})`);
    }
    const edition = parseCatalogueEdition(json, path);
    const clash = editions.find((e) => e.edition === edition.edition);
    if (clash) throw new Error(`Catalogue edition ${JSON.stringify(edition.edition)} is defined twice: ${clash.source} and ${path}`);
    editions.push(edition);
  }
  if (editions.length === 0) throw new Error(`No catalogue (*.json) found in ${dir}`);
  return new Catalogue(editions, defaultEdition);
}

let cached: Catalogue | undefined;

/** The process-wide catalogue from data/catalogues (loaded once: it is static reference data). */
export function defaultCatalogue(): Catalogue {
  cached ??= loadCatalogue();
  return cached;
}
