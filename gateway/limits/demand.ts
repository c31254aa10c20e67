import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { Histogram } from 'prom-client';
import { operationLabel, type Metrics } from '../../lib/observability/metrics';
import type { ResolvedGatewaySettings } from '../config';
import type { GatewayContext } from '../context';
import type { PreflightSchema } from '../preflight';
import type { RateLimiter } from '../rate-limit/limiter';
import { actualCost, readCostModel } from './cost';
import { createScalarChecker } from './scalars';
import { checkVariables, enforceMeasures, measureOperation } from './operation-limits';

/** What the preflight needs from a newly loaded schema and its supergraph. */
export function preflightSchema(apiSchema: GraphQLSchema, supergraphSdl: string, settings: ResolvedGatewaySettings): PreflightSchema {
  return { schema: apiSchema, costModel: readCostModel(supergraphSdl, settings.limits.defaultListSize), scalars: createScalarChecker(apiSchema) };
}

const COST_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000];

/**
 * Demand control after execution: each executed operation's actual cost — the same weights as the
 * estimate, counted over the objects actually returned (gateway/limits/cost.ts actualCost) — is
 * exported next to its estimate, `gateway_operation_cost{operation, kind="estimated"|"actual"}`, with
 * the number of objects returned (`gateway_operation_objects`): a histogram pair whose sums show how
 * far the estimates are from what operations really cost.
 */
export function demandMetricsPlugin(metrics: Metrics, current: () => PreflightSchema | undefined): ApolloServerPlugin<GatewayContext> {
  const cost = new Histogram({
    name: 'gateway_operation_cost',
    help: 'Cost of each executed operation by the cost spec: estimated before execution, actual from the answer',
    labelNames: ['operation', 'kind'],
    buckets: COST_BUCKETS,
    registers: [metrics.registry],
  });
  const objects = new Histogram({
    name: 'gateway_operation_objects',
    help: 'Objects (composite values) in the answer of each executed operation',
    labelNames: ['operation'],
    buckets: COST_BUCKETS,
    registers: [metrics.registry],
  });
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, document, operation, request }) {
          const served = current();
          const estimated = contextValue.demand?.estimated;
          if (!served || !document || !operation || estimated === undefined || response.body.kind !== 'single') return;
          const data = response.body.singleResult.data;
          if (data === undefined) return; // not executed
          const label = operationLabel(request.operationName ?? operation.name?.value);
          const actual = actualCost(served.schema, served.costModel, document, operation as OperationDefinitionNode, data);
          cost.observe({ operation: label, kind: 'estimated' }, estimated);
          cost.observe({ operation: label, kind: 'actual' }, actual.cost);
          objects.observe({ operation: label }, actual.objects);
        },
      };
    },
  };
}

/**
 * Operations that arrived as an APQ hash (their text was not seen by the preflight): the same limits
 * and estimate once Apollo has the document, and in cost units the rest of their rate-limit charge.
 */
export function persistedOperationLimitsPlugin(
  settings: ResolvedGatewaySettings,
  current: () => PreflightSchema | undefined,
  limiter?: RateLimiter,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, metrics, contextValue }) {
          if (!metrics.persistedQueryHit) return;
          checkVariables(request.variables, settings.limits);
          const served = current();
          const variables = request.variables ?? {};
          const measures = measureOperation(document, operation as OperationDefinitionNode, served?.schema, variables, settings.limits, served?.costModel);
          enforceMeasures(measures, settings.limits);
          served?.scalars?.check(document, operation as OperationDefinitionNode, variables, request.query ?? '');
          contextValue.demand = { estimated: measures.cost, path: measures.path.join('.') };
          // One unit was taken when the hash arrived (gateway/rate-limit/admission.ts).
          if (limiter?.unit === 'cost' && measures.cost > 1) await limiter.take(contextValue, measures.cost - 1);
        },
      };
    },
  };
}
