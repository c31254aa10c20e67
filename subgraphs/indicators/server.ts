import { join } from 'node:path';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { defaultCatalogue, type Catalogue } from './catalogue';
import { createContext, type Context } from './context';
import { ensureAuditIndexes } from '../../lib/audit/audit';
import { ensureIndicatorReportIndexes } from './data/indicatorReports';
import { resolvers } from './resolvers';

export interface IndicatorsOptions {
  /** The catalogue to serve (default: every edition in data/catalogues); tests pass their own. */
  catalogue?: Catalogue;
}

/** Builds the indicators subgraph (ensures indexes first); does not listen. */
export async function createServer(deps: SubgraphDeps, options: IndicatorsOptions = {}): Promise<SubgraphService<Context>> {
  const catalogue = options.catalogue ?? defaultCatalogue();
  await ensureIndicatorReportIndexes(deps.db);
  await ensureAuditIndexes(deps.db);
  return buildSubgraphService<Context>({
    name: 'indicators',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db: deps.db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, deps.db, deps.settings, catalogue, user, caller),
  });
}
