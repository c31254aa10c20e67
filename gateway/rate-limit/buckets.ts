import type Redis from 'ioredis';

/**
 * Token buckets: a bucket holds at most `limit` tokens and refills at `limit` per `windowMs`; an
 * operation takes `cost` tokens (1, or its estimated cost) or is refused. The state is a pair (tokens,
 * time of the last update) per caller, in Redis when the gateway has one (shared by every gateway
 * process, updated atomically by one Lua script with Redis's own clock) and in memory otherwise.
 */
export interface BucketPolicy {
  limit: number;
  windowMs: number;
}

export interface Take {
  allowed: boolean;
  /** Whole tokens left after this take. */
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
  /** When refused: milliseconds until `cost` tokens are there. */
  retryAfterMs: number;
}

export interface BucketStore {
  take(key: string, policy: BucketPolicy, cost: number): Promise<Take>;
}

function refill(tokens: number, last: number, now: number, policy: BucketPolicy): number {
  if (now <= last) return tokens;
  return Math.min(policy.limit, tokens + ((now - last) * policy.limit) / policy.windowMs);
}

function outcome(tokens: number, cost: number, policy: BucketPolicy): { tokens: number; take: Take } {
  const rate = policy.limit / policy.windowMs;
  if (tokens >= cost) {
    const left = tokens - cost;
    return { tokens: left, take: { allowed: true, remaining: Math.floor(left), resetMs: Math.ceil((policy.limit - left) / rate), retryAfterMs: 0 } };
  }
  return {
    tokens,
    take: {
      allowed: false,
      remaining: Math.floor(tokens),
      resetMs: Math.ceil((policy.limit - tokens) / rate),
      retryAfterMs: Math.ceil((cost - tokens) / rate),
    },
  };
}

/** Buckets in this process (no Redis, or Redis unreachable). Full buckets are forgotten; at most `maxKeys` are kept. */
export class MemoryBuckets implements BucketStore {
  private readonly buckets = new Map<string, { tokens: number; at: number; full: number }>();

  constructor(
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string, policy: BucketPolicy, cost: number): Promise<Take> {
    return this.takeSync(key, policy, cost);
  }

  takeSync(key: string, policy: BucketPolicy, cost: number): Take {
    const now = this.now();
    const state = this.buckets.get(key);
    const tokens = state ? refill(state.tokens, state.at, now, policy) : policy.limit;
    const result = outcome(tokens, cost, policy);
    // Re-inserted at the end: the map's order is then least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: result.tokens, at: now, full: now + result.take.resetMs });
    if (this.buckets.size > this.maxKeys) this.sweep(now);
    return result.take;
  }

  /** Drops buckets that have refilled (they equal a new one); past the cap, the least recently used. */
  private sweep(now: number): void {
    for (const [key, state] of this.buckets) if (state.full <= now) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys * 0.9) break;
      this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * One bucket update, atomic in Redis: refill by Redis's clock (every gateway process agrees on it),
 * take `cost` tokens if there are enough, store, and expire the key once it would be full again.
 * Returns {allowed, tokens left (as a string: Lua numbers become integers), retry-after ms, reset ms}.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local rate = limit / window
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = limit
  at = now
end
if now > at then
  tokens = math.min(limit, tokens + (now - at) * rate)
  at = now
end
local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = math.ceil((cost - tokens) / rate)
end
local reset = math.ceil((limit - tokens) / rate)
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], reset + 1000)
return {allowed, tostring(tokens), retry, reset}
`;

type TakeCommand = (key: string, limit: number, windowMs: number, cost: number) => Promise<[number, string, number, number]>;

export class RedisBuckets implements BucketStore {
  private readonly command: TakeCommand;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    // defineCommand: EVALSHA, loading the script on the first NOSCRIPT.
    if (!(redis as unknown as { citynetTakeToken?: TakeCommand }).citynetTakeToken) {
      redis.defineCommand('citynetTakeToken', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    }
    const bound = (redis as unknown as Record<string, TakeCommand>).citynetTakeToken.bind(redis);
    this.command = bound;
  }

  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  async take(key: string, policy: BucketPolicy, cost: number): Promise<Take> {
    const [allowed, tokens, retry, reset] = await this.command(`${this.prefix}rl:${key}`, policy.limit, policy.windowMs, cost);
    return { allowed: allowed === 1, remaining: Math.floor(Number(tokens)), resetMs: Number(reset), retryAfterMs: Number(retry) };
  }
}
