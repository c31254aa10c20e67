import { existsSync, readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { createLogger, type Logger } from '../lib/observability/logger';
import { createMetrics, renderMetrics, type Metrics } from '../lib/observability/metrics';
import { metricsPlugin } from '../lib/observability/apollo-metrics-plugin';
import { instrumentDataSource } from '../lib/observability/subgraph-instrumentation';
import { createGraphQLRequestListener, type Route } from '../lib/http/graphql-http-server';
import type { IncomingMessage } from 'node:http';
import type { SubgraphName } from '../lib/config';
import { resolveGatewaySettings, type GatewaySettings, type ResolvedGatewaySettings } from './config';
import { gatewayContextFactory, type GatewayContext } from './context';
import { authSettingsFromEnv } from '../lib/auth/settings';
import { createTokenVerifier } from '../lib/auth/tokens';
import { ResilientDataSource } from './subgraph-client';
import { createReadiness } from './readiness';
import { createFormatError, errorLoggingPlugin } from './errors';
import { createPreflight } from './preflight';
import { loadManifest } from './trusted-documents/manifest';
import { demandMetricsPlugin, persistedOperationLimitsPlugin, preflightSchema } from './limits/demand';
import type { PreflightSchema } from './preflight';
import { clientAddress, createRateLimiter } from './rate-limit/limiter';
import { withRateLimit } from './rate-limit/admission';
import { createInvalidationBus, localBus, RedisBus, CombinedBus, type InvalidationBus } from '../lib/cache/bus';
import { CachePolicies } from './cache/policy';
import { CacheStore } from './cache/store';
import { FetchCache } from './cache/fetch-cache';
import { connectInvalidation, type Invalidation } from './cache/invalidation';
import { createResponseCache } from './cache/response-cache';
import { clusterSharing } from './cache/cluster-sharing';
import { installResultShaping } from './execution/result-shaping';

export interface Gateway {
  server: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  listener: ReturnType<typeof createGraphQLRequestListener>;
  settings: ResolvedGatewaySettings;
  /** One resilient data source per subgraph (failure tests look at their circuit breakers). */
  dataSources: Map<string, ResilientDataSource>;
  ready(): Promise<boolean>;
  logger: Logger;
  /** Prometheus metrics served at GET /metrics. */
  metrics: Metrics;
  /** Checks the supergraph file now (the watcher does this every SUPERGRAPH_POLL_MS). */
  reloadSupergraph(): void;
  /** The cache of public answers (absent with GATEWAY_CACHE=off). */
  cache?: CacheStore;
  stop(): Promise<void>;
}

/** Reads and sanity-checks the supergraph file so a wrong path fails with a clear message. */
export function readSupergraph(path: string): string {
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the supergraph at ${path} (SUPERGRAPH_PATH): ${(error as Error).message}. Run \`npm run compose\`.`);
  }
  if (!sdl.includes('@join__graph')) throw new Error(`${path} is not a composed supergraph (no @join__graph): run \`npm run compose\`.`);
  return sdl;
}

/** The subgraph URLs composed into the supergraph (`@join__graph(name:, url:)`). */
function composedUrls(sdl: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const m of sdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]+)"\)/g)) urls.set(m[1], m[2]);
  return urls;
}

/** Builds the federated gateway (a static supergraph, never IntrospectAndCompose) and starts it. */
/** What plain HTTP routes mounted beside the gateway (apps/) may use: its server and request context. */
export interface GatewayRouteParts {
  server: ApolloServer<GatewayContext>;
  context: (req: IncomingMessage) => Promise<GatewayContext>;
  settings: ResolvedGatewaySettings;
}

export interface GatewayOptions {
  /** Plain HTTP routes served beside /graphql (apps/index.ts); none by default. */
  routes?: (parts: GatewayRouteParts) => Route[];
}

export async function createGateway(input: GatewaySettings, options: GatewayOptions = {}): Promise<Gateway> {
  const settings = resolveGatewaySettings(input);
  const production = settings.nodeEnv === 'production';
  const logger = settings.logger ?? createLogger('gateway');
  const metrics = createMetrics('gateway');
  // @apollo/gateway's last step of every execution, done faster (gateway/execution/result-shaping.ts).
  const shaping = installResultShaping();
  if (!shaping.installed) logger.warn({ reason: shaping.reason }, 'Results are shaped by @apollo/gateway itself (slower)');
  const supergraphSdl = readSupergraph(settings.supergraphPath);
  // Trusted documents: required when enforced (a missing manifest stops start-up), optional otherwise.
  const manifest =
    settings.trustedDocuments === 'enforce' || existsSync(settings.trustedDocumentsManifestPath)
      ? loadManifest(settings.trustedDocumentsManifestPath)
      : new Map<string, string>();

  const dataSources = new Map<string, ResilientDataSource>();

  // The cache of public answers: hints from the supergraph, invalidations from the bus (gateway/cache).
  const cacheSettings = settings.cache;
  let bus: InvalidationBus = settings.bus ?? localBus;
  let ownBus: InvalidationBus | undefined;
  if (!settings.bus && cacheSettings.redisUrl) {
    ownBus = createInvalidationBus(cacheSettings.redisUrl, {
      prefix: cacheSettings.keyPrefix,
      log: (level, message, detail) => logger[level]({ ...detail }, message),
    });
    bus = ownBus;
  }
  const redisBus = bus instanceof RedisBus ? bus : bus instanceof CombinedBus ? bus.redis : undefined;
  // With GATEWAY_CACHE=off nothing is kept, but invalidations are still followed: requests in flight
  // are only shared within one generation (a read after a change never joins one from before it).
  const store = new CacheStore({
    caching: cacheSettings.enabled,
    maxBytes: cacheSettings.maxBytes,
    metrics,
    redis: redisBus && cacheSettings.enabled ? { client: redisBus.redis, prefix: redisBus.prefix, versionKey: (tag) => redisBus.versionKey(tag) } : undefined,
  });
  // Identical requests in flight shared with the other workers of a cluster (undefined in one process).
  const sharing = clusterSharing();
  const invalidation: Invalidation = connectInvalidation(store, bus, { sharedBus: !!redisBus, metrics, logger });
  // The schema's cache hints; replaced with the supergraph (a reloaded schema may change scopes).
  let policies = new CachePolicies(supergraphSdl, { maxTtlSeconds: cacheSettings.maxTtlSeconds });
  const fetchCache = new FetchCache(policies, store);
  // The supergraph file is watched: a valid new one replaces the old between requests (requests in
  // flight finish on the plan they started with); an invalid one is logged and the old one kept.
  let served = supergraphSdl;
  let update: ((sdl: string) => void) | undefined;
  const reloadSupergraph = () => {
    if (!update) return;
    let next: string;
    try {
      next = readSupergraph(settings.supergraphPath);
      if (next === served) return;
      update(next);
    } catch (error) {
      logger.error({ err: error, supergraphPath: settings.supergraphPath }, 'The changed supergraph was rejected; still serving the previous one');
      return;
    }
    served = next;
    policies = new CachePolicies(next, { maxTtlSeconds: cacheSettings.maxTtlSeconds });
    fetchCache.usePolicies(policies);
    logger.info({ supergraphPath: settings.supergraphPath }, 'Supergraph reloaded');
  };
  const onFileChange = (current: Stats, previous: Stats) => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) reloadSupergraph();
  };
  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update: apply }) => {
      update = apply;
      if (settings.supergraphPollMs > 0) watchFile(settings.supergraphPath, { interval: settings.supergraphPollMs, persistent: false }, onFileChange);
      return {
        supergraphSdl: served,
        cleanup: async () => {
          update = undefined;
          unwatchFile(settings.supergraphPath, onFileChange);
        },
      };
    },
    buildService: ({ name, url }) => {
      const source = new ResilientDataSource(name, settings.subgraphUrls[name as SubgraphName] ?? url!, {
        timeoutMs: settings.subgraphTimeoutMs,
        mutationTimeoutMs: settings.subgraphMutationTimeoutMs,
        retries: settings.subgraphRetries,
        signingSecret: settings.subgraphSigningSecret,
        breaker: { threshold: settings.circuitFailureThreshold, cooldownMs: settings.circuitCooldownMs },
        cache: fetchCache,
        invalidation,
      });
      dataSources.set(name, source);
      return instrumentDataSource(name, source, metrics);
    },
  });

  let apiSchema: GraphQLSchema | undefined;
  // The schema, cost directives and scalar rules the preflight checks against (rebuilt on reload).
  let preflightState: PreflightSchema | undefined;
  // Rate limits (gateway/rate-limit): shared through the cache's Redis when there is one.
  const limiter = settings.rateLimit.enabled
    ? createRateLimiter(settings.rateLimit, { redis: redisBus?.redis, prefix: redisBus?.prefix ?? cacheSettings.keyPrefix, metrics, logger })
    : undefined;
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: settings.allowIntrospection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    formatError: createFormatError(production),
    parseOptions: { maxTokens: settings.limits.maxTokens + 1 },
    // CSRF prevention is the HTTP layer's (lib/http/routes/graphql.ts, CSRF_PREVENTION): Apollo's own
    // would refuse every GET without a preflight header, cookies or not.
    csrfPrevention: false,
    // The process owns its shutdown (HTTP first, then the gateway).
    stopOnTerminationSignals: false,
    plugins: [
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      {
        async serverWillStart() {
          return {
            schemaDidLoadOrUpdate({ apiSchema: schema, coreSupergraphSdl }) {
              apiSchema = schema;
              preflightState = preflightSchema(schema, coreSupergraphSdl ?? served, settings);
            },
          };
        },
      },
      persistedOperationLimitsPlugin(settings, () => preflightState, limiter),
      demandMetricsPlugin(metrics, () => preflightState),
      errorLoggingPlugin(logger),
      metricsPlugin(metrics, 'gateway'),
    ],
  });
  await server.start();

  const subgraphNames = [...composedUrls(supergraphSdl).entries()];
  const subgraphUrls = subgraphNames.map(([graph, url]) => settings.subgraphUrls[graph.toLowerCase() as SubgraphName] ?? url);
  const ready = createReadiness({ loaded: () => apiSchema !== undefined, subgraphUrls, cacheMs: settings.readyCacheMs });

  const baseContext = gatewayContextFactory(createTokenVerifier(authSettingsFromEnv()));
  const context = async (req: IncomingMessage): Promise<GatewayContext> => {
    const ctx = await baseContext(req);
    ctx.clientIp = clientAddress(req, settings.rateLimit.trustedProxyHops);
    return ctx;
  };
  const listener = createGraphQLRequestListener<GatewayContext>({
    server,
    context,
    routes: options.routes?.({ server, context, settings }),
    maxBodyBytes: settings.maxBodyBytes,
    maxBatchSize: settings.limits.maxBatchSize,
    corsOrigins: settings.corsOrigins,
    csrfPrevention: settings.csrfPrevention,
    maxBodyDrainBytes: settings.maxBodyDrainBytes,
    jsonLimits: { maxDepth: settings.limits.maxJsonDepth, maxMembers: settings.limits.maxJsonMembers },
    preflight: withRateLimit(
      createPreflight(settings, manifest, () => preflightState),
      limiter,
    ),
    responseHeaders: (ctx) => ctx.rateLimit?.headers,
    around: createResponseCache({ store, policies: () => policies, metrics, cluster: sharing }),
    ready,
    logError: (message, error, requestId) => logger.error({ requestId, err: error }, message),
    metrics: () => renderMetrics(metrics),
    logger,
  });
  return {
    server,
    gateway,
    listener,
    settings,
    dataSources,
    ready,
    logger,
    metrics,
    reloadSupergraph,
    cache: store,
    stop: async () => {
      await server.stop();
      invalidation?.stop();
      sharing?.stop();
      await ownBus?.close();
    },
  };
}
