import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';

/**
 * Trusted documents: the operations partner apps use live as `.graphql` files in
 * `trusted-documents/`, compiled (`npm run trusted-documents`) into a committed manifest keyed by
 * the SHA-256 of each file's text — the same hash an APQ client sends for that text.
 */
export interface TrustedDocumentsManifest {
  format: 'citynet-trusted-documents/1';
  operations: Record<string, { name: string; file: string; body: string }>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compiles every `*.graphql` in `dir` (one or more named operations per file, checked to parse). */
export function buildManifest(dir: string): TrustedDocumentsManifest {
  const operations: TrustedDocumentsManifest['operations'] = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()) {
    const body = readFileSync(join(dir, file), 'utf8');
    const names = parse(body)
      .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? d.name.value : ''));
    if (!names.length || names.some((n) => !n)) throw new Error(`${file}: every trusted operation must be named.`);
    operations[sha256(body)] = { name: names.join(','), file, body };
  }
  return { format: 'citynet-trusted-documents/1', operations };
}

export function manifestText(manifest: TrustedDocumentsManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Loads the manifest; each entry's hash is checked against its body so a hand edit cannot smuggle one in. */
export function loadManifest(path: string): Map<string, string> {
  let manifest: TrustedDocumentsManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as TrustedDocumentsManifest;
  } catch (error) {
    throw new Error(
      `Cannot read the trusted documents manifest at ${path} (TRUSTED_DOCUMENTS_MANIFEST): ${(error as Error).message}. Run \`npm run trusted-documents\`.`,
    );
  }
  if (manifest.format !== 'citynet-trusted-documents/1') throw new Error(`${path} is not a trusted documents manifest.`);
  const byHash = new Map<string, string>();
  for (const [hash, entry] of Object.entries(manifest.operations)) {
    if (sha256(entry.body) !== hash) throw new Error(`${path}: the entry ${hash} (${entry.file}) does not match its body.`);
    byHash.set(hash, entry.body);
  }
  return byHash;
}
