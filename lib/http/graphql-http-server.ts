import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { formatRefusal, headersOf, refusal, statusOf } from './refusal';
import { context as otelContext, extractContext, SpanKind, trace, tracer } from '../observability/tracing';

/**
 * A Node HTTP integration for Apollo Server (the documented `executeHTTPGraphQLRequest` API), so that
 * each process serves `/health` and `/ready`, and refuses malformed or hostile HTTP requests itself
 * (GraphQL over HTTP: methods, media types, body size, UTF-8, JSON, batches, CSRF, CORS) before
 * Apollo Server, the context function or any subgraph sees them.
 */
export interface GraphQLHttpOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  context: (req: http.IncomingMessage) => Promise<TContext>;
  /** `/ready` answers 200 only when this resolves true. */
  ready?: () => Promise<boolean>;
  path?: string;
  maxBodyBytes?: number;
  /** Most operations in one batched (JSON array) request; 0 (the default) refuses batches. */
  maxBatchSize?: number;
  /** Browser origins allowed to call (`*` for any); no CORS headers for others. Default: none. */
  corsOrigins?: string[];
  /** Checks the raw request (e.g. the gateway's signature) before anything else; throw a refusal. */
  authorize?: (req: http.IncomingMessage, rawBody: Buffer, url: URL) => void;
  /** Inspects (and may rewrite) each GraphQL request before Apollo runs it; throw a refusal. */
  preflight?: (request: GraphQLRequestBody, context: TContext, httpMethod: 'GET' | 'POST') => GraphQLRequestBody | Promise<GraphQLRequestBody>;
  /** Where unexpected failures are logged (defaults to the console). */
  logError?: (message: string, error: unknown, requestId: string) => void;
  /** GET /metrics: the Prometheus text of this process (see lib/observability/metrics.ts). */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** One JSON line per request (request id, method, path, status, duration). */
  logger?: Logger;
  /**
   * Wraps the execution of each operation (after the preflight): may answer without running it
   * (a cache), and may add headers to the answer (e.g. Cache-Control).
   */
  around?: (request: GraphQLRequestBody, context: TContext, http: { method: 'GET' | 'POST'; accept: string }, run: () => Promise<OperationAnswer>) => Promise<OperationAnswer>;
  /** Plain HTTP routes beside GraphQL (e.g. CSV exports); resolves true when it answered the request. */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;
}

/** One GraphQL request as sent over HTTP (JSON body or GET parameters). */
export interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
  documentId?: unknown;
  [key: string]: unknown;
}

/** One operation's answer as the HTTP layer writes it. */
export interface OperationAnswer {
  status: number;
  headers: HeaderMap;
  body: string;
  chunks?: AsyncIterable<string>;
}

export interface RunningHttpServer {
  httpServer: http.Server;
  url: string;
  port: number;
  close(graceMs?: number): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';
/** Content types a browser may POST cross-origin without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
/** Headers a browser cannot send cross-origin without a preflight (the CSRF guard, as Apollo's). */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const CORS_ALLOW_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id';

function essence(contentType: string | undefined): { type: string; charset?: string } | undefined {
  if (contentType === undefined) return undefined;
  const [type, ...params] = contentType.split(';');
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  return { type: type.trim().toLowerCase(), charset };
}

/** The media type of our own (non-Apollo) answers: graphql-response+json when the client asks for it. */
function responseMediaType(accept: string | undefined): string {
  if (accept && accept.toLowerCase().includes(GRAPHQL_RESPONSE_TYPE)) {
    const jsonAt = accept.toLowerCase().indexOf(JSON_TYPE + ',');
    const grAt = accept.toLowerCase().indexOf(GRAPHQL_RESPONSE_TYPE);
    if (jsonAt === -1 || grAt < jsonAt) return GRAPHQL_RESPONSE_TYPE;
  }
  return JSON_TYPE;
}

function send(res: http.ServerResponse, status: number, body: unknown, mediaType = JSON_TYPE, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendRefusal(res: http.ServerResponse, error: GraphQLError, mediaType: string): void {
  send(res, statusOf(error), { errors: [formatRefusal(error)] }, mediaType, headersOf(error));
}

/**
 * Reads the body up to `limit` bytes. Past the limit it keeps draining (so the client can read the
 * 413 rather than a reset) up to a hard ceiling, then cuts the connection.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (size > limit * 4 + 65_536) {
          resolve('too-large');
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function hasPreflightHeader(req: http.IncomingMessage): boolean {
  return PREFLIGHT_HEADERS.some((h) => {
    const v = req.headers[h];
    return typeof v === 'string' && v.length > 0;
  });
}

/** CSRF: a request a browser could send cross-site without a preflight must carry a preflight header. */
function checkCsrf(req: http.IncomingMessage): void {
  const type = essence(req.headers['content-type']);
  const simple = type === undefined || SIMPLE_CONTENT_TYPES.includes(type.type);
  if (simple && !hasPreflightHeader(req)) {
    throw refusal(
      400,
      'CSRF_PREVENTED',
      `This request has been blocked as a potential cross-site request forgery: send a content-type of ${JSON_TYPE}, ` +
        `or a non-empty ${PREFLIGHT_HEADERS.join(' or ')} header.`,
    );
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refusal(400, 'BAD_REQUEST', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function getRequestFromSearch(search: URLSearchParams): GraphQLRequestBody {
  const request: GraphQLRequestBody = {};
  for (const key of ['query', 'operationName', 'documentId']) {
    const all = search.getAll(key);
    if (all.length > 1) throw refusal(400, 'BAD_REQUEST', `The ${key} parameter must be given once.`);
    if (all.length) request[key] = all[0];
  }
  for (const key of ['variables', 'extensions']) {
    const all = search.getAll(key);
    if (all.length > 1) throw refusal(400, 'BAD_REQUEST', `The ${key} parameter must be given once.`);
    if (all.length) request[key] = parseJson(all[0], `The ${key} parameter`);
  }
  return request;
}

function searchFromRequest(request: GraphQLRequestBody): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null) continue;
    search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return `?${search.toString()}`;
}

function checkShape(body: unknown, index?: number): GraphQLRequestBody {
  const where = index === undefined ? 'The request body' : `Operation ${index} of the batch`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw refusal(400, 'BAD_REQUEST', `${where} must be a JSON object with a query (or a documentId / persisted query hash).`);
  }
  const request = body as GraphQLRequestBody;
  if (request.query !== undefined && request.query !== null && typeof request.query !== 'string') throw refusal(400, 'BAD_REQUEST', `${where}: query must be a string.`);
  if (request.operationName !== undefined && request.operationName !== null && typeof request.operationName !== 'string') {
    throw refusal(400, 'BAD_REQUEST', `${where}: operationName must be a string.`);
  }
  for (const key of ['variables', 'extensions'] as const) {
    const value = request[key];
    if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw refusal(400, 'BAD_REQUEST', `${where}: ${key} must be a JSON object.`);
    }
  }
  return request;
}

export function createGraphQLRequestListener<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>) {
  const path = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const maxBatchSize = options.maxBatchSize ?? 0;
  const corsOrigins = options.corsOrigins ?? [];
  const logError = options.logError ?? ((message, error, requestId) => console.error(`${message} (request ${requestId})`, error));

  async function executeOne(
    req: http.IncomingMessage,
    method: 'GET' | 'POST',
    headers: HeaderMap,
    search: string,
    request: GraphQLRequestBody,
    context: TContext,
  ): Promise<OperationAnswer> {
    if (options.preflight) request = await options.preflight(request, context, method);
    const run = () => runOperation(method, headers, search, request, context);
    return options.around ? options.around(request, context, { method, accept: req.headers.accept ?? '' }, run) : run();
  }

  async function runOperation(
    method: 'GET' | 'POST',
    headers: HeaderMap,
    search: string,
    request: GraphQLRequestBody,
    context: TContext,
  ): Promise<OperationAnswer> {
    const response = await options.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method,
        headers,
        search: method === 'GET' ? searchFromRequest(request) : search,
        body: method === 'POST' ? request : undefined,
      },
      context: async () => context,
    });
    if (response.body.kind === 'complete') return { status: response.status ?? 200, headers: response.headers, body: response.body.string };
    return { status: response.status ?? 200, headers: response.headers, body: '', chunks: response.body.asyncIterator };
  }

  // Every request runs under a server span (a no-op unless tracing is on), a child of the caller's
  // `traceparent`, and is logged once it is answered.
  const observed = (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
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
        // Probes and scrapes are frequent and uninteresting: debug only.
        if (urlPath === '/health' || urlPath === '/ready' || urlPath === '/metrics') options.logger!.debug(entry, 'request');
        else options.logger!.info(entry, 'request');
      });
    });
    return otelContext.with(trace.setSpan(otelContext.active(), span), () => handle(req, res));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // One id per request, echoed to the client and passed on (the context reads the same header).
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    const mediaType = responseMediaType(req.headers.accept);
    try {
      if (url.pathname === '/health') return send(res, 200, { status: 'ok' });
      if (url.pathname === '/metrics' && options.metrics && (req.method === 'GET' || req.method === 'HEAD')) {
        const { contentType, body } = await options.metrics();
        res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
        return void res.end(req.method === 'HEAD' ? undefined : body);
      }
      if (url.pathname === '/ready') {
        const ok = options.ready ? await options.ready().catch(() => false) : true;
        return send(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      }
      if (url.pathname !== path && options.routes && (await options.routes(req, res, url))) return;
      if (url.pathname !== path) return send(res, 404, { errors: [{ message: `Not found: ${url.pathname}`, extensions: { code: 'NOT_FOUND' } }] });

      // CORS: only listed origins get CORS headers; a preflight from another origin is refused.
      const origin = req.headers.origin;
      const originAllowed = typeof origin === 'string' && (corsOrigins.includes('*') || corsOrigins.includes(origin));
      if (originAllowed) {
        res.setHeader('access-control-allow-origin', corsOrigins.includes('*') ? '*' : origin!);
        res.setHeader('access-control-expose-headers', 'x-request-id');
        res.setHeader('vary', 'Origin');
      }
      const method = req.method?.toUpperCase() ?? 'GET';
      if (method === 'OPTIONS') {
        if (!originAllowed) {
          throw refusal(403, 'CORS_ORIGIN_NOT_ALLOWED', `Origin ${JSON.stringify(origin ?? null)} is not allowed to call this API (CORS_ORIGINS).`);
        }
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-max-age': '600',
        });
        return void res.end();
      }
      if (method !== 'GET' && method !== 'POST') {
        throw refusal(405, 'METHOD_NOT_ALLOWED', `${method} is not supported: use POST (or GET for queries).`, {}, { allow: 'GET, POST' });
      }

      // A browser opening the endpoint gets Apollo's landing page (Sandbox in development).
      if (method === 'GET' && !url.searchParams.has('query') && !url.searchParams.has('documentId') && /text\/html/.test(req.headers.accept ?? '')) {
        const headers = new HeaderMap([['accept', req.headers.accept ?? '']]);
        const page = await options.server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method, headers, search: url.search, body: undefined },
          context: () => options.context(req),
        });
        for (const [key, value] of page.headers) res.setHeader(key, value);
        res.statusCode = page.status ?? 200;
        return void res.end(page.body.kind === 'complete' ? page.body.string : '');
      }

      // Size first (cheapest), before reading anything.
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBodyBytes) {
        res.setHeader('connection', 'close');
        req.resume();
        throw refusal(413, 'PAYLOAD_TOO_LARGE', `The request body is ${declared} bytes; the most is ${maxBodyBytes} (MAX_BODY_BYTES).`);
      }
      const raw = method === 'POST' ? await readBody(req, maxBodyBytes) : Buffer.alloc(0);
      if (raw === 'too-large') throw refusal(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${maxBodyBytes} bytes (MAX_BODY_BYTES).`);
      options.authorize?.(req, raw, url);

      checkCsrf(req);
      let requests: GraphQLRequestBody[];
      let batched = false;
      if (method === 'POST') {
        const type = essence(req.headers['content-type'])!;
        if (type.type !== JSON_TYPE) {
          throw refusal(415, 'UNSUPPORTED_MEDIA_TYPE', `Send GraphQL requests as ${JSON_TYPE}, not ${type.type}.`);
        }
        if (type.charset && type.charset !== 'utf-8' && type.charset !== 'utf8') {
          throw refusal(415, 'UNSUPPORTED_MEDIA_TYPE', `Only the utf-8 charset is supported, not ${type.charset}.`);
        }
        let text: string;
        try {
          text = utf8.decode(raw);
        } catch {
          throw refusal(400, 'BAD_REQUEST', 'The request body is not valid UTF-8.');
        }
        if (!text.trim()) throw refusal(400, 'BAD_REQUEST', 'The request body is empty: send a JSON object with a query.');
        const body = parseJson(text, 'The request body');
        if (Array.isArray(body)) {
          batched = true;
          if (maxBatchSize === 0) throw refusal(400, 'BATCHING_NOT_ALLOWED', 'Batched requests (a JSON array) are not accepted: send one operation per request.');
          if (body.length === 0) throw refusal(400, 'BAD_REQUEST', 'The batch is empty.');
          if (body.length > maxBatchSize) {
            throw refusal(400, 'BATCH_LIMIT_EXCEEDED', `The batch holds ${body.length} operations; the most is ${maxBatchSize} (MAX_BATCH_SIZE).`, {
              limit: maxBatchSize,
              actual: body.length,
            });
          }
          requests = body.map((item, i) => checkShape(item, i));
        } else {
          requests = [checkShape(body)];
        }
      } else {
        requests = [getRequestFromSearch(url.searchParams)];
      }

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }

      // A bad token is refused here (UNAUTHENTICATED, 401), before any GraphQL work.
      const context = await options.context(req);

      if (!batched) {
        let result;
        try {
          result = await executeOne(req, method, headers, url.search, requests[0], context);
        } catch (error) {
          if (error instanceof GraphQLError) return sendRefusal(res, error, mediaType);
          throw error;
        }
        for (const [key, value] of result.headers) res.setHeader(key, value);
        res.statusCode = result.status;
        if (!result.chunks) return void res.end(result.body);
        for await (const chunk of result.chunks) res.write(chunk);
        return void res.end();
      }

      // A batch: each operation is checked and run on its own; the answers keep the order.
      const parts: string[] = [];
      for (const request of requests) {
        try {
          const result = await executeOne(req, 'POST', headers, url.search, request, context);
          parts.push(result.chunks ? JSON.stringify({ errors: [{ message: 'Incremental delivery is not supported in batches', extensions: { code: 'BAD_REQUEST' } }] }) : result.body);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          parts.push(JSON.stringify({ errors: [formatRefusal(error)] }));
        }
      }
      const text = `[${parts.join(',')}]`;
      res.writeHead(200, { 'content-type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    } catch (error) {
      if (error instanceof GraphQLError) return sendRefusal(res, error, mediaType);
      logError('Unhandled error serving request', error, requestId);
      send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] }, mediaType);
    }
  };
  return observed;
}

/** Starts an HTTP server; port 0 picks an ephemeral port (tests). */
export async function listen(listener: http.RequestListener, port: number, host = '127.0.0.1'): Promise<RunningHttpServer> {
  const httpServer = http.createServer(listener);
  httpServer.keepAliveTimeout = 65_000;
  // Slow-loris: a client must send its headers and body within these bounds.
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  // Requests in flight, so that a closing server can end their keep-alive connections as each one
  // is answered (server.close() alone closes only the connections idle at that moment, and a client
  // holding a keep-alive connection would keep the process up until the grace period ends).
  const inFlight = new Set<http.ServerResponse>();
  let closing = false;
  const endAfter = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
    res.once('finish', () => setImmediate(() => httpServer.closeIdleConnections()));
  };
  httpServer.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (closing) return endAfter(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return {
    httpServer,
    port: address.port,
    url: `http://${shownHost}:${address.port}/graphql`,
    // Graceful: stop accepting, let in-flight requests finish, then cut what is still open.
    close: (graceMs = 5000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => httpServer.closeAllConnections(), graceMs);
        timer.unref();
        closing = true;
        httpServer.close(() => {
          clearTimeout(timer);
          resolve();
        });
        httpServer.closeIdleConnections();
        for (const res of inFlight) endAfter(res);
      }),
  };
}
