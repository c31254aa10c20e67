import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { canonicalJson } from '../../lib/cache/tags';
import type { GraphQLRequestBody, OperationAnswer } from '../../lib/http/graphql-http-server';
import { REQUEST_ID_HEADER } from '../../lib/http/request-id';
import { operationLabel, type Metrics } from '../../lib/observability/metrics';
import { trace } from '../../lib/observability/tracing';
import type { GatewayContext } from '../context';
import type { CachePolicies, CachePolicy } from './policy';
import type { CacheStore } from './store';

/**
 * Whole answers, and the Cache-Control header of every answer.
 *
 * An operation's answer is shared by every caller when every fetch it needed went out public (the
 * caller sees only public data, or everything it selects is PUBLIC) and it has a maxAge: it is then
 * kept in this process (keyed by the document, operation name, variables and Accept header, tagged
 * with everything its fetches depended on) and the next identical request is answered without
 * planning or fetching. Answers with errors are never kept.
 *
 * Cache-Control: an answer whose every field is PUBLIC (by the schema's hints, whoever asks) and
 * that has no errors gets `public, max-age=<smallest maxAge>` so a CDN may keep it; anything else
 * gets `private, no-store`.
 */
const PRIVATE = 'private, no-store';
const ERRORS_KEY = /"errors"\s*:/;

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

export function cacheControlHeader(policy: CachePolicy, status: number, body: string): string {
  if (status !== 200 || policy.scope !== 'PUBLIC' || policy.maxAge <= 0 || ERRORS_KEY.test(body)) return PRIVATE;
  return `public, max-age=${policy.maxAge}`;
}

export function createResponseCache(options: { store?: CacheStore; policies: () => CachePolicies | undefined; metrics?: Metrics }) {
  return async (
    request: GraphQLRequestBody,
    context: GatewayContext,
    http: { method: 'GET' | 'POST'; accept: string },
    run: () => Promise<OperationAnswer>,
  ): Promise<OperationAnswer> => {
    // Each operation of a batch gets its own account of its fetches.
    context.cache = { tags: new Set(), allPublic: true };
    const policies = options.policies();
    const query = typeof request.query === 'string' ? request.query : undefined;
    // APQ registrations are checked by Apollo (hash against text): they never come from the cache.
    const apq = !!(request.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery;
    if (!policies || !query || apq) {
      const answer = await run();
      answer.headers.set('cache-control', PRIVATE);
      return answer;
    }
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const policy = policies.forDocument(query, operationName);
    const store = options.store;
    const shareable = !!store && store.enabled && policy.maxAge > 0 && (policy.scope === 'PUBLIC' || context.publicView);
    let key: string | undefined;
    if (shareable) {
      context.cache.ticket = store.ticket();
      key = `q:${sha1(`${operationName ?? ''}\u0000${query}\u0000${canonicalJson(request.variables ?? {})}\u0000${http.accept}`)}`;
      const started = process.hrtime.bigint();
      const hit = store.getLocal('response', key);
      if (hit !== undefined) {
        const stored = JSON.parse(hit) as StoredAnswer;
        // Still an operation to operators (latency by name), though Apollo never saw it.
        options.metrics?.operationDuration.observe({ operation: operationLabel(operationName), type: 'query', service: 'gateway' }, Number(process.hrtime.bigint() - started) / 1e9);
        trace.getActiveSpan()?.setAttribute('graphql.operation.name', operationLabel(operationName));
        trace.getActiveSpan()?.setAttribute('gateway.cache', 'hit');
        return { status: stored.status, headers: new HeaderMap(stored.headers), body: stored.body };
      }
    }
    const answer = await run();
    answer.headers.set('cache-control', answer.chunks ? PRIVATE : cacheControlHeader(policy, answer.status, answer.body));
    if (shareable && key && !answer.chunks && answer.status === 200 && context.cache.allPublic && !ERRORS_KEY.test(answer.body)) {
      const headers = [...answer.headers].filter(([name]) => name !== REQUEST_ID_HEADER);
      store!.set(key, JSON.stringify({ status: answer.status, headers, body: answer.body } satisfies StoredAnswer), [...context.cache.tags], policy.maxAge, context.cache.ticket!);
    }
    return answer;
  };
}
