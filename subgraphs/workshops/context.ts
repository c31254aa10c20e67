import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { CallerHeaders } from '../../lib/federation/gateway-client';
import { createLoaders, type WorkshopsLoaders } from './loaders';

export interface Context {
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  /** The caller's token and request id, for asking other domains through the gateway. */
  caller: CallerHeaders;
  db: Db;
  settings: SubgraphSettings;
  loaders: WorkshopsLoaders;
}

export function createContext(db: Db, settings: SubgraphSettings, user: AuthUser | null = null, caller: CallerHeaders = {}): Context {
  return { user, caller, db, settings, loaders: createLoaders(db, settings) };
}
