import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { AuthUser } from '../../lib/auth/roles';
import type { ChangeSet } from '../../lib/subgraph/changes';
import type { CallerHeaders } from '../../lib/federation/gateway-client';
import type { LevelTable } from './domain/levels';
import type { VerifierOrganisations } from './domain/organisations';
import type { ValidityRule } from './domain/validity';
import { createLoaders, type Loaders } from './loaders';

/**
 * What the certification workflows need besides a request: the database and the configuration. The
 * event consumers (workflows/follow.ts) run the same workflows with these alone.
 */
export interface CertificationDeps {
  /** For workflows and loaders only; resolvers never touch it. */
  db: Db;
  settings: SubgraphSettings;
  /** The level thresholds (configuration, loaded once at start-up). */
  levels: LevelTable;
  /** The verification organisations and their declared exclusions (configuration, loaded once at start-up). */
  organisations: VerifierOrganisations;
  /** How long a certification stays in force (configuration, loaded once at start-up). */
  validity: ValidityRule;
}

/**
 * A request's context. Certification asks no other domain anything while it answers: what it needs of
 * the cities (membership) and of the indicator reports (indicators) reaches it as events, kept in its
 * own database (workflows/follow.ts).
 */
export interface Context extends CertificationDeps {
  /** What this request changed, for the gateways' caches (lib/subgraph/changes.ts). */
  changes: ChangeSet;
  /** The verified caller; null for anonymous requests. */
  user: AuthUser | null;
  /** The caller's token and request id (logs). */
  caller: CallerHeaders;
  /** Fresh per request, so cached documents never outlive the request. */
  loaders: Loaders;
}

export function createContext(deps: CertificationDeps, changes: ChangeSet, user: AuthUser | null = null, caller: CallerHeaders = {}): Context {
  return { changes, user, caller, ...deps, loaders: createLoaders(deps.db, deps.validity, deps.settings) };
}
