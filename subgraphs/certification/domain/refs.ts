/**
 * What the resolvers receive as parents (codegen `mappers` in codegen.ts map the GraphQL types to
 * these): the keys of entities owned elsewhere, with the fields the gateway adds for `@requires`.
 * Stored certifications are `CertificationRecord` (data/types.ts).
 */
import type { Connection } from '../../../lib/graphql/pagination';
import type { CertificationLevel, CertificationRecord } from '../data/types';

/** City is owned by membership; here it only carries the certification fields. */
export interface CityRef {
  id: string;
}

/** The gap of a city's data year to a target level (thresholds and mentors here; the rest elsewhere). */
export interface CertificationGapRef {
  cityId: string;
  year: number;
  target: CertificationLevel;
}

/** The indicators subgraph's coverage, with the verified counts `earnedLevel` @requires. */
export interface CoverageRef {
  cityId: string;
  year: number;
  coreVerified?: number;
  supportingVerified?: number;
}

/** One city and data year's audit trail (Query.auditTrail is in the indicators subgraph). */
export interface AuditTrailRef {
  cityId: string;
  year: number;
}

/** One page of the Global Cities Registry. */
export type RegistryPage = Connection<CertificationRecord>;
export type RegistryEdgeView = RegistryPage['edges'][number];
