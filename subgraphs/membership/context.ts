import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import { createLoaders, type MembershipLoaders } from './loaders';

export interface Context {
  db: Db;
  settings: SubgraphSettings;
  loaders: MembershipLoaders;
}

export function createContext(db: Db, settings: SubgraphSettings): Context {
  return { db, settings, loaders: createLoaders(db) };
}
