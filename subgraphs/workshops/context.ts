import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import { createLoaders, type WorkshopsLoaders } from './loaders';

export interface Context {
  db: Db;
  settings: SubgraphSettings;
  loaders: WorkshopsLoaders;
}

export function createContext(db: Db, settings: SubgraphSettings): Context {
  return { db, settings, loaders: createLoaders(db, settings) };
}
