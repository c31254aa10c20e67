import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { LevelTable } from './levels';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  db: Db;
  settings: SubgraphSettings;
  /** The level thresholds (configuration, loaded once at start-up). */
  levels: LevelTable;
  /** Fresh per request, so cached documents never outlive the request. */
  loaders: Loaders;
}

export function createContext(db: Db, settings: SubgraphSettings, levels: LevelTable, user: AuthUser | null = null): Context {
  return { user, db, settings, levels, loaders: createLoaders(db) };
}
