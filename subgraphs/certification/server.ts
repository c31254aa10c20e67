import { join } from 'node:path';
import { ensureAuditIndexes, flushPendingOutboxes } from '../../lib/db/outbox';
import { runMigrations } from '../../lib/db/migrations';
import { eventConsumer } from '../../lib/subgraph/events';
import { buildSubgraphService, loadTypeDefs, type SubgraphDeps, type SubgraphService } from '../../lib/subgraph/service';
import { createContext, type CertificationDeps, type Context } from './context';
import { certifications, ensureCertificationIndexes } from './data/certifications';
import { organisationDocs } from './data/copies';
import { MIGRATIONS } from './data/migrations';
import { defaultLevelTable, type LevelTable } from './domain/levels';
import { defaultVerifierOrganisations, type VerifierOrganisations } from './domain/organisations';
import { defaultValidityRule, type ValidityRule } from './domain/validity';
import { resolvers } from './resolvers';
import { announceCertifications, announceOrganisations } from './workflows/announce';
import { indicatorsHandlers, membershipHandlers } from './workflows/follow';

export interface CertificationOptions {
  /** The level thresholds (default: the configured table, see domain/levels.ts); tests pass their own. */
  levels?: LevelTable;
  /** The verification organisations (default: the configured list, see domain/organisations.ts). */
  organisations?: VerifierOrganisations;
  /** How long a certification stays in force (default: the configured rule, see domain/validity.ts). */
  validity?: ValidityRule;
}

/**
 * Builds the certification subgraph (loads the configuration, ensures indexes, runs the migrations,
 * carries out outboxes a crash left behind, announces the configured organisations and the state of
 * its certifications to the other domains) and starts its consumers of the membership and indicators
 * events; does not listen.
 */
export async function createServer(deps: SubgraphDeps, options: CertificationOptions = {}): Promise<SubgraphService<Context>> {
  // Loaded before anything else so a bad table fails start-up, not the first request.
  const levels = options.levels ?? defaultLevelTable();
  const organisations = options.organisations ?? defaultVerifierOrganisations();
  const validity = options.validity ?? defaultValidityRule();
  await ensureCertificationIndexes(deps.db);
  await ensureAuditIndexes(deps.db);
  await runMigrations(deps.db, MIGRATIONS);
  // A write acknowledged just before a crash may still hold its audit entries and events (small collections: a scan is fine).
  await flushPendingOutboxes(certifications(deps.db));
  await flushPendingOutboxes(organisationDocs(deps.db));
  const contextDeps: CertificationDeps = { db: deps.db, settings: deps.settings, levels, organisations, validity };
  await announceOrganisations(contextDeps, organisations.list);
  await announceCertifications(contextDeps);
  const followDeps = { ...contextDeps, bus: deps.bus };
  return buildSubgraphService<Context>({
    name: 'certification',
    typeDefs: loadTypeDefs(join(__dirname, 'schema.graphql')),
    resolvers,
    db: deps.db,
    bus: deps.bus,
    createContext: (user, caller, changes) => createContext(contextDeps, changes, user, caller),
    consumers: (logger) => [
      eventConsumer(deps, 'certification', 'membership', membershipHandlers({ ...followDeps, logger }), logger),
      eventConsumer(deps, 'certification', 'indicators', indicatorsHandlers({ ...followDeps, logger }), logger),
    ],
  });
}
