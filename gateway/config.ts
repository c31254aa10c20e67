import { join } from 'node:path';
import { z } from 'zod';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/config';
import { ConfigError, env, readEnv } from '../lib/env';
import type { Logger } from 'pino';
import type { InvalidationBus } from '../lib/cache/bus';
import type { CsrfPrevention } from '../lib/http/routes/graphql';
import { ROLES } from '../lib/auth/roles';

/** The gateway's cache of public answers (gateway/cache). */
export interface CacheSettings {
  /** GATEWAY_CACHE=on|off (default on): entity, root-fetch and response caching of public answers. */
  enabled: boolean;
  /** CACHE_MAX_BYTES: the in-process cache's size cap (default 64 MiB). */
  maxBytes: number;
  /** REDIS_URL: shared cache layer and cross-process invalidations; absent = in-process only. */
  redisUrl?: string;
  /** CACHE_KEY_PREFIX: prefix of every Redis key and channel (default citynet:). */
  keyPrefix: string;
  /** CACHE_MAX_TTL_S: the longest any answer is kept, whatever the hints say (default 3600). */
  maxTtlSeconds: number;
}

/** Operation limits, each refused before any subgraph is called (see gateway/limits). */
export interface OperationLimits {
  /** Largest query document in bytes (MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
  /** Most lexical tokens in a document (MAX_TOKENS; the parser stops counting there). */
  maxTokens: number;
  /** Deepest selection nesting, fragments expanded (MAX_DEPTH). */
  maxDepth: number;
  /** Most aliased fields in the operation, fragments expanded (MAX_ALIASES). */
  maxAliases: number;
  /** Most top-level fields (MAX_ROOT_FIELDS). */
  maxRootFields: number;
  /** Most directive uses in the document (MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Largest `first` a client may ask for (MAX_PAGE_SIZE, the same cap the subgraphs apply). */
  maxListSize: number;
  /**
   * Instances assumed for a list without a slicing argument or `@listSize(assumedSize:)` in the cost
   * estimate (COST_DEFAULT_LIST_SIZE, default DEFAULT_PAGE_SIZE).
   */
  defaultListSize: number;
  /** Largest estimated cost by the cost spec, `@cost`/`@listSize` (MAX_COST; gateway/limits/cost.ts). */
  maxCost: number;
  /** Most operations in one batched HTTP request; 0 refuses batches (MAX_BATCH_SIZE). */
  maxBatchSize: number;
  /** Longest string in variables or literals (MAX_STRING_LENGTH). */
  maxStringLength: number;
  /** Longest list in variables or literals (MAX_INPUT_LIST_LENGTH). */
  maxInputListLength: number;
  /** Largest `variables` object, JSON bytes (MAX_VARIABLES_BYTES). */
  maxVariablesBytes: number;
  /** Deepest nesting of objects and arrays in a JSON body or GET parameter (MAX_JSON_DEPTH). */
  maxJsonDepth: number;
  /** Most members (object keys plus array items) in a JSON body or GET parameter (MAX_JSON_MEMBERS). */
  maxJsonMembers: number;
}

/**
 * Rate limits (gateway/rate-limit): a token bucket per caller — the token's subject, or the client's
 * IP address for anonymous callers — refilled at `limit` per `windowSeconds`, holding at most `limit`.
 */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitSettings {
  /** RATE_LIMIT=on|off (default: on in production, off otherwise). */
  enabled: boolean;
  /** RATE_LIMIT_UNIT=requests|cost: each operation takes one token, or its estimated cost in tokens. */
  unit: 'requests' | 'cost';
  /**
   * RATE_LIMITS: a policy per role (`anonymous` for callers without a token, `authenticated` for
   * tokens with no listed role), e.g. `anonymous=120/60,PARTNER_APP=600/60`; a caller with several
   * roles gets the most generous. Unlisted roles keep their defaults.
   */
  policies: Record<string, RateLimitPolicy>;
  /** TRUSTED_PROXY_HOPS: proxies in front of the gateway whose X-Forwarded-For is believed (0: the socket's address). */
  trustedProxyHops: number;
}

export const RATE_LIMIT_POLICY_NAMES = ['anonymous', 'authenticated', ...ROLES] as const;

/** Requests per minute by role (burst = the limit): generous for people and apps, tight for anonymous scripts. */
export const DEFAULT_REQUEST_POLICIES: Record<string, RateLimitPolicy> = {
  anonymous: { limit: 120, windowSeconds: 60 },
  authenticated: { limit: 300, windowSeconds: 60 },
  PARTNER_APP: { limit: 600, windowSeconds: 60 },
  CITY_OFFICER: { limit: 300, windowSeconds: 60 },
  VERIFIER: { limit: 300, windowSeconds: 60 },
  WCCD_STAFF: { limit: 1200, windowSeconds: 60 },
  CITYNET_STAFF: { limit: 1200, windowSeconds: 60 },
};

/** The same in cost units (a city profile costs about 300, a page of 20 cities about 60). */
export const DEFAULT_COST_POLICIES: Record<string, RateLimitPolicy> = Object.fromEntries(
  Object.entries(DEFAULT_REQUEST_POLICIES).map(([role, p]) => [role, { limit: p.limit * 200, windowSeconds: p.windowSeconds }]),
);

export type TrustedDocumentsMode = 'enforce' | 'off';

export interface GatewaySettings {
  port: number;
  host: string;
  /** The composed supergraph the gateway serves (no introspection of subgraphs at run time). */
  supergraphPath: string;
  /** Per-subgraph URL overrides; subgraphs without one use the URL composed into the supergraph. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  maxBodyBytes: number;
  // Everything below is optional so callers (the stack, tests) can name only what they change;
  // `resolveGatewaySettings` fills in the safe defaults.
  /** `production` masks internal errors, turns introspection off and enforces trusted documents. */
  nodeEnv?: string;
  allowIntrospection?: boolean;
  limits?: Partial<OperationLimits>;
  trustedDocuments?: TrustedDocumentsMode;
  trustedDocumentsManifestPath?: string;
  /** Origins browsers may call from (CORS_ORIGINS, comma-separated; `*` for any). */
  corsOrigins?: string[];
  /** CSRF_PREVENTION: cookies (default: only requests carrying cookies are checked) | always | off. */
  csrfPrevention?: CsrfPrevention;
  /** MAX_BODY_DRAIN_BYTES: past MAX_BODY_BYTES, how much is read and discarded so the client reads its 413. */
  maxBodyDrainBytes?: number;
  rateLimit?: Partial<RateLimitSettings>;
  /** Per-attempt timeout of a subgraph call for a query (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs?: number;
  /**
   * Per-attempt timeout of a subgraph call for a mutation (SUBGRAPH_MUTATION_TIMEOUT_MS): long enough
   * for the slowest write at the documented load. When it passes, the answer is MUTATION_OUTCOME_UNKNOWN
   * with the Idempotency-Key to retry with; a client may lower both timeouts with `x-timeout-ms`.
   */
  subgraphMutationTimeoutMs?: number;
  /** Retries of a query (never a mutation) after a connection reset (SUBGRAPH_RETRIES). */
  subgraphRetries?: number;
  /** Consecutive failures that open a subgraph's circuit (CIRCUIT_FAILURE_THRESHOLD). */
  circuitFailureThreshold?: number;
  /** How long an open circuit fails fast before one trial request (CIRCUIT_COOLDOWN_MS). */
  circuitCooldownMs?: number;
  /** How long a `/ready` probe of the subgraphs is reused (READY_CACHE_MS). */
  readyCacheMs?: number;
  /** Shared secret for signing subgraph requests (SUBGRAPH_SIGNING_SECRET); required in production. */
  subgraphSigningSecret?: string;
  /** How often the supergraph file is checked for changes (SUPERGRAPH_POLL_MS); 0 never reloads. */
  supergraphPollMs?: number;
  logger?: Logger;
  cache?: Partial<CacheSettings>;
  /**
   * Where invalidations arrive from (default: in-process, plus Redis when cache.redisUrl is set). The
   * stack passes the bus its subgraphs publish on.
   */
  bus?: InvalidationBus;
}

export type ResolvedGatewaySettings = Required<Omit<GatewaySettings, 'subgraphSigningSecret' | 'logger' | 'limits' | 'cache' | 'bus' | 'rateLimit'>> & {
  limits: OperationLimits;
  rateLimit: RateLimitSettings;
  subgraphSigningSecret?: string;
  logger?: Logger;
  cache: CacheSettings;
  bus?: InvalidationBus;
};

export const DEFAULT_CACHE: CacheSettings = { enabled: true, maxBytes: 64 * 1024 * 1024, keyPrefix: 'citynet:', maxTtlSeconds: 3600 };

export const DEFAULT_LIMITS: OperationLimits = {
  maxDocumentBytes: 20_000,
  maxTokens: 2_000,
  maxDepth: 10,
  maxAliases: 30,
  maxRootFields: 10,
  maxDirectives: 20,
  maxListSize: 100,
  defaultListSize: 20,
  maxCost: 50_000,
  maxBatchSize: 5,
  maxStringLength: 1_000,
  maxInputListLength: 100,
  maxVariablesBytes: 20_000,
  maxJsonDepth: 64,
  maxJsonMembers: 10_000,
};

/**
 * The default per-attempt timeout of a mutation: the slowest write path at the documented load (50
 * simultaneous registrations for one workshop, 100-value saves) measured on the 2-core development
 * machine with both cores busy, with room to spare (see README, Timeouts).
 */
export const DEFAULT_MUTATION_TIMEOUT_MS = 30_000;

export const DEFAULT_MANIFEST_PATH = join(__dirname, '..', 'trusted-documents', 'manifest.json');

/** Fills in defaults and checks the combination (production needs a signing secret). */
export function resolveGatewaySettings(settings: GatewaySettings): ResolvedGatewaySettings {
  const nodeEnv = settings.nodeEnv ?? process.env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const resolved: ResolvedGatewaySettings = {
    ...settings,
    nodeEnv,
    allowIntrospection: settings.allowIntrospection ?? !production,
    limits: { ...DEFAULT_LIMITS, ...settings.limits },
    trustedDocuments: settings.trustedDocuments ?? (production ? 'enforce' : 'off'),
    trustedDocumentsManifestPath: settings.trustedDocumentsManifestPath ?? DEFAULT_MANIFEST_PATH,
    corsOrigins: settings.corsOrigins ?? (production ? [] : ['*']),
    csrfPrevention: settings.csrfPrevention ?? 'cookies',
    maxBodyDrainBytes: settings.maxBodyDrainBytes ?? settings.maxBodyBytes * 8,
    rateLimit: resolveRateLimit(settings.rateLimit, production),
    subgraphTimeoutMs: settings.subgraphTimeoutMs ?? 5_000,
    subgraphMutationTimeoutMs: settings.subgraphMutationTimeoutMs ?? DEFAULT_MUTATION_TIMEOUT_MS,
    subgraphRetries: settings.subgraphRetries ?? 1,
    circuitFailureThreshold: settings.circuitFailureThreshold ?? 5,
    circuitCooldownMs: settings.circuitCooldownMs ?? 10_000,
    readyCacheMs: settings.readyCacheMs ?? 2_000,
    supergraphPollMs: settings.supergraphPollMs ?? 1_000,
    cache: { ...DEFAULT_CACHE, ...settings.cache },
  };
  if (production && !resolved.subgraphSigningSecret) {
    throw new Error('SUBGRAPH_SIGNING_SECRET must be set in production: subgraphs accept only requests the gateway signed.');
  }
  if (resolved.subgraphSigningSecret && resolved.subgraphSigningSecret.length < 32) {
    throw new Error('SUBGRAPH_SIGNING_SECRET must be at least 32 characters long.');
  }
  return resolved;
}

function resolveRateLimit(input: Partial<RateLimitSettings> | undefined, production: boolean): RateLimitSettings {
  const unit = input?.unit ?? 'requests';
  const defaults = unit === 'cost' ? DEFAULT_COST_POLICIES : DEFAULT_REQUEST_POLICIES;
  return {
    enabled: input?.enabled ?? production,
    unit,
    policies: { ...defaults, ...input?.policies },
    trustedProxyHops: input?.trustedProxyHops ?? 0,
  };
}

/** `role=limit/seconds` pairs, comma-separated (RATE_LIMITS). */
export function parseRateLimits(raw: string): { policies: Record<string, RateLimitPolicy>; problems: string[] } {
  const policies: Record<string, RateLimitPolicy> = {};
  const problems: string[] = [];
  for (const item of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z_]+)\s*=\s*(\d+)\s*\/\s*(\d+)\s*s?$/.exec(item);
    if (!m) {
      problems.push(`${JSON.stringify(item)} is not role=limit/seconds (e.g. PARTNER_APP=600/60)`);
      continue;
    }
    const [, role, limit, seconds] = m;
    if (!(RATE_LIMIT_POLICY_NAMES as readonly string[]).includes(role)) problems.push(`${role} is not one of ${RATE_LIMIT_POLICY_NAMES.join(', ')}`);
    else if (Number(limit) < 1 || Number(seconds) < 1 || Number(seconds) > 86_400)
      problems.push(`${item}: the limit and the window (1-86400 s) must be positive`);
    else policies[role] = { limit: Number(limit), windowSeconds: Number(seconds) };
  }
  return { policies, problems };
}

/** An unset or empty variable counts as absent, as in lib/env.ts. */
const absent = (value: unknown) => (value === '' ? undefined : value);

/** true/false/1/0, or absent (the default then depends on NODE_ENV, see resolveGatewaySettings). */
const optionalBoolean = () =>
  z.preprocess(
    absent,
    z
      .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
      .transform((v) => v === 'true' || v === '1')
      .optional(),
  );

/** Comma-separated browser origins (scheme://host[:port], no path), or `*`. */
const originList = () =>
  z.preprocess(
    absent,
    z
      .string()
      .transform((raw) =>
        raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .superRefine((list, ctx) => {
        for (const origin of list) {
          if (origin === '*') continue;
          let parsed: URL | undefined;
          try {
            parsed = new URL(origin);
          } catch {
            ctx.addIssue({ code: 'custom', message: `must list origins like https://app.example.org, not ${JSON.stringify(origin)}` });
            continue;
          }
          if (parsed.origin !== origin) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path)` });
        }
      })
      .optional(),
  );

const d = DEFAULT_LIMITS;

/** Every variable the gateway reads, validated together (lib/env.ts): all wrong values are reported at once. */
export const GATEWAY_ENV = {
  PORT: env.int(4000, 0, 65535),
  HOST: env.string('127.0.0.1'),
  SUPERGRAPH_PATH: env.string(join(__dirname, '..', 'schema', 'supergraph.graphql')),
  SUPERGRAPH_POLL_MS: env.int(1_000, 0, 3_600_000),
  SUBGRAPH_MEMBERSHIP_URL: env.url(),
  SUBGRAPH_INDICATORS_URL: env.url(),
  SUBGRAPH_CERTIFICATION_URL: env.url(),
  SUBGRAPH_WORKSHOPS_URL: env.url(),
  MAX_BODY_BYTES: env.int(1_000_000, 1024, Number.MAX_SAFE_INTEGER),
  NODE_ENV: env.string('development'),
  ALLOW_INTROSPECTION: optionalBoolean(),
  MAX_DOCUMENT_BYTES: env.int(d.maxDocumentBytes, 100, Number.MAX_SAFE_INTEGER),
  MAX_TOKENS: env.int(d.maxTokens, 10, Number.MAX_SAFE_INTEGER),
  MAX_DEPTH: env.int(d.maxDepth, 1, 100),
  MAX_ALIASES: env.int(d.maxAliases, 0, Number.MAX_SAFE_INTEGER),
  MAX_ROOT_FIELDS: env.int(d.maxRootFields, 1, Number.MAX_SAFE_INTEGER),
  MAX_DIRECTIVES: env.int(d.maxDirectives, 0, Number.MAX_SAFE_INTEGER),
  MAX_PAGE_SIZE: env.int(d.maxListSize, 1, 10_000),
  DEFAULT_PAGE_SIZE: env.int(d.defaultListSize, 1, 1000),
  MAX_COST: env.int(d.maxCost, 1, Number.MAX_SAFE_INTEGER),
  MAX_BATCH_SIZE: env.int(d.maxBatchSize, 0, 100),
  MAX_STRING_LENGTH: env.int(d.maxStringLength, 1, Number.MAX_SAFE_INTEGER),
  MAX_INPUT_LIST_LENGTH: env.int(d.maxInputListLength, 1, Number.MAX_SAFE_INTEGER),
  MAX_VARIABLES_BYTES: env.int(d.maxVariablesBytes, 2, Number.MAX_SAFE_INTEGER),
  MAX_JSON_DEPTH: env.int(d.maxJsonDepth, 4, 1000),
  MAX_JSON_MEMBERS: env.int(d.maxJsonMembers, 10, Number.MAX_SAFE_INTEGER),
  MAX_BODY_DRAIN_BYTES: z.preprocess(
    absent,
    z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0, 'must be at least 0').optional(),
  ),
  COST_DEFAULT_LIST_SIZE: z.preprocess(
    absent,
    z.coerce
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(10_000, 'must be at most 10000')
      .optional(),
  ),
  CSRF_PREVENTION: z.preprocess(absent, z.enum(['cookies', 'always', 'off'], { message: 'must be cookies, always or off' }).optional()),
  RATE_LIMIT: z.preprocess(absent, z.enum(['on', 'off'], { message: 'must be on or off' }).optional()),
  RATE_LIMIT_UNIT: z.preprocess(absent, z.enum(['requests', 'cost'], { message: 'must be requests or cost' }).optional()),
  RATE_LIMITS: z.preprocess(
    absent,
    z
      .string()
      .superRefine((raw, ctx) => {
        for (const problem of parseRateLimits(raw).problems) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform((raw) => parseRateLimits(raw).policies)
      .optional(),
  ),
  TRUSTED_PROXY_HOPS: env.int(0, 0, 10),
  TRUSTED_DOCUMENTS: z.preprocess(absent, z.enum(['enforce', 'off'], { message: 'must be enforce or off' }).optional()),
  TRUSTED_DOCUMENTS_MANIFEST: env.optionalString(),
  CORS_ORIGINS: originList(),
  SUBGRAPH_TIMEOUT_MS: env.int(5_000, 10, 600_000),
  SUBGRAPH_MUTATION_TIMEOUT_MS: env.int(DEFAULT_MUTATION_TIMEOUT_MS, 10, 600_000),
  SUBGRAPH_RETRIES: env.int(1, 0, 5),
  CIRCUIT_FAILURE_THRESHOLD: env.int(5, 1, 1000),
  CIRCUIT_COOLDOWN_MS: env.int(10_000, 10, 3_600_000),
  READY_CACHE_MS: env.int(2_000, 0, 60_000),
  SUBGRAPH_SIGNING_SECRET: env.optionalString(),
  GATEWAY_CACHE: z.preprocess(absent, z.enum(['on', 'off'], { message: 'must be on or off' }).optional()),
  CACHE_MAX_BYTES: env.int(DEFAULT_CACHE.maxBytes, 0, Number.MAX_SAFE_INTEGER),
  CACHE_MAX_TTL_S: env.int(DEFAULT_CACHE.maxTtlSeconds, 0, 7 * 86_400),
  CACHE_KEY_PREFIX: env.string(DEFAULT_CACHE.keyPrefix),
  REDIS_URL: env.url(),
};

const URL_VARIABLES: Record<SubgraphName, `SUBGRAPH_${Uppercase<SubgraphName>}_URL`> = {
  membership: 'SUBGRAPH_MEMBERSHIP_URL',
  indicators: 'SUBGRAPH_INDICATORS_URL',
  certification: 'SUBGRAPH_CERTIFICATION_URL',
  workshops: 'SUBGRAPH_WORKSHOPS_URL',
};

export function gatewaySettingsFromEnv(source: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const e = readEnv(GATEWAY_ENV, source);
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = e[URL_VARIABLES[name]];
    if (url) subgraphUrls[name] = url;
  }
  const settings: GatewaySettings = {
    port: e.PORT,
    host: e.HOST,
    supergraphPath: e.SUPERGRAPH_PATH,
    supergraphPollMs: e.SUPERGRAPH_POLL_MS,
    subgraphUrls,
    maxBodyBytes: e.MAX_BODY_BYTES,
    nodeEnv: e.NODE_ENV,
    allowIntrospection: e.ALLOW_INTROSPECTION,
    limits: {
      maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
      maxTokens: e.MAX_TOKENS,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxRootFields: e.MAX_ROOT_FIELDS,
      maxDirectives: e.MAX_DIRECTIVES,
      maxListSize: e.MAX_PAGE_SIZE,
      defaultListSize: e.COST_DEFAULT_LIST_SIZE ?? e.DEFAULT_PAGE_SIZE,
      maxCost: e.MAX_COST,
      maxBatchSize: e.MAX_BATCH_SIZE,
      maxStringLength: e.MAX_STRING_LENGTH,
      maxInputListLength: e.MAX_INPUT_LIST_LENGTH,
      maxVariablesBytes: e.MAX_VARIABLES_BYTES,
      maxJsonDepth: e.MAX_JSON_DEPTH,
      maxJsonMembers: e.MAX_JSON_MEMBERS,
    },
    csrfPrevention: e.CSRF_PREVENTION,
    maxBodyDrainBytes: e.MAX_BODY_DRAIN_BYTES,
    rateLimit: {
      enabled: e.RATE_LIMIT === undefined ? undefined : e.RATE_LIMIT === 'on',
      unit: e.RATE_LIMIT_UNIT,
      policies: e.RATE_LIMITS,
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    },
    trustedDocuments: e.TRUSTED_DOCUMENTS,
    trustedDocumentsManifestPath: e.TRUSTED_DOCUMENTS_MANIFEST,
    corsOrigins: e.CORS_ORIGINS,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    subgraphMutationTimeoutMs: e.SUBGRAPH_MUTATION_TIMEOUT_MS,
    subgraphRetries: e.SUBGRAPH_RETRIES,
    circuitFailureThreshold: e.CIRCUIT_FAILURE_THRESHOLD,
    circuitCooldownMs: e.CIRCUIT_COOLDOWN_MS,
    readyCacheMs: e.READY_CACHE_MS,
    subgraphSigningSecret: e.SUBGRAPH_SIGNING_SECRET,
    cache: {
      enabled: e.GATEWAY_CACHE !== 'off',
      maxBytes: e.CACHE_MAX_BYTES,
      maxTtlSeconds: e.CACHE_MAX_TTL_S,
      keyPrefix: e.CACHE_KEY_PREFIX,
      redisUrl: e.REDIS_URL,
    },
  };
  // Validate the combination now, so a wrong setting stops start-up with its name.
  try {
    resolveGatewaySettings(settings);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
  return settings;
}
