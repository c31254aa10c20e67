import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLCompositeType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FieldNode,
  GraphQLError,
} from 'graphql';
import { refusal } from '../../lib/http/refusal';
import type { OperationLimits } from '../config';
import { argumentInt, argumentsWeight, fieldWeight, listSizing, type CostModel } from './cost';

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
    throw limitError(
      'DOCUMENT_TOO_LARGE',
      `The document is ${bytes} bytes; the most is ${limits.maxDocumentBytes} (MAX_DOCUMENT_BYTES).`,
      limits.maxDocumentBytes,
      bytes,
    );
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
  /** Estimated cost by the cost spec (gateway/limits/cost.ts). */
  cost: number;
  /** The most expensive path (response keys, `×n` where a list multiplies) and what it costs. */
  path: string[];
  pathCost: number;
}

interface SetMeasure {
  depth: number;
  aliases: number;
  cost: number;
  path: string[];
  pathCost: number;
}

const EMPTY: SetMeasure = { depth: 0, aliases: 0, cost: 0, path: [], pathCost: 0 };

/** A cost model without directives: every list counts `defaultListSize` instances. */
export function plainCostModel(defaultListSize: number): CostModel {
  return { typeWeights: new Map(), fieldWeights: new Map(), argumentWeights: new Map(), listSizes: new Map(), defaultListSize };
}

/**
 * Depth, aliases, root fields, directives and the estimated cost by the cost spec, with the most
 * expensive path (see gateway/limits/cost.ts). `first` above the cap (or negative) is refused here.
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema | undefined,
  variables: Record<string, unknown>,
  limits: OperationLimits,
  model: CostModel = plainCostModel(limits.defaultListSize),
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, SetMeasure>();
  const visiting: string[] = [];
  const rootMutation = operation.operation === 'mutation';

  function typeCondition(name: string | undefined, fallback: GraphQLCompositeType | undefined): GraphQLCompositeType | undefined {
    if (!name || !schema) return fallback;
    const t = schema.getType(name);
    return t && (isObjectType(t) || isInterfaceType(t) || isUnionType(t)) ? t : fallback;
  }

  function checkFirst(parent: GraphQLCompositeType, name: string, selection: FieldNode): void {
    const given = argumentInt(selection.arguments?.find((a) => a.name.value === 'first')?.value, variables);
    if (given !== undefined && given > limits.maxListSize) {
      throw refusal(400, 'BAD_USER_INPUT', `first on ${parent.name}.${name} is ${given}; the most is ${limits.maxListSize}.`, {
        argumentName: 'first',
        limit: limits.maxListSize,
        actual: given,
      });
    }
    if (given !== undefined && given < 0) {
      throw refusal(400, 'BAD_USER_INPUT', `first on ${parent.name}.${name} must not be negative.`, { argumentName: 'first' });
    }
  }

  function measureSet(set: SelectionSetNode, parent: GraphQLCompositeType | undefined, sized: Map<string, number> | undefined, root: boolean): SetMeasure {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    let path: string[] = [];
    let pathCost = 0;
    const consider = (contribution: number, childPath: string[]) => {
      // Only what costs something: leaves of weight 0 (scalars) end no path.
      if (childPath.length && contribution > pathCost) {
        pathCost = contribution;
        path = childPath;
      }
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias) aliases++;
        // Introspection is bounded by the token limit and off in production; leave it out of cost.
        if (name.startsWith('__')) continue;
        const fieldDef = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        let child: SetMeasure = EMPTY;
        let contribution: number;
        let label = selection.alias ? `${selection.alias.value}:${name}` : name;
        if (fieldDef) {
          checkFirst(parent!, name, selection);
          const sizing = listSizing(model, parent!.name, fieldDef, selection, variables, sized?.get(name));
          if (selection.selectionSet) {
            const childType = getNamedType(fieldDef.type) as GraphQLCompositeType;
            child = measureSet(selection.selectionSet, childType, sizing.sized, false);
          }
          const weight = fieldWeight(model, parent!.name, fieldDef, root && rootMutation);
          contribution = sizing.instances * (weight + child.cost) + argumentsWeight(model, parent!.name, fieldDef, selection);
          if (sizing.instances !== 1) label += `×${sizing.instances}`;
        } else {
          if (selection.selectionSet) child = measureSet(selection.selectionSet, undefined, undefined, false);
          contribution = child.cost;
        }
        depth = Math.max(depth, child.depth + 1);
        aliases += child.aliases;
        cost += contribution;
        consider(contribution, [label, ...child.path]);
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT
            ? measureSet(selection.selectionSet, typeCondition(selection.typeCondition?.name.value, parent), sized, root)
            : measureFragment(selection.name.value, sized, root);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
        cost += inner.cost;
        consider(inner.pathCost, inner.path);
      }
      // Stop early on absurd expansions (fragment bombs): the totals only need to pass the limits.
      if (aliases > limits.maxAliases * 1000 || cost > limits.maxCost * 1000) break;
    }
    return { depth, aliases, cost, path, pathCost };
  }

  function measureFragment(name: string, sized: Map<string, number> | undefined, root: boolean): SetMeasure {
    const key = `${name}|${root ? 'root' : ''}|${sized ? JSON.stringify([...sized]) : ''}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return EMPTY; // validation reports unknown fragments
    if (visiting.includes(name)) {
      const cycle = [...visiting.slice(visiting.indexOf(name)), name].join(' -> ');
      throw refusal(400, 'GRAPHQL_VALIDATION_FAILED', `Cannot spread fragment "${name}" within itself (fragment cycle: ${cycle}).`);
    }
    visiting.push(name);
    const result = measureSet(fragment.selectionSet, typeCondition(fragment.typeCondition.name.value, undefined), sized, root);
    visiting.pop();
    memo.set(key, result);
    return result;
  }

  const rootType = schema
    ? ((operation.operation === 'query'
        ? schema.getQueryType()
        : operation.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType()) ?? undefined)
    : undefined;
  const root = measureSet(operation.selectionSet, rootType, undefined, true);

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
    if (Array.isArray(node)) {
      node.forEach(countDirectives);
      return;
    }
    const n = node as Record<string, unknown>;
    if (n.kind === Kind.DIRECTIVE) directives++;
    for (const key of ['definitions', 'selectionSet', 'selections', 'directives', 'variableDefinitions']) countDirectives(n[key]);
  };
  countDirectives(document);

  return { depth: root.depth, aliases: root.aliases, rootFields, directives, cost: root.cost, path: root.path, pathCost: root.pathCost };
}

export function enforceMeasures(m: OperationMeasures, limits: OperationLimits): void {
  if (m.depth > limits.maxDepth) {
    throw limitError('DEPTH_LIMIT_EXCEEDED', `The operation is ${m.depth} levels deep; the most is ${limits.maxDepth} (MAX_DEPTH).`, limits.maxDepth, m.depth);
  }
  if (m.aliases > limits.maxAliases) {
    throw limitError(
      'ALIAS_LIMIT_EXCEEDED',
      `The operation uses ${m.aliases} aliases (fragments expanded); the most is ${limits.maxAliases} (MAX_ALIASES).`,
      limits.maxAliases,
      m.aliases,
    );
  }
  if (m.rootFields > limits.maxRootFields) {
    throw limitError(
      'ROOT_FIELD_LIMIT_EXCEEDED',
      `The operation asks for ${m.rootFields} top-level fields; the most is ${limits.maxRootFields} (MAX_ROOT_FIELDS).`,
      limits.maxRootFields,
      m.rootFields,
    );
  }
  if (m.directives > limits.maxDirectives) {
    throw limitError(
      'DIRECTIVE_LIMIT_EXCEEDED',
      `The document uses ${m.directives} directives; the most is ${limits.maxDirectives} (MAX_DIRECTIVES).`,
      limits.maxDirectives,
      m.directives,
    );
  }
  if (m.cost > limits.maxCost) {
    const path = m.path.join('.');
    throw refusal(
      400,
      'COST_LIMIT_EXCEEDED',
      `The operation's estimated cost is ${m.cost}; the most is ${limits.maxCost} (MAX_COST). The most expensive path is ${path} ` +
        `(its top-level field alone costs ${m.pathCost}; ×n is the list size assumed there). ` +
        'Ask for smaller pages (first) or fewer nested lists.',
      { limit: limits.maxCost, actual: m.cost, estimatedCost: m.cost, path, pathCost: m.pathCost },
    );
  }
}

/** Strings and lists in literals: bounded, whatever argument they go to. */
export function checkLiteralInputs(document: DocumentNode, limits: OperationLimits): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as { kind?: string; value?: unknown; values?: unknown[] };
    if (n.kind === Kind.STRING && typeof n.value === 'string' && n.value.length > limits.maxStringLength) {
      throw refusal(
        400,
        'BAD_USER_INPUT',
        `A string argument is ${n.value.length} characters long; the most is ${limits.maxStringLength} (MAX_STRING_LENGTH).`,
        {
          limit: limits.maxStringLength,
          actual: n.value.length,
        },
      );
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
        throw refusal(
          400,
          'BAD_USER_INPUT',
          `Variable ${path} is ${value.length} characters long; the most is ${limits.maxStringLength} (MAX_STRING_LENGTH).`,
          {
            limit: limits.maxStringLength,
            actual: value.length,
          },
        );
      }
    } else if (Array.isArray(value)) {
      if (value.length > limits.maxInputListLength) {
        throw refusal(400, 'BAD_USER_INPUT', `Variable ${path} has ${value.length} items; the most is ${limits.maxInputListLength} (MAX_INPUT_LIST_LENGTH).`, {
          limit: limits.maxInputListLength,
          actual: value.length,
        });
      }
      value.forEach((item, i) => {
        walk(item, `${path}[${i}]`, nesting + 1);
      });
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
