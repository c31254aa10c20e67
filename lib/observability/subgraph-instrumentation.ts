import type { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Metrics } from './metrics';
import { context, endSpan, injectContext, SpanKind, trace, tracer } from './tracing';

/**
 * Observes one subgraph's data source from the outside, so the data source itself (its fetcher,
 * retries, circuit breaker) stays as it is: every call is timed into
 * gateway_subgraph_fetch_duration_seconds, every failure counted by its final code, and — when
 * tracing — wrapped in a client span whose `traceparent` goes out with the request.
 */
export function instrumentDataSource<T extends RemoteGraphQLDataSource>(subgraph: string, source: T, metrics: Metrics): T {
  const originalProcess = source.process.bind(source);
  const willSendRequest = source.willSendRequest?.bind(source);
  source.willSendRequest = async (options) => {
    await willSendRequest?.(options);
    // Runs inside process(), under the client span started below.
    if (trace.getActiveSpan()?.isRecording()) injectContext((key, value) => options.request.http?.headers.set(key, value));
  };
  source.process = async (options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> => {
    const started = process.hrtime.bigint();
    const span = trace.getActiveSpan()?.isRecording()
      ? tracer().startSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph': subgraph } })
      : undefined;
    try {
      const response = span ? await context.with(trace.setSpan(context.active(), span), () => originalProcess(options)) : await originalProcess(options);
      metrics.subgraphFetchDuration.observe({ subgraph, outcome: 'ok' }, seconds(started));
      if (span) endSpan(span);
      return response;
    } catch (error) {
      const code = String((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      metrics.subgraphFetchDuration.observe({ subgraph, outcome: 'error' }, seconds(started));
      metrics.subgraphErrors.inc({ subgraph, code });
      if (span) endSpan(span, error);
      throw error;
    }
  };
  return source;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
