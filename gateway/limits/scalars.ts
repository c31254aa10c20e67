import {
  buildASTSchema,
  getNamedType,
  getVariableValues,
  isInputObjectType,
  isScalarType,
  parse,
  printSchema,
  typeFromAST,
  validate,
  ValuesOfCorrectTypeRule,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { DateScalar, DateTimeScalar } from '../../lib/graphql/scalars';
import { refusal } from '../../lib/http/refusal';

/**
 * The subgraphs' custom scalars, checked at the gateway before execution. The supergraph declares
 * `scalar DateTime` without its rules, so the gateway's own validation lets any string through and a
 * malformed date was refused by the subgraph during execution (HTTP 200, `data: null`), unlike every
 * other validation error. Here the literals and variables of those scalars are checked with the very
 * functions the subgraphs use (lib/graphql/scalars.ts), so a malformed one is a request error like any
 * other: GRAPHQL_VALIDATION_FAILED for a literal, BAD_USER_INPUT for a variable.
 */
const SCALARS: Record<string, GraphQLScalarType> = { DateTime: DateTimeScalar, Date: DateScalar };

export interface ScalarChecker {
  check(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, query: string): void;
}

/** Input types whose values can hold one of the checked scalars (directly, in lists, or in fields). */
function typesHolding(schema: GraphQLSchema, names: Set<string>): Set<string> {
  const holding = new Set(names);
  let changed = true;
  while (changed) {
    changed = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || holding.has(type.name)) continue;
      if (Object.values(type.getFields()).some((f) => holding.has(getNamedType(f.type).name))) {
        holding.add(type.name);
        changed = true;
      }
    }
  }
  return holding;
}

export function createScalarChecker(apiSchema: GraphQLSchema): ScalarChecker | undefined {
  const present = Object.keys(SCALARS).filter((name) => isScalarType(apiSchema.getType(name)));
  if (present.length === 0) return undefined;
  // A private copy of the API schema whose scalars carry the subgraphs' rules.
  const schema = buildASTSchema(parse(printSchema(apiSchema)), { assumeValidSDL: true });
  for (const name of present) {
    const type = schema.getType(name) as GraphQLScalarType;
    type.parseValue = SCALARS[name].parseValue;
    type.parseLiteral = SCALARS[name].parseLiteral;
  }
  const holding = typesHolding(schema, new Set(present));
  // Documents whose literals passed (by text): a repeated document is not walked again.
  const literalsOk = new Set<string>();

  return {
    check(document, operation, variables, query) {
      if (!literalsOk.has(query)) {
        const errors = validate(schema, document, [ValuesOfCorrectTypeRule], { maxErrors: 1 });
        const error = errors.find((e) => present.some((name) => e.message.includes(name)));
        if (error) throw refusal(400, 'GRAPHQL_VALIDATION_FAILED', error.message);
        if (literalsOk.size > 5000) literalsOk.clear();
        literalsOk.add(query);
      }
      const definitions = (operation.variableDefinitions ?? []).filter((d) => {
        const type = typeFromAST(schema, d.type) as GraphQLInputType | undefined;
        return !!type && holding.has((getNamedType(type) as GraphQLNamedType).name);
      });
      if (definitions.length === 0) return;
      const coerced = getVariableValues(schema, definitions, variables, { maxErrors: 1 });
      if (coerced.errors?.length) throw refusal(400, 'BAD_USER_INPUT', coerced.errors[0].message);
    },
  };
}
