import type { IncomingHttpHeaders } from 'node:http';
import type { BaseContext } from '@apollo/server';
import { connectMongo, databaseName } from '../db/mongo';
import { DATABASE_NAMES, DEFAULT_PORTS, envInt, envString, subgraphSettingsFromEnv, type SubgraphName } from '../config';
import { createGraphQLRequestListener, listen, type RunningHttpServer } from '../http/graphql-http-server';
import type { SubgraphDeps, SubgraphService } from './service';
import { authSettingsFromEnv } from '../auth/settings';
import { createTokenVerifier, type TokenVerifier } from '../auth/tokens';
import { refusal } from '../http/refusal';
import { signatureProblem } from './signature';
import { renderMetrics } from '../observability/metrics';
import { startTracing } from '../observability/tracing';
import { onTermination } from '../lifecycle';
import { createInvalidationBus } from '../cache/bus';
import { requestIdOf } from '../http/request-id';
import { IDEMPOTENCY_KEY_HEADER, requestScope, runInRequestScope, TIMEOUT_HEADER, validForwardedKey } from '../db/idempotency';
import { createEventFeed } from '../db/events';

/** The request's `Idempotency-Key` and the caller's wait (x-timeout-ms), as the gateway forwarded them. */
function keyedRequest(headers: IncomingHttpHeaders): { key?: string; timeoutMs?: number } {
  const raw = headers[IDEMPOTENCY_KEY_HEADER];
  if (raw !== undefined && !validForwardedKey(raw)) {
    throw refusal(400, 'BAD_USER_INPUT', 'The Idempotency-Key header must be 1 to 200 printable ASCII characters without spaces.', {
      field: 'Idempotency-Key',
    });
  }
  const timeout = Number(headers[TIMEOUT_HEADER]);
  return { key: raw, timeoutMs: Number.isInteger(timeout) && timeout > 0 ? timeout : undefined };
}

/** How a subgraph's HTTP endpoint is protected. */
export interface SubgraphHttpOptions {
  /** When set, only requests the gateway signed with this secret are served (403 otherwise). */
  signingSecret?: string;
  maxBodyBytes?: number;
}

/** SUBGRAPH_SIGNING_SECRET (required in production: only the gateway may call a subgraph). */
export function subgraphHttpOptionsFromEnv(nodeEnv = process.env.NODE_ENV): SubgraphHttpOptions {
  const signingSecret = process.env.SUBGRAPH_SIGNING_SECRET || undefined;
  if (nodeEnv === 'production' && !signingSecret) {
    throw new Error('SUBGRAPH_SIGNING_SECRET must be set in production: subgraphs accept only requests the gateway signed.');
  }
  if (signingSecret && signingSecret.length < 32) throw new Error('SUBGRAPH_SIGNING_SECRET must be at least 32 characters long.');
  return { signingSecret, maxBodyBytes: envInt('MAX_BODY_BYTES', 1_000_000, 1024) };
}

// Each subgraph has its own context type; the runner only passes it through.
// biome-ignore lint/suspicious/noExplicitAny: ApolloServer<TContext> is invariant in its context, so no other type covers the four subgraphs' services
export type CreateSubgraphServer = (deps: SubgraphDeps) => Promise<SubgraphService<any>>;

/**
 * Serves a built subgraph over HTTP with /health and /ready (ready = the database answers a ping).
 * The subgraph verifies the caller's token itself: it never trusts a role it has not verified.
 */
export async function serveSubgraph(
  service: SubgraphService<BaseContext>,
  port: number,
  host?: string,
  verifyToken: TokenVerifier = createTokenVerifier(authSettingsFromEnv()),
  httpOptions: SubgraphHttpOptions = subgraphHttpOptionsFromEnv(),
): Promise<RunningHttpServer> {
  const secret = httpOptions.signingSecret;
  // GET /events: this subgraph's domain events for the others (lib/db/events.ts), signed like the rest.
  const feed = createEventFeed({ db: service.db, signingSecret: secret });
  const listener = createGraphQLRequestListener({
    server: service.server,
    maxBodyBytes: httpOptions.maxBodyBytes,
    routes: [feed.route],
    authorize: secret
      ? (req, rawBody, url) => {
          const problem = signatureProblem(secret, req.headers, req.method ?? 'GET', url.pathname + url.search, rawBody);
          if (problem) throw refusal(403, 'FORBIDDEN', `Only the gateway may call the ${service.name} subgraph: ${problem}.`);
        }
      : undefined,
    context: async (req) => {
      const requestId = requestIdOf(req);
      // A public fetch (the gateway shares its answer with every caller) is resolved as anonymous,
      // whatever else it carries.
      if (req.headers['x-gateway-view'] === 'public') return service.createContext(null, { requestId });
      const user = await verifyToken(req.headers.authorization);
      // A mutation with an Idempotency-Key is answered once per key and caller (see service.ts).
      const scope = requestScope();
      if (scope) Object.assign(scope, keyedRequest(req.headers), { subject: user?.sub ?? 'anonymous' });
      return service.createContext(user, { authorization: req.headers.authorization, requestId });
    },
    ready: async () => {
      if (service.health) return service.health.ping(1000);
      await service.db.command({ ping: 1 });
      return true;
    },
    metrics: service.metrics ? () => renderMetrics(service.metrics!) : undefined,
    logger: service.logger,
    logError: service.logger ? (message, error, requestId) => service.logger!.error({ requestId, err: error }, message) : undefined,
  });
  // Each request runs in its own scope (lib/db/idempotency.ts): what its keyed mutation writes is marked.
  const running = await listen((req, res) => runInRequestScope(() => listener(req, res)), port, host);
  const close = running.close;
  // Feed requests waiting for events are answered at once, so they do not hold the shutdown.
  running.close = async (graceMs) => {
    await Promise.all([feed.close(), close(graceMs)]);
  };
  return running;
}

/** Entry point of `subgraphs/<name>/index.ts`: connect to MONGODB_URI, build, listen on PORT. */
export async function runSubgraphFromEnv(name: SubgraphName, createServer: CreateSubgraphServer): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error(`MONGODB_URI is not set: the ${name} subgraph needs a MongoDB server (or run \`npm start\`, which provides one).`);
    process.exit(1);
  }
  const settings = subgraphSettingsFromEnv();
  const port = envInt('PORT', DEFAULT_PORTS[name], 0, 65535);
  // Before the database client exists, so that its commands are traced from the start.
  const tracing = startTracing(`subgraph-${name}`);
  const client = await connectMongo(uri, { appName: `subgraph-${name}` });
  const db = client.db(databaseName(DATABASE_NAMES[name], settings.dbPrefix));
  // Cache invalidations reach the gateways over Redis when REDIS_URL is set (in-process otherwise).
  const bus = createInvalidationBus(process.env.REDIS_URL || undefined, {
    prefix: envString('CACHE_KEY_PREFIX', 'citynet:'),
    log: (level, message, detail) => console[level === 'info' ? 'log' : level](JSON.stringify({ level, service: `subgraph-${name}`, msg: message, ...detail })),
  });
  const httpOptions = subgraphHttpOptionsFromEnv();
  const service = await createServer({ db, settings, bus, signingSecret: httpOptions.signingSecret });
  const running = await serveSubgraph(service, port, envString('HOST', '127.0.0.1'), undefined, httpOptions);
  service.logger?.info({ url: running.url, tracing: tracing?.url }, `${name} subgraph ready at ${running.url}`);
  onTermination(async () => {
    // Stop accepting, let requests in flight finish (closing idle keep-alive connections), then
    // stop the server and close the database; what is still open after the grace period is cut.
    await running.close(envInt('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000));
    await service.stop();
    await client.close();
    await bus.close();
    await tracing?.shutdown();
    service.logger?.info('stopped');
  });
}
