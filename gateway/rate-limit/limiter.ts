import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import type { AuthUser } from '../../lib/auth/roles';
import { refusal } from '../../lib/http/refusal';
import type { Metrics } from '../../lib/observability/metrics';
import { whenReady } from '../../lib/cache/bus';
import type { RateLimitPolicy, RateLimitSettings } from '../config';
import { MemoryBuckets, RedisBuckets, type BucketPolicy, type Take } from './buckets';

/**
 * Per-client rate limits: a token bucket per caller (the token's subject; the client's IP address —
 * its /64 for IPv6 — for anonymous callers), with a policy by role from RATE_LIMITS. Every operation
 * takes 1 token (RATE_LIMIT_UNIT=requests) or its estimated cost (=cost; never more than the bucket
 * holds, so an expensive operation needs a full bucket). Answers carry the IETF RateLimit fields
 * (draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy: "PARTNER_APP";q=600;w=60` and
 * `RateLimit: "PARTNER_APP";r=599;t=1`); over the limit the answer is 429 RATE_LIMITED with
 * `Retry-After` (seconds until the operation would be admitted).
 *
 * With Redis (REDIS_URL) the buckets are shared by every gateway process; while Redis is unreachable
 * each process falls back to its own buckets (a limit per process rather than none).
 */
export interface RateLimitState {
  headers: Record<string, string>;
}

export interface RateLimitCaller {
  user: AuthUser | null;
  clientIp?: string;
  rateLimit?: RateLimitState;
}

export interface RateLimiter {
  readonly unit: 'requests' | 'cost';
  /** Takes `cost` tokens (1 in request units) for this caller; throws RATE_LIMITED (429) when refused. */
  take(caller: RateLimitCaller, cost?: number): Promise<void>;
}

interface ChosenPolicy {
  name: string;
  policy: RateLimitPolicy;
}

export function choosePolicy(user: AuthUser | null, policies: Record<string, RateLimitPolicy>): ChosenPolicy {
  if (!user) return { name: 'anonymous', policy: policies.anonymous };
  let best: ChosenPolicy | undefined;
  for (const role of user.roles) {
    const policy = policies[role];
    if (!policy) continue;
    const rate = policy.limit / policy.windowSeconds;
    if (
      !best ||
      rate > best.policy.limit / best.policy.windowSeconds ||
      (rate === best.policy.limit / best.policy.windowSeconds && policy.limit > best.policy.limit)
    ) {
      best = { name: role, policy };
    }
  }
  return best ?? { name: 'authenticated', policy: policies.authenticated };
}

/** The address a bucket is kept for: IPv4 as is, IPv6 by its /64 (one host usually has a whole /64). */
export function addressKey(ip: string): string {
  const plain = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  if (isIP(plain) !== 6) return plain;
  const [head, tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const groups = tail !== undefined ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address: the socket's, or, behind `hops` trusted proxies, the address the outermost
 * of them saw (counted from the right of X-Forwarded-For, which a client can prepend to but not alter).
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (hops <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = list[list.length - hops];
  return candidate && isIP(candidate) ? candidate : socketAddress;
}

export function createRateLimiter(
  settings: RateLimitSettings,
  options: { redis?: Redis; prefix?: string; metrics?: Metrics; logger?: Logger } = {},
): RateLimiter {
  const memory = new MemoryBuckets();
  const shared = options.redis ? new RedisBuckets(options.redis, options.prefix ?? '') : undefined;
  const decisions = options.metrics
    ? new Counter({
        name: 'gateway_rate_limit_decisions_total',
        help: 'Operations admitted or refused (429) by the rate limits, by policy',
        labelNames: ['policy', 'result'],
        registers: [options.metrics.registry],
      })
    : undefined;
  const fallbacks = options.metrics
    ? new Counter({
        name: 'gateway_rate_limit_local_fallbacks_total',
        help: 'Rate-limit decisions taken in this process because Redis was unreachable',
        registers: [options.metrics.registry],
      })
    : undefined;
  let lastWarning = 0;
  // During start-up (until the connection has been ready once, for at most 10 s) decisions wait for
  // it briefly, so that processes started together share their buckets from the first request; an
  // outage after that, or a Redis still unreachable past start-up, falls back at once.
  let everReady = options.redis?.status === 'ready';
  options.redis?.once('ready', () => (everReady = true));
  const startupUntil = Date.now() + 10_000;
  let waiting: Promise<void> | undefined;
  const quotaUnit = settings.unit === 'cost' ? ';qu="cost-units"' : '';

  async function takeFrom(key: string, policy: BucketPolicy, cost: number): Promise<Take> {
    if (options.redis && !everReady && Date.now() < startupUntil && ['wait', 'connecting', 'connect', 'reconnecting'].includes(options.redis.status)) {
      waiting ??= whenReady(options.redis, 1000)
        .catch(() => undefined)
        .finally(() => (waiting = undefined));
      await waiting;
    }
    if (shared?.ready) {
      try {
        return await shared.take(key, policy, cost);
      } catch (error) {
        if (Date.now() - lastWarning > 30_000) {
          lastWarning = Date.now();
          options.logger?.warn({ err: error }, 'Rate limits: Redis failed; limiting per process meanwhile');
        }
      }
    }
    if (shared) fallbacks?.inc();
    return memory.takeSync(key, policy, cost);
  }

  return {
    unit: settings.unit,
    async take(caller, cost = 1) {
      const { name, policy } = choosePolicy(caller.user, settings.policies);
      const subject = caller.user ? `sub:${caller.user.sub}` : `ip:${addressKey(caller.clientIp ?? 'unknown')}`;
      const tokens = Math.min(Math.max(1, Math.ceil(cost)), policy.limit);
      const bucket: BucketPolicy = { limit: policy.limit, windowMs: policy.windowSeconds * 1000 };
      const result = await takeFrom(`${name}:${subject}`, bucket, tokens);
      const headers = {
        'ratelimit-policy': `"${name}";q=${policy.limit};w=${policy.windowSeconds}${quotaUnit}`,
        ratelimit: `"${name}";r=${result.remaining};t=${Math.ceil(result.resetMs / 1000)}`,
      };
      caller.rateLimit = { headers };
      decisions?.inc({ policy: name, result: result.allowed ? 'allowed' : 'limited' });
      if (result.allowed) return;
      const retryAfter = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      throw refusal(
        429,
        'RATE_LIMITED',
        `Too many requests for the ${name} rate limit (${policy.limit} ${settings.unit === 'cost' ? 'cost units' : 'operations'} per ${policy.windowSeconds} s` +
          `${settings.unit === 'cost' ? `; this one costs ${tokens}` : ''}): retry in ${retryAfter} s.`,
        { policy: name, limit: policy.limit, windowSeconds: policy.windowSeconds, retryAfterSeconds: retryAfter },
        { ...headers, 'retry-after': String(retryAfter) },
      );
    },
  };
}
