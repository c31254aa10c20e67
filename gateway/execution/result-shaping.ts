/**
 * The last step of a query plan's execution, faster: @apollo/gateway merges the subgraphs' answers
 * into one object (with join keys, `__typename`s and fields fetched only for `@requires`) and then
 * shapes it to the operation (`computeResponse` in its resultShaping.js): only the selected fields,
 * in selection order, under their aliases, `@skip`/`@include` applied, nulls bubbled up to the
 * nearest nullable field, invalid leaves and `__typename`s reported.
 *
 * Profiled on the federation benchmark's TestQuery (62 KB answer), Apollo's walker took ~3 ms of the
 * gateway's ~24 ms per execution: per field and object it re-reads directives through getters,
 * filters applied directives twice (`@skip`, `@include`), allocates a result object per value and
 * calls every federation-internals function through a re-export getter. This walker does exactly
 * the same work (same traversal, same outputs, same errors with the same messages and paths, the
 * same assertions), but prepares each selection set once per execution and allocates nothing per
 * value but the output itself. `test/gateway/result-shaping.test.ts` compares the two on generated
 * answers, valid and broken.
 *
 * It replaces the function on Apollo's module object (executeQueryPlan.js looks it up there at each
 * call), only for the @apollo/gateway versions it was written against: another version keeps its
 * own, with a warning.
 */
import * as federation from '@apollo/federation-internals';
import type { CompositeType, FieldSelection, NamedType, Operation, Schema, SelectionSet, Type } from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

// Read once: TypeScript's re-exports are getters, and calling through them per value showed in profiles.
const { ERRORS, Variable, isCompositeType, isObjectType, isSubtype, typenameFieldName } = federation;
const assert: (condition: unknown, message: string | (() => string)) => asserts condition = federation.assert;

type Input = Record<string, unknown>;
type Path = (string | number)[];

export interface ComputeResponseArgs {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Input | null | undefined;
  introspectionHandling: (selection: FieldSelection) => unknown;
}

export type ComputeResponse = (args: ComputeResponseArgs) => { data: unknown; errors: GraphQLError[] };

interface Condition {
  /** The directive (for assertion messages) and its `if`: a literal or a variable. */
  directive: AppliedDirective;
  ifArg: unknown;
}

interface FieldStep {
  field: true;
  skip?: Condition;
  include?: Condition;
  selection: FieldSelection;
  responseName: string;
  introspection: boolean;
  typename: boolean;
  type: Type;
  selectionSet?: SelectionSet;
}

interface FragmentStep {
  field: false;
  skip?: Condition;
  include?: Condition;
  typeCondition?: CompositeType;
  selectionSet: SelectionSet;
}

type Step = FieldStep | FragmentStep;

interface Parameters {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspectionHandling: (selection: FieldSelection) => unknown;
  /** Each selection set prepared once per execution (the same one shapes every object of a list). */
  steps: WeakMap<SelectionSet, Step[]>;
  skipDirective: unknown;
  includeDirective: unknown;
  boolean: NamedType | undefined;
  int: NamedType | undefined;
  float: NamedType | undefined;
  id: NamedType | undefined;
}

const BUILT_IN_SCALARS = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const OK = 0;
const NULL_BUBBLE_UP = 1;

/** What this file needs of an applied directive, and of a selection's element. */
interface AppliedDirective {
  arguments(): Record<string, unknown>;
  toString(): string;
}
interface Conditional {
  appliedDirectivesOf(definition: unknown): readonly AppliedDirective[];
}

function conditionOf(element: Conditional, definition: unknown): Condition | undefined {
  const directive = element.appliedDirectivesOf(definition)[0];
  return directive ? { directive, ifArg: directive.arguments().if } : undefined;
}

function prepare(selectionSet: SelectionSet, parameters: Parameters): Step[] {
  let steps = parameters.steps.get(selectionSet);
  if (steps) return steps;
  steps = selectionSet.selections().map((selection): Step => {
    const element = selection.element as unknown as Conditional;
    const skip = conditionOf(element, parameters.skipDirective);
    const include = conditionOf(element, parameters.includeDirective);
    if (selection.kind === 'FieldSelection') {
      return {
        field: true,
        skip,
        include,
        selection,
        responseName: selection.element.responseName(),
        introspection: selection.element.definition.isSchemaIntrospectionField(),
        typename: selection.element.name === typenameFieldName,
        type: selection.element.definition.type!,
        selectionSet: selection.selectionSet,
      };
    }
    return { field: false, skip, include, typeCondition: selection.element.typeCondition, selectionSet: selection.selectionSet };
  });
  parameters.steps.set(selectionSet, steps);
  return steps;
}

function ifValue(condition: Condition, variables: Record<string, unknown>): unknown {
  const ifArg = condition.ifArg;
  if (ifArg instanceof Variable) {
    const value = variables[ifArg.name];
    assert(value !== undefined && typeof value === 'boolean', () => `Unexpected value ${value} for variable ${ifArg} of ${condition.directive}`);
    return value;
  }
  return ifArg;
}

function shouldSkip(step: Step, variables: Record<string, unknown>): unknown {
  return (step.skip && ifValue(step.skip, variables)) || (step.include && !ifValue(step.include, variables));
}

function typeConditionApplies(schema: Schema, typeCondition: CompositeType | undefined, typename: string | undefined, parentType: CompositeType): boolean {
  if (!typeCondition) return true;
  if (typename) {
    const type = schema.type(typename);
    return !!type && isSubtype(typeCondition, type);
  }
  return isSubtype(typeCondition, parentType);
}

function pathLastElementDescription(path: Path, currentType: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

/** isValidLeafValue of federation-internals (values.js), with the schema's built-in scalars looked up once. */
function isValidLeafValue(parameters: Parameters, value: unknown, type: Type): boolean {
  if (type.kind === 'ScalarType' && !BUILT_IN_SCALARS.has(type.name)) return true;
  if (typeof value === 'boolean') return type === parameters.boolean;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (type === parameters.int || type === parameters.id) return INTEGER.test(String(value));
    return type === parameters.float;
  }
  if (typeof value === 'string') {
    if (type.kind === 'EnumType') return type.value(value) !== undefined;
    return type !== parameters.boolean && type !== parameters.int && type !== parameters.float;
  }
  return false;
}

function applySelectionSet(input: Input, selectionSet: SelectionSet, output: Input, parameters: Parameters, path: Path, parentType: CompositeType): number {
  const steps = prepare(selectionSet, parameters);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if ((step.skip || step.include) && shouldSkip(step, parameters.variables)) continue;
    if (step.field) {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = parameters.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = Object.hasOwn(input, responseName) ? input[responseName] : undefined;
      if (inputValue === undefined) inputValue = null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (parameters.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const updated = updateOutputValue(outputValue, step.type, inputValue, step.selectionSet, path, parameters, parentType);
      const invalid = lastInvalid;
      output[responseName] = updated;
      path.pop();
      if (invalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      assert(!typename || typeof typename === 'string', () => `Got unexpected value for __typename: ${typename}`);
      if (typeConditionApplies(parameters.schema, step.typeCondition, typename as string | undefined, parentType)) {
        const result = applySelectionSet(input, step.selectionSet, output, parameters, path, step.typeCondition ?? parentType);
        if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

// What Apollo's updateOutputValue returns beside the value ({ updated, isInvalid, hasErrors }), kept
// here instead of in an object per value; read right after each call.
let lastInvalid = false;
let lastHasErrors = false;

function done(updated: unknown, invalid: boolean, hasErrors: boolean): unknown {
  lastInvalid = invalid;
  lastHasErrors = hasErrors;
  return updated;
}

function updateOutputValue(
  outputValue: unknown,
  type: Type,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: Path,
  parameters: Parameters,
  parentType: CompositeType,
): unknown {
  assert(inputValue !== undefined, 'Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return done(outputValue, false, false);
  if (type.kind === 'NonNullType') {
    const updated = updateOutputValue(outputValue, type.ofType, inputValue, selectionSet, path, parameters, parentType);
    if (updated === null) {
      if (!lastHasErrors) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType, parentType)}.`, {
            path: Array.from(path),
          }),
        );
      }
      return done(updated, true, true);
    }
    return done(updated, false, false);
  }
  if (inputValue === null) return done(null, false, false);
  if (type.kind === 'ListType') {
    assert(Array.isArray(inputValue), () => `Invalid non-list value ${inputValue} returned by subgraph for list type ${type}`);
    assert(outputValue === undefined || Array.isArray(outputValue), () => `Invalid non-list value ${outputValue} returned by subgraph for list type ${type}`);
    const length = inputValue.length;
    assert(
      outputValue === undefined || length === outputValue.length,
      () => `[${inputValue}].length (${inputValue.length}) !== [${outputValue}].length (${(outputValue as unknown[]).length})`,
    );
    let shouldNullify = false;
    let hasErrors = false;
    const updated = new Array(length);
    for (let index = 0; index < length; index++) {
      path.push(index);
      updated[index] = updateOutputValue(
        outputValue === undefined ? undefined : outputValue[index],
        type.ofType,
        inputValue[index],
        selectionSet,
        path,
        parameters,
        parentType,
      );
      path.pop();
      shouldNullify ||= lastInvalid;
      hasErrors ||= lastHasErrors;
    }
    return done(shouldNullify ? null : updated, false, hasErrors);
  }
  if (isCompositeType(type)) {
    assert(selectionSet, () => `Invalid empty selection set for composite type ${type}`);
    assert(typeof inputValue === 'object', () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    assert(
      outputValue === undefined || typeof outputValue === 'object',
      () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`,
    );
    const inputObject = inputValue as Input;
    const inputTypename = inputObject[typenameFieldName];
    assert(inputTypename === undefined || typeof inputTypename === 'string', () => `Invalid non-string value ${inputTypename} for __typename at ${path}`);
    let objectType: CompositeType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, {
            path: Array.from(path),
          }),
        );
        return done(null, false, true);
      }
      objectType = typenameType;
    }
    const outputObject = outputValue === undefined ? Object.create(null) : outputValue;
    const result = applySelectionSet(inputObject, selectionSet, outputObject as Input, parameters, path, objectType);
    const hasErrors = result === NULL_BUBBLE_UP;
    return done(hasErrors ? null : outputObject, false, hasErrors);
  }
  assert(outputValue === undefined, () => `Excepted output to be undefined but got ${type} for type ${type}`);
  const valid = isValidLeafValue(parameters, inputValue, type);
  if (!valid) {
    parameters.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }),
    );
  }
  return done(valid ? inputValue : null, false, !valid);
}

/** A drop-in for @apollo/gateway's `computeResponse` (same arguments, same result). */
export const computeResponse: ComputeResponse = ({ operation, variables, input, introspectionHandling }) => {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const parameters: Parameters = {
    schema,
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<string, unknown>,
    errors: [],
    introspectionHandling,
    steps: new WeakMap(),
    skipDirective: schema.skipDirective(),
    includeDirective: schema.includeDirective(),
    boolean: schema.booleanType(),
    int: schema.intType(),
    float: schema.floatType(),
    id: schema.idType(),
  };
  const data = Object.create(null);
  const result = applySelectionSet(input, operation.selectionSet, data, parameters, [], schema.schemaDefinition.rootType(operation.rootKind)!);
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
};

/** The @apollo/gateway versions whose resultShaping.js this file mirrors. */
const SUPPORTED_GATEWAY = /^2\.14\./;

type ShapingModule = { computeResponse: ComputeResponse };

/** Apollo's own, kept for the equivalence test and for versions this file does not know. */
export const apolloComputeResponse: ComputeResponse = (require('@apollo/gateway/dist/resultShaping') as ShapingModule).computeResponse;

/**
 * Makes @apollo/gateway shape results with this module. Returns why not when its version is not one
 * this file mirrors (then Apollo's own stays in place).
 */
export function installResultShaping(): { installed: true } | { installed: false; reason: string } {
  const version = (require('@apollo/gateway/package.json') as { version: string }).version;
  if (!SUPPORTED_GATEWAY.test(version)) {
    return { installed: false, reason: `@apollo/gateway ${version} is not a version gateway/execution/result-shaping.ts mirrors (2.14.x)` };
  }
  (require('@apollo/gateway/dist/resultShaping') as ShapingModule).computeResponse = computeResponse;
  return { installed: true };
}
