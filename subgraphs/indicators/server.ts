import { join } from 'node:path';
import { ensureAuditIndexes } from '../../lib/db/outbox';
import { runMigrations } from '../../lib/db/migrations';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type Context } from './context';
import { ensureIndicatorReportIndexes } from './data/indicatorReports';
import { indicatorMigrations } from './data/migrations';
import { defaultCatalogue, type Catalogue } from './domain/catalogue';
import { resolvers } from './resolvers';

export interface IndicatorsOptions {
  /** The catalogue to serve (default: every edition in data/catalogues); tests pass their own. */
  catalogue?: Catalogue;
}

/** Builds the indicators subgraph (indexes, then migrations of older data); does not listen. */
export async function createServer(deps: SubgraphDeps, options: IndicatorsOptions = {}): Promise<SubgraphService<Context>> {
  const catalogue = options.catalogue ?? defaultCatalogue();
  await ensureIndicatorReportIndexes(deps.db);
  await ensureAuditIndexes(deps.db);
  await runMigrations(deps.db, indicatorMigrations(catalogue));
  return buildSubgraphService<Context>({
    name: 'indicators',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db: deps.db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, deps.db, deps.settings, catalogue, user, caller),
  });
}
