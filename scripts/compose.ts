/**
 * Composes the four subgraph SDLs into schema/supergraph.graphql with @apollo/composition.
 * `--check` composes in memory and fails when composition fails or the committed file is stale.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPH_NAMES } from '../lib/config';

const root = join(__dirname, '..');
export const SUPERGRAPH_FILE = join(root, 'schema', 'supergraph.graphql');

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export function subgraphSdls(): SubgraphSdl[] {
  return SUBGRAPH_NAMES.map((name) => ({
    name,
    // The URL baked into the supergraph is the local default; the gateway overrides it per environment.
    url: `http://localhost:${DEFAULT_PORTS[name]}/graphql`,
    sdl: readFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'utf8'),
  }));
}

/** Composes SDLs into a supergraph; throws with every composition error listed. */
export function composeSupergraph(sdls: SubgraphSdl[] = subgraphSdls()): string {
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl}\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  let sdl: string;
  try {
    sdl = composeSupergraph();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (check) {
    const committed = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
    if (committed !== sdl) {
      console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
      process.exit(1);
    }
    console.log('Composition OK; schema/supergraph.graphql is up to date.');
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, sdl);
  console.log(`Wrote ${SUPERGRAPH_FILE}`);
}

if (require.main === module) main();
