/**
 * OpenTelemetry traces, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set; without one, the API stays a no-op and costs nothing.
 *
 * The spans are made by hand at the three places a request crosses a boundary — our HTTP layer
 * (server span, W3C `traceparent` extracted), the gateway's subgraph calls (client span, `traceparent`
 * injected) and MongoDB command monitoring (client span per command) — rather than by the contrib
 * auto-instrumentations: those patch `require` (which jest's module registry bypasses) and their
 * current releases need Node 22.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { env, readEnv } from '../env';

export const TRACING_ENV = {
  OTEL_EXPORTER_OTLP_ENDPOINT: env.url(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: env.url(),
  OTEL_SERVICE_NAME: env.optionalString(),
};

export const TRACER_NAME = 'citynet-wccd';
export const tracer = () => trace.getTracer(TRACER_NAME);

export interface Tracing {
  /** Where spans go (the OTLP/HTTP traces URL). */
  url: string;
  /** Sends what is buffered (call before exiting). */
  shutdown(): Promise<void>;
}

/**
 * Registers a tracer provider for this process when an OTLP endpoint is configured; call once, at
 * start-up, before serving. Returns undefined when tracing is off.
 */
export function startTracing(serviceName: string, source: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  const e = readEnv(TRACING_ENV, source);
  // As the OTel specification says: the generic endpoint gets /v1/traces appended, the per-signal one is used as is.
  const url =
    e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (e.OTEL_EXPORTER_OTLP_ENDPOINT ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!url) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': e.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: 1000 })],
  });
  // Sets the global provider, the AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  return { url, shutdown: () => provider.shutdown() };
}

/** The context a request arrived with (its `traceparent`), for the server span. */
export function extractContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Adds `traceparent` (and `tracestate`) of the active span to outgoing headers. */
export function injectContext(set: (key: string, value: string) => void): void {
  propagation.inject(context.active(), {}, { set: (_carrier, key, value) => set(key, value) });
}

export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : new Error(String(error)));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}

export { context, SpanKind, SpanStatusCode, trace, type Span };
