import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** trusted-documents/ (beside lib/ in the sources and in dist/). */
const TRUSTED_DOCUMENTS_DIR = join(__dirname, '..', '..', 'trusted-documents');

/**
 * The text of a trusted document, exactly as the manifest hashed it. A subgraph that asks another
 * domain through the gateway without the caller's token sends this text, so the gateway accepts it
 * where trusted documents are enforced; reading the file keeps one copy of the operation.
 */
export function trustedDocument(file: string): string {
  return readFileSync(join(TRUSTED_DOCUMENTS_DIR, file), 'utf8');
}
