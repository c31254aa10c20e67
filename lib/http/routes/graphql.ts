import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { decodeUtf8, isTooLarge, parseJson, readBody } from '../body';
import { DEFAULT_JSON_LIMITS, type JsonLimits } from '../json';
import type { Route } from '../listener';
import { formatRefusal, refusal } from '../refusal';
import { GRAPHQL_RESPONSE_TYPE, JSON_TYPE, requestErrorStatus, responseMediaType, sendRefusal } from '../respond';

/**
 * GraphQL over HTTP at one path (`/graphql`), for Apollo Server through its documented
 * `executeHTTPGraphQLRequest` API. It refuses malformed or hostile HTTP requests itself (methods,
 * media types, body size, UTF-8, JSON, batches, CSRF, CORS) before Apollo Server, the context
 * function or any subgraph sees them.
 */
export interface GraphQLRouteOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  context: (req: http.IncomingMessage) => Promise<TContext>;
  path?: string;
  maxBodyBytes?: number;
  /** Past maxBodyBytes, how much is read and discarded so the client can read the 413 (default 8× maxBodyBytes). */
  maxBodyDrainBytes?: number;
  /** Nesting depth and members of the JSON body and of GET's variables/extensions (lib/http/json.ts). */
  jsonLimits?: JsonLimits;
  /**
   * CSRF prevention (see checkCsrf): `cookies` (the default) guards only requests that carry a
   * Cookie header, `always` guards every request, `off` none.
   */
  csrfPrevention?: CsrfPrevention;
  /** Most operations in one batched (JSON array) request; 0 (the default) refuses batches. */
  maxBatchSize?: number;
  /** Browser origins allowed to call (`*` for any); no CORS headers for others. Default: none. */
  corsOrigins?: string[];
  /** Checks the raw request (e.g. the gateway's signature) before anything else; throw a refusal. */
  authorize?: (req: http.IncomingMessage, rawBody: Buffer, url: URL) => void;
  /** Inspects (and may rewrite) each GraphQL request before Apollo runs it; throw a refusal. */
  preflight?: (request: GraphQLRequestBody, context: TContext, httpMethod: 'GET' | 'POST') => GraphQLRequestBody | Promise<GraphQLRequestBody>;
  /**
   * Wraps the execution of each operation (after the preflight): may answer without running it
   * (a cache), and may add headers to the answer (e.g. Cache-Control).
   */
  around?: (
    request: GraphQLRequestBody,
    context: TContext,
    http: { method: 'GET' | 'POST'; accept: string },
    run: () => Promise<OperationAnswer>,
  ) => Promise<OperationAnswer>;
  /** Headers added to every answer once the request has a context (e.g. the rate limit's RateLimit fields). */
  responseHeaders?: (context: TContext) => Record<string, string> | undefined;
}

export type CsrfPrevention = 'cookies' | 'always' | 'off';

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
  /** `body` already encoded (UTF-8), when one answer goes to several requests. */
  bytes?: Buffer;
  chunks?: AsyncIterable<string>;
}

/** Content types a browser may POST cross-origin without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
/** Headers a browser cannot send cross-origin without a preflight (the CSRF guard, as Apollo's). */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const CORS_ALLOW_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id, idempotency-key, x-timeout-ms';

function essence(contentType: string | undefined): { type: string; charset?: string } | undefined {
  if (contentType === undefined) return undefined;
  const [type, ...params] = contentType.split(';');
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  return { type: type.trim().toLowerCase(), charset };
}

function hasPreflightHeader(req: http.IncomingMessage): boolean {
  return PREFLIGHT_HEADERS.some((h) => {
    const v = req.headers[h];
    return typeof v === 'string' && v.length > 0;
  });
}

/**
 * CSRF: a request a browser could send cross-site without a CORS preflight (GET, or a POST with a
 * simple content type) must carry a preflight-forcing header. Forgery rides on ambient credentials,
 * the ones a browser attaches by itself: cookies. This API authenticates with bearer tokens, which a
 * browser never attaches on its own and a cross-site page cannot set without a preflight (governed by
 * CORS_ORIGINS); a forged request without cookies therefore arrives anonymous and can do only what
 * anyone may do anonymously. So by default (`cookies`) only requests carrying a Cookie header are
 * checked — e.g. behind a proxy that turns a session cookie into a token — and plain GET queries from
 * any HTTP client work, as the GraphQL-over-HTTP spec expects.
 */
function checkCsrf(req: http.IncomingMessage, mode: CsrfPrevention): void {
  if (mode === 'off' || (mode === 'cookies' && !req.headers.cookie)) return;
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

function getRequestFromSearch(search: URLSearchParams, jsonLimits: JsonLimits): GraphQLRequestBody {
  const request: GraphQLRequestBody = {};
  for (const key of ['query', 'operationName', 'documentId']) {
    const all = search.getAll(key);
    if (all.length > 1) throw refusal(400, 'BAD_REQUEST', `The ${key} parameter must be given once.`);
    if (all.length) request[key] = all[0];
  }
  for (const key of ['variables', 'extensions']) {
    const all = search.getAll(key);
    if (all.length > 1) throw refusal(400, 'BAD_REQUEST', `The ${key} parameter must be given once.`);
    if (all.length) request[key] = parseJson(all[0], `The ${key} parameter`, jsonLimits);
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
  if (request.query !== undefined && request.query !== null && typeof request.query !== 'string')
    throw refusal(400, 'BAD_REQUEST', `${where}: query must be a string.`);
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

/** The codes of a GraphQL answer's errors when it has no `data` (a request error), else undefined. */
function requestErrorCodes(body: string): unknown[] | undefined {
  let parsed: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || 'data' in parsed || !Array.isArray(parsed.errors)) return undefined;
  return parsed.errors.map((e) => e?.extensions?.code);
}

/**
 * The status rule (lib/http/respond.ts requestErrorStatus) applied to Apollo Server's answers too:
 * Apollo answers parse, validation and coercion errors 400 and a persisted query it does not know 200,
 * whatever the media type; the rule makes every request error 200 under application/json and 400 under
 * application/graphql-response+json. Only answers that can be request errors are looked into.
 */
function applyStatusRule(answer: OperationAnswer): OperationAnswer {
  if (answer.chunks) return answer;
  const type = (answer.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (answer.status >= 400 && answer.status < 500 && type === JSON_TYPE) {
    const codes = requestErrorCodes(answer.body);
    if (codes) answer.status = requestErrorStatus(answer.status, codes, JSON_TYPE);
  } else if (answer.status === 200 && type === GRAPHQL_RESPONSE_TYPE && !answer.body.includes('"data"')) {
    const codes = requestErrorCodes(answer.body);
    if (codes && requestErrorStatus(400, codes, JSON_TYPE) === 200) answer.status = 400;
  }
  return answer;
}

export function createGraphQLRoute<TContext extends BaseContext>(options: GraphQLRouteOptions<TContext>): Route {
  const path = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const maxBodyDrainBytes = Math.max(options.maxBodyDrainBytes ?? maxBodyBytes * 8, maxBodyBytes);
  const jsonLimits = options.jsonLimits ?? DEFAULT_JSON_LIMITS;
  const csrfPrevention = options.csrfPrevention ?? 'cookies';
  const maxBatchSize = options.maxBatchSize ?? 0;
  const corsOrigins = options.corsOrigins ?? [];

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
    const answer = await (options.around ? options.around(request, context, { method, accept: req.headers.accept ?? '' }, run) : run());
    return applyStatusRule(answer);
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

  return async (req, res, url) => {
    if (url.pathname !== path) return false;
    const mediaType = responseMediaType(req.headers.accept);
    // CORS: only listed origins get CORS headers; a preflight from another origin is refused.
    const origin = req.headers.origin;
    const originAllowed = typeof origin === 'string' && (corsOrigins.includes('*') || corsOrigins.includes(origin));
    if (originAllowed) {
      res.setHeader('access-control-allow-origin', corsOrigins.includes('*') ? '*' : origin!);
      res.setHeader('access-control-expose-headers', 'x-request-id, retry-after, ratelimit, ratelimit-policy');
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
      res.end();
      return true;
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
      res.end(page.body.kind === 'complete' ? page.body.string : '');
      return true;
    }

    // The body, bounded: an oversized one is answered 413 in a way every client can read (see body.ts).
    let raw: Buffer = Buffer.alloc(0);
    if (method === 'POST') {
      const body = await readBody(req, maxBodyBytes, maxBodyDrainBytes);
      if (isTooLarge(body)) {
        const size = body.declared ?? body.received;
        throw refusal(
          413,
          'PAYLOAD_TOO_LARGE',
          body.declared !== undefined
            ? `The request body is ${size} bytes; the most is ${maxBodyBytes} (MAX_BODY_BYTES).`
            : `The request body exceeds ${maxBodyBytes} bytes (MAX_BODY_BYTES).`,
          { limit: maxBodyBytes },
          { connection: 'close' },
        );
      }
      raw = body;
    }
    options.authorize?.(req, raw, url);

    checkCsrf(req, csrfPrevention);
    let requests: GraphQLRequestBody[];
    let batched = false;
    if (method === 'POST') {
      const type = essence(req.headers['content-type']);
      if (!type || type.type !== JSON_TYPE) {
        throw refusal(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Send GraphQL requests as ${JSON_TYPE}${type ? `, not ${type.type || 'an empty content type'}` : ' (the request has no content-type)'}.`,
        );
      }
      if (type.charset && type.charset !== 'utf-8' && type.charset !== 'utf8') {
        throw refusal(415, 'UNSUPPORTED_MEDIA_TYPE', `Only the utf-8 charset is supported, not ${type.charset}.`);
      }
      const text = decodeUtf8(raw);
      if (!text.trim()) throw refusal(400, 'BAD_REQUEST', 'The request body is empty: send a JSON object with a query.');
      const body = parseJson(text, 'The request body', jsonLimits);
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
      requests = [checkShape(getRequestFromSearch(url.searchParams, jsonLimits))];
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }

    // A bad token is refused here (UNAUTHENTICATED, 401), before any GraphQL work.
    const context = await options.context(req);
    const extraHeaders = () => options.responseHeaders?.(context) ?? {};

    if (!batched) {
      let result: OperationAnswer;
      try {
        result = await executeOne(req, method, headers, url.search, requests[0], context);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        sendRefusal(res, error, mediaType, extraHeaders(), true);
        return true;
      }
      for (const [key, value] of result.headers) res.setHeader(key, value);
      for (const [key, value] of Object.entries(extraHeaders())) res.setHeader(key, value);
      res.statusCode = result.status;
      if (!result.chunks) {
        res.end(result.bytes ?? result.body);
        return true;
      }
      for await (const chunk of result.chunks) res.write(chunk);
      res.end();
      return true;
    }

    // A batch: each operation is checked and run on its own; the answers keep the order.
    const parts: string[] = [];
    for (const request of requests) {
      try {
        const result = await executeOne(req, 'POST', headers, url.search, request, context);
        parts.push(
          result.chunks
            ? JSON.stringify({ errors: [{ message: 'Incremental delivery is not supported in batches', extensions: { code: 'BAD_REQUEST' } }] })
            : result.body,
        );
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        parts.push(JSON.stringify({ errors: [formatRefusal(error)] }));
      }
    }
    const text = `[${parts.join(',')}]`;
    res.writeHead(200, { ...extraHeaders(), 'content-type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
    res.end(text);
    return true;
  };
}
