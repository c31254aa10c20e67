/**
 * Drives load with autocannon (fixed connections and duration) and checks every response against
 * the expected result: status 200, no `errors`, data deep-equal. A fast wrong answer is an error.
 */
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import type { Variant } from './operation';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSec: number;
  /** Per-request timeout, seconds. */
  timeoutSec: number;
  pick: () => Variant;
  /**
   * Extra headers per connection (bench/callers.ts): connection i sends headers[i % length], for the
   * whole run (on a reconnect too). Default: none.
   */
  headers?: Record<string, string>[];
}

export interface LoadResult {
  durationSec: number;
  /** Requests autocannon sent (including those still in flight when the run ended). */
  sent: number;
  /** Responses received. */
  completed: number;
  /** Responses that were 200, error-free and equal to the expected data. */
  ok: number;
  /** Correct responses per second. */
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  errors: { total: number; non200: number; graphqlErrors: number; wrongData: number; transport: number; timeouts: number };
  perKind: Record<string, { ok: number; failed: number }>;
  /** The first wrong answer, shortened, so a failure can be read. */
  firstFailure?: { variant: string; status: number; body: string };
}

type Verdict = 'ok' | 'non200' | 'graphqlErrors' | 'wrongData';

/**
 * `verified` holds response texts already found equal to the expected data (per variant): a gateway
 * answers the same text every time, so only its first answer pays for parsing and deep comparison.
 */
export function checkResponse(v: Variant, status: number, body: string, verified = new Map<Variant, Set<string>>()): Verdict {
  if (status !== 200) return 'non200';
  if (body === v.expectedBody || verified.get(v)?.has(body)) return 'ok';
  let parsed: { data?: unknown; errors?: unknown[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'wrongData';
  }
  if (parsed.errors?.length) return 'graphqlErrors';
  // Key order is not part of the answer; values and list order are.
  if (!isDeepStrictEqual(parsed.data, v.expectedData)) return 'wrongData';
  const texts = verified.get(v) ?? new Set<string>();
  if (texts.size < 4) texts.add(body);
  verified.set(v, texts);
  return 'ok';
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors = { total: 0, non200: 0, graphqlErrors: 0, wrongData: 0, transport: 0, timeouts: 0 };
  const perKind: LoadResult['perKind'] = {};
  let ok = 0;
  let firstFailure: LoadResult['firstFailure'];
  const verified = new Map<Variant, Set<string>>();
  const perConnection = options.headers?.length ? options.headers : [{}];
  let clients = 0;

  // Without a callback autocannon returns its instance (an EventEmitter; the typings only show the promise).
  const instance: any = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    timeout: options.timeoutSec,
    headers: { 'content-type': 'application/json' },
    // Called once per connection (autocannon's client), before its first request.
    setupClient: (client: { setHeaders(headers: Record<string, string>): void }) => {
      client.setHeaders({ 'content-type': 'application/json', ...perConnection[clients++ % perConnection.length] });
    },
    requests: [
      {
        method: 'POST',
        // Pipelining is 1, so each connection has one request in flight: its context names the variant.
        setupRequest: (request: any, context: any) => {
          const v = options.pick();
          context.variant = v;
          return { ...request, method: 'POST', body: v.body };
        },
        onResponse: (status: number, body: string, context: any) => {
          const v = context.variant as Variant;
          const verdict = checkResponse(v, status, body, verified);
          const counts = (perKind[v.kind] ??= { ok: 0, failed: 0 });
          if (verdict === 'ok') {
            ok++;
            counts.ok++;
            return;
          }
          counts.failed++;
          errors[verdict]++;
          // Head and tail: a GraphQL answer's `errors` come last.
          firstFailure ??= { variant: v.label, status, body: body.length > 800 ? `${body.slice(0, 300)} … ${body.slice(-500)}` : body };
        },
      } as any,
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.once('done', resolve);
    instance.once('error', reject);
  });

  if (clients < options.connections) throw new Error(`autocannon set up ${clients} of ${options.connections} connections`);
  errors.transport = result.errors - result.timeouts;
  errors.timeouts = result.timeouts;
  errors.total = errors.non200 + errors.graphqlErrors + errors.wrongData + errors.transport + errors.timeouts;
  latencies.sort((a, b) => a - b);
  const durationSec = result.duration;
  return {
    durationSec,
    sent: (result.requests as { sent?: number }).sent ?? result.requests.total,
    completed: latencies.length,
    ok,
    rps: ok / durationSec,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1] : NaN,
      mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : NaN,
    },
    errors,
    perKind,
    firstFailure,
  };
}
