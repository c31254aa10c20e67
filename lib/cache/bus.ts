import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import type { CacheTag } from './tags';

/**
 * How cache invalidations travel from the subgraph that changed data to every gateway process.
 *
 * `publish` resolves once every subscribed gateway process has dropped the tags (or a bounded wait
 * has passed), so a subgraph that awaits it before answering a mutation guarantees read-your-writes:
 * when the client sees the mutation's answer, no gateway serves the old value any more.
 *
 * - In one process (`npm start`, tests): an in-process emitter; subscribers run synchronously.
 * - Across processes (REDIS_URL): Redis pub/sub. PUBLISH returns how many gateway processes received
 *   the message; each acknowledges once it has dropped the tags, and the publisher waits for that
 *   many acknowledgements. Redis also holds a version per tag, which the shared (L2) cache entries
 *   are checked against, so an answer fetched before a change can never be stored as current after it.
 */
export interface InvalidationBus {
  /** Drops `tags` everywhere; resolves when every gateway process has (or after the ack timeout). */
  publish(tags: readonly CacheTag[]): Promise<void>;
  /** Gateway side: `handler` runs for every invalidation (synchronously, before the acknowledgement). */
  subscribe(handler: (tags: CacheTag[]) => void): () => void;
  /**
   * False while a cross-process bus cannot deliver (Redis unreachable): gateways must not serve from
   * their caches then, since they may miss invalidations. `onHealthChange` reports transitions.
   */
  readonly healthy: boolean;
  onHealthChange(listener: (healthy: boolean) => void): () => void;
  close(): Promise<void>;
}

/** The process-wide in-process bus: every subgraph and gateway built in this process share it. */
class LocalBus implements InvalidationBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  readonly healthy = true;
  async publish(tags: readonly CacheTag[]): Promise<void> {
    if (tags.length) this.emitter.emit('invalidate', [...tags]);
  }
  subscribe(handler: (tags: CacheTag[]) => void): () => void {
    this.emitter.on('invalidate', handler);
    return () => this.emitter.off('invalidate', handler);
  }
  onHealthChange(): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}

export const localBus: InvalidationBus = new LocalBus();

export interface RedisBusOptions {
  url: string;
  /** Prefix of every key and channel (several deployments or test runs may share one Redis). */
  prefix?: string;
  /** How long `publish` waits for the gateways' acknowledgements. */
  ackTimeoutMs?: number;
  /** How long a tag's version is kept after its last change (longer than any cache entry lives). */
  versionTtlMs?: number;
  log?: (level: 'warn' | 'error' | 'info', message: string, detail?: Record<string, unknown>) => void;
}

interface Message {
  id: string;
  tags: CacheTag[];
}

export function redisClient(url: string, name: string): Redis {
  const client = new Redis(url, {
    connectionName: name,
    // Fail fast instead of queueing while disconnected: callers fall back (no cache) rather than wait.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  });
  // ioredis emits connection errors as events; without a listener they would crash the process.
  client.on('error', () => {});
  return client;
}

/** Resolves once `client` can take commands (it connects on its own; commands are not queued meanwhile). */
export function whenReady(client: Redis, timeoutMs = 2000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`Redis is not reachable (${client.status})`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}

export class RedisBus implements InvalidationBus {
  readonly prefix: string;
  private readonly commands: Redis;
  private subscriber?: Redis;
  private ackSubscriber?: Redis;
  private readonly pendingAcks = new Map<string, { needed: number; got: number; done: () => void }>();
  private readonly handlers = new Set<(tags: CacheTag[]) => void>();
  private readonly healthListeners = new Set<(healthy: boolean) => void>();
  private subscribedReady = false;
  private readonly ackTimeoutMs: number;
  private readonly versionTtlMs: number;
  private readonly log: NonNullable<RedisBusOptions['log']>;

  constructor(private readonly options: RedisBusOptions) {
    this.prefix = options.prefix ?? 'citynet:';
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2000;
    this.versionTtlMs = options.versionTtlMs ?? 7 * 24 * 3600_000;
    this.log = options.log ?? (() => {});
    this.commands = redisClient(options.url, 'cache-commands');
  }

  get channel(): string {
    return `${this.prefix}cache:invalidate`;
  }

  private get ackChannel(): string {
    return `${this.prefix}cache:ack`;
  }

  /** The Redis key holding a tag's version (lib/cache/ l2 entries are checked against it). */
  versionKey(tag: CacheTag): string {
    return `${this.prefix}cv:${tag}`;
  }

  /** The command connection (the gateway's shared cache uses it too). */
  get redis(): Redis {
    return this.commands;
  }

  get healthy(): boolean {
    // A publisher-only bus (a subgraph) has no subscription: it is healthy while it can send commands.
    if (!this.subscriber) return this.commands.status === 'ready';
    return this.subscribedReady && this.commands.status === 'ready';
  }

  onHealthChange(listener: (healthy: boolean) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  private emitHealth(): void {
    const healthy = this.healthy;
    for (const listener of this.healthListeners) listener(healthy);
  }

  private ensureAckSubscriber(): Promise<void> {
    if (this.ackSubscriber) return Promise.resolve();
    const sub = redisClient(this.options.url, 'cache-acks');
    this.ackSubscriber = sub;
    sub.on('message', (_channel: string, id: string) => {
      const pending = this.pendingAcks.get(id);
      if (!pending) return;
      pending.got++;
      if (pending.got >= pending.needed) pending.done();
    });
    return whenReady(sub)
      .then(() => sub.subscribe(this.ackChannel))
      .then(() => undefined);
  }

  async publish(tags: readonly CacheTag[]): Promise<void> {
    if (tags.length === 0) return;
    const id = randomUUID();
    try {
      await whenReady(this.commands);
      await this.ensureAckSubscriber();
      const pipeline = this.commands.multi();
      for (const tag of tags) pipeline.incr(this.versionKey(tag)).pexpire(this.versionKey(tag), this.versionTtlMs);
      await pipeline.exec();
      let resolveDone!: () => void;
      const done = new Promise<void>((resolve) => (resolveDone = resolve));
      const pending = { needed: Number.POSITIVE_INFINITY, got: 0, done: resolveDone };
      // Registered before publishing, so an acknowledgement that arrives first is still counted.
      this.pendingAcks.set(id, pending);
      const receivers = await this.commands.publish(this.channel, JSON.stringify({ id, tags: [...tags] } satisfies Message));
      pending.needed = receivers;
      if (pending.got >= receivers) pending.done();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        done.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), this.ackTimeoutMs))),
      ]);
      clearTimeout(timer);
      this.pendingAcks.delete(id);
      if (timedOut)
        this.log('warn', 'Not every gateway acknowledged a cache invalidation in time', { receivers, acknowledged: pending.got, tags: tags.length });
    } catch (error) {
      this.pendingAcks.delete(id);
      // The change is stored; gateways that lost Redis stop serving from their caches (see `healthy`).
      this.log('error', 'Cache invalidation could not be published', { err: error as Error, tags: tags.length });
    }
  }

  subscribe(handler: (tags: CacheTag[]) => void): () => void {
    this.handlers.add(handler);
    if (!this.subscriber) {
      const sub = redisClient(this.options.url, 'cache-invalidations');
      this.subscriber = sub;
      sub.on('message', (_channel: string, raw: string) => {
        let message: Message;
        try {
          message = JSON.parse(raw) as Message;
        } catch {
          return;
        }
        for (const h of this.handlers) h(message.tags);
        // Acknowledged only after every handler has dropped the tags.
        this.commands.publish(this.ackChannel, message.id).catch(() => {});
      });
      const becameReady = () => {
        sub.subscribe(this.channel).then(
          () => {
            this.subscribedReady = true;
            this.log('info', 'Subscribed to cache invalidations');
            this.emitHealth();
          },
          () => {},
        );
      };
      sub.on('ready', becameReady);
      sub.on('close', () => {
        if (!this.subscribedReady) return;
        this.subscribedReady = false;
        this.log('warn', 'Lost the cache invalidation subscription: caches are off until it is back');
        this.emitHealth();
      });
      this.commands.on('ready', () => this.emitHealth());
      this.commands.on('close', () => this.emitHealth());
    }
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    for (const client of [this.subscriber, this.ackSubscriber, this.commands]) {
      if (!client) continue;
      client.removeAllListeners('close');
      await client.quit().catch(() => client.disconnect());
    }
  }
}

/** Both: the in-process bus (a gateway in this process) and Redis (gateways in other processes). */
export class CombinedBus implements InvalidationBus {
  constructor(private readonly buses: InvalidationBus[]) {}
  /** The Redis part, if any (the gateway's shared cache layer uses its connection and versions). */
  get redis(): RedisBus | undefined {
    return this.buses.find((b): b is RedisBus => b instanceof RedisBus);
  }
  get healthy(): boolean {
    return this.buses.every((b) => b.healthy);
  }
  async publish(tags: readonly CacheTag[]): Promise<void> {
    await Promise.all(this.buses.map((b) => b.publish(tags)));
  }
  subscribe(handler: (tags: CacheTag[]) => void): () => void {
    const offs = this.buses.map((b) => b.subscribe(handler));
    return () =>
      offs.forEach((off) => {
        off();
      });
  }
  onHealthChange(listener: (healthy: boolean) => void): () => void {
    const offs = this.buses.map((b) => b.onHealthChange(() => listener(this.healthy)));
    return () =>
      offs.forEach((off) => {
        off();
      });
  }
  async close(): Promise<void> {
    await Promise.all(this.buses.map((b) => b.close()));
  }
}

/** The bus a process uses: in-process, plus Redis when REDIS_URL is set. */
export function createInvalidationBus(redisUrl: string | undefined, options: Omit<RedisBusOptions, 'url'> = {}): InvalidationBus {
  if (!redisUrl) return localBus;
  return new CombinedBus([localBus, new RedisBus({ ...options, url: redisUrl })]);
}
