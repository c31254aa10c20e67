import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { ChangeSet } from '../../lib/subgraph/changes';
import { createGatewayClient, type CallerHeaders, type GatewayClient } from '../../lib/federation/gateway-client';
import type { Catalogue } from './domain/catalogue';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  /** What this request changed, for the gateways' caches (lib/subgraph/changes.ts). */
  changes: ChangeSet;
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  /** The caller's token and request id, for asking other domains through the gateway. */
  caller: CallerHeaders;
  /** Asks another domain through the gateway (with `caller`), e.g. certification for a verifier's assignment. */
  gateway: GatewayClient;
  db: Db;
  settings: SubgraphSettings;
  /** Static reference data, shared by all requests. */
  catalogue: Catalogue;
  /** Fresh per request, so cached values never outlive the request. */
  loaders: Loaders;
}

export function createContext(
  changes: ChangeSet,
  db: Db,
  settings: SubgraphSettings,
  catalogue: Catalogue,
  user: AuthUser | null = null,
  caller: CallerHeaders = {},
): Context {
  const gateway = createGatewayClient({ url: () => settings.gatewayUrl?.() });
  return { changes, user, caller, gateway, db, settings, catalogue, loaders: createLoaders(db, catalogue, settings) };
}
