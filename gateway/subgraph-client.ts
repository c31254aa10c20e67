import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { AuthUser } from '../lib/auth/roles';
import { sign } from '../lib/subgraph/signature';
import { CircuitBreaker } from './circuit-breaker';
import type { GatewayContext } from './context';
import { BufferedResponse, dedupKey, InFlightDeduplicator, PlainHeaders, type RawResponse } from './dedup';
import type { FetchCache } from './cache/fetch-cache';
import type { Invalidation } from './cache/invalidation';
import { CALLER_MISTAKE_CODES } from '../lib/graphql/error-codes';
import { distinctRepresentations, expandEntities } from './execution/representations';
import { REQUEST_ID_HEADER } from '../lib/http/request-id';
import { IDEMPOTENCY_KEY_HEADER, TIMEOUT_HEADER, validClientKey } from '../lib/db/idempotency';

/**
 * How the gateway calls a subgraph: over keep-alive connections, each attempt bounded by a timeout
 * (one for queries, a longer one for mutations, both lowered by the client's `x-timeout-ms`), signed
 * (when a secret is configured) so that subgraphs serve only the gateway, a query (never a mutation)
 * retried after a connection reset, and behind a per-subgraph circuit breaker. Failures become errors
 * naming the service (SUBGRAPH_UNAVAILABLE / SUBGRAPH_TIMEOUT) with no URL or socket detail, and the
 * other subgraphs' parts of the answer are still returned.
 *
 * Writes: every mutation fetch carries an `Idempotency-Key` — the client's, or one made up here — so
 * that its owning subgraph answers a repeat once (lib/db/idempotency.ts). The gateway never repeats a
 * mutation itself; when it stops waiting for one that was sent (timeout, broken connection, a crashed
 * answer), the error is MUTATION_OUTCOME_UNKNOWN with the key to send the same request again with.
 */
export interface SubgraphClientOptions {
  /** Per-attempt timeout of a query fetch (ms). */
  timeoutMs: number;
  /** Per-attempt timeout of a mutation fetch (ms); default `timeoutMs`. */
  mutationTimeoutMs?: number;
  retries: number;
  signingSecret?: string;
  breaker: { threshold: number; cooldownMs: number };
  /** Share identical in-flight query requests (gateway/dedup.ts); default true. */
  dedupe?: boolean;
  /** Public fetches and the entity/root cache (gateway/cache); absent: every fetch carries the caller. */
  cache?: FetchCache;
  /** Where the tags a mutation's answer carries are applied before the gateway answers. */
  invalidation?: Invalidation;
}

type FailureKind = 'unavailable' | 'timeout' | 'reset';

export class SubgraphFetchError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
    /** Whether the request may have reached the subgraph (a connection was open to send it on). */
    readonly sent = true,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** A private marker header (never sent) telling the fetcher the operation is safe to retry. */
const IDEMPOTENT_HEADER = 'x-gateway-idempotent';
/**
 * A private header (never sent, part of the deduplication key): the cache's invalidation generation,
 * so that a request made after a change never joins one that was sent before it.
 */
const GENERATION_HEADER = 'x-gateway-generation';
/** A private header (never sent): this attempt's timeout in ms. */
const ATTEMPT_TIMEOUT_HEADER = 'x-gateway-attempt-timeout';
/** Sent on public fetches: no caller identity, the subgraph resolves them as anonymous. */
export const VIEW_HEADER = 'x-gateway-view';
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export const keepAliveAgents = {
  http: new http.Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: 256, maxFreeSockets: 64, timeout: 60_000 }),
  https: new https.Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: 256, maxFreeSockets: 64, timeout: 60_000 }),
};

function classify(error: NodeJS.ErrnoException, responded: boolean): FailureKind {
  if (!responded && (error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.message === 'socket hang up')) return 'reset';
  return 'unavailable';
}

function sendOnce(url: URL, method: string, headers: Record<string, string>, body: string | Buffer, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    let responded = false;
    let settled = false;
    // Until a connection is open nothing can have reached the subgraph (refused, unreachable, slow to connect).
    let connected = false;
    const done = (error: Error | null, response?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(response!);
    };
    const req = transport.request(
      url,
      {
        method,
        agent: url.protocol === 'https:' ? keepAliveAgents.https : keepAliveAgents.http,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy();
            done(new SubgraphFetchError('unavailable', 'response too large'));
          } else chunks.push(chunk);
        });
        res.on('end', () => {
          const responseHeaders: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined) responseHeaders[key] = Array.isArray(value) ? value.join(', ') : value;
          }
          const status = res.statusCode ?? 502;
          const nullBody = status === 204 || status === 304;
          done(null, {
            status,
            statusText: res.statusMessage ?? '',
            headers: responseHeaders,
            body: nullBody ? Buffer.alloc(0) : Buffer.concat(chunks, size),
            url: url.href,
          });
        });
        res.on('error', (error) => done(new SubgraphFetchError('unavailable', error.message)));
        res.on('aborted', () => done(new SubgraphFetchError('unavailable', 'response aborted')));
      },
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    const timer = setTimeout(() => {
      done(new SubgraphFetchError('timeout', `no complete answer within ${timeoutMs} ms`, connected));
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => done(new SubgraphFetchError(classify(error, responded), error.code ?? error.message, connected)));
    req.end(body);
  });
}

export function createSubgraphFetcher(
  options: Pick<SubgraphClientOptions, 'timeoutMs' | 'retries' | 'signingSecret' | 'dedupe'>,
): Fetcher & { dedup?: InFlightDeduplicator } {
  const dedup = options.dedupe === false ? undefined : new InFlightDeduplicator();
  const send = async (
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | Buffer,
    idempotent: boolean,
    timeoutMs: number,
  ): Promise<RawResponse> => {
    for (let attempt = 0; ; attempt++) {
      // Signed per attempt, so a retry carries a fresh timestamp.
      const signed = options.signingSecret ? { ...headers, ...sign(options.signingSecret, method, url.pathname + url.search, body) } : headers;
      try {
        return await sendOnce(url, method, signed, body, timeoutMs);
      } catch (error) {
        // A reset before any answer is typically a keep-alive connection the subgraph had just
        // closed: safe to try again for a query, never for a mutation (it may have run).
        if (error instanceof SubgraphFetchError && error.kind === 'reset' && idempotent && attempt < options.retries) continue;
        throw error;
      }
    }
  };
  // A data source calls one URL: parsed once, not per fetch.
  const urls = new Map<string, URL>();
  const fetcher = async (rawUrl: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> => {
    let url = urls.get(rawUrl);
    if (!url) {
      url = new URL(rawUrl);
      if (urls.size < 16) urls.set(rawUrl, url);
    }
    const method = init.method ?? 'POST';
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(init.headers ?? {})) headers[key.toLowerCase()] = value;
    const idempotent = headers[IDEMPOTENT_HEADER] === '1';
    delete headers[IDEMPOTENT_HEADER];
    const generation = headers[GENERATION_HEADER] ?? '';
    delete headers[GENERATION_HEADER];
    const timeout = Number(headers[ATTEMPT_TIMEOUT_HEADER]);
    delete headers[ATTEMPT_TIMEOUT_HEADER];
    const timeoutMs = Number.isInteger(timeout) && timeout > 0 ? timeout : options.timeoutMs;
    const body = init.body ?? '';
    // Only queries are shared (the same marker that allows a retry); a mutation always runs itself.
    // (Queries sharing one request may have different deadlines: the first caller's applies to all.)
    const raw =
      dedup && idempotent
        ? await dedup.run(`${dedupKey(method, url.href, headers, body)}\n#${generation}`, () => send(url, method, headers, body, idempotent, timeoutMs))
        : await send(url, method, headers, body, idempotent, timeoutMs);
    return new BufferedResponse(raw) as unknown as FetcherResponse;
  };
  return Object.assign(fetcher, { dedup });
}

/**
 * A public fetch is answered as for an anonymous caller. When the caller is in fact signed in (a
 * partner app), "sign in first" is wrong: it is signed in and lacks the role, which is FORBIDDEN.
 */
function asSignedIn(error: GraphQLFormattedError, user: AuthUser): GraphQLFormattedError {
  if (error.extensions?.code !== 'UNAUTHENTICATED') return error;
  const roles = error.extensions.requiredRoles;
  const message = Array.isArray(roles)
    ? `This needs one of the roles ${roles.join(', ')}; you have ${user.roles.join(', ') || 'none'}.`
    : `Your token does not allow this: ${error.message.replace(/^Sign in first:\s*/, '')}`;
  return { ...error, message, extensions: { ...error.extensions, code: 'FORBIDDEN' } };
}

/** Fetches sent without the caller's identity (public fetches, shared by every caller). */
const publicRequests = new WeakSet<object>();

function subgraphError(
  serviceName: string,
  code: 'SUBGRAPH_UNAVAILABLE' | 'SUBGRAPH_TIMEOUT' | 'MUTATION_OUTCOME_UNKNOWN',
  message: string,
  extra: Record<string, unknown> = {},
) {
  return new GraphQLError(message, { extensions: { code, serviceName, ...extra } });
}

const isMutation = (query: string | undefined) => /^\s*mutation\b/.test(query ?? '');

/** What the fetches of one client request share: its Idempotency-Key and its deadline. */
interface RequestWrites {
  /** The client's key, or one made up for its first mutation fetch. */
  key?: string;
  /** When the request's first subgraph call went out, and how long the client waits from then on. */
  startedAt: number;
  deadlineMs?: number;
  /** Mutation fetches so far: the n-th (n > 1) is keyed `<key>#<n>`, the same on every repeat. */
  mutationFetches: number;
}

const requestWrites = new WeakMap<GatewayContext, RequestWrites>();

/** One fetch: its per-attempt timeout, and for a mutation the key it carries and the client's key. */
interface FetchPlan {
  timeoutMs: number;
  key?: string;
  clientKey?: string;
}

const fetchPlans = new WeakMap<object, FetchPlan>();

function headerOf(options: GraphQLDataSourceProcessOptions<GatewayContext>, name: string): string | undefined {
  return options.kind === 'incoming operation' ? (options.incomingRequestContext.request.http?.headers.get(name) ?? undefined) : undefined;
}

/** The client's `x-timeout-ms`: a whole number of milliseconds, which can only lower the timeouts. */
function clientDeadline(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new GraphQLError(`The ${TIMEOUT_HEADER} header must be a whole number of milliseconds (at least 1), got ${JSON.stringify(raw)}.`, {
      extensions: { code: 'BAD_USER_INPUT', field: TIMEOUT_HEADER },
    });
  }
  return value;
}

export class ResilientDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly breaker: CircuitBreaker;
  private readonly cache?: FetchCache;
  private readonly invalidation?: Invalidation;
  private readonly queryTimeoutMs: number;
  private readonly mutationTimeoutMs: number;

  constructor(
    readonly serviceName: string,
    url: string,
    options: SubgraphClientOptions,
  ) {
    // The gateway computes cache policies itself (gateway/cache), from the schema's hints.
    super({ url, honorSubgraphCacheControlHeader: false });
    this.fetcher = createSubgraphFetcher(options);
    this.breaker = new CircuitBreaker(options.breaker.threshold, options.breaker.cooldownMs);
    this.cache = options.cache;
    this.invalidation = options.invalidation;
    this.queryTimeoutMs = options.timeoutMs;
    this.mutationTimeoutMs = options.mutationTimeoutMs ?? options.timeoutMs;
  }

  /**
   * This fetch's timeout (the query or mutation timeout, lowered to what is left of the client's
   * `x-timeout-ms`) and, for a mutation, its Idempotency-Key. Refuses (nothing sent) a malformed header
   * or a deadline already passed.
   */
  private planFetch(options: GraphQLDataSourceProcessOptions<GatewayContext>, mutation: boolean): FetchPlan {
    const base = mutation ? this.mutationTimeoutMs : this.queryTimeoutMs;
    if (options.kind !== 'incoming operation') return { timeoutMs: base };
    const context = options.context as GatewayContext;
    const now = Date.now();
    let writes = requestWrites.get(context);
    if (!writes) {
      writes = { startedAt: now, deadlineMs: clientDeadline(headerOf(options, TIMEOUT_HEADER)), mutationFetches: 0 };
      requestWrites.set(context, writes);
    }
    let timeoutMs = base;
    if (writes.deadlineMs !== undefined) {
      const left = writes.startedAt + writes.deadlineMs - now;
      if (left <= 0) {
        throw subgraphError(
          this.serviceName,
          'SUBGRAPH_TIMEOUT',
          `The ${this.serviceName} service was not called: the ${TIMEOUT_HEADER} of this request (${writes.deadlineMs} ms) had passed.${mutation ? ' Nothing was sent, so nothing was applied.' : ''}`,
          { sent: false },
        );
      }
      timeoutMs = Math.min(base, left);
    }
    if (!mutation) return { timeoutMs };
    if (writes.key === undefined) {
      const sent = headerOf(options, IDEMPOTENCY_KEY_HEADER);
      if (sent !== undefined && !validClientKey(sent)) {
        throw new GraphQLError(`The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to 200 printable ASCII characters without spaces (a UUID, for example).`, {
          extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
        });
      }
      // Without a key of the client's, one is made up: an unknown outcome can then still be retried safely.
      writes.key = sent ?? randomUUID();
    }
    const n = ++writes.mutationFetches;
    return { timeoutMs, key: n === 1 ? writes.key : `${writes.key}#${n}`, clientKey: writes.key };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // Subgraphs verify the caller's token themselves; a public fetch carries no identity at all.
    if (publicRequests.has(request)) headers.set(VIEW_HEADER, 'public');
    else if (context.authorization) headers.set('authorization', context.authorization);
    // The request id ties the logs together.
    if (context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    const plan = fetchPlans.get(request);
    if (plan) {
      headers.set(ATTEMPT_TIMEOUT_HEADER, String(plan.timeoutMs));
      // A mutation's key, and how long the gateway waits (a repeat waiting for its first attempt answers in time).
      if (plan.key) {
        headers.set(IDEMPOTENCY_KEY_HEADER, plan.key);
        headers.set(TIMEOUT_HEADER, String(plan.timeoutMs));
      }
    }
    if (!isMutation(request.query)) {
      headers.set(IDEMPOTENT_HEADER, '1');
      if (this.cache?.store) headers.set(GENERATION_HEADER, String(this.cache.store.generation));
    }
  }

  /**
   * Every fetch of a query plan: mutations keep the caller's identity and apply the invalidations
   * their answer carries before the gateway answers; queries go out public when they may (and
   * through the cache), otherwise with the caller's token.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const cache = this.cache;
    // Health checks and schema loading (not used: the supergraph is static) pass straight through.
    if (!cache || options.kind !== 'incoming operation' || !options.request.query) return this.resilient(options);
    const request = options.request;
    const context = options.context as GatewayContext;
    const plan = cache.plan(options.request.query);
    if (plan.kind === 'mutation') {
      const response = await this.resilient(options);
      const invalidations = (response.extensions?.invalidations as { tags?: unknown } | undefined)?.tags;
      if (this.invalidation && Array.isArray(invalidations))
        await this.invalidation.applyFromResponse(invalidations.filter((t): t is string => typeof t === 'string'));
      if (response.extensions) delete response.extensions.invalidations;
      return response;
    }
    if (!cache.isPublic(plan, context)) {
      context.cache.allPublic = false;
      return this.resilient(options);
    }
    publicRequests.add(request);
    const response = await cache.run(this.serviceName, plan, request.variables, context, (variables) => {
      request.variables = variables;
      return this.resilient(options);
    });
    return context.user && response.errors?.length ? { ...response, errors: response.errors.map((e) => asSignedIn(e, context.user!)) } : response;
  }

  /**
   * One fetch behind the circuit breaker, failures turned into errors naming the service. A mutation
   * that was sent and not answered is MUTATION_OUTCOME_UNKNOWN, with the key to repeat it with.
   */
  private async resilient(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const mutation = isMutation(options.request.query);
    const plan = this.planFetch(options, mutation);
    fetchPlans.set(options.request, plan);
    if (!this.breaker.allowRequest()) {
      throw subgraphError(
        this.serviceName,
        'SUBGRAPH_UNAVAILABLE',
        `The ${this.serviceName} service is unavailable (failing fast after repeated failures; next attempt in ${Math.ceil(this.breaker.retryInMs() / 1000)} s). The other parts of the answer are complete.`,
        { circuit: 'open' },
      );
    }
    try {
      const response = await this.send(options);
      this.breaker.recordSuccess();
      return response;
    } catch (error) {
      if (error instanceof SubgraphFetchError) {
        this.breaker.recordFailure();
        if (mutation && error.sent)
          throw this.outcomeUnknown(
            plan,
            error.kind === 'timeout' ? `did not answer the mutation within ${plan.timeoutMs} ms` : 'broke the connection before answering the mutation',
          );
        if (error.kind === 'timeout') {
          throw subgraphError(
            this.serviceName,
            'SUBGRAPH_TIMEOUT',
            `The ${this.serviceName} service did not answer in time. The other parts of the answer are complete.`,
          );
        }
        throw subgraphError(
          this.serviceName,
          'SUBGRAPH_UNAVAILABLE',
          `The ${this.serviceName} service is unavailable. The other parts of the answer are complete.`,
        );
      }
      if (error instanceof GraphQLError && typeof error.extensions.status === 'number') {
        if (error.extensions.status >= 500) this.breaker.recordFailure();
        else this.breaker.recordSuccess();
        // A mutation that failed on the way (a 5xx, not a GraphQL answer) may have written something.
        if (mutation && error.extensions.status >= 500) throw this.outcomeUnknown(plan, `answered the mutation with HTTP ${error.extensions.status}`);
        throw error;
      }
      // Not JSON, or not a GraphQL response: the subgraph is not answering as one.
      this.breaker.recordFailure();
      if (mutation) throw this.outcomeUnknown(plan, 'gave an answer to the mutation that is not a GraphQL response');
      throw subgraphError(this.serviceName, 'SUBGRAPH_UNAVAILABLE', `The ${this.serviceName} service gave an answer that is not a GraphQL response.`);
    }
  }

  /**
   * RemoteGraphQLDataSource.process without the Fetch API objects it builds for every fetch (a
   * node-fetch `Headers` filled header by header, and a `Request` used only to be passed to hooks we
   * do not override): the same headers, hooks, body (`query` first) and response handling. APQ and
   * subgraph Cache-Control are off here (the gateway computes cache policies itself).
   */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const headers = new PlainHeaders();
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers.append(name, value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    await this.willSendRequest?.(options);
    const { http, query, ...rest } = request;
    if (!query) throw new Error('Missing query');
    // Each distinct entity asked for once (gateway/execution/representations.ts).
    const distinct = distinctRepresentations(rest.variables);
    const payload = distinct ? { query, ...rest, variables: distinct.variables } : { query, ...rest };
    const init = { method: http.method, headers: Object.fromEntries(http.headers), body: JSON.stringify(payload) };
    const fetchResponse = await this.fetcher(http.url, init);
    if (!fetchResponse.ok) throw await this.errorFromResponse(fetchResponse);
    const type = fetchResponse.headers.get('content-type');
    const json = !!type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json'));
    const body = json ? await fetchResponse.json() : await fetchResponse.text();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${body}`);
    const response = { ...(body as GatewayGraphQLResponse), http: fetchResponse };
    return distinct ? expandEntities(response, distinct) : response;
  }

  /** The gateway stopped waiting for a mutation it sent: the client learns the outcome by repeating it with the key. */
  private outcomeUnknown(plan: FetchPlan, what: string): GraphQLError {
    const key = plan.clientKey ?? '';
    return subgraphError(
      this.serviceName,
      'MUTATION_OUTCOME_UNKNOWN',
      `The ${this.serviceName} service ${what}: it may or may not have been applied. Send the same request again with the header ` +
        `"Idempotency-Key: ${key}" to learn its outcome; it is never applied twice.`,
      { idempotencyKey: key, timeoutMs: plan.timeoutMs },
    );
  }

  /** A non-2xx answer: no URL, no body in the message (they are logged, not shown). */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const status = response.status;
    // A 4xx GraphQL answer is the client's mistake the subgraph caught (e.g. a malformed Date
    // variable): pass its code and message on, instead of calling the service unavailable.
    if (status >= 400 && status < 500) {
      const body = (await response.json().catch(() => undefined)) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined;
      const first = body?.errors?.[0];
      const code = first?.extensions?.code;
      if (typeof first?.message === 'string' && typeof code === 'string' && CALLER_MISTAKE_CODES.has(code)) {
        return new GraphQLError(first.message, { extensions: { code, serviceName: this.serviceName, status } });
      }
    }
    return subgraphError(
      this.serviceName,
      'SUBGRAPH_UNAVAILABLE',
      `The ${this.serviceName} service answered HTTP ${status}. The other parts of the answer are complete.`,
      { status },
    );
  }
}
