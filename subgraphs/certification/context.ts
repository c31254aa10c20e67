import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { ChangeSet } from '../../lib/subgraph/changes';
import { createGatewayClient, type CallerHeaders, type GatewayClient } from '../../lib/federation/gateway-client';
import type { LevelTable } from './levels';
import { createLoaders, type Loaders } from './loaders';
import type { VerifierOrganisations } from './organisations';

export interface Context {
  /** What this request changed, for the gateways' caches (lib/subgraph/changes.ts). */
  changes: ChangeSet;
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  /** The caller's token and request id, for asking other domains through the gateway. */
  caller: CallerHeaders;
  /** Asks another domain through the gateway (with `caller`): a city's country, its verified coverage. */
  gateway: GatewayClient;
  db: Db;
  settings: SubgraphSettings;
  /** The level thresholds (configuration, loaded once at start-up). */
  levels: LevelTable;
  /** The verification organisations (configuration, loaded once at start-up). */
  organisations: VerifierOrganisations;
  /** Fresh per request, so cached documents never outlive the request. */
  loaders: Loaders;
}

export function createContext(changes: ChangeSet, 
  db: Db,
  settings: SubgraphSettings,
  levels: LevelTable,
  organisations: VerifierOrganisations,
  user: AuthUser | null = null,
  caller: CallerHeaders = {},
): Context {
  const gateway = createGatewayClient({ url: () => settings.gatewayUrl?.() });
  return { changes, user, caller, gateway, db, settings, levels, organisations, loaders: createLoaders(db) };
}
