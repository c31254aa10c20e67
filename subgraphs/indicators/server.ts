import { join } from 'node:path';
import { ensureAuditIndexes } from '../../lib/db/outbox';
import { runMigrations } from '../../lib/db/migrations';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { eventConsumer } from '../../lib/subgraph/events';
import { announceCoverage, certificationHandlers } from './workflows/verification';
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
  // The coverage of reports written before events existed (and of the seed), once; then every write announces its own.
  await announceCoverage(deps.db);
  return buildSubgraphService<Context>({
    name: 'indicators',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db: deps.db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, deps.db, deps.settings, catalogue, user, caller),
    // Who may give verdicts: certification's assignments, statuses and organisations, as its events tell.
    consumers: (logger) => [eventConsumer(deps, 'indicators', 'certification', certificationHandlers(deps.db, deps.settings.now, logger), logger)],
  });
}
