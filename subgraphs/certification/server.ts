import { join } from 'node:path';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type Context } from './context';
import { ensureCertificationIndexes } from './data/certifications';
import { ensureAuditIndexes } from '../../lib/audit/audit';
import { defaultLevelTable, type LevelTable } from './levels';
import { defaultVerifierOrganisations, type VerifierOrganisations } from './organisations';
import { resolvers } from './resolvers';

export interface CertificationOptions {
  /** The level thresholds (default: the configured table, see levels.ts); tests pass their own. */
  levels?: LevelTable;
  /** The verification organisations (default: the configured list, see organisations.ts). */
  organisations?: VerifierOrganisations;
}

/** Builds the certification subgraph (loads the level table, ensures indexes); does not listen. */
export async function createServer(deps: SubgraphDeps, options: CertificationOptions = {}): Promise<SubgraphService<Context>> {
  // Loaded before anything else so a bad table fails start-up, not the first request.
  const levels = options.levels ?? defaultLevelTable();
  const organisations = options.organisations ?? defaultVerifierOrganisations();
  await ensureCertificationIndexes(deps.db);
  await ensureAuditIndexes(deps.db);
  return buildSubgraphService<Context>({
    name: 'certification',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db: deps.db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, deps.db, deps.settings, levels, organisations, user, caller),
  });
}
