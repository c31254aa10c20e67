import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { ChangeSet } from '../../lib/subgraph/changes';
import { createGatewayClient, type CallerHeaders, type GatewayClient } from '../../lib/federation/gateway-client';
import { createLoaders, type WorkshopsLoaders } from './loaders';

export interface Context {
  /** What this request changed, for the gateways' caches (lib/subgraph/changes.ts). */
  changes: ChangeSet;
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  /** The caller's token and request id, for asking other domains through the gateway. */
  caller: CallerHeaders;
  /** Asks another domain through the gateway: membership, whether cities exist (workflows/cities.ts). */
  gateway: GatewayClient;
  db: Db;
  settings: SubgraphSettings;
  /** Fresh per request, so cached documents never outlive the request. */
  loaders: WorkshopsLoaders;
}

export function createContext(changes: ChangeSet, db: Db, settings: SubgraphSettings, user: AuthUser | null = null, caller: CallerHeaders = {}): Context {
  const gateway = createGatewayClient({ url: () => settings.gatewayUrl?.() });
  return { changes, user, caller, gateway, db, settings, loaders: createLoaders(db, settings) };
}
