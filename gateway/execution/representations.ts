/**
 * An entity fetch asks the subgraph for each distinct entity once. @apollo/gateway sends one
 * representation per position in the result, so the same entity reached along many paths is asked
 * for, resolved, serialised and parsed again at each: the federation benchmark's TestQuery sends 1 160
 * representations per execution for 130 distinct entities (49 KB of request bodies instead of 5 KB).
 * Apollo Router and Hive Gateway deduplicate them too.
 *
 * The fetch goes out with the distinct representations; the answer is expanded back to one entity per
 * original position, and errors pointing at an entity are repeated for each position it stands for.
 * Repeats are the same object: the gateway merges each received entity into its position's object
 * (nested values by reference) and applies output rewrites to it, both of which leave an object merged
 * or rewritten twice as it was after the first time; @apollo/gateway itself merges one answer into
 * several objects when a fetch without `@requires` runs at a list path.
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLFormattedError } from 'graphql';

export interface DistinctRepresentations {
  variables: Record<string, unknown>;
  /** For each original position, the index of its representation in the distinct list. */
  positions: number[];
  distinct: number;
}

/** The variables with each representation once, or undefined when there is no repeat to save. */
export function distinctRepresentations(variables: Record<string, unknown> | undefined): DistinctRepresentations | undefined {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return undefined;
  const index = new Map<string, number>();
  const distinct: unknown[] = [];
  const positions = new Array<number>(representations.length);
  for (let i = 0; i < representations.length; i++) {
    // The gateway builds every representation of a fetch from one selection: equal ones print equally.
    const key = JSON.stringify(representations[i]);
    let at = index.get(key);
    if (at === undefined) {
      at = distinct.length;
      index.set(key, at);
      distinct.push(representations[i]);
    }
    positions[i] = at;
  }
  if (distinct.length === representations.length) return undefined;
  return { variables: { ...variables, representations: distinct }, positions, distinct: distinct.length };
}

/** The answer to the distinct representations, as if every original position had been asked for. */
export function expandEntities(response: GatewayGraphQLResponse, asked: DistinctRepresentations): GatewayGraphQLResponse {
  const { positions } = asked;
  let errors = response.errors;
  if (errors?.length) {
    const at: number[][] = Array.from({ length: asked.distinct }, () => []);
    for (let position = 0; position < positions.length; position++) at[positions[position]].push(position);
    errors = errors.flatMap((error): GraphQLFormattedError[] => {
      const path = error.path;
      if (path?.[0] !== '_entities' || typeof path[1] !== 'number' || !at[path[1]]) return [error];
      return at[path[1]].map((position) => ({ ...error, path: ['_entities', position, ...path.slice(2)] }));
    });
  }
  const fetched = response.data?._entities;
  // Not an answer of the expected length: passed on as it came, and the gateway reports it.
  if (!Array.isArray(fetched) || fetched.length !== asked.distinct) return errors === response.errors ? response : { ...response, errors };
  const withErrors = errors ? { errors } : {};
  const entities = positions.map((distinct) => fetched[distinct]);
  return { ...response, data: { ...response.data, _entities: entities }, ...withErrors };
}
