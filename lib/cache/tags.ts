/**
 * Cache tags: what a cached subgraph answer depends on, and what a change invalidates. The gateway
 * tags every cached entry; a subgraph that changes data publishes the tags it touched (lib/cache/bus.ts),
 * and every gateway process drops the entries carrying them.
 *
 * - an entity: `<subgraph>|<Type>|<key as canonical JSON>`: that entity's fields from that subgraph;
 * - a type: `<subgraph>|<Type>`: every entity of a type (fields derived from many documents);
 * - the lists: `<subgraph>|Query`: every root query answer of the subgraph (lists, searches, counts);
 * - the subgraph: `<subgraph>|*`: everything from it (the fallback when a change declared nothing).
 */
export type CacheTag = string;

/** JSON with object keys sorted, so equal keys give equal tags whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entityTag(subgraph: string, typename: string, key: Record<string, unknown>): CacheTag {
  return `${subgraph}|${typename}|${canonicalJson(key)}`;
}

export function typeTag(subgraph: string, typename: string): CacheTag {
  return `${subgraph}|${typename}`;
}

export function listsTag(subgraph: string): CacheTag {
  return `${subgraph}|Query`;
}

export function subgraphTag(subgraph: string): CacheTag {
  return `${subgraph}|*`;
}
