import { join } from 'node:path';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type Context } from './context';
import { ensureCityIndexes } from './data/cities';
import { ensureEnrolmentIndexes } from './data/enrolments';
import { ensureMemberIndexes } from './data/members';
import { resolvers } from './resolvers';
import { ensureAuditLogIndexes } from '../../lib/db/audit-log';

/** Ensures the indexes, then builds (without listening) the membership subgraph. */
export async function createServer(deps: SubgraphDeps): Promise<SubgraphService<Context>> {
  const { db, settings } = deps;
  await Promise.all([ensureCityIndexes(db), ensureMemberIndexes(db), ensureEnrolmentIndexes(db), ensureAuditLogIndexes(db)]);
  return buildSubgraphService<Context>({
    name: 'membership',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, db, settings, user, caller),
  });
}
