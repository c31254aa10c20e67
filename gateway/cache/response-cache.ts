import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { canonicalJson } from '../../lib/cache/tags';
import type { GraphQLRequestBody, OperationAnswer } from '../../lib/http/graphql-http-server';
import { REQUEST_ID_HEADER } from '../../lib/http/request-id';
import { operationLabel, type Metrics } from '../../lib/observability/metrics';
import { trace } from '../../lib/observability/tracing';
import type { GatewayContext } from '../context';
import type { CachePolicies, CachePolicy } from './policy';
import type { CacheStore } from './store';
import type { ClusterSharing } from './cluster-sharing';

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

/** Bytes of decoded answers kept beside the store (its JSON text is shared, the encoded body is not). */
const DECODED_MAX_BYTES = 32 * 1024 * 1024;

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** An answer given to several requests: its body encoded once, not once per request that receives it. */
interface SharedAnswer extends StoredAnswer {
  bytes: Buffer;
}

export function cacheControlHeader(policy: CachePolicy, status: number, body: string): string {
  if (status !== 200 || policy.scope !== 'PUBLIC' || policy.maxAge <= 0 || ERRORS_KEY.test(body)) return PRIVATE;
  return `public, max-age=${policy.maxAge}`;
}

export function createResponseCache(options: {
  store: CacheStore;
  policies: () => CachePolicies | undefined;
  metrics?: Metrics;
  /** Sharing with the other workers of a cluster (absent in a single process). */
  cluster?: ClusterSharing;
}) {
  /**
   * Identical requests in flight: a request that arrives while an identical one of the same view is
   * running waits for that one's answer instead of running again (as Hive Gateway's inbound
   * deduplication does, but across callers: every public viewer — anonymous or a partner app, whatever
   * its token — gets the same answer, and a staff caller's all-PUBLIC operation too). The key holds the
   * invalidation generation, so a request made after a change never joins one started before it.
   */
  const inFlight = new Map<string, Promise<SharedAnswer | undefined>>();
  // Cached answers decoded and encoded once while they stay the same (the store keeps JSON text);
  // bounded in bytes like the store, so large answers cannot pile up here.
  const decoded = new LRUCache<string, { raw: string; answer: SharedAnswer }>({
    maxSize: DECODED_MAX_BYTES,
    sizeCalculation: (entry) => 64 + entry.answer.bytes.length + entry.raw.length * 2,
  });
  const decode = (key: string, raw: string): SharedAnswer => {
    const known = decoded.get(key);
    if (known?.raw === raw) return known.answer;
    const answer = shared(JSON.parse(raw) as StoredAnswer);
    decoded.set(key, { raw, answer });
    return answer;
  };

  const observeHit = (operationName: string | undefined, started: bigint, how: 'hit' | 'shared') => {
    // Still an operation to operators (latency by name), though Apollo never saw it.
    options.metrics?.operationDuration.observe(
      { operation: operationLabel(operationName), type: 'query', service: 'gateway' },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
    trace.getActiveSpan()?.setAttribute('graphql.operation.name', operationLabel(operationName));
    trace.getActiveSpan()?.setAttribute('gateway.cache', how);
  };

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
    const started = process.hrtime.bigint();
    // Answers the same for every caller of this view: a public viewer's, or an all-PUBLIC operation's.
    const sameForView = !!policy.query && (policy.scope === 'PUBLIC' || context.publicView);
    const cacheable = sameForView && store.enabled && policy.maxAge > 0;
    context.cache.ticket = store.ticket();
    const requestText = `${operationName ?? ''}\u0000${query}\u0000${canonicalJson(request.variables ?? {})}\u0000${http.accept}`;
    // Stored answers are keyed by a hash (short keys in memory and in Redis); requests in flight by
    // the text itself, which costs nothing to hash for answers that are never stored.
    const key = cacheable ? `q:${sha1(requestText)}` : '';
    if (cacheable) {
      const hit = store.getLocal('response', key);
      if (hit !== undefined) {
        observeHit(operationName, started, 'hit');
        return fromShared(decode(key, hit));
      }
    }
    // A signed-in public viewer is told FORBIDDEN where an anonymous one is told to sign in: two views.
    const view = policy.scope === 'PUBLIC' ? 'all' : context.user ? `signed:${[...context.user.roles].sort().join(',')}` : 'anonymous';
    const sharedKey = sameForView ? `${store.generation}|${view}|${requestText}` : undefined;
    const leader = sharedKey ? inFlight.get(sharedKey) : undefined;
    if (leader) {
      options.metrics?.cacheLookups.inc({ cache: 'response', layer: 'inflight', result: 'hit' });
      const shared = await leader;
      if (shared) {
        observeHit(operationName, started, 'shared');
        return fromShared(shared);
      }
      // The leader's answer could not be shared (streamed): run this one on its own.
    }
    // This request leads here: identical ones arriving meanwhile in this process wait for it.
    let settle: ((answer: SharedAnswer | undefined) => void) | undefined;
    if (sharedKey && !leader) {
      const shareable = new Promise<SharedAnswer | undefined>((resolve) => (settle = resolve));
      inFlight.set(sharedKey, shareable);
      void shareable.then(() => {
        if (inFlight.get(sharedKey) === shareable) inFlight.delete(sharedKey);
      });
    }
    // In a cluster, another worker may be running it already (gateway/cache/cluster-sharing.ts).
    const claim = settle && options.cluster ? await options.cluster.claim(`${view}|${requestText}`, store.generation) : undefined;
    if (claim && !claim.lead) {
      const text = await claim.answer;
      if (text) {
        const answer = shared(text);
        settle!(answer);
        options.metrics?.cacheLookups.inc({ cache: 'response', layer: 'cluster', result: 'hit' });
        observeHit(operationName, started, 'shared');
        return fromShared(answer);
      }
      // The other worker's answer could not be shared: run it here.
    }
    const running = run().then((answer) => {
      answer.headers.set('cache-control', answer.chunks ? PRIVATE : cacheControlHeader(policy, answer.status, answer.body));
      return answer;
    });
    if (settle) {
      const done = settle;
      running.then(
        (answer) => {
          const text = answer.chunks ? undefined : toStored(answer);
          done(text && shared(text));
          if (claim?.lead) claim.finish(text);
        },
        () => {
          done(undefined);
          if (claim?.lead) claim.finish(undefined);
        },
      );
    }
    const answer = await running;
    if (cacheable && !answer.chunks && answer.status === 200 && context.cache.allPublic && !ERRORS_KEY.test(answer.body)) {
      store.set(key, JSON.stringify(toStored(answer)), [...context.cache.tags], policy.maxAge, context.cache.ticket);
    }
    return answer;
  };
}

function toStored(answer: OperationAnswer): StoredAnswer {
  return { status: answer.status, headers: [...answer.headers].filter(([name]) => name !== REQUEST_ID_HEADER), body: answer.body };
}

function shared(stored: StoredAnswer): SharedAnswer {
  return { ...stored, bytes: Buffer.from(stored.body, 'utf8') };
}

function fromShared(answer: SharedAnswer): OperationAnswer {
  return { status: answer.status, headers: new HeaderMap(answer.headers), body: answer.body, bytes: answer.bytes };
}
