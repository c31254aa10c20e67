import { join } from 'node:path';
import { runMigrations } from '../../lib/db/migrations';
import { flushPendingOutboxes } from '../../lib/db/outbox';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type Context } from './context';
import { citiesCollection } from './data/cities';
import { duesCollection } from './data/dues';
import { enrolmentsCollection } from './data/enrolments';
import { ensureMembershipIndexes } from './data/indexes';
import { membersCollection } from './data/members';
import { MIGRATIONS } from './data/migrations';
import { applicationsCollection, roundsCollection } from './data/programme';
import { syncSearchIndex } from './data/search-index';
import { resolvers } from './resolvers';

/**
 * Prepares the database (indexes, migrations, outboxes a crash left unflushed: an admission's city,
 * contacts and audit entries ride in its member's outbox, an acceptance's enrolment in its
 * application's; then the search index, for cities it does not know as they are), then builds
 * (without listening) the membership subgraph.
 */
export async function createServer(deps: SubgraphDeps): Promise<SubgraphService<Context>> {
  const { db, settings } = deps;
  await ensureMembershipIndexes(db);
  await runMigrations(db, MIGRATIONS);
  await flushPendingOutboxes(membersCollection(db));
  await flushPendingOutboxes(enrolmentsCollection(db));
  await flushPendingOutboxes(citiesCollection(db));
  await flushPendingOutboxes(roundsCollection(db));
  await flushPendingOutboxes(applicationsCollection(db));
  await flushPendingOutboxes(duesCollection(db));
  await syncSearchIndex(db);
  return buildSubgraphService<Context>({
    name: 'membership',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(changes, db, settings, user, caller),
  });
}
