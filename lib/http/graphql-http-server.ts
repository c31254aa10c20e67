import type http from 'node:http';
import type { BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { createListener, type Route } from './listener';
import { createProbeRoutes } from './routes/probes';
import { createGraphQLRoute, type GraphQLRouteOptions } from './routes/graphql';

export type { GraphQLRequestBody, OperationAnswer } from './routes/graphql';
export { listen, type RunningHttpServer } from './server';
export type { Route } from './listener';

/**
 * The HTTP face of every process, assembled from route modules: probes (`/health`, `/ready`,
 * `/metrics`: lib/http/routes/probes.ts), any extra routes (the gateway's apps: dashboard, file
 * exchange), and GraphQL over HTTP (lib/http/routes/graphql.ts), behind one listener that gives each
 * request its id, a span and a log line (lib/http/listener.ts).
 */
export interface GraphQLHttpOptions<TContext extends BaseContext> extends GraphQLRouteOptions<TContext> {
  /** `/ready` answers 200 only when this resolves true. */
  ready?: () => Promise<boolean>;
  /** GET /metrics: the Prometheus text of this process (see lib/observability/metrics.ts). */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** Where unexpected failures are logged (defaults to the console). */
  logError?: (message: string, error: unknown, requestId: string) => void;
  /** One JSON line per request (request id, method, path, status, duration). */
  logger?: Logger;
  /** Plain HTTP routes beside GraphQL (tried after the probes, before GraphQL). */
  routes?: Route | Route[];
}

export function createGraphQLRequestListener<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>): http.RequestListener {
  const extra = options.routes === undefined ? [] : Array.isArray(options.routes) ? options.routes : [options.routes];
  return createListener({
    routes: [createProbeRoutes({ ready: options.ready, metrics: options.metrics }), ...extra, createGraphQLRoute(options)],
    logger: options.logger,
    logError: options.logError,
  });
}
