import { LRUCache } from 'lru-cache';
import type Redis from 'ioredis';
import type { CacheTag } from '../../lib/cache/tags';
import type { Metrics } from '../../lib/observability/metrics';

/**
 * The gateway's cache of public answers (entity results, root fetches, whole responses): an
 * in-process LRU with a byte cap, and optionally a shared layer in Redis (L2) so that gateway
 * processes and replicas warm each other.
 *
 * Invalidation is exact: every entry carries tags (lib/cache/tags.ts). Locally, a tag index drops
 * the entries of an invalidated tag at once. A fill that started before an invalidation of one of its
 * tags is not stored (it may hold the old value): each fill notes the invalidation sequence number at
 * its start and is checked against the invalidations since. In Redis every tag has a version
 * (INCRemented by the publishing subgraph before it announces the change); an L2 entry records the
 * versions it was read under and is valid only while they are all unchanged.
 */
export type CacheKind = 'entity' | 'root' | 'response';

export interface CacheEntry {
  /** The cached bytes (a JSON text). */
  value: string;
  tags: CacheTag[];
  /** Absolute expiry (ms since epoch). */
  expiresAt: number;
}

export interface CacheStoreOptions {
  /** False (GATEWAY_CACHE=off): nothing is kept, but invalidations are still counted (the generation). */
  caching?: boolean;
  maxBytes: number;
  metrics?: Metrics;
  /** Shared layer; absent without REDIS_URL. */
  redis?: { client: Redis; prefix: string; versionKey: (tag: CacheTag) => string };
}

/** A fill in progress: where the invalidation sequence stood when its answer was requested. */
export interface FillTicket {
  seq: number;
  /** Redis tag versions read at the start (L2), by tag. */
  versions?: Map<CacheTag, number>;
}

interface L2Entry {
  v: string;
  t: CacheTag[];
  /** Versions of `t`, in the same order. */
  n: number[];
}

const RECENT_INVALIDATIONS = 10_000;

export class CacheStore {
  private readonly lru: LRUCache<string, CacheEntry>;
  private readonly byTag = new Map<CacheTag, Set<string>>();
  private seq = 0;
  /** The latest invalidations (sequence number, tags), oldest first, bounded. */
  private readonly recent: { seq: number; tags: Set<CacheTag> }[] = [];
  /** False while invalidations might be missed (a cross-process bus down): nothing is served then. */
  healthy = true;
  private readonly caching: boolean;

  /** Whether entries may be kept and served now. */
  get enabled(): boolean {
    return this.caching && this.healthy;
  }

  constructor(private readonly options: CacheStoreOptions) {
    this.caching = options.caching ?? true;
    this.lru = new LRUCache<string, CacheEntry>({
      maxSize: Math.max(1024, options.maxBytes),
      sizeCalculation: (entry, key) => entry.value.length * 2 + key.length * 2 + 64,
      ttlAutopurge: false,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  get bytes(): number {
    return this.lru.calculatedSize ?? 0;
  }

  get size(): number {
    return this.lru.size;
  }

  private unindex(key: string, tags: CacheTag[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }

  private count(kind: CacheKind, layer: 'local' | 'redis', result: 'hit' | 'miss'): void {
    this.options.metrics?.cacheLookups.inc({ cache: kind, layer, result });
  }

  /** Starts a fill: call before the answer is requested, pass the ticket to `set`. */
  ticket(): FillTicket {
    return { seq: this.seq };
  }

  /** Whether a tag was invalidated after the ticket was taken (or too long ago to tell). */
  private invalidatedSince(ticket: FillTicket, tags: readonly CacheTag[]): boolean {
    if (ticket.seq === this.seq) return false;
    const oldest = this.recent[0];
    if (!oldest || oldest.seq > ticket.seq + 1) return true; // the record no longer reaches back that far
    for (let i = this.recent.length - 1; i >= 0 && this.recent[i].seq > ticket.seq; i--) {
      const invalidated = this.recent[i].tags;
      for (const tag of tags) if (invalidated.has(tag)) return true;
    }
    return false;
  }

  /** The local entry, if present and fresh. */
  getLocal(kind: CacheKind, key: string): string | undefined {
    if (!this.enabled) return undefined;
    const entry = this.lru.get(key);
    if (entry && entry.expiresAt > Date.now()) {
      this.count(kind, 'local', 'hit');
      return entry.value;
    }
    if (entry) this.lru.delete(key);
    this.count(kind, 'local', 'miss');
    return undefined;
  }

  /**
   * Several keys at once: local first, then Redis for the rest (one round trip). Answers found in
   * Redis are copied into the local layer. `tagsOf` gives each key's tags (to check L2 versions).
   */
  async getMany(kind: CacheKind, keys: readonly string[], ticket: FillTicket, tagsOf: (i: number) => CacheTag[]): Promise<(string | undefined)[]> {
    const found: (string | undefined)[] = keys.map((key) => this.getLocal(kind, key));
    const redis = this.options.redis;
    if (!redis || !this.enabled) return found;
    const missing = found.flatMap((v, i) => (v === undefined ? [i] : []));
    if (missing.length === 0) return found;
    // Entries and the current versions of every tag they may carry, in one MGET.
    const tagSet = new Set<CacheTag>();
    for (const i of missing) for (const tag of tagsOf(i)) tagSet.add(tag);
    const tags = [...tagSet];
    let values: (string | null)[];
    try {
      values = await redis.client.mget(...missing.map((i) => `${redis.prefix}c:${keys[i]}`), ...tags.map(redis.versionKey));
    } catch {
      for (const _ of missing) this.count(kind, 'redis', 'miss');
      return found;
    }
    const versions = new Map<CacheTag, number>(tags.map((tag, j) => [tag, Number(values[missing.length + j] ?? 0)]));
    ticket.versions = versions;
    for (const [j, i] of missing.entries()) {
      const raw = values[j];
      if (!raw) {
        this.count(kind, 'redis', 'miss');
        continue;
      }
      let entry: L2Entry;
      try {
        entry = JSON.parse(raw) as L2Entry;
      } catch {
        this.count(kind, 'redis', 'miss');
        continue;
      }
      const current = entry.t.every((tag, k) => (versions.get(tag) ?? 0) === entry.n[k]);
      if (!current) {
        this.count(kind, 'redis', 'miss');
        continue;
      }
      this.count(kind, 'redis', 'hit');
      found[i] = entry.v;
    }
    return found;
  }

  /** Reads the Redis versions of `tags` for a fill that found nothing (so `set` can record them). */
  async readVersions(ticket: FillTicket, tags: readonly CacheTag[]): Promise<void> {
    const redis = this.options.redis;
    if (!redis || ticket.versions || tags.length === 0) return;
    try {
      const values = await redis.client.mget(...tags.map(redis.versionKey));
      ticket.versions = new Map(tags.map((tag, j) => [tag, Number(values[j] ?? 0)]));
    } catch {
      // no shared layer for this fill
    }
  }

  /**
   * Stores an answer fetched under `ticket`, unless one of its tags was invalidated meanwhile (the
   * answer may predate the change) or caching is off. `ttlSeconds` from the cache hints.
   */
  set(key: string, value: string, tags: CacheTag[], ttlSeconds: number, ticket: FillTicket, l2Value?: string): void {
    if (!this.enabled || ttlSeconds <= 0 || this.invalidatedSince(ticket, tags)) return;
    const previous = this.lru.get(key, { allowStale: true });
    if (previous) this.unindex(key, previous.tags);
    this.lru.set(key, { value, tags, expiresAt: Date.now() + ttlSeconds * 1000 }, { ttl: ttlSeconds * 1000 });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    const redis = this.options.redis;
    if (redis && ticket.versions && tags.every((t) => ticket.versions!.has(t))) {
      const entry: L2Entry = { v: l2Value ?? value, t: tags, n: tags.map((t) => ticket.versions!.get(t)!) };
      redis.client.set(`${redis.prefix}c:${key}`, JSON.stringify(entry), 'PX', ttlSeconds * 1000).catch(() => {});
    }
    this.report();
  }

  /** Drops every local entry carrying one of `tags` (Redis entries are outdated by the versions). */
  invalidate(tags: readonly CacheTag[]): number {
    this.seq++;
    this.recent.push({ seq: this.seq, tags: new Set(tags) });
    if (this.recent.length > RECENT_INVALIDATIONS) this.recent.shift();
    let dropped = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        if (this.lru.delete(key)) dropped++;
      }
      this.byTag.delete(tag);
    }
    this.options.metrics?.cacheEntriesInvalidated.inc(dropped);
    this.report();
    return dropped;
  }

  /** Drops everything (e.g. after invalidations may have been missed). */
  clear(): void {
    this.seq++;
    // Nothing before this point may be stored any more.
    this.recent.length = 0;
    this.lru.clear();
    this.byTag.clear();
    this.report();
  }

  /** The invalidation sequence number (in-flight deduplication keys include it). */
  get generation(): number {
    return this.seq;
  }

  private report(): void {
    this.options.metrics?.cacheBytes.set(this.bytes);
    this.options.metrics?.cacheEntries.set(this.size);
  }
}
