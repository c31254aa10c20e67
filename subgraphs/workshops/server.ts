import { join } from 'node:path';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type Context } from './context';
import { ensureMentoringPairIndexes } from './data/mentoringPairs';
import { ensureRegistrationIndexes } from './data/registrations';
import { ensureWorkshopIndexes } from './data/workshops';
import { resolvers } from './resolvers';
import { ensureAuditLogIndexes } from '../../lib/db/audit-log';

/** Ensures the indexes, then builds (without listening) the workshops subgraph. */
export async function createServer(deps: SubgraphDeps): Promise<SubgraphService<Context>> {
  const { db, settings } = deps;
  await Promise.all([ensureWorkshopIndexes(db), ensureRegistrationIndexes(db), ensureMentoringPairIndexes(db), ensureAuditLogIndexes(db)]);
  return buildSubgraphService<Context>({
    name: 'workshops',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, db, settings, user, caller),
  });
}
