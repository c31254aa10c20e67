/**
 * Prometheus metrics (prom-client), one registry per process, served at GET /metrics.
 * Names follow Prometheus conventions: seconds for durations, `_total` for counters.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  operationDuration: Histogram<'operation' | 'type' | 'service'>;
  errors: Counter<'code' | 'service'>;
  subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  subgraphErrors: Counter<'subgraph' | 'code'>;
  dbCommandDuration: Histogram<'service' | 'command' | 'outcome'>;
  /** Subgraph: mutations that declared no changes, so everything of the subgraph was invalidated. */
  invalidationFallbacks: Counter<'service'>;
  /** Gateway caches: lookups by cache (response, entity, root), layer (local, redis) and result (hit, miss). */
  cacheLookups: Counter<'cache' | 'layer' | 'result'>;
  /** Gateway caches: invalidation messages applied, by where they came from (bus, response, cluster). */
  cacheInvalidations: Counter<'source'>;
  /** Gateway caches: entries dropped because they carried an invalidated tag. */
  cacheEntriesInvalidated: Counter;
  /** Gateway caches: bytes and entries held in this process. */
  cacheBytes: Gauge;
  cacheEntries: Gauge;
}

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Process metrics (CPU, memory, event loop, GC) once per process, not per service: `npm start` and
 * the tests run several services in one process, and each collectDefaultMetrics call adds observers.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The text a Prometheus scrape of GET /metrics gets: this process's metrics, then the service's. */
export async function renderMetrics(metrics: Metrics): Promise<{ contentType: string; body: string }> {
  const [own, proc] = await Promise.all([metrics.registry.metrics(), processMetrics().metrics()]);
  return { contentType: metrics.registry.contentType, body: `${proc}\n${own}` };
}

export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  processMetrics();
  return {
    registry,
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operation latency by operation name and type',
      labelNames: ['operation', 'type', 'service'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned to clients, by extensions.code',
      labelNames: ['code', 'service'],
      registers: [registry],
    }),
    subgraphFetchDuration: new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Latency of gateway requests to each subgraph',
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    subgraphErrors: new Counter({
      name: 'gateway_subgraph_errors_total',
      help: 'Failed gateway requests to each subgraph, by error code',
      labelNames: ['subgraph', 'code'],
      registers: [registry],
    }),
    dbCommandDuration: new Histogram({
      name: 'mongodb_command_duration_seconds',
      help: 'MongoDB command latency (command monitoring)',
      labelNames: ['service', 'command', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    invalidationFallbacks: new Counter({
      name: 'subgraph_invalidation_fallbacks_total',
      help: 'Mutations that declared no changes, so every cached answer of the subgraph was invalidated',
      labelNames: ['service'],
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: 'gateway_cache_lookups_total',
      help: 'Gateway cache lookups by cache (response, entity, root), layer (local, redis) and result (hit, miss)',
      labelNames: ['cache', 'layer', 'result'],
      registers: [registry],
    }),
    cacheInvalidations: new Counter({
      name: 'gateway_cache_invalidations_total',
      help: 'Invalidation messages applied by the gateway, by source (bus, response, cluster)',
      labelNames: ['source'],
      registers: [registry],
    }),
    cacheEntriesInvalidated: new Counter({
      name: 'gateway_cache_entries_invalidated_total',
      help: 'Cached entries dropped because a change invalidated one of their tags',
      registers: [registry],
    }),
    cacheBytes: new Gauge({ name: 'gateway_cache_bytes', help: 'Bytes held in the in-process gateway cache', registers: [registry] }),
    cacheEntries: new Gauge({ name: 'gateway_cache_entries', help: 'Entries held in the in-process gateway cache', registers: [registry] }),
  };
}

/** Operation names come from clients: keep label cardinality bounded. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : 'invalid';
}
