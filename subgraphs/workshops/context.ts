import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import { createLoaders, type WorkshopsLoaders } from './loaders';

export interface Context {
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  db: Db;
  settings: SubgraphSettings;
  loaders: WorkshopsLoaders;
}

export function createContext(db: Db, settings: SubgraphSettings, user: AuthUser | null = null): Context {
  return { user, db, settings, loaders: createLoaders(db, settings) };
}
