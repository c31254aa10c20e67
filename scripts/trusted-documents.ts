/**
 * Compiles trusted-documents/*.graphql into trusted-documents/manifest.json (commit it).
 * `--check` fails when the committed manifest is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, manifestText } from '../gateway/trusted-documents/manifest';

const dir = join(__dirname, '..', 'trusted-documents');
const out = join(dir, 'manifest.json');
const text = manifestText(buildManifest(dir));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('trusted-documents/manifest.json is stale: run `npm run trusted-documents` and commit it.');
    process.exit(1);
  }
  console.log('trusted-documents/manifest.json is up to date.');
} else {
  writeFileSync(out, text);
  console.log(`Wrote ${out}`);
}
