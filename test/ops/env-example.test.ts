/**
 * `.env.example` documents every environment variable the code reads: the source is scanned for the
 * ways we read one (process.env.X, process.env['X'], envInt/envString('X'), readEnv shapes such as
 * `GATEWAY_ENV = { X: ... }`, env[`PREFIX_${...}`] families), and the shapes are also checked at
 * run time, so a new variable without a line in .env.example fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GATEWAY_ENV } from '../../gateway/config';
import { SUBGRAPH_ENV } from '../../lib/config';
import { LOGGER_ENV } from '../../lib/observability/logger';
import { TRACING_ENV } from '../../lib/observability/tracing';

const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['lib', 'gateway', 'subgraphs', 'scripts', 'stack', 'bench', 'data'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'results' || entry === 'generated') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|js|mjs|cjs)$/.test(entry) && !/\.d\.ts$/.test(entry)) out.push(path);
  }
  return out;
}

/** Variable names (and `PREFIX_` families) a source text reads. */
function variablesRead(text: string): { names: Set<string>; families: Set<string> } {
  const names = new Set<string>();
  const families = new Set<string>();
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)/g)) names.add(m[1]);
  for (const m of code.matchAll(/process\.env\[\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\]/g)) names.add(m[1]);
  // A ProcessEnv passed in as `env` (e.g. workerCount(env = process.env)).
  for (const m of code.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)) names.add(m[1]);
  for (const m of code.matchAll(/\benv(?:Int|String|Bool|List)\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g)) names.add(m[1]);
  for (const m of code.matchAll(/\benv\w*\[\s*`([A-Z][A-Z0-9_]*_)\$\{/g)) families.add(m[1]);
  // readEnv shapes: `const X_ENV = { NAME: ..., }` and inline `readEnv({ NAME: ... })`.
  // The shape ends at a line that is only `}` or `};` (a value's own `})` inside does not end it).
  for (const m of code.matchAll(/_ENV(?:\s*:\s*[^=]+)?\s*=\s*\{([\s\S]*?)\n\s*\};?[ \t]*$/gm))
    for (const k of m[1].matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)) names.add(k[1]);
  for (const m of code.matchAll(/readEnv\(\s*\{([^}]*)\}/g)) for (const k of m[1].matchAll(/\b([A-Z][A-Z0-9_]+)\s*:/g)) names.add(k[1]);
  return { names, families };
}

function documented(): { names: Set<string>; families: Set<string> } {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  const names = new Set<string>();
  const families = new Set<string>();
  for (const m of text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)) names.add(m[1]);
  for (const m of text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*_)<NAME>=/gm)) families.add(m[1]);
  return { names, families };
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
const read = new Map<string, string>();
const families = new Map<string, string>();
for (const file of files) {
  const found = variablesRead(readFileSync(file, 'utf8'));
  for (const name of found.names) if (!read.has(name)) read.set(name, relative(ROOT, file));
  for (const family of found.families) if (!families.has(family)) families.set(family, relative(ROOT, file));
}

test('the scanner recognises each way of reading a variable', () => {
  const found = variablesRead(`
    const a = process.env.ALPHA_ONE; const b = process.env['BETA']; const t = env.THETA;
    envInt('GAMMA', 1); envString("DELTA", 'x');
    export const THING_ENV = {
      EPSILON: env.int(1, 0, 2),
      ZETA: z.string(),
    };
    readEnv({ ETA: env.string('') });
    const c = env[\`FAMILY_\${name}\`];
    // process.env.IN_A_COMMENT
  `);
  expect([...found.names].sort()).toEqual(['ALPHA_ONE', 'BETA', 'DELTA', 'EPSILON', 'ETA', 'GAMMA', 'THETA', 'ZETA']);
  expect([...found.families]).toEqual(['FAMILY_']);
});

test('the scan sees the variables of every readEnv shape', () => {
  for (const shape of [GATEWAY_ENV, SUBGRAPH_ENV, LOGGER_ENV, TRACING_ENV]) {
    for (const name of Object.keys(shape)) expect([name, read.has(name)]).toEqual([name, true]);
  }
});

test('.env.example documents every variable the code reads', () => {
  const doc = documented();
  const missing = [...read].filter(([name]) => !doc.names.has(name) && ![...doc.families].some((f) => name.startsWith(f)));
  expect(missing.map(([name, file]) => `${name} (read in ${file})`)).toEqual([]);
  const missingFamilies = [...families].filter(([family]) => !doc.families.has(family));
  expect(missingFamilies.map(([family, file]) => `${family}<NAME> (read in ${file})`)).toEqual([]);
  for (const shape of [GATEWAY_ENV, SUBGRAPH_ENV, LOGGER_ENV, TRACING_ENV]) {
    for (const name of Object.keys(shape)) expect([name, doc.names.has(name)]).toEqual([name, true]);
  }
});

test('.env.example lists nothing the code does not read', () => {
  const stale = [...documented().names].filter((name) => !read.has(name));
  expect(stale).toEqual([]);
});
