/** A benchmark request: one GraphQL operation with fixed variables, and (once known) its expected data. */
export interface Variant {
  /** The kind of operation (what the mix weighs), e.g. `cityProfile`. */
  kind: string;
  /** A label for this variant, e.g. `cityProfile(makati)`. */
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The request body sent under load. */
  body: string;
  /** Filled in once, before any load, from the stack (see expected.ts). */
  expectedData?: unknown;
  /** `{"data":…}` exactly as most gateways serialise it: a string match skips the deep comparison. */
  expectedBody?: string;
}

export function variant(kind: string, label: string, query: string, variables?: Record<string, unknown>): Variant {
  return { kind, label, query, variables, body: JSON.stringify(variables ? { query, variables } : { query }) };
}

/** A small seeded generator (mulberry32), so every run draws the same sequence of requests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a kind uniformly, then a variant of that kind uniformly. */
export function mixPicker(variants: Variant[], random: () => number): () => Variant {
  const byKind = new Map<string, Variant[]>();
  for (const v of variants) byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), v]);
  const kinds = [...byKind.values()];
  return () => {
    const list = kinds[Math.floor(random() * kinds.length)];
    return list[Math.floor(random() * list.length)];
  };
}
