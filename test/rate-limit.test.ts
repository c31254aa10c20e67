/**
 * Per-client rate limits (gateway/rate-limit): a token bucket per caller (token subject; IP address for
 * anonymous callers) with a policy per role, shared through Redis by every gateway process, in memory
 * without Redis; over the limit a 429 RATE_LIMITED with Retry-After and the IETF RateLimit fields.
 * - Two real gateway processes (gateway/index.ts) sharing Redis: one budget across both.
 * - Cost units, in-process gateways sharing Redis; memory buckets without Redis; Redis unreachable.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createGateway, type Gateway } from '../gateway/server';
import type { RateLimitSettings } from '../gateway/config';
import { gatewaySettingsFromEnv, parseRateLimits } from '../gateway/config';
import { redisClient } from '../lib/cache/bus';
import { listen, type RunningHttpServer } from '../lib/http/graphql-http-server';
import { addressKey, choosePolicy, clientAddress, createRateLimiter } from '../gateway/rate-limit/limiter';
import { MemoryBuckets } from '../gateway/rate-limit/buckets';
import { startProcess, type Proc } from './support/processes';
import { until } from './support/poll';
import { startTestStack, type TestStack } from './support/stack';
import { tokenFor } from './support/tokens';

jest.setTimeout(180_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = pino({ level: 'silent' });

interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const TYPENAME = { query: '{ __typename }' };

/** `"policy";r=<remaining>;t=<seconds>` of the RateLimit field. */
function remaining(answer: Answer): number {
  const m = /^"([A-Za-z_]+)";r=(\d+);t=(\d+)$/.exec(answer.headers.get('ratelimit') ?? '');
  if (!m) throw new Error(`no RateLimit field: ${answer.headers.get('ratelimit')}`);
  return Number(m[2]);
}

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack({ gateway: { cache: { enabled: false } } });
});
afterAll(async () => {
  await t?.cleanup();
});

describe('two gateway processes sharing Redis', () => {
  const gateways: Proc[] = [];
  let partner1: string;
  let partner2: string;
  let staff: string;

  beforeAll(async () => {
    const env = {
      REDIS_URL,
      CACHE_KEY_PREFIX: `rl${randomBytes(3).toString('hex')}:`,
      GATEWAY_CACHE: 'off',
      RATE_LIMIT: 'on',
      // One token a minute comes back: nothing refills while the test runs.
      RATE_LIMITS: 'anonymous=10/600,PARTNER_APP=6/600',
      SUBGRAPH_MEMBERSHIP_URL: t.stack.subgraphUrls.membership,
      SUBGRAPH_INDICATORS_URL: t.stack.subgraphUrls.indicators,
      SUBGRAPH_CERTIFICATION_URL: t.stack.subgraphUrls.certification,
      SUBGRAPH_WORKSHOPS_URL: t.stack.subgraphUrls.workshops,
    };
    for (let i = 0; i < 2; i++) gateways.push(await startProcess(['gateway/index.ts'], env));
    partner1 = await tokenFor('PARTNER_APP', { sub: 'partner-app-1' });
    partner2 = await tokenFor('PARTNER_APP', { sub: 'partner-app-2' });
    staff = await tokenFor('WCCD_STAFF', { sub: 'staff-1' });
  });

  afterAll(async () => {
    for (const g of gateways) g.child.kill('SIGTERM');
    await Promise.all(gateways.map((g) => g.exited));
  });

  test('anonymous callers (by IP): one budget of 10 across both processes, then 429 with Retry-After and RateLimit fields', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 12; i++) answers.push(await post(gateways[i % 2].url, { query: '{ certificationLevels { level } }' }));
    expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(200), 429, 429]);
    expect(answers.slice(0, 10).map(remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    for (const a of answers) expect(a.headers.get('ratelimit-policy')).toBe('"anonymous";q=10;w=600');
    expect(answers[0].json.data.certificationLevels.length).toBeGreaterThan(0);
    const refused = answers[10];
    expect(refused.json.data).toBeUndefined();
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'anonymous', limit: 10, windowSeconds: 600 });
    expect(refused.json.errors[0].message).toMatch(/Too many requests for the anonymous rate limit \(10 operations per 600 s\): retry in \d+ s/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit')).toMatch(/^"anonymous";r=0;t=\d+$/);
    // The same 429 under the other media type (a rate limit is no GraphQL request error).
    const gr = await post(gateways[1].url, TYPENAME, { accept: 'application/graphql-response+json' });
    expect(gr.status).toBe(429);
    expect(gr.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  test("each token subject has its own bucket, with its role's policy", async () => {
    const first: number[] = [];
    for (let i = 0; i < 8; i++) first.push((await post(gateways[i % 2].url, TYPENAME, bearer(partner1))).status);
    expect(first).toEqual([...Array(6).fill(200), 429, 429]);
    const other = await post(gateways[0].url, TYPENAME, bearer(partner2));
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit')).toMatch(/^"PARTNER_APP";r=5;t=\d+$/);
    // Roles not listed in RATE_LIMITS keep their defaults (WCCD_STAFF: 1200 a minute).
    const staffAnswer = await post(gateways[1].url, TYPENAME, bearer(staff));
    expect(staffAnswer.status).toBe(200);
    expect(staffAnswer.headers.get('ratelimit-policy')).toBe('"WCCD_STAFF";q=1200;w=60');
  });

  test('a batch counts each of its operations', async () => {
    const token = await tokenFor('PARTNER_APP', { sub: 'partner-app-batch' });
    const batch = await post(gateways[0].url, [TYPENAME, TYPENAME, TYPENAME, TYPENAME], bearer(token));
    expect(batch.status).toBe(200);
    expect(batch.json.map((a: any) => a.data?.__typename ?? a.errors[0].extensions.code)).toEqual(['Query', 'Query', 'Query', 'Query']);
    const next = await post(gateways[1].url, [TYPENAME, TYPENAME, TYPENAME], bearer(token));
    expect(next.json.map((a: any) => a.data?.__typename ?? a.errors[0].extensions.code)).toEqual(['Query', 'Query', 'RATE_LIMITED']);
  });
});

describe('in-process gateways', () => {
  const running: { gateway: Gateway; http: RunningHttpServer }[] = [];

  async function gatewayWith(rateLimit: Partial<RateLimitSettings>, cache: { redisUrl?: string; keyPrefix?: string } = {}) {
    const gateway = await createGateway({
      ...t.stack.gateway.settings,
      logger,
      port: 0,
      host: '127.0.0.1',
      bus: undefined,
      cache: { enabled: false, ...cache },
      rateLimit: { enabled: true, ...rateLimit },
    });
    const http = await listen(gateway.listener, 0);
    running.push({ gateway, http });
    return http.url;
  }

  afterAll(async () => {
    for (const { gateway, http } of running) {
      await http.close();
      await gateway.stop();
    }
  });

  test('in cost units: each operation takes its estimated cost, shared through Redis by two gateways', async () => {
    const cache = { redisUrl: REDIS_URL, keyPrefix: `rlc${randomBytes(3).toString('hex')}:` };
    const policies = { anonymous: { limit: 100, windowSeconds: 600 } };
    const a = await gatewayWith({ unit: 'cost', policies }, cache);
    const b = await gatewayWith({ unit: 'cost', policies }, cache);
    // registry(first: 10) { edges { node { city { id } } } } costs 1 + 10 × 3 = 31.
    const page = { query: '{ registry(first: 10) { edges { node { city { id } } } } }' };
    const first = await post(a, page);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"anonymous";q=100;w=600;qu="cost-units"');
    expect(remaining(first)).toBe(69);
    expect(remaining(await post(b, page))).toBe(38);
    expect(remaining(await post(a, page))).toBe(7);
    const refused = await post(b, page);
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].message).toMatch(/100 cost units per 600 s; this one costs 31/);
    // A cheaper operation still fits: 5 levels (@listSize(assumedSize: 5)).
    const cheap = await post(b, { query: '{ certificationLevels { level } }' });
    expect(cheap.status).toBe(200);
    expect(remaining(cheap)).toBe(2);
  });

  test('without Redis: buckets in memory, refilled over time', async () => {
    // A token comes back every 2 s: the burst below fits well within that even on a loaded machine.
    const url = await gatewayWith({ policies: { anonymous: { limit: 3, windowSeconds: 6 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(url, TYPENAME)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Poll until a token is back (bounded).
    const status = await until('a token back in the bucket (an answer other than 429)', async () => (await post(url, TYPENAME)).status, {
      accept: (s) => s !== 429,
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    expect(status).toBe(200);
  });

  test('behind a trusted proxy, anonymous callers are told apart by X-Forwarded-For', async () => {
    const url = await gatewayWith({ policies: { anonymous: { limit: 2, windowSeconds: 600 } }, trustedProxyHops: 1 });
    const from = (ip: string) => post(url, TYPENAME, { 'x-forwarded-for': `203.0.113.99, ${ip}` });
    expect([(await from('198.51.100.1')).status, (await from('198.51.100.1')).status, (await from('198.51.100.1')).status]).toEqual([200, 200, 429]);
    expect((await from('198.51.100.2')).status).toBe(200);
    // The client may prepend anything; only the address the trusted proxy saw counts.
    expect((await post(url, TYPENAME, { 'x-forwarded-for': '10.0.0.1, 198.51.100.1' })).status).toBe(429);
  });

  test('refused requests count too (request units): a flood of malformed operations is limited like any other', async () => {
    const url = await gatewayWith({ policies: { anonymous: { limit: 2, windowSeconds: 600 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(url, { query: '{ nope' }, { accept: 'application/graphql-response+json' })).status);
    expect(statuses).toEqual([400, 400, 429]);
  });
});

describe('the limiter', () => {
  test('Redis unreachable: each process limits on its own meanwhile', async () => {
    const registry = new Registry();
    const redis = redisClient('redis://127.0.0.1:1', 'rate-limit-test');
    try {
      const limiter = createRateLimiter(
        {
          enabled: true,
          unit: 'requests',
          policies: { anonymous: { limit: 2, windowSeconds: 60 }, authenticated: { limit: 2, windowSeconds: 60 } },
          trustedProxyHops: 0,
        },
        { redis, prefix: 'x:', metrics: { registry } as any },
      );
      const caller = { user: null, clientIp: '192.0.2.7' };
      await limiter.take(caller);
      await limiter.take(caller);
      await expect(limiter.take(caller)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
      expect(await registry.getSingleMetricAsString('gateway_rate_limit_local_fallbacks_total')).toMatch(/ 3$/m);
    } finally {
      redis.disconnect();
    }
  });

  test('policies: the most generous role; anonymous by address, IPv6 by its /64', () => {
    const policies = {
      anonymous: { limit: 1, windowSeconds: 60 },
      authenticated: { limit: 2, windowSeconds: 60 },
      VERIFIER: { limit: 10, windowSeconds: 60 },
      WCCD_STAFF: { limit: 100, windowSeconds: 60 },
    };
    expect(choosePolicy(null, policies).name).toBe('anonymous');
    expect(choosePolicy({ sub: 'x', roles: ['VERIFIER', 'WCCD_STAFF'] }, policies).name).toBe('WCCD_STAFF');
    expect(choosePolicy({ sub: 'x', roles: ['CITY_OFFICER'] }, policies).name).toBe('authenticated');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe(addressKey('2001:0db8:0001:0002:ffff::1'));
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    const req = (xff?: string) => ({ socket: { remoteAddress: '127.0.0.1' }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as unknown as IncomingMessage;
    expect(clientAddress(req('1.2.3.4'), 0)).toBe('127.0.0.1');
    expect(clientAddress(req('9.9.9.9, 1.2.3.4'), 1)).toBe('1.2.3.4');
    expect(clientAddress(req('not-an-ip'), 1)).toBe('127.0.0.1');
  });

  test('memory buckets stay bounded', async () => {
    const buckets = new MemoryBuckets(1000);
    for (let i = 0; i < 5000; i++) buckets.takeSync(`k${i}`, { limit: 10, windowMs: 60_000 }, 1);
    expect(buckets.size).toBeLessThanOrEqual(1000);
  });

  test('RATE_LIMITS is read from the environment and checked', () => {
    expect(parseRateLimits('anonymous=5/10, PARTNER_APP=600/60').policies).toEqual({
      anonymous: { limit: 5, windowSeconds: 10 },
      PARTNER_APP: { limit: 600, windowSeconds: 60 },
    });
    expect(parseRateLimits('WIZARD=1/1,anonymous=x').problems).toHaveLength(2);
    const settings = gatewaySettingsFromEnv({ RATE_LIMIT: 'on', RATE_LIMIT_UNIT: 'cost', RATE_LIMITS: 'anonymous=500/60', TRUSTED_PROXY_HOPS: '2' });
    expect(settings.rateLimit).toEqual({ enabled: true, unit: 'cost', policies: { anonymous: { limit: 500, windowSeconds: 60 } }, trustedProxyHops: 2 });
    expect(() => gatewaySettingsFromEnv({ RATE_LIMITS: 'anonymous=0/60' })).toThrow(/RATE_LIMITS/);
  });
});
