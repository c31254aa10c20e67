import { join } from 'node:path';
import { ensureAuditIndexes, flushPendingOutboxes } from '../../lib/db/outbox';
import { runMigrations } from '../../lib/db/migrations';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type Context } from './context';
import { certifications, ensureCertificationIndexes } from './data/certifications';
import { MIGRATIONS } from './data/migrations';
import { defaultLevelTable, type LevelTable } from './domain/levels';
import { defaultVerifierOrganisations, type VerifierOrganisations } from './domain/organisations';
import { resolvers } from './resolvers';

export interface CertificationOptions {
  /** The level thresholds (default: the configured table, see domain/levels.ts); tests pass their own. */
  levels?: LevelTable;
  /** The verification organisations (default: the configured list, see domain/organisations.ts). */
  organisations?: VerifierOrganisations;
}

/**
 * Builds the certification subgraph (loads the configuration, ensures indexes, runs the migrations,
 * carries out outboxes a crash left behind); does not listen.
 */
export async function createServer(deps: SubgraphDeps, options: CertificationOptions = {}): Promise<SubgraphService<Context>> {
  // Loaded before anything else so a bad table fails start-up, not the first request.
  const levels = options.levels ?? defaultLevelTable();
  const organisations = options.organisations ?? defaultVerifierOrganisations();
  await ensureCertificationIndexes(deps.db);
  await ensureAuditIndexes(deps.db);
  await runMigrations(deps.db, MIGRATIONS);
  // A write acknowledged just before a crash may still hold its audit entries (a small collection: a scan is fine).
  await flushPendingOutboxes(certifications(deps.db));
  const contextDeps = { db: deps.db, settings: deps.settings, levels, organisations };
  return buildSubgraphService<Context>({
    name: 'certification',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db: deps.db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(contextDeps, changes, user, caller),
  });
}
