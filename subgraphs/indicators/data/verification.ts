import type { Collection, Db } from 'mongodb';
import { findById } from '../../../lib/db/access';

/**
 * What the indicators domain knows of verification, from the certification domain's events
 * (workflows/verification.ts), so that a verdict is checked here without asking certification:
 *
 * - `verification_assignments`: per city and data year, the assigned organisation, the city's country
 *   and the certification's status (`_id` = `${cityId}:${year}`), from `verifier.assigned` and
 *   `certification.changed`; each part replaced only by a newer certification version;
 * - `verifier_organisation_copies`: each organisation's declared exclusions (cities, countries), from
 *   `verifier.organisation`.
 */
export const VERIFICATION_ASSIGNMENTS = 'verification_assignments';
export const VERIFIER_ORGANISATION_COPIES = 'verifier_organisation_copies';

export interface AssignmentCopyDoc {
  _id: string;
  cityId: string;
  year: number;
  verifierOrganisationId: string | null;
  country: string | null;
  /** The certification version the assignment came from. */
  assignmentVersion: number;
  /** The certification's stored status, and the version it came from. */
  status: string | null;
  statusVersion: number;
  updatedAt: Date;
}

export interface OrganisationCopyDoc {
  _id: string;
  name: string;
  excludedCities: string[];
  excludedCountries: string[];
  version: number;
  updatedAt: Date;
}

export function assignmentCopies(db: Db): Collection<AssignmentCopyDoc> {
  return db.collection<AssignmentCopyDoc>(VERIFICATION_ASSIGNMENTS);
}

export function organisationCopies(db: Db): Collection<OrganisationCopyDoc> {
  return db.collection<OrganisationCopyDoc>(VERIFIER_ORGANISATION_COPIES);
}

export function findAssignment(db: Db, cityId: string, year: number): Promise<AssignmentCopyDoc | null> {
  return findById(assignmentCopies(db), `${cityId}:${year}`);
}

export function findOrganisationCopy(db: Db, orgId: string): Promise<OrganisationCopyDoc | null> {
  return findById(organisationCopies(db), orgId);
}
