import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { operationLabel, type Metrics } from './metrics';
import { trace } from './tracing';

/** Records each operation's latency (by name and type) and every error returned, by code. */
export function metricsPlugin<TContext extends BaseContext>(metrics: Metrics, service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          // The HTTP server span (lib/http) is active here: name the operation it carried.
          const span = trace.getActiveSpan();
          if (span?.isRecording()) {
            span.setAttribute('graphql.operation.name', operationLabel(request.operationName ?? operation?.name?.value));
            span.setAttribute('graphql.operation.type', operation?.operation ?? 'unknown');
          }
          metrics.operationDuration.observe(
            { operation: operationLabel(request.operationName ?? operation?.name?.value), type: operation?.operation ?? 'unknown', service },
            seconds,
          );
          for (const error of errors ?? []) {
            metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), service });
          }
        },
      };
    },
  };
}
