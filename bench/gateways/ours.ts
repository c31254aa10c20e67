/**
 * Our gateway as deployed: the production entry (`node dist/gateway/index.js`, gateway/index.ts, with
 * GATEWAY_WORKERS processes), configured through its environment like in production. This module only
 * says which environment the benchmark gives it, and why it differs from production's.
 */
import { randomBytes } from 'node:crypto';

export interface OursCacheSettings {
  /** GATEWAY_CACHE (the gateway's default is on). */
  cache?: 'on' | 'off';
  /** REDIS_URL: the cache shared through Redis. */
  redisUrl?: string;
  /** CACHE_KEY_PREFIX: fresh per gateway start, so that no run starts warm from an earlier one. */
  cacheKeyPrefix?: string;
}

export function oursEnv(workers: number, cache: OursCacheSettings = {}): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    GATEWAY_WORKERS: String(workers),
    // The benchmark sends full documents (the other gateways have no trusted-document manifest).
    TRUSTED_DOCUMENTS: 'off',
    // Workload B's lists take no page arguments, so demand control would estimate 20 items per list
    // level (1.5 M for TestQuery) and refuse it; the estimate still runs, only the ceiling is raised.
    MAX_COST: '100000000',
    // Rate limits are on in production (anonymous: 120 operations a minute per IP); the whole load
    // comes from one address here, and the other gateways limit nothing.
    RATE_LIMIT: 'off',
    // The bench subgraphs do not check signatures: a throw-away secret keeps the signing cost in the
    // measurement without requiring it of them.
    SUBGRAPH_SIGNING_SECRET: process.env.SUBGRAPH_SIGNING_SECRET || randomBytes(32).toString('hex'),
    // On FerretDB one indicators query of workload A alone takes 5 s and more (README): production's
    // 5 s per-attempt timeout would cut it off, and the other two gateways have no such timeout.
    SUBGRAPH_TIMEOUT_MS: '300000',
    // LOG_LEVEL stays production's default (info, one line per request): measured, it costs no more
    // than the noise (14.3-14.4 vs 14.4-16.2 gateway CPU ms/op with warn).
    // The bench supergraph carries the real subgraph URLs: no override from the caller's environment.
    SUBGRAPH_MEMBERSHIP_URL: '',
    SUBGRAPH_INDICATORS_URL: '',
    SUBGRAPH_CERTIFICATION_URL: '',
    SUBGRAPH_WORKSHOPS_URL: '',
    // The entity/response cache: each value is its own run of ours (--cache); Redis only with --redis.
    ...(cache.cache ? { GATEWAY_CACHE: cache.cache } : {}),
    REDIS_URL: cache.redisUrl ?? '',
    CACHE_KEY_PREFIX: cache.redisUrl ? (cache.cacheKeyPrefix ?? '') : '',
  };
}
