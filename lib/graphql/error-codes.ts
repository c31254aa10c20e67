/**
 * The one registry of error codes (`extensions.code`). The gateway's masking, the subgraph client,
 * the gateway client subgraphs use, the data exchange and the HTTP layer all derive from it, so a
 * code means the same everywhere. Each code says who it is for:
 * - `client`: the caller's own mistake or a refusal it can act on; message and code reach the client;
 * - `retry`: a passing condition (a service or database unavailable, a timeout); safe to try again;
 * - anything not listed is internal: masked in production as INTERNAL_SERVER_ERROR with the request id.
 */
export interface ErrorCodeInfo {
  kind: 'client' | 'retry';
  /** What the client should do. */
  meaning: string;
  /** The HTTP status of a plain HTTP answer with this error (file routes, refusals); 400 when not given. */
  status?: number;
  /**
   * A GraphQL request error (the document, its variables or the operation to run are wrong, so nothing
   * is executed and the answer has no `data`): the GraphQL-over-HTTP status rule applies — 200 under
   * `application/json`, `status` (400) under `application/graphql-response+json` (lib/http/respond.ts).
   * Codes without it are HTTP-level refusals with the same status under both media types.
   */
  request?: true;
}

export const ERROR_CODES = {
  // Domain and input errors (subgraphs).
  BAD_USER_INPUT: { kind: 'client', meaning: 'an argument or input field is wrong; extensions.field names it', request: true },
  NOT_FOUND: { kind: 'client', meaning: 'the thing named does not exist', status: 404 },
  UNAUTHENTICATED: { kind: 'client', meaning: 'sign in: no token, or the token is invalid or expired', status: 401 },
  FORBIDDEN: { kind: 'client', meaning: 'the token is valid but may not do this; the message says why', status: 403 },
  CONFLICT: { kind: 'client', meaning: 'the state does not allow it now (changed meanwhile, a duplicate, a rule); reload and decide', status: 409 },
  UNAVAILABLE: { kind: 'retry', meaning: 'a database or another domain is unreachable for a moment; try again', status: 503 },
  // GraphQL and HTTP protocol errors (gateway and HTTP layer).
  BAD_REQUEST: { kind: 'client', meaning: 'the HTTP request is malformed' },
  GRAPHQL_PARSE_FAILED: { kind: 'client', meaning: 'the document does not parse', request: true },
  GRAPHQL_VALIDATION_FAILED: { kind: 'client', meaning: 'the document or its variables do not fit the schema', request: true },
  OPERATION_RESOLUTION_FAILURE: { kind: 'client', meaning: 'operationName does not name an operation of the document', request: true },
  PERSISTED_QUERY_NOT_FOUND: { kind: 'client', meaning: 'send the full document once with its hash', request: true },
  PERSISTED_QUERY_NOT_SUPPORTED: { kind: 'client', meaning: 'persisted queries are not accepted here' },
  PERSISTED_QUERY_NOT_IN_LIST: { kind: 'client', meaning: 'only trusted documents may be run by this caller' },
  PAYLOAD_TOO_LARGE: { kind: 'client', meaning: 'the body is larger than MAX_BODY_BYTES', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'client', meaning: 'send application/json', status: 415 },
  METHOD_NOT_ALLOWED: { kind: 'client', meaning: 'use POST, or GET for queries', status: 405 },
  CSRF_PREVENTED: { kind: 'client', meaning: 'send a preflight-forcing header' },
  CORS_ORIGIN_NOT_ALLOWED: { kind: 'client', meaning: 'this browser origin may not call the API' },
  // Operation limits (gateway/limits).
  DOCUMENT_TOO_LARGE: { kind: 'client', meaning: 'the document is larger than MAX_DOCUMENT_BYTES', request: true },
  TOKEN_LIMIT_EXCEEDED: { kind: 'client', meaning: 'the document has too many tokens', request: true },
  DEPTH_LIMIT_EXCEEDED: { kind: 'client', meaning: 'the selection is nested too deep', request: true },
  ALIAS_LIMIT_EXCEEDED: { kind: 'client', meaning: 'too many aliases', request: true },
  ROOT_FIELD_LIMIT_EXCEEDED: { kind: 'client', meaning: 'too many root fields', request: true },
  DIRECTIVE_LIMIT_EXCEEDED: { kind: 'client', meaning: 'too many directives', request: true },
  COST_LIMIT_EXCEEDED: { kind: 'client', meaning: 'the estimated cost is above the limit', request: true },
  VARIABLES_TOO_LARGE: { kind: 'client', meaning: 'the variables are too large or too deep', request: true },
  BATCH_LIMIT_EXCEEDED: { kind: 'client', meaning: 'too many operations in one batch' },
  BATCHING_NOT_ALLOWED: { kind: 'client', meaning: 'send one operation per request' },
  RATE_LIMITED: { kind: 'retry', meaning: 'too many requests; wait Retry-After seconds', status: 429 },
  // Subgraph calls (gateway).
  SUBGRAPH_UNAVAILABLE: { kind: 'retry', meaning: 'a domain did not answer; the other parts of the answer are complete', status: 503 },
  SUBGRAPH_TIMEOUT: { kind: 'retry', meaning: 'a domain did not answer in time; the other parts are complete', status: 504 },
  MUTATION_OUTCOME_UNKNOWN: {
    kind: 'retry',
    meaning:
      'the gateway stopped waiting for a write, which may or may not have been applied: send the same request again with extensions.idempotencyKey as the Idempotency-Key header to learn its outcome (never applied twice)',
    status: 504,
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes whose message and code reach the client (also through the gateway from a subgraph). */
export const CLIENT_VISIBLE_CODES: ReadonlySet<string> = new Set(Object.keys(ERROR_CODES));

/** Codes a subgraph uses for the caller's own mistakes (passed on by the gateway with their message). */
export const CALLER_MISTAKE_CODES: ReadonlySet<string> = new Set(
  Object.entries(ERROR_CODES)
    .filter(([, info]) => info.kind === 'client')
    .map(([code]) => code),
);

/** The HTTP status for a plain HTTP answer carrying this code (500 for codes not in the registry). */
export function httpStatusOf(code: unknown): number {
  if (!isKnownCode(code)) return 500;
  return (ERROR_CODES[code] as ErrorCodeInfo).status ?? 400;
}

/** Codes of GraphQL request errors (see ErrorCodeInfo.request): their status depends on the response media type. */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set(
  Object.entries(ERROR_CODES)
    .filter(([, info]) => (info as ErrorCodeInfo).request)
    .map(([code]) => code),
);

export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in ERROR_CODES;
}
