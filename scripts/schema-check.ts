/**
 * `npm run schema:check [-- --base <git rev>]`: composes the subgraphs and compares the public API
 * (the supergraph's API schema: what clients can query, @inaccessible removed) with the last
 * committed supergraph. Breaking changes (removed types or fields, changed types, new required
 * arguments, ...) fail the check unless acknowledged in schema/acknowledged-breaking-changes.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';
import { composeSupergraph, SUPERGRAPH_FILE } from './compose';

const root = join(__dirname, '..');
export const ACK_FILE = join(root, 'schema', 'acknowledged-breaking-changes.json');

export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export interface SchemaCheckResult {
  breaking: string[];
  unacknowledged: string[];
  dangerous: string[];
}

/** Every breaking change from `before` to `after`, and those not in `acknowledged`. */
export function checkSchemaChange(beforeSupergraph: string, afterSupergraph: string, acknowledged: string[] = []): SchemaCheckResult {
  const before = apiSchemaOf(beforeSupergraph);
  const after = apiSchemaOf(afterSupergraph);
  const breaking = findBreakingChanges(before, after).map((c) => `${c.type}: ${c.description}`);
  const dangerous = findDangerousChanges(before, after).map((c) => `${c.type}: ${c.description}`);
  return { breaking, dangerous, unacknowledged: breaking.filter((b) => !acknowledged.includes(b)) };
}

function baselineSupergraph(base: string): string {
  try {
    return execFileSync('git', ['show', `${base}:schema/supergraph.graphql`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // Outside git (e.g. a source tarball): the file as it is.
    return readFileSync(SUPERGRAPH_FILE, 'utf8');
  }
}

export function readAcknowledged(path = ACK_FILE): string[] {
  if (!existsSync(path)) return [];
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { acknowledged?: { change: string; reason: string }[] };
  return (parsed.acknowledged ?? []).map((a) => a.change);
}

function main(): void {
  const baseIndex = process.argv.indexOf('--base');
  const base = baseIndex > 0 ? process.argv[baseIndex + 1] : 'HEAD';
  const result = checkSchemaChange(baselineSupergraph(base), composeSupergraph(), readAcknowledged());
  for (const d of result.dangerous) console.log(`dangerous (allowed): ${d}`);
  for (const b of result.breaking) console.log(`${result.unacknowledged.includes(b) ? 'BREAKING' : 'breaking (acknowledged)'}: ${b}`);
  if (result.unacknowledged.length) {
    console.error(
      `\n${result.unacknowledged.length} breaking change(s) to the public API since ${base}. Partner apps would break.\n` +
        `Undo them, or acknowledge each one (with a reason) in schema/acknowledged-breaking-changes.json.`,
    );
    process.exit(1);
  }
  console.log(`No unacknowledged breaking changes to the public API since ${base}.`);
}

if (require.main === module) main();
