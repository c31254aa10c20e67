import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { operationLabel, type Metrics } from './metrics';

/** Records each operation's latency (by name and type) and every error returned, by code. */
export function metricsPlugin<TContext extends BaseContext>(metrics: Metrics, service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
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
