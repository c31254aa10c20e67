import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envString } from '../../../lib/config';
import { parseConsistencyRules, type ConsistencyRule } from './consistency';

/**
 * The ISO 37120 catalogue is reference data, not code: every `*.json` file in the catalogue directory
 * is one edition ({standard, indicators: [...]}), so a new edition (e.g. 2018) is a new file only.
 * It is small and static, so it lives in memory for the life of the process.
 */

export type IndicatorKind = 'CORE' | 'SUPPORTING';
export type UnitSource = 'LISTED' | 'ASSUMED';
/** Which way a value is better, for ranking against peers (the catalogue's reading; ISO 37120 states none). */
export type BetterWhen = 'HIGHER' | 'LOWER' | 'NEITHER';

/** One indicator of one edition, shaped like the GraphQL `Indicator` type. */
export interface CatalogueIndicator {
  id: string;
  edition: string;
  name: string;
  theme: string;
  kind: IndicatorKind;
  unit: string;
  unitSource: UnitSource;
  /** The theme as an enum value (`Solid Waste` -> SOLID_WASTE): GraphQL `ThemeId`. */
  themeId: string;
  betterWhen: BetterWhen;
  /** Why, where the direction is a judgement or NEITHER (null where it follows from what is measured). */
  betterWhenNote: string | null;
  /** The lowest valid value: 0 unless the catalogue says otherwise (a percentage change may be negative). */
  min: number;
  /** The highest valid value: 100 for percentages, else none (null). */
  max: number | null;
  /** A count: whole numbers only. */
  integer: boolean;
}

export interface ThemeSummary {
  /** `SOLID_WASTE` for `Solid Waste`: GraphQL `ThemeId`. */
  id: string;
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
  /** Relations between values a verifier checks (shares of a whole, parts of a total, ...), as data. */
  rules: ConsistencyRule[];
  /** The file the edition came from, for error messages. */
  source: string;
}

/**
 * The enum value of a theme name: upper case, words joined by `_`, anything else dropped
 * (`Fire and Emergency Response` -> FIRE_AND_EMERGENCY_RESPONSE). GraphQL `ThemeId` lists these for
 * every loaded edition (schema.graphql, checked against the catalogue by the tests).
 */
export function themeIdOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toUpperCase()
    .replace(/ +/g, '_');
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

  constructor(
    editions: CatalogueEdition[],
    readonly defaultEdition: string,
  ) {
    this.editions = new Map(editions.map((e) => [e.edition, e]));
    if (!this.editions.has(defaultEdition)) {
      throw new Error(`Default catalogue edition ${JSON.stringify(defaultEdition)} is not loaded (loaded: ${[...this.editions.keys()].join(', ') || 'none'})`);
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

  /** Every theme of every edition as `ThemeId` value -> name, in clause order of the default edition first. */
  allThemes(): Map<string, string> {
    const themes = new Map<string, string>();
    for (const e of [this.default, ...this.editions.values()]) for (const t of e.themes) if (!themes.has(t.id)) themes.set(t.id, t.name);
    return themes;
  }
}

const KINDS: Record<string, IndicatorKind> = { core: 'CORE', supporting: 'SUPPORTING' };
const UNIT_SOURCES: Record<string, UnitSource> = { listed: 'LISTED', assumed: 'ASSUMED' };
const DIRECTIONS: Record<string, BetterWhen> = { higher: 'HIGHER', lower: 'LOWER', neither: 'NEITHER' };

/** A percentage: the unit is '%' or starts with it ('% of city area', ...). */
export function isPercentUnit(unit: string): boolean {
  return unit.trim().startsWith('%');
}

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
    if (typeof entry !== 'object' || entry === null) fail(`${at} must be an object`);
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
    // Optional: an edition without directions ranks nothing (NEITHER), which is safe.
    const betterWhen = e.betterWhen === undefined ? 'NEITHER' : DIRECTIONS[e.betterWhen as string];
    if (!betterWhen) fail(`${at}.betterWhen must be "higher", "lower" or "neither", got ${JSON.stringify(e.betterWhen)}`);
    const note = e.betterWhenNote;
    if (note !== undefined && (typeof note !== 'string' || note.trim() === '')) fail(`${at}.betterWhenNote must be a non-empty string when given`);
    if (betterWhen === 'NEITHER' && e.betterWhen !== undefined && note === undefined)
      fail(`${at}.betterWhenNote must say why no direction is better ("neither")`);
    const unit = e.unit as string;
    const min = e.min ?? 0;
    if (typeof min !== 'number' || !Number.isFinite(min)) fail(`${at}.min must be a number when given`);
    const max = e.max ?? (isPercentUnit(unit) ? 100 : null);
    if (max !== null && (typeof max !== 'number' || !Number.isFinite(max) || max <= (min as number))) fail(`${at}.max must be a number above min when given`);
    if (e.integer !== undefined && typeof e.integer !== 'boolean') fail(`${at}.integer must be true or false when given`);
    const theme = e.theme as string;
    byId.set(id, {
      id,
      edition,
      name: e.name as string,
      theme,
      kind,
      unit,
      unitSource,
      themeId: themeIdOf(theme),
      betterWhen,
      betterWhenNote: (note as string | undefined) ?? null,
      min: min as number,
      max: max as number | null,
      integer: e.integer === true,
    });
  });
  const indicators = [...byId.values()].sort((a, b) => compareClauseIds(a.id, b.id));
  const themes = new Map<string, ThemeSummary>();
  for (const ind of indicators) {
    const clash = [...themes.values()].find((t) => t.id === ind.themeId && t.name !== ind.theme);
    if (clash) fail(`themes ${JSON.stringify(clash.name)} and ${JSON.stringify(ind.theme)} would both be ThemeId ${ind.themeId}`);
    const t = themes.get(ind.theme) ?? { id: ind.themeId, name: ind.theme, coreCount: 0, supportingCount: 0 };
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
    rules: parseConsistencyRules((json as { consistencyRules?: unknown }).consistencyRules, byId, fail),
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
