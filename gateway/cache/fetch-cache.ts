import { createHash } from 'node:crypto';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLFormattedError } from 'graphql';
import { canonicalJson, entityTag, listsTag, subgraphTag, typeTag, type CacheTag } from '../../lib/cache/tags';
import type { GatewayContext } from '../context';
import type { CachePolicies, CachePolicy } from './policy';
import type { CacheStore, FillTicket } from './store';

/**
 * The per-fetch part of the gateway cache: for each subgraph fetch of a query plan it decides whether
 * the fetch is public (sent without the caller's identity, shared by every caller) and, for public
 * fetches with a maxAge, serves entity results (`_entities`, per representation) and root fetches
 * from the cache, fetching only what is missing.
 *
 * A fetch is public when the caller sees only public data (no token, or PARTNER_APP only), or when
 * every field it selects is PUBLIC by the schema's cache hints. Anything else keeps the caller's
 * token, and is shared only with the same caller's identical in-flight requests (gateway/dedup.ts).
 * Nothing with an error is stored.
 */
export interface FetchPlan {
  kind: 'query' | 'mutation' | 'other';
  policy: CachePolicy;
  entities: boolean;
  /** Short, stable id of the fetch's document (part of every cache key). */
  documentId: string;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

export class FetchCache {
  private readonly plans = new Map<string, FetchPlan>();

  constructor(
    private policies: CachePolicies,
    readonly store: CacheStore | undefined,
  ) {}

  /** After a supergraph reload: the new schema's hints (plans of the old one are forgotten). */
  usePolicies(policies: CachePolicies): void {
    this.policies = policies;
    this.plans.clear();
  }

  /** How a subgraph document is treated (memoised by its text, which the query planner reuses). */
  plan(query: string): FetchPlan {
    let plan = this.plans.get(query);
    if (plan) return plan;
    const head = /^\s*(query|mutation|subscription)?\b/.exec(query)?.[1] ?? 'query';
    const kind = head === 'mutation' ? 'mutation' : head === 'query' || query.trimStart().startsWith('{') ? 'query' : 'other';
    const policy = kind === 'query' ? this.policies.forDocument(query) : { maxAge: 0, scope: 'PRIVATE' as const };
    plan = { kind, policy, entities: /\b_entities\s*\(/.test(query), documentId: sha1(query) };
    if (this.plans.size > 10_000) this.plans.clear();
    this.plans.set(query, plan);
    return plan;
  }

  /** Whether this fetch may go out without the caller's identity. */
  isPublic(plan: FetchPlan, context: GatewayContext): boolean {
    return plan.kind === 'query' && (context.publicView || plan.policy.scope === 'PUBLIC');
  }

  private usable(plan: FetchPlan): boolean {
    return !!this.store && this.store.enabled && plan.policy.maxAge > 0;
  }

  /**
   * Runs a public query fetch through the cache: `send(variables)` performs the real fetch (with the
   * representations still missing). Returns the complete answer, in the original order.
   */
  async run(
    subgraph: string,
    plan: FetchPlan,
    variables: Record<string, unknown> | undefined,
    context: GatewayContext,
    send: (variables: Record<string, unknown> | undefined) => Promise<GatewayGraphQLResponse>,
  ): Promise<GatewayGraphQLResponse> {
    const store = this.store;
    if (!store || !this.usable(plan)) {
      // Not cacheable: the response cache must not keep an answer built on it either.
      context.cache.allPublic = false;
      return send(variables);
    }
    const ticket = store.ticket();
    const ttl = plan.policy.maxAge;
    const representations = variables?.representations;
    if (plan.entities && Array.isArray(representations)) {
      return this.entities(subgraph, plan, variables!, representations as Record<string, unknown>[], context, ticket, ttl, send);
    }
    const key = `r:${subgraph}:${plan.documentId}:${sha1(canonicalJson(variables ?? {}))}`;
    const tags = [listsTag(subgraph), subgraphTag(subgraph)];
    for (const tag of tags) context.cache.tags.add(tag);
    const [hit] = await store.getMany('root', [key], ticket, () => tags);
    if (hit !== undefined) return { data: JSON.parse(hit) as Record<string, unknown> };
    const response = await send(variables);
    if (!response.errors?.length && response.data) store.set(key, JSON.stringify(response.data), tags, ttl, ticket);
    return response;
  }

  private tagsOf(subgraph: string, representation: Record<string, unknown>): CacheTag[] {
    const typename = String(representation.__typename);
    const keyFields = this.policies.entityKey(subgraph, typename);
    const key: Record<string, unknown> = {};
    if (keyFields) for (const field of keyFields) key[field] = representation[field];
    else for (const [field, value] of Object.entries(representation)) if (field !== '__typename') key[field] = value;
    return [entityTag(subgraph, typename, key), typeTag(subgraph, typename), subgraphTag(subgraph)];
  }

  private async entities(
    subgraph: string,
    plan: FetchPlan,
    variables: Record<string, unknown>,
    representations: Record<string, unknown>[],
    context: GatewayContext,
    ticket: FillTicket,
    ttl: number,
    send: (variables: Record<string, unknown> | undefined) => Promise<GatewayGraphQLResponse>,
  ): Promise<GatewayGraphQLResponse> {
    const store = this.store!;
    // The whole representation is in the key (fields a @requires adds change the answer too), and so
    // are the fetch's other variables: the arguments of the entity's fields (e.g. a year).
    const { representations: _all, ...others } = variables;
    const argumentsKey = Object.keys(others).length ? sha1(canonicalJson(others)) : '-';
    const keys = representations.map((rep) => `e:${subgraph}:${plan.documentId}:${argumentsKey}:${canonicalJson(rep)}`);
    const tags = representations.map((rep) => this.tagsOf(subgraph, rep));
    for (const list of tags) for (const tag of list) context.cache.tags.add(tag);
    const found = await store.getMany('entity', keys, ticket, (i) => tags[i]);
    const missing = found.flatMap((value, i) => (value === undefined ? [i] : []));
    if (missing.length === 0) return { data: { _entities: found.map((value) => JSON.parse(value!)) } };
    await store.readVersions(ticket, [...new Set(missing.flatMap((i) => tags[i]))]);
    const partial = missing.length < representations.length;
    const response = await send(partial ? { ...variables, representations: missing.map((i) => representations[i]) } : variables);
    const fetched = response.data?._entities;
    if (!Array.isArray(fetched) || fetched.length !== missing.length) {
      // Not an entity answer we can merge (an error instead): pass it on as it came.
      return partial ? { ...response, errors: remapErrors(response.errors, missing) } : response;
    }
    if (!response.errors?.length) {
      missing.forEach((i, j) => {
        store.set(keys[i], JSON.stringify(fetched[j] ?? null), tags[i], ttl, ticket);
      });
    }
    if (!partial) return response;
    const merged: unknown[] = found.map((value) => (value === undefined ? undefined : JSON.parse(value)));
    missing.forEach((i, j) => {
      merged[i] = fetched[j];
    });
    return { ...response, data: { ...response.data, _entities: merged }, errors: remapErrors(response.errors, missing) };
  }
}

/** Errors of a fetch that asked for a subset of the representations point at the subset's positions. */
function remapErrors(errors: readonly GraphQLFormattedError[] | undefined, positions: number[]): GraphQLFormattedError[] | undefined {
  if (!errors) return undefined;
  return errors.map((error) => {
    const path = error.path;
    if (path?.[0] !== '_entities' || typeof path[1] !== 'number') return error;
    return { ...error, path: ['_entities', positions[path[1]] ?? path[1], ...path.slice(2)] };
  });
}
