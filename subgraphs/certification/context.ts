import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { ChangeSet } from '../../lib/subgraph/changes';
import { createGatewayClient, type CallerHeaders, type GatewayClient } from '../../lib/federation/gateway-client';
import type { LevelTable } from './domain/levels';
import type { VerifierOrganisations } from './domain/organisations';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  /** What this request changed, for the gateways' caches (lib/subgraph/changes.ts). */
  changes: ChangeSet;
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  /** The caller's token and request id, for asking other domains through the gateway. */
  caller: CallerHeaders;
  /** Asks another domain through the gateway (with `caller`): a city's country, its verified coverage. */
  gateway: GatewayClient;
  /** For workflows and loaders only; resolvers never touch it. */
  db: Db;
  settings: SubgraphSettings;
  /** The level thresholds (configuration, loaded once at start-up). */
  levels: LevelTable;
  /** The verification organisations (configuration, loaded once at start-up). */
  organisations: VerifierOrganisations;
  /** Fresh per request, so cached documents never outlive the request. */
  loaders: Loaders;
}

export interface ContextDeps {
  db: Db;
  settings: SubgraphSettings;
  levels: LevelTable;
  organisations: VerifierOrganisations;
}

export function createContext(deps: ContextDeps, changes: ChangeSet, user: AuthUser | null = null, caller: CallerHeaders = {}): Context {
  const gateway = createGatewayClient({ url: () => deps.settings.gatewayUrl?.() });
  return { changes, user, caller, gateway, ...deps, loaders: createLoaders(deps.db) };
}
