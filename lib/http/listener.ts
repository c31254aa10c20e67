import type http from 'node:http';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { context as otelContext, extractContext, SpanKind, trace, tracer } from '../observability/tracing';
import { continueOnRead } from './body';
import { assignRequestId } from './request-id';
import { responseMediaType, send, sendRefusal } from './respond';

/**
 * One HTTP route: answers the request and resolves true, or resolves false to leave it to the next
 * route. A route may throw a refusal (lib/http/refusal.ts), which becomes its status and error body.
 */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;

export interface ListenerOptions {
  /** Tried in order; a request no route answers is a 404. */
  routes: Route[];
  /** One JSON line per request (request id, method, path, status, duration). */
  logger?: Logger;
  /** Where unexpected failures are logged (defaults to the console). */
  logError?: (message: string, error: unknown, requestId: string) => void;
}

/** Probes and scrapes are frequent and uninteresting: logged at debug only. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * The HTTP listener of every process: each request gets its id (lib/http/request-id.ts), runs under a
 * server span (a no-op unless tracing is on, a child of the caller's `traceparent`), goes to the
 * first route that takes it, and is logged once answered. Anything unexpected is a 500 with the
 * request id, logged with it; nothing a route throws reaches the client as a stack trace.
 */
export function createListener(options: ListenerOptions): http.RequestListener {
  const logError = options.logError ?? ((message, error, requestId) => console.error(`${message} (request ${requestId})`, error));

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const requestId = assignRequestId(req, res);
    continueOnRead(req, res);
    const mediaType = responseMediaType(req.headers.accept);
    try {
      let url: URL;
      try {
        // Origin-form only: a request target that is not a path (absolute-form, `*`) is not ours to serve.
        if (!(req.url ?? '/').startsWith('/')) throw new Error('not a path');
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        return send(res, 400, { errors: [{ message: 'The request target is not a valid path.', extensions: { code: 'BAD_REQUEST' } }] }, mediaType);
      }
      for (const route of options.routes) if (await route(req, res, url)) return;
      send(res, 404, { errors: [{ message: `Not found: ${url.pathname}`, extensions: { code: 'NOT_FOUND' } }] });
    } catch (error) {
      if (error instanceof GraphQLError) return sendRefusal(res, error, mediaType);
      logError('Unhandled error serving request', error, requestId);
      send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] }, mediaType);
    }
  };

  return (req, res) => {
    const started = process.hrtime.bigint();
    const urlPath = (req.url ?? '/').split('?')[0];
    const span = tracer().startSpan(
      `${req.method ?? 'GET'} ${urlPath}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': urlPath } },
      extractContext(req.headers),
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      const requestId = res.getHeader('x-request-id');
      if (typeof requestId === 'string') span.setAttribute('http.request.id', requestId);
      span.end();
      if (!options.logger) return;
      const entry = { requestId, method: req.method, path: urlPath, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      otelContext.with(trace.setSpan(otelContext.active(), span), () => {
        if (QUIET_PATHS.has(urlPath)) options.logger!.debug(entry, 'request');
        else options.logger!.info(entry, 'request');
      });
    });
    // Nothing escapes as an unhandled rejection (which would end the process): a failure while
    // answering (the socket gone, a throwing logger) cuts this one connection only.
    otelContext.with(trace.setSpan(otelContext.active(), span), () => handle(req, res)).catch(() => res.destroy());
  };
}
