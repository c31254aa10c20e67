import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { refusal } from '../../lib/http/refusal';

/**
 * Demand control by the cost spec (IBM's GraphQL Cost Directives, as Apollo Router's demand control and
 * Hive Gateway implement it): the subgraphs declare `@cost(weight:)` and `@listSize(assumedSize:,
 * slicingArguments:, sizedFields:, requireOneSlicingArgument:)` (Federation 2.9 exports both) and
 * composition keeps them in the supergraph, where the gateway reads them.
 *
 * Cost of an operation = the sum of its fields' costs, each
 *   instances × (weight + the cost of its selections) + the weights of the arguments given, where
 * - weight: the field's `@cost`, else its return type's `@cost`, else 1 for an object, interface or
 *   union, 0 for a scalar or enum; a root mutation field weighs 10;
 * - instances: 1 for a field that is not a list; for a list, the value of its slicing argument (the
 *   largest if several are given; a variable's value; the argument's default), else its `assumedSize`,
 *   else the configured default list size (DEMAND_CONTROL_LIST_SIZE);
 * - `sizedFields`: the size given by the slicing argument applies to those child fields (a
 *   connection's `edges`) instead of the field itself.
 * The actual cost of an answer counts the same weights over the objects actually returned.
 */
export interface ListSizeSpec {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
  requireOneSlicingArgument: boolean;
}

export interface CostModel {
  /** `@cost` on types (objects, scalars, enums). */
  typeWeights: Map<string, number>;
  /** `@cost` on fields: `Type.field`. */
  fieldWeights: Map<string, number>;
  /** `@cost` on arguments: `Type.field(argument)`. */
  argumentWeights: Map<string, number>;
  /** `@listSize` on fields: `Type.field`. */
  listSizes: Map<string, ListSizeSpec>;
  /** Instances assumed for a list with neither a slicing argument nor an assumed size. */
  defaultListSize: number;
}

export const MUTATION_WEIGHT = 10;

/** The names `@cost` and `@listSize` go by in a supergraph (imported or prefixed by the cost link). */
function directiveNames(document: DocumentNode): { cost: Set<string>; listSize: Set<string> } {
  const cost = new Set(['cost', 'federation__cost']);
  const listSize = new Set(['listSize', 'cost__listSize', 'federation__listSize']);
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const url = link.arguments?.find((a) => a.name.value === 'url')?.value;
      const as = link.arguments?.find((a) => a.name.value === 'as')?.value;
      if (url?.kind !== Kind.STRING || !url.value.startsWith('https://specs.apollo.dev/cost/')) continue;
      const prefix = as?.kind === Kind.STRING ? as.value : 'cost';
      cost.add(prefix);
      listSize.add(`${prefix}__listSize`);
    }
  }
  return { cost, listSize };
}

function intArg(directive: ConstDirectiveNode, name: string): number | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringListArg(directive: ConstDirectiveNode, name: string): string[] | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.STRING) return [value.value];
  if (value.kind === Kind.LIST) return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
  return undefined;
}

/** Reads `@cost` and `@listSize` from a composed supergraph (or any SDL that uses them). */
export function readCostModel(sdl: string, defaultListSize: number): CostModel {
  const document = parse(sdl);
  const names = directiveNames(document);
  const model: CostModel = { typeWeights: new Map(), fieldWeights: new Map(), argumentWeights: new Map(), listSizes: new Map(), defaultListSize };
  const costOf = (directives: readonly ConstDirectiveNode[] | undefined) => {
    const d = directives?.find((x) => names.cost.has(x.name.value));
    return d ? intArg(d, 'weight') : undefined;
  };
  for (const def of document.definitions) {
    if (!('name' in def) || !def.name) continue;
    const typeName = def.name.value;
    if ('directives' in def) {
      const weight = costOf(def.directives as readonly ConstDirectiveNode[] | undefined);
      if (weight !== undefined && def.kind !== Kind.DIRECTIVE_DEFINITION) model.typeWeights.set(typeName, weight);
    }
    if (!('fields' in def) || !def.fields) continue;
    for (const field of def.fields) {
      const key = `${typeName}.${field.name.value}`;
      const weight = costOf(field.directives);
      if (weight !== undefined) model.fieldWeights.set(key, weight);
      const listSize = field.directives?.find((d) => names.listSize.has(d.name.value));
      if (listSize) {
        const requireOne = listSize.arguments?.find((a) => a.name.value === 'requireOneSlicingArgument')?.value;
        model.listSizes.set(key, {
          assumedSize: intArg(listSize, 'assumedSize'),
          slicingArguments: stringListArg(listSize, 'slicingArguments'),
          sizedFields: stringListArg(listSize, 'sizedFields'),
          requireOneSlicingArgument: requireOne?.kind === Kind.BOOLEAN ? requireOne.value : true,
        });
      }
      if ('arguments' in field) {
        for (const arg of field.arguments ?? []) {
          const argWeight = costOf(arg.directives);
          if (argWeight !== undefined) model.argumentWeights.set(`${key}(${arg.name.value})`, argWeight);
        }
      }
    }
  }
  return model;
}

/** An integer argument as the client gave it: a literal, or a variable's value. */
export function argumentInt(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  }
  return undefined;
}

function isList(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

/** The weight of one instance of a field's value (without its selections). */
export function fieldWeight(model: CostModel, parent: string, field: GraphQLField<unknown, unknown>, rootMutation: boolean): number {
  const own = model.fieldWeights.get(`${parent}.${field.name}`);
  if (own !== undefined) return own;
  if (rootMutation) return MUTATION_WEIGHT;
  const named = getNamedType(field.type);
  const typeWeight = model.typeWeights.get(named.name);
  if (typeWeight !== undefined) return typeWeight;
  return isCompositeType(named) ? 1 : 0;
}

export interface ListSizing {
  /** Instances of the field itself (1 when the size applies to sized fields instead). */
  instances: number;
  /** Sizes its child fields take (sizedFields), by field name. */
  sized?: Map<string, number>;
}

/** How many instances a field stands for (see the module comment); `upstream` is a size a parent's @listSize passed down. */
export function listSizing(
  model: CostModel,
  parent: string,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
  upstream: number | undefined,
): ListSizing {
  const spec = model.listSizes.get(`${parent}.${field.name}`);
  let size: number | undefined;
  if (spec?.slicingArguments?.length) {
    const given: number[] = [];
    let explicit = 0;
    for (const name of spec.slicingArguments) {
      const arg = node.arguments?.find((a) => a.name.value === name);
      const provided = arg && arg.value.kind !== Kind.NULL && !(arg.value.kind === Kind.VARIABLE && variables[arg.value.name.value] == null);
      if (provided) explicit++;
      let value = provided ? argumentInt(arg.value, variables) : undefined;
      if (!provided) {
        const def = field.args.find((a) => a.name === name)?.defaultValue;
        if (typeof def === 'number') value = def;
      }
      if (value !== undefined) given.push(Math.max(0, value));
    }
    if (spec.requireOneSlicingArgument && explicit !== 1) {
      throw refusal(
        400,
        'BAD_USER_INPUT',
        `${parent}.${field.name} needs exactly one of its slicing arguments (${spec.slicingArguments.join(', ')}); ${explicit} given.`,
        {
          field: `${parent}.${field.name}`,
          argumentNames: spec.slicingArguments,
        },
      );
    }
    if (given.length) size = Math.max(...given);
  }
  if (size === undefined) size = upstream ?? spec?.assumedSize;
  if (spec?.sizedFields?.length) {
    const listSize = size ?? model.defaultListSize;
    return { instances: isList(field) ? (spec.assumedSize ?? model.defaultListSize) : 1, sized: new Map(spec.sizedFields.map((name) => [name, listSize])) };
  }
  if (!isList(field)) return { instances: 1 };
  return { instances: size ?? model.defaultListSize };
}

/** Weights of the arguments given to a field (`@cost` on argument definitions). */
export function argumentsWeight(model: CostModel, parent: string, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  if (model.argumentWeights.size === 0 || !node.arguments?.length) return 0;
  let weight = 0;
  for (const arg of node.arguments) weight += model.argumentWeights.get(`${parent}.${field.name}(${arg.name.value})`) ?? 0;
  return weight;
}

/**
 * The actual cost of an answer: the same weights, counted over the objects actually returned (a list
 * counts its real length). `objects` is the number of composite values (objects) in the answer.
 */
export function actualCost(
  schema: GraphQLSchema,
  model: CostModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: unknown,
): { cost: number; objects: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  let objects = 0;

  // The fields selected on one object, by response key, fragments applied for its concrete type.
  function collect(set: SelectionSetNode, typeName: string | undefined, into: Map<string, FieldNode[]>, seen: Set<string>): void {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = into.get(key);
        if (list) list.push(selection);
        else into.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, typeName)) collect(selection.selectionSet, typeName, into, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        seen.add(selection.name.value);
        if (applies(fragment.typeCondition.name.value, typeName)) collect(fragment.selectionSet, typeName, into, seen);
      }
    }
  }

  function applies(condition: string | undefined, typeName: string | undefined): boolean {
    if (!condition || !typeName || condition === typeName) return true;
    const conditionType = schema.getType(condition);
    const type = schema.getType(typeName);
    if (!conditionType || !type || !isObjectType(type)) return true;
    if (isInterfaceType(conditionType)) return type.getInterfaces().some((i) => i.name === condition);
    if (isCompositeType(conditionType) && 'getTypes' in conditionType) return conditionType.getTypes().some((t) => t.name === typeName);
    return false;
  }

  /** One selected field of a concrete type, with what its cost needs (the same for every object of that type). */
  interface Priced {
    key: string;
    nodes: FieldNode[];
    weight: number;
    arguments: number;
    composite: GraphQLCompositeType | undefined;
  }

  // The fields of a selection on one concrete type, and their weights, are the same for every object
  // of a list: collected and priced once per selection and type.
  const collected = new WeakMap<object, Map<string, Priced[]>>();
  function fieldsFor(owner: object, sets: SelectionSetNode[], type: GraphQLObjectType | GraphQLInterfaceType | undefined, rootMutation: boolean): Priced[] {
    let byType = collected.get(owner);
    if (!byType) collected.set(owner, (byType = new Map()));
    let priced = byType.get(type?.name ?? '');
    if (!priced) {
      const fields = new Map<string, FieldNode[]>();
      for (const set of sets) collect(set, type?.name, fields, new Set());
      priced = [];
      for (const [key, nodes] of fields) {
        const name = nodes[0].name.value;
        if (name.startsWith('__') || !type) continue;
        const field = type.getFields()[name];
        if (!field) continue;
        const named = getNamedType(field.type);
        priced.push({
          key,
          nodes,
          weight: fieldWeight(model, type.name, field, rootMutation),
          arguments: argumentsWeight(model, type.name, field, nodes[0]),
          composite: isCompositeType(named) ? named : undefined,
        });
      }
      byType.set(type?.name ?? '', priced);
    }
    return priced;
  }

  function objectCost(value: Record<string, unknown>, owner: object, sets: SelectionSetNode[], declared: GraphQLCompositeType, rootMutation: boolean): number {
    const typename = typeof value.__typename === 'string' ? value.__typename : undefined;
    const concrete = typename ? schema.getType(typename) : undefined;
    const type =
      concrete && (isObjectType(concrete) || isInterfaceType(concrete)) ? concrete : isObjectType(declared) || isInterfaceType(declared) ? declared : undefined;
    let cost = 0;
    for (const field of fieldsFor(owner, sets, type, rootMutation)) {
      if (!(field.key in value)) continue;
      cost += valueCost(value[field.key], field.weight, field.nodes, field.composite) + field.arguments;
    }
    return cost;
  }

  // `nodes`: the field's nodes (merged from fragments); they own the selections below it.
  function valueCost(value: unknown, weight: number, nodes: FieldNode[], type: GraphQLCompositeType | undefined): number {
    if (value === null || value === undefined) return 0;
    if (Array.isArray(value)) {
      let cost = 0;
      for (const item of value) cost += valueCost(item, weight, nodes, type);
      return cost;
    }
    if (type && typeof value === 'object') {
      objects++;
      let sets = setsOf.get(nodes);
      if (!sets) setsOf.set(nodes, (sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []))));
      return weight + objectCost(value as Record<string, unknown>, nodes, sets, type, false);
    }
    return weight;
  }
  const setsOf = new WeakMap<FieldNode[], SelectionSetNode[]>();

  if (!root || !data || typeof data !== 'object') return { cost: 0, objects: 0 };
  const cost = objectCost(data as Record<string, unknown>, operation, [operation.selectionSet], root, operation.operation === 'mutation');
  return { cost, objects };
}
