/**
 * The `ThemeId` enum of schema.graphql is generated from the catalogue (every theme of every loaded
 * edition, the default edition's first, in clause order), so that a new edition's themes are a data
 * change plus `npx tsx subgraphs/indicators/data/theme-enum.ts` (then `npm run compose`, `codegen`).
 * The block sits between the BEGIN/END ThemeId markers; test/subgraphs/indicators.test.ts fails when
 * it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogue, type Catalogue } from '../domain/catalogue';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
const BEGIN = /^# BEGIN ThemeId.*$/m;
const END = /^# END ThemeId$/m;

/** The enum's SDL for a catalogue: each value described by the theme's name. */
export function themeEnumSdl(catalogue: Catalogue): string {
  const values = [...catalogue.allThemes()].map(([id, name]) => `  ${JSON.stringify(name)}\n  ${id}`);
  return [
    '"""',
    'An ISO 37120 theme, e.g. SOLID_WASTE for `Solid Waste` (Theme.name): the themes of every catalogue',
    'edition loaded. Arguments of this type are checked before a query runs, with "did you mean".',
    '"""',
    'enum ThemeId {',
    ...values,
    '}',
  ].join('\n');
}

/** The schema text with the block between the markers replaced. */
export function withThemeEnum(schema: string, catalogue: Catalogue): string {
  const begin = BEGIN.exec(schema);
  const end = END.exec(schema);
  if (!begin || !end || end.index < begin.index) throw new Error(`${SCHEMA_FILE} lacks the "# BEGIN ThemeId" ... "# END ThemeId" markers`);
  const head = schema.slice(0, begin.index + begin[0].length);
  return `${head}\n${themeEnumSdl(catalogue)}\n${schema.slice(end.index)}`;
}

if (require.main === module) {
  const schema = readFileSync(SCHEMA_FILE, 'utf8');
  const next = withThemeEnum(schema, defaultCatalogue());
  if (next !== schema) writeFileSync(SCHEMA_FILE, next);
  console.log(next === schema ? 'ThemeId is up to date.' : `ThemeId written to ${SCHEMA_FILE}.`);
}
