/**
 * Random GraphQL documents built from the schema, from a seed fast-check draws (so a run replays with
 * its FUZZ_SEED; a small PRNG does the drawing inside, far cheaper than a fast-check draw per choice):
 * root fields of Query (sometimes Mutation), arguments of every input type (valid values, values of
 * the wrong kind, huge numbers, unicode, bad enum names, malformed dates), as literals or variables,
 * selections down to random depths (past the depth limit sometimes), aliases, inline and named
 * fragments, @include/@skip, and now and then a mangled text (parse errors).
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** The draws a document needs, from a seeded PRNG (mulberry32). */
export class Draw {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** 0 <= n <= max. */
  nat(max: number): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(unit * (max + 1));
  }
  int(min: number, max: number): number {
    return min + this.nat(max - min);
  }
  bool(): boolean {
    return this.nat(1) === 1;
  }
  /** A string of `maxLength` code points at most: ASCII, or any code point (astral, controls, lone surrogates). */
  string(maxLength: number, unicode = false): string {
    const n = this.nat(maxLength);
    let out = '';
    for (let i = 0; i < n; i++) {
      if (!unicode || this.nat(3) > 0) out += String.fromCharCode(this.int(0x20, 0x7e));
      else out += String.fromCodePoint(this.nat(9) === 0 ? this.int(0xd800, 0xdfff) : this.int(0, 0x10ffff));
    }
    return out;
  }
  double(): number {
    const mantissa = this.nat(2 ** 30) / 2 ** 15 - 2 ** 14;
    return this.bool() ? mantissa : mantissa * 10 ** this.int(-300, 300);
  }
  json(depth: number): unknown {
    switch (this.nat(depth > 0 ? 6 : 3)) {
      case 0:
        return null;
      case 1:
        return this.bool();
      case 2:
        return this.bool() ? this.int(-1000, 1000) : this.double();
      case 3:
        return this.string(10, true);
      case 4:
        return Array.from({ length: this.nat(3) }, () => this.json(depth - 1));
      default: {
        const out: Record<string, unknown> = {};
        for (let i = this.nat(3); i > 0; i--) out[this.string(6, true)] = this.json(depth - 1);
        return out;
      }
    }
  }
}

type Gen = Draw;

const KNOWN_IDS = ['makati', 'toronto', 'kuala-lumpur', 'seoul', 'yokohama', 'ws-0001', 'nope', ''];
const KNOWN_DATES = ['2026-12-01T00:00:00Z', '2027-03-01', '2026-13-45T99:00:00Z', '2026-11-28T09:00:00+08:00', 'yesterday'];

export interface FuzzOperation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function pick<T>(g: Gen, items: readonly T[]): T {
  return items[g.nat(items.length - 1)];
}

function chance(g: Gen, percent: number): boolean {
  return g.nat(99) < percent;
}

/** A JSON value for an input type (as a variable's value), sometimes of the wrong kind. */
function valueFor(g: Gen, type: GraphQLInputType, depth: number): unknown {
  if (!isNonNullType(type) && chance(g, 8)) return null;
  if (chance(g, 4)) return g.json(2);
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    const n = g.nat(depth > 2 ? 1 : 3);
    return Array.from({ length: n }, () => valueFor(g, inner.ofType, depth + 1));
  }
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) || (depth < 3 && chance(g, 50))) out[field.name] = valueFor(g, field.type, depth + 1);
    }
    if (chance(g, 3)) out[g.string(8)] = 1;
    return out;
  }
  if (isEnumType(inner)) return chance(g, 85) ? pick(g, inner.getValues()).name : g.string(10);
  switch (inner.name) {
    case 'Int':
      return chance(g, 85) ? g.int(-3, 120) : pick(g, [2 ** 31, -(2 ** 31) - 1, 1e20, 1.5, Number.MAX_SAFE_INTEGER]);
    case 'Float':
      return g.double();
    case 'Boolean':
      return g.bool();
    case 'ID':
      return chance(g, 70) ? pick(g, KNOWN_IDS) : g.string(12, true);
    case 'DateTime':
    case 'Date':
      return chance(g, 70) ? pick(g, KNOWN_DATES) : g.string(12);
    case 'JSON':
      return g.json(2);
    default:
      return chance(g, 50) ? pick(g, KNOWN_IDS) : g.string(16, true);
  }
}

/** The same as a GraphQL literal (JSON is close: strings and numbers print alike; enums bare). */
function literal(type: GraphQLInputType, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const inner = getNullableType(type) as GraphQLInputType;
  if (Array.isArray(value)) return `[${value.map((v) => literal(isListType(inner) ? inner.ofType : inner, v)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : 'bad_key'}: ${literal((fields[k]?.type ?? inner) as GraphQLInputType, v)}`)
      .join(', ')} }`;
  }
  if (isEnumType(inner) && typeof value === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

function typeString(type: GraphQLInputType): string {
  return String(type);
}

interface Context {
  g: Gen;
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  definitions: string[];
  fragments: string[];
  aliases: number;
}

function argumentsFor(ctx: Context, field: GraphQLField<unknown, unknown>): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && !chance(ctx.g, 45)) continue;
    if (chance(ctx.g, 3)) continue; // a required argument left out, now and then
    const value = valueFor(ctx.g, arg.type, 0);
    if (chance(ctx.g, 30)) {
      const name = `v${ctx.definitions.length}`;
      ctx.definitions.push(`$${name}: ${chance(ctx.g, 95) ? typeString(arg.type) : 'Strin'}`);
      if (!chance(ctx.g, 5)) ctx.variables[name] = value;
      parts.push(`${arg.name}: $${name}`);
    } else {
      parts.push(`${arg.name}: ${literal(arg.type, value)}`);
    }
  }
  if (chance(ctx.g, 2)) parts.push(`${pick(ctx.g, ['bogus', 'first', 'after', 'id', '_x'])}: 1`); // unknown or repeated
  return parts.length ? `(${parts.join(', ')})` : '';
}

function directives(g: Gen): string {
  if (!chance(g, 8)) return '';
  return ` @${pick(g, ['include', 'skip'])}(if: ${g.bool()})`;
}

function selection(ctx: Context, type: GraphQLNamedType, depth: number): string {
  const { g } = ctx;
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = ctx.schema.getPossibleTypes(type);
    const parts = ['__typename'];
    if (isInterfaceType(type)) parts.push(fieldsOf(ctx, type, depth));
    for (const t of possible) if (chance(g, 50)) parts.push(`... on ${t.name} { ${fieldsOf(ctx, t, depth)} }`);
    return parts.join(' ');
  }
  return fieldsOf(ctx, type, depth);
}

function fieldsOf(ctx: Context, type: GraphQLNamedType, depth: number): string {
  const { g } = ctx;
  if (!isObjectType(type) && !isInterfaceType(type)) return '__typename';
  const fields = Object.values(type.getFields());
  const count = 1 + g.nat(Math.min(4, fields.length - 1));
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = pick(g, fields);
    const named = getNamedType(field.type);
    let text = '';
    if (chance(g, 10)) {
      text += `a${ctx.aliases++}: `;
    }
    text += field.name + argumentsFor(ctx, field) + directives(g);
    if (!isLeafType(named)) {
      // Stop at the depth drawn for this branch (sometimes past the gateway's limit).
      text += depth <= 0 ? ' { __typename }' : ` { ${selection(ctx, named, depth - 1)} }`;
    } else if (chance(g, 2)) {
      text += ' { x }'; // a selection on a leaf: a validation error
    }
    parts.push(text);
  }
  if (chance(g, 5)) parts.push('__typename');
  if (chance(g, 4) && (isObjectType(type) || isInterfaceType(type))) {
    const name = `F${ctx.fragments.length}`;
    ctx.fragments.push(
      `fragment ${name} on ${type.name} { ${pick(
        g,
        Object.keys(type.getFields())
          .filter((f) => isLeafType(getNamedType(type.getFields()[f].type)))
          .concat('__typename'),
      )} }`,
    );
    parts.push(`...${name}`);
  }
  if (chance(g, 2)) parts.push(`... { __typename }`);
  return parts.join(' ');
}

/** One random operation over `schema`. */
export function randomOperation(schema: GraphQLSchema, seed: number, options: { mutations?: boolean } = {}): FuzzOperation {
  const g = new Draw(seed);
  const mutation = schema.getMutationType();
  const useMutation = !!mutation && options.mutations !== false && chance(g, 12);
  const root = useMutation ? mutation! : schema.getQueryType()!;
  const ctx: Context = { g, schema, variables: {}, definitions: [], fragments: [], aliases: 0 };
  const depth = chance(g, 10) ? g.int(8, 14) : g.int(0, 5);
  const rootFields = Object.values(root.getFields());
  const count = 1 + g.nat(chance(g, 5) ? 12 : 2);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = pick(g, rootFields);
    const named = getNamedType(field.type);
    let text = (chance(g, 15) ? `r${i}: ` : '') + field.name + argumentsFor(ctx, field) + directives(g);
    if (!isLeafType(named)) text += ` { ${selection(ctx, named, depth)} }`;
    parts.push(text);
  }
  const name = chance(g, 50) ? `Fuzz${g.nat(999)}` : undefined;
  const header = `${useMutation ? 'mutation' : 'query'}${name ? ` ${name}` : ''}${ctx.definitions.length ? `(${ctx.definitions.join(', ')})` : ''}`;
  let query = `${header} { ${parts.join(' ')} } ${ctx.fragments.join(' ')}`;
  if (chance(g, 5)) {
    // Mangle the text: a parse error (or, sometimes, still a document).
    const at = g.nat(query.length);
    query = chance(g, 50)
      ? query.slice(0, at) + query.slice(at + 1)
      : query.slice(0, at) + pick(g, ['{', '}', '(', '"', '$', '...', '\u0000', '🏙️']) + query.slice(at);
  }
  const operation: FuzzOperation = { query };
  if (Object.keys(ctx.variables).length || chance(g, 10)) operation.variables = ctx.variables;
  if (name && chance(g, 80)) operation.operationName = chance(g, 90) ? name : 'Other';
  return operation;
}
