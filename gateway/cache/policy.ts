import {
  buildASTSchema,
  getNamedType,
  isCompositeType,
  isLeafType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Cache policy from the `@cacheControl(maxAge:, scope:, inheritMaxAge:)` hints the subgraphs declare
 * and composition keeps in the supergraph (`@composeDirective`), computed with Apollo Server's rules:
 * - a field's own hint; else the hint on the type it returns (for composite types);
 * - `inheritMaxAge: true` (on the field, or on the type it returns, e.g. a connection type) takes the
 *   parent field's maxAge;
 * - root fields and composite fields without any hint get the default maxAge (0: not cached);
 * - scalar and enum fields without a hint inherit (they do not restrict the answer);
 * - PRIVATE anywhere makes the whole answer caller-specific.
 * An entity fetch (`_entities`) is read as Apollo's subgraph plugin reads it: each entity's fields
 * restrict by their own hints, and a field without one (nor one on the type it returns) takes the
 * entity type's hint, else the default maxAge (0) — a subgraph that declares no hints has nothing
 * cached. Key fields do not restrict: they are the representation the gateway sent. Our subgraphs
 * hint every non-key field of their entity types (test/cache/hints.test.ts), because composition
 * merges the type-level hints of an entity that several subgraphs define arbitrarily.
 */
export type CacheScope = 'PUBLIC' | 'PRIVATE';

export interface CachePolicy {
  /** Seconds the answer may be reused; 0 = not at all. */
  maxAge: number;
  scope: CacheScope;
  /** A query (reads only): the only kind whose answers may be shared at all. */
  query?: boolean;
}

interface Hint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

const UNRESTRICTED = Number.POSITIVE_INFINITY;

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint | undefined {
  const node = directives?.find((d) => d.name.value === 'cacheControl');
  if (!node) return undefined;
  const hint: Hint = {};
  for (const arg of node.arguments ?? []) {
    if (arg.name.value === 'maxAge' && arg.value.kind === Kind.INT) hint.maxAge = Number(arg.value.value);
    if (arg.name.value === 'scope' && arg.value.kind === Kind.ENUM) hint.scope = arg.value.value as CacheScope;
    if (arg.name.value === 'inheritMaxAge' && arg.value.kind === Kind.BOOLEAN) hint.inheritMaxAge = arg.value.value;
  }
  return hint;
}

export interface PolicyOptions {
  /** maxAge of root and composite fields without hints (Apollo's default: 0). */
  defaultMaxAge?: number;
  /** The longest any answer is kept, whatever the hints say (seconds). */
  maxTtlSeconds?: number;
}

/** The hints of a supergraph and the schema to walk operations against (subgraph fetches included). */
export class CachePolicies {
  readonly schema: GraphQLSchema;
  private readonly typeHints = new Map<string, Hint>();
  private readonly fieldHints = new Map<string, Hint>();
  private readonly defaultMaxAge: number;
  private readonly maxTtl: number;
  /** Entity key fields per subgraph and type, from `@join__type(graph:, key:)`. */
  readonly keyFields = new Map<string, string[]>();
  /** Every key field of each entity type, in any subgraph (`City` → {id}). */
  private readonly keyFieldsByType = new Map<string, Set<string>>();
  /** Subgraph enum value (e.g. MEMBERSHIP) to subgraph name (membership). */
  readonly graphNames = new Map<string, string>();
  private readonly memo = new Map<string, CachePolicy>();

  constructor(supergraphSdl: string, options: PolicyOptions = {}) {
    const document = parse(supergraphSdl);
    // The full supergraph (with @inaccessible fields, which subgraph fetches may select).
    this.schema = buildASTSchema(document, { assumeValidSDL: true });
    this.defaultMaxAge = options.defaultMaxAge ?? 0;
    this.maxTtl = options.maxTtlSeconds ?? 86_400;
    for (const def of document.definitions) {
      if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
        for (const value of def.values ?? []) {
          const graph = value.directives?.find((d) => d.name.value === 'join__graph');
          const name = graph?.arguments?.find((a) => a.name.value === 'name')?.value;
          if (name?.kind === Kind.STRING) this.graphNames.set(value.name.value, name.value);
        }
      }
    }
    for (const def of document.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.UNION_TYPE_DEFINITION) continue;
      const typeHint = hintOf(def.directives);
      if (typeHint) this.typeHints.set(def.name.value, typeHint);
      for (const join of def.directives ?? []) {
        if (join.name.value !== 'join__type') continue;
        const graph = join.arguments?.find((a) => a.name.value === 'graph')?.value;
        const key = join.arguments?.find((a) => a.name.value === 'key')?.value;
        if (graph?.kind !== Kind.ENUM || key?.kind !== Kind.STRING) continue;
        const subgraph = this.graphNames.get(graph.value) ?? graph.value.toLowerCase();
        const fields = key.value.trim().split(/\s+/);
        const all = this.keyFieldsByType.get(def.name.value) ?? new Set<string>();
        for (const field of fields) all.add(field);
        this.keyFieldsByType.set(def.name.value, all);
        // Keys here are flat field lists ("cityId year"); the first key of each subgraph is used.
        if (!this.keyFields.has(`${subgraph}|${def.name.value}`)) this.keyFields.set(`${subgraph}|${def.name.value}`, fields);
      }
      if (def.kind === Kind.UNION_TYPE_DEFINITION) continue;
      for (const field of def.fields ?? []) {
        const hint = hintOf(field.directives);
        if (hint) this.fieldHints.set(`${def.name.value}.${field.name.value}`, hint);
      }
    }
  }

  /** Key fields of an entity type in a subgraph (the representation's identity). */
  entityKey(subgraph: string, typename: string): string[] | undefined {
    return this.keyFields.get(`${subgraph}|${typename}`);
  }

  /** The scope one field declares: its own hint, or the object type it returns. */
  scopeOf(typeName: string, fieldName: string): CacheScope {
    if (this.fieldHints.get(`${typeName}.${fieldName}`)?.scope === 'PRIVATE') return 'PRIVATE';
    const type = this.schema.getType(typeName);
    const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    const returned = field ? getNamedType(field.type) : undefined;
    return returned && this.typeHints.get(returned.name)?.scope === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC';
  }

  /** Whether any hint exists at all (a supergraph without hints caches nothing). */
  get hasHints(): boolean {
    return this.fieldHints.size > 0 || this.typeHints.size > 0;
  }

  /**
   * The policy of one operation of a document (a client operation against the API, or a fetch the
   * gateway sends to a subgraph). Memoised by text and operation name.
   */
  forDocument(text: string, operationName?: string | null): CachePolicy {
    const memoKey = `${operationName ?? ''}\u0000${text}`;
    const known = this.memo.get(memoKey);
    if (known) return known;
    let policy: CachePolicy;
    try {
      policy = this.forParsed(parse(text), operationName);
    } catch {
      policy = { maxAge: 0, scope: 'PRIVATE' };
    }
    if (this.memo.size > 5000) this.memo.clear();
    this.memo.set(memoKey, policy);
    return policy;
  }

  forParsed(document: DocumentNode, operationName?: string | null): CachePolicy {
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (operation?.operation !== 'query') return { maxAge: 0, scope: 'PRIVATE' };
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const root = this.schema.getQueryType();
    if (!root) return { maxAge: 0, scope: 'PRIVATE' };
    const state = { maxAge: UNRESTRICTED, scope: 'PUBLIC' as CacheScope };
    this.walk(operation.selectionSet, root, 0, true, false, fragments, state, new Set());
    const maxAge = state.maxAge === UNRESTRICTED ? this.maxTtl : Math.min(state.maxAge, this.maxTtl);
    return { maxAge: Math.max(0, maxAge), scope: state.scope, query: true };
  }

  /** An entity's field without a hint of its own or of its type: the entity type's hint, else the default (keys never restrict). */
  private entityFieldMaxAge(typeName: string, fieldName: string): number {
    if (this.keyFieldsByType.get(typeName)?.has(fieldName)) return UNRESTRICTED;
    const typeHint = this.typeHints.get(typeName);
    if (typeHint?.maxAge !== undefined) return typeHint.maxAge;
    return this.defaultMaxAge;
  }

  private restrict(state: { maxAge: number; scope: CacheScope }, maxAge: number, scope?: CacheScope): void {
    if (maxAge < state.maxAge) state.maxAge = maxAge;
    if (scope === 'PRIVATE') state.scope = 'PRIVATE';
  }

  private walk(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    parentMaxAge: number,
    isRoot: boolean,
    /** Directly on an entity of an entity fetch (`_entities { ... on T { here } }`). */
    onEntity: boolean,
    fragments: Map<string, FragmentDefinitionNode>,
    state: { maxAge: number; scope: CacheScope },
    visiting: Set<string>,
  ): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? this.schema.getType(typeName) : parentType;
        if (type && isCompositeType(type)) this.walk(selection.selectionSet, type, parentMaxAge, isRoot, onEntity, fragments, state, visiting);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const type = this.schema.getType(fragment.typeCondition.name.value);
        visiting.add(fragment.name.value);
        if (type && isCompositeType(type)) this.walk(fragment.selectionSet, type, parentMaxAge, isRoot, onEntity, fragments, state, visiting);
        visiting.delete(fragment.name.value);
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (isRoot && name === '_entities') {
        // An entity fetch: its fragments are on the entity types; each field restricts on its own.
        if (selection.selectionSet) this.walk(selection.selectionSet, parentType, UNRESTRICTED, false, true, fragments, state, visiting);
        continue;
      }
      if (name.startsWith('__')) continue; // introspection meta fields (__schema, __type): not cached data
      const fieldDef = 'getFields' in parentType ? parentType.getFields()[name] : undefined;
      if (!fieldDef) {
        // Unknown to the supergraph: nothing can be said about it.
        this.restrict(state, 0, 'PRIVATE');
        continue;
      }
      const returnType = getNamedType(fieldDef.type) as GraphQLNamedType;
      const fieldHint = this.fieldHints.get(`${parentType.name}.${name}`);
      const typeHint = isCompositeType(returnType) ? this.typeHints.get(returnType.name) : undefined;
      let maxAge: number | undefined;
      if (fieldHint?.maxAge !== undefined) maxAge = fieldHint.maxAge;
      else if (fieldHint?.inheritMaxAge) maxAge = parentMaxAge;
      else if (typeHint?.maxAge !== undefined) maxAge = typeHint.maxAge;
      else if (typeHint?.inheritMaxAge) maxAge = parentMaxAge;
      else if (onEntity) maxAge = this.entityFieldMaxAge(parentType.name, name);
      else if (isRoot || !isLeafType(returnType)) maxAge = this.defaultMaxAge;
      else maxAge = parentMaxAge; // scalars and enums inherit
      const entityPrivate = onEntity && this.typeHints.get(parentType.name)?.scope === 'PRIVATE';
      const scope = fieldHint?.scope === 'PRIVATE' || typeHint?.scope === 'PRIVATE' || entityPrivate ? 'PRIVATE' : undefined;
      this.restrict(state, maxAge, scope);
      if (selection.selectionSet && isCompositeType(returnType)) {
        this.walk(selection.selectionSet, returnType, maxAge, false, false, fragments, state, visiting);
      }
    }
  }
}
