/**
 * Every field of the composed API says how long its answer may be reused (issue 10): a field that
 * returns an object (and every root field) without a hint of its own or of its type would silently
 * be "maxAge 0" by Apollo's rules, and every answer that selects it would be uncacheable. This test
 * lists every such field of schema/supergraph.graphql, so a new field cannot forget its hint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType, isCompositeType, isObjectType, Kind, parse, type ConstDirectiveNode } from 'graphql';
import { CachePolicies } from '../../gateway/cache/policy';

const SUPERGRAPH = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const document = parse(SUPERGRAPH);
const policies = new CachePolicies(SUPERGRAPH);

const hasHint = (directives: readonly ConstDirectiveNode[] | undefined) =>
  !!directives?.some((d) => d.name.value === 'cacheControl' && d.arguments?.some((a) => a.name.value === 'maxAge' || a.name.value === 'inheritMaxAge'));

const typeHinted = new Set<string>();
const fieldHinted = new Set<string>();
for (const def of document.definitions) {
  if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.UNION_TYPE_DEFINITION) continue;
  if (hasHint(def.directives)) typeHinted.add(def.name.value);
  if (def.kind === Kind.UNION_TYPE_DEFINITION) continue;
  for (const field of def.fields ?? []) if (hasHint(field.directives)) fieldHinted.add(`${def.name.value}.${field.name.value}`);
}

test('the supergraph carries the cache hints of the subgraphs', () => {
  expect(policies.hasHints).toBe(true);
});

test("every root field and every field returning an object has a maxAge (its own, its type's, or inherited)", () => {
  const schema = policies.schema;
  const missing: string[] = [];
  const roots = new Set([schema.getQueryType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
    if (type.name === schema.getMutationType()?.name) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue; // _entities, _service: federation internals
      const returned = getNamedType(field.type);
      const needsHint = roots.has(type.name) || isCompositeType(returned);
      if (!needsHint) continue;
      if (fieldHinted.has(`${type.name}.${field.name}`) || typeHinted.has(returned.name)) continue;
      missing.push(`${type.name}.${field.name}: ${returned.name}`);
    }
  }
  expect(missing).toEqual([]);
});

test('every non-key field of an entity type has a maxAge of its own, of its type or of the entity (else entity fetches selecting it are never cached)', () => {
  const missing: string[] = [];
  let checked = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const type = policies.schema.getType(def.name.value);
    if (!isObjectType(type)) continue;
    const keys = new Set<string>();
    for (const join of def.directives ?? []) {
      if (join.name.value !== 'join__type') continue;
      const key = join.arguments?.find((a) => a.name.value === 'key')?.value;
      if (key?.kind === Kind.STRING) for (const field of key.value.trim().split(/\s+/)) keys.add(field);
    }
    if (keys.size === 0 || typeHinted.has(def.name.value)) continue;
    for (const field of Object.values(type.getFields())) {
      if (keys.has(field.name) || field.name.startsWith('_')) continue;
      checked++;
      if (fieldHinted.has(`${type.name}.${field.name}`) || typeHinted.has(getNamedType(field.type).name)) continue;
      missing.push(`${type.name}.${field.name}`);
    }
  }
  expect(checked).toBeGreaterThan(20);
  expect(missing).toEqual([]);
});
