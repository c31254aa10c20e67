import type { GraphQLRequestBody } from '../../lib/http/graphql-http-server';
import type { GatewayContext } from '../context';
import type { RateLimiter } from './limiter';

type Preflight = (request: GraphQLRequestBody, context: GatewayContext, method: 'GET' | 'POST') => GraphQLRequestBody | Promise<GraphQLRequestBody>;

/**
 * The rate limit around the preflight, per operation (each operation of a batch counts):
 * - in request units, one token before anything else, so refused requests count too;
 * - in cost units, the estimated cost once the preflight has it; a request the preflight refuses
 *   (or an APQ hash, whose estimate comes later: gateway/limits/demand.ts) takes one.
 */
export function withRateLimit(preflight: Preflight, limiter: RateLimiter | undefined): Preflight {
  if (!limiter) return preflight;
  return async (request, context, method) => {
    if (limiter.unit === 'requests') {
      await limiter.take(context, 1);
      return preflight(request, context, method);
    }
    let checked: GraphQLRequestBody;
    try {
      checked = await preflight(request, context, method);
    } catch (error) {
      await limiter.take(context, 1);
      throw error;
    }
    await limiter.take(context, context.demand?.estimated ?? 1);
    return checked;
  };
}
