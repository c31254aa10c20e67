import { join } from 'node:path';
import { runMigrations } from '../../lib/db/migrations';
import { ensureAuditIndexes, flushPendingOutboxes } from '../../lib/db/outbox';
import { createLogger } from '../../lib/observability/logger';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type Context } from './context';
import { migrations } from './data/migrations';
import { ensureMentoringPairIndexes, mentoringPairsCollection } from './data/mentoringPairs';
import { ensureRegistrationIndexes, registrationsCollection } from './data/registrations';
import { ensureWorkshopIndexes, workshopsCollection } from './data/workshops';
import { resolvers } from './resolvers';

/**
 * Ensures the indexes, upgrades the database (data/migrations.ts), carries out any outbox a crash left
 * behind, then builds (without listening) the workshops subgraph.
 */
export async function createServer(deps: SubgraphDeps): Promise<SubgraphService<Context>> {
  const { db, settings } = deps;
  await Promise.all([ensureWorkshopIndexes(db), ensureRegistrationIndexes(db), ensureMentoringPairIndexes(db), ensureAuditIndexes(db)]);
  const logger = createLogger('subgraph-workshops');
  await runMigrations(db, migrations, (message) => logger.info(message));
  await flushPendingOutboxes(workshopsCollection(db));
  await flushPendingOutboxes(registrationsCollection(db));
  await flushPendingOutboxes(mentoringPairsCollection(db));
  return buildSubgraphService<Context>({
    name: 'workshops',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, db, settings, user, caller),
  });
}
