/**
 * Applications served beside the gateway's GraphQL endpoint, on the same origin: the reference
 * dashboard (/dashboard) and data in and out as files (/exports, /imports). Neither is part of the
 * gateway: both use only its public GraphQL API, with the caller's own context. The gateway's entry
 * (gateway/index.ts) and the one-process stack (stack/stack.ts) mount them.
 */
import type { GatewayRouteParts } from '../gateway/server';
import type { Route } from '../lib/http/listener';
import { createDashboardRoute } from './dashboard/route';
import { createDataExchangeRoutes } from './data-exchange/routes';

export function gatewayApps(parts: GatewayRouteParts): Route[] {
  return [createDashboardRoute(), createDataExchangeRoutes({ server: parts.server, context: parts.context, pageSize: parts.settings.limits.maxListSize })];
}
