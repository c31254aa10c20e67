import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { InvalidationBus } from '../../lib/cache/bus';
import type { CacheTag } from '../../lib/cache/tags';
import type { Logger } from '../../lib/observability/logger';
import type { Metrics } from '../../lib/observability/metrics';
import type { CacheStore } from './store';

/**
 * Keeps this gateway process's cache in step with changes:
 * - invalidations published by subgraphs on the bus (in-process, and Redis across processes) drop the
 *   tagged entries before the bus acknowledges them, so the subgraph answers its mutation only after;
 * - the tags a mutation's answer carries (`extensions.invalidations`) are applied too before the
 *   gateway answers the client: this covers gateways that share no bus with the subgraph;
 * - in a cluster without Redis, the worker that saw the mutation passes its tags to its sibling
 *   workers through the primary and waits for each to acknowledge;
 * - while a cross-process bus cannot deliver (Redis down), nothing is served from the cache; when it
 *   is back the cache is emptied first (invalidations may have been missed meanwhile).
 */
export const CLUSTER_INVALIDATE = 'gateway:cache-invalidate';
export const CLUSTER_INVALIDATED = 'gateway:cache-invalidated';

interface ClusterMessage {
  type?: string;
  id?: string;
  tags?: CacheTag[];
}

export interface Invalidation {
  /** Applies the tags a mutation's answer carried, here and (without Redis) in sibling workers. */
  applyFromResponse(tags: CacheTag[]): Promise<void>;
  stop(): void;
}

export function connectInvalidation(
  store: CacheStore,
  bus: InvalidationBus,
  options: { sharedBus: boolean; metrics?: Metrics; logger?: Logger },
): Invalidation {
  const apply = (tags: CacheTag[], source: 'bus' | 'response' | 'cluster') => {
    options.metrics?.cacheInvalidations.inc({ source });
    store.invalidate(tags);
  };
  const offBus = bus.subscribe((tags) => apply(tags, 'bus'));
  const offHealth = bus.onHealthChange((healthy) => {
    if (healthy && !store.healthy) {
      store.clear();
      store.healthy = true;
      options.logger?.info('Cache invalidations are delivered again: the cache is back on (emptied first)');
    } else if (!healthy && store.healthy) {
      store.healthy = false;
      store.clear();
      options.logger?.warn('Cache invalidations cannot be delivered: the cache is off until they can');
    }
  });
  if (!bus.healthy) store.healthy = false;

  // Cluster siblings (only needed without a shared bus: with Redis every worker is subscribed).
  const pending = new Map<string, () => void>();
  const inCluster = cluster.isWorker && !options.sharedBus;
  const onMessage = (message: ClusterMessage) => {
    if (message?.type === CLUSTER_INVALIDATE && message.tags && message.id) {
      apply(message.tags, 'cluster');
      process.send?.({ type: CLUSTER_INVALIDATED, id: message.id });
    } else if (message?.type === CLUSTER_INVALIDATED && message.id) {
      pending.get(message.id)?.();
    }
  };
  if (inCluster) process.on('message', onMessage);

  return {
    async applyFromResponse(tags) {
      apply(tags, 'response');
      if (!inCluster || !process.send) return;
      const id = randomUUID();
      // The primary relays to every other worker and answers once all have acknowledged.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          options.logger?.warn({ tags: tags.length }, 'Not every gateway worker acknowledged a cache invalidation in time');
          resolve();
        }, 2000);
        pending.set(id, () => {
          clearTimeout(timer);
          pending.delete(id);
          resolve();
        });
        process.send!({ type: CLUSTER_INVALIDATE, id, tags });
      });
    },
    stop() {
      offBus();
      offHealth();
      if (inCluster) process.off('message', onMessage);
    },
  };
}

/**
 * The primary's part: relays a worker's invalidation to every other worker and tells the sender
 * once all of them have acknowledged (workers that exit meanwhile are not waited for).
 */
export function relayClusterInvalidations(workers: () => Worker[]): (from: Worker, message: ClusterMessage) => void {
  const waiting = new Map<string, { from: Worker; left: Set<number> }>();
  cluster.on('exit', (worker) => {
    for (const [id, entry] of waiting) {
      entry.left.delete(worker.id);
      if (entry.left.size === 0) {
        waiting.delete(id);
        entry.from.send({ type: CLUSTER_INVALIDATED, id });
      }
    }
  });
  return (from, message) => {
    if (message?.type === CLUSTER_INVALIDATE && message.id && message.tags) {
      const others = workers().filter((w) => w.id !== from.id && w.isConnected());
      if (others.length === 0) return void from.send({ type: CLUSTER_INVALIDATED, id: message.id });
      waiting.set(message.id, { from, left: new Set(others.map((w) => w.id)) });
      for (const w of others) w.send({ type: CLUSTER_INVALIDATE, id: message.id, tags: message.tags });
    } else if (message?.type === CLUSTER_INVALIDATED && message.id) {
      const entry = waiting.get(message.id);
      if (!entry) return;
      // An acknowledgement from one of the workers the message was relayed to.
      entry.left.delete(from.id);
      if (entry.left.size === 0) {
        waiting.delete(message.id);
        entry.from.send({ type: CLUSTER_INVALIDATED, id: message.id });
      }
    }
  };
}
