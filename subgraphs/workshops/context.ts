import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { ChangeSet } from '../../lib/subgraph/changes';
import { createGatewayClient, type CallerHeaders, type GatewayClient } from '../../lib/federation/gateway-client';
import { createLoaders, type WorkshopsLoaders } from './loaders';
import { cityZoneOf, focalPointsOf, type FocalPoint } from './workflows/otherDomains';

/** Facts of other domains a request reads through the gateway, batched and cached for the request. */
export interface GatewayLoaders {
  /** A city's IANA zone (membership), for mentoring pairs made before zones were stored. */
  cityZone: DataLoader<string, string | null>;
  /** A member city's focal point (membership, CITYNET_STAFF only), for the cities a cancellation affects. */
  focalPoint: DataLoader<string, FocalPoint | null>;
}

export interface Context {
  /** What this request changed, for the gateways' caches (lib/subgraph/changes.ts). */
  changes: ChangeSet;
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  /** The caller's token and request id, for asking other domains through the gateway. */
  caller: CallerHeaders;
  /**
   * Asks other domains through the gateway (none of them calls workshops): membership (cities, zones,
   * focal points), certification and indicators (mentor eligibility and suggestions).
   */
  gateway: GatewayClient;
  db: Db;
  settings: SubgraphSettings;
  /** Fresh per request, so cached documents never outlive the request. */
  loaders: WorkshopsLoaders;
  reads: GatewayLoaders;
}

export function createContext(changes: ChangeSet, db: Db, settings: SubgraphSettings, user: AuthUser | null = null, caller: CallerHeaders = {}): Context {
  const gateway = createGatewayClient({ url: () => settings.gatewayUrl?.() });
  const ctx = { changes, user, caller, gateway, db, settings, loaders: createLoaders(db, settings) } as Context;
  ctx.reads = {
    cityZone: new DataLoader((ids) => Promise.all(ids.map((id) => cityZoneOf(ctx, id)))),
    focalPoint: new DataLoader((ids) => focalPointsOf(ctx, ids)),
  };
  return ctx;
}
