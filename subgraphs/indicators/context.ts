import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { Catalogue } from './catalogue';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  db: Db;
  settings: SubgraphSettings;
  /** Static reference data, shared by all requests. */
  catalogue: Catalogue;
  /** Fresh per request, so cached values never outlive the request. */
  loaders: Loaders;
}

export function createContext(db: Db, settings: SubgraphSettings, catalogue: Catalogue): Context {
  return { db, settings, catalogue, loaders: createLoaders(db, catalogue) };
}
