import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLOutputType,
  type GraphQLCompositeType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  GraphQLError,
} from 'graphql';
import { refusal } from '../../lib/http/refusal';
import type { OperationLimits } from '../config';

/**
 * Operation limits, checked on the document before validation and before any subgraph is called.
 * Fragments are expanded with memoisation (a fragment "bomb" costs linear work here, however large
 * its expansion), and fragment cycles are refused rather than followed.
 */
function limitError(code: string, message: string, limit: number, actual: number): GraphQLError {
  return refusal(400, code, message, { limit, actual });
}

/** Document size and token count, from the text alone (the lexer stops one past the limit). */
export function checkDocumentText(source: string, limits: OperationLimits): void {
  const bytes = Buffer.byteLength(source);
  if (bytes > limits.maxDocumentBytes) {
    throw limitError('DOCUMENT_TOO_LARGE', `The document is ${bytes} bytes; the most is ${limits.maxDocumentBytes} (MAX_DOCUMENT_BYTES).`, limits.maxDocumentBytes, bytes);
  }
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > limits.maxTokens) {
        throw limitError('TOKEN_LIMIT_EXCEEDED', `The document has more than ${limits.maxTokens} tokens (MAX_TOKENS).`, limits.maxTokens, tokens);
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'TOKEN_LIMIT_EXCEEDED') throw error;
    // A lexical error: the parser reports it with its position.
  }
}

export interface OperationMeasures {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  cost: number;
}

interface SetMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

/** `first` as the client gave it: a literal or a variable's value (others are left to coercion). */
function argumentInt(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  }
  return undefined;
}

function isConnection(type: GraphQLOutputType): boolean {
  return getNamedType(type).name.endsWith('Connection');
}

/**
 * Depth, aliases, root fields, directives and an estimated cost: each field costs 1, times the
 * product of the list sizes above it (`first`, or the default page size when omitted; a list
 * without `first` counts as the default page size). `first` above the cap is refused here.
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema | undefined,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, SetMeasure>();
  const visiting: string[] = [];

  function typeCondition(name: string | undefined, fallback: GraphQLCompositeType | undefined): GraphQLCompositeType | undefined {
    if (!name || !schema) return fallback;
    const t = schema.getType(name);
    return t && (isObjectType(t) || isInterfaceType(t)) ? t : fallback;
  }

  function measureSet(set: SelectionSetNode, parent: GraphQLCompositeType | undefined): SetMeasure {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias) aliases++;
        // Introspection is bounded by the token limit and off in production; leave it out of cost.
        if (name.startsWith('__')) continue;
        const fieldDef = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        let multiplier = 1;
        if (fieldDef) {
          const firstArg = fieldDef.args.find((a) => a.name === 'first');
          const given = argumentInt(selection.arguments?.find((a) => a.name.value === 'first')?.value, variables);
          if (given !== undefined && given > limits.maxListSize) {
            throw refusal(400, 'BAD_USER_INPUT', `first on ${parent!.name}.${name} is ${given}; the most is ${limits.maxListSize}.`, {
              argumentName: 'first',
              limit: limits.maxListSize,
              actual: given,
            });
          }
          if (given !== undefined && given < 0) {
            throw refusal(400, 'BAD_USER_INPUT', `first on ${parent!.name}.${name} must not be negative.`, { argumentName: 'first' });
          }
          const listLike = isListType(getNullableType(fieldDef.type)) || isConnection(fieldDef.type);
          // A connection's edges/nodes are as many as its `first`, already counted on the connection.
          const inConnection = parent!.name.endsWith('Connection') && (name === 'edges' || name === 'nodes');
          if (listLike && !inConnection && selection.selectionSet) multiplier = firstArg ? (given ?? limits.defaultListSize) : limits.defaultListSize;
        }
        let child: SetMeasure = { depth: 0, aliases: 0, cost: 0 };
        if (selection.selectionSet) {
          const childType = fieldDef ? (getNamedType(fieldDef.type) as GraphQLCompositeType) : undefined;
          child = measureSet(selection.selectionSet, childType);
        }
        depth = Math.max(depth, child.depth + 1);
        aliases += child.aliases;
        cost += 1 + multiplier * child.cost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = measureSet(selection.selectionSet, typeCondition(selection.typeCondition?.name.value, parent));
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
        cost += inner.cost;
      } else {
        const inner = measureFragment(selection.name.value);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
        cost += inner.cost;
      }
      // Stop early on absurd expansions (fragment bombs): the totals only need to pass the limits.
      if (aliases > limits.maxAliases * 1000 || cost > limits.maxCost * 1000) break;
    }
    return { depth, aliases, cost };
  }

  function measureFragment(name: string): SetMeasure {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return { depth: 0, aliases: 0, cost: 0 }; // validation reports unknown fragments
    if (visiting.includes(name)) {
      const cycle = [...visiting.slice(visiting.indexOf(name)), name].join(' -> ');
      throw refusal(400, 'GRAPHQL_VALIDATION_FAILED', `Cannot spread fragment "${name}" within itself (fragment cycle: ${cycle}).`);
    }
    visiting.push(name);
    const result = measureSet(fragment.selectionSet, typeCondition(fragment.typeCondition.name.value, undefined));
    visiting.pop();
    memo.set(name, result);
    return result;
  }

  const rootType = schema
    ? (operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType()) ?? undefined
    : undefined;
  const root = measureSet(operation.selectionSet, rootType);

  // Root fields with fragments at the root expanded (one level is enough for the count).
  let rootFields = 0;
  const countRoot = (set: SelectionSetNode, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== '__typename') rootFields++;
      } else if (s.kind === Kind.INLINE_FRAGMENT) countRoot(s.selectionSet, seen);
      else if (!seen.has(s.name.value) && fragments.has(s.name.value)) {
        seen.add(s.name.value);
        countRoot(fragments.get(s.name.value)!.selectionSet, seen);
      }
    }
  };
  countRoot(operation.selectionSet, new Set());

  let directives = 0;
  const countDirectives = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(countDirectives);
    const n = node as Record<string, unknown>;
    if (n.kind === Kind.DIRECTIVE) directives++;
    for (const key of ['definitions', 'selectionSet', 'selections', 'directives', 'variableDefinitions']) countDirectives(n[key]);
  };
  countDirectives(document);

  return { depth: root.depth, aliases: root.aliases, rootFields, directives, cost: root.cost };
}

export function enforceMeasures(m: OperationMeasures, limits: OperationLimits): void {
  if (m.depth > limits.maxDepth) {
    throw limitError('DEPTH_LIMIT_EXCEEDED', `The operation is ${m.depth} levels deep; the most is ${limits.maxDepth} (MAX_DEPTH).`, limits.maxDepth, m.depth);
  }
  if (m.aliases > limits.maxAliases) {
    throw limitError('ALIAS_LIMIT_EXCEEDED', `The operation uses ${m.aliases} aliases (fragments expanded); the most is ${limits.maxAliases} (MAX_ALIASES).`, limits.maxAliases, m.aliases);
  }
  if (m.rootFields > limits.maxRootFields) {
    throw limitError('ROOT_FIELD_LIMIT_EXCEEDED', `The operation asks for ${m.rootFields} top-level fields; the most is ${limits.maxRootFields} (MAX_ROOT_FIELDS).`, limits.maxRootFields, m.rootFields);
  }
  if (m.directives > limits.maxDirectives) {
    throw limitError('DIRECTIVE_LIMIT_EXCEEDED', `The document uses ${m.directives} directives; the most is ${limits.maxDirectives} (MAX_DIRECTIVES).`, limits.maxDirectives, m.directives);
  }
  if (m.cost > limits.maxCost) {
    throw limitError(
      'COST_LIMIT_EXCEEDED',
      `The operation's estimated cost is ${m.cost} (each field times the list sizes above it); the most is ${limits.maxCost} (MAX_COST). Ask for smaller pages (first) or fewer nested lists.`,
      limits.maxCost,
      m.cost,
    );
  }
}

/** Strings and lists in literals: bounded, whatever argument they go to. */
export function checkLiteralInputs(document: DocumentNode, limits: OperationLimits): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { kind?: string; value?: unknown; values?: unknown[] };
    if (n.kind === Kind.STRING && typeof n.value === 'string' && n.value.length > limits.maxStringLength) {
      throw refusal(400, 'BAD_USER_INPUT', `A string argument is ${n.value.length} characters long; the most is ${limits.maxStringLength} (MAX_STRING_LENGTH).`, {
        limit: limits.maxStringLength,
        actual: n.value.length,
      });
    }
    if (n.kind === Kind.LIST && Array.isArray(n.values) && n.values.length > limits.maxInputListLength) {
      throw refusal(400, 'BAD_USER_INPUT', `A list argument has ${n.values.length} items; the most is ${limits.maxInputListLength} (MAX_INPUT_LIST_LENGTH).`, {
        limit: limits.maxInputListLength,
        actual: n.values.length,
      });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && typeof value === 'object') visit(value);
  };
  visit(document.definitions);
}

const MAX_VARIABLE_NESTING = 10;

/**
 * Variables: bounded size, string lengths, list lengths and nesting; and no key that looks like a
 * MongoDB operator or path (`$gt`, `a.b`) — no input type of ours has such a field, so one can only
 * be an injection attempt.
 */
export function checkVariables(variables: unknown, limits: OperationLimits): void {
  if (variables === undefined || variables === null) return;
  const bytes = Buffer.byteLength(JSON.stringify(variables));
  if (bytes > limits.maxVariablesBytes) {
    throw refusal(400, 'VARIABLES_TOO_LARGE', `The variables are ${bytes} bytes of JSON; the most is ${limits.maxVariablesBytes} (MAX_VARIABLES_BYTES).`, {
      limit: limits.maxVariablesBytes,
      actual: bytes,
    });
  }
  const walk = (value: unknown, path: string, nesting: number): void => {
    if (nesting > MAX_VARIABLE_NESTING) throw refusal(400, 'BAD_USER_INPUT', `Variable ${path} is nested deeper than ${MAX_VARIABLE_NESTING} levels.`);
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        throw refusal(400, 'BAD_USER_INPUT', `Variable ${path} is ${value.length} characters long; the most is ${limits.maxStringLength} (MAX_STRING_LENGTH).`, {
          limit: limits.maxStringLength,
          actual: value.length,
        });
      }
    } else if (Array.isArray(value)) {
      if (value.length > limits.maxInputListLength) {
        throw refusal(400, 'BAD_USER_INPUT', `Variable ${path} has ${value.length} items; the most is ${limits.maxInputListLength} (MAX_INPUT_LIST_LENGTH).`, {
          limit: limits.maxInputListLength,
          actual: value.length,
        });
      }
      value.forEach((item, i) => walk(item, `${path}[${i}]`, nesting + 1));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.startsWith('$') || key.includes('.') || key.includes('\u0000')) {
          throw refusal(400, 'BAD_USER_INPUT', `Variable ${path} has the key ${JSON.stringify(key)}: keys may not start with $ or contain dots.`);
        }
        walk(item, `${path}.${key}`, nesting + 1);
      }
    }
  };
  if (typeof variables !== 'object' || Array.isArray(variables)) throw refusal(400, 'BAD_REQUEST', 'variables must be a JSON object.');
  for (const [name, value] of Object.entries(variables)) {
    if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) throw refusal(400, 'BAD_USER_INPUT', `${JSON.stringify(name)} is not a variable name.`);
    walk(value, `$${name}`, 0);
  }
}
