import type { EventDoc } from '../../../lib/db/outbox';
import type { CertificationRecord } from '../data/types';
import type { VerifierOrganisation } from './organisations';
import { inForceUntil, type ValidityRule } from './validity';

/**
 * The domain events this subgraph produces (contract: tmp/events.md, README "Domain events"), each
 * with a deterministic `_id` (the entity and its version), so a write carried out twice is one event.
 */
export const CERTIFICATION_CHANGED = 'certification.changed';
export const VERIFIER_ASSIGNED = 'verifier.assigned';
export const VERIFIER_ORGANISATION = 'verifier.organisation';

/** What it consumes. */
export const CITY_ADMITTED = 'city.admitted';
export const CITY_CHANGED = 'city.changed';
export const PROGRAMME_APPLICATION_ACCEPTED = 'programme.application.accepted';
export const INDICATORS_SUBMITTED = 'indicators.submitted';
export const INDICATORS_VERDICT = 'indicators.verdict';
export const COVERAGE_CHANGED = 'coverage.changed';

type Certification = Pick<CertificationRecord, '_id' | 'cityId' | 'year' | 'status' | 'level' | 'verifierOrganisationId' | 'sampleData' | 'country'>;

/** Every change of a certification's status, level or verifier: `{ cityId, year, status, level, … }`. */
export function certificationChanged(doc: Certification, version: number, at: Date, rule: ValidityRule): EventDoc {
  return {
    _id: `${CERTIFICATION_CHANGED}:${doc._id}:v${version}`,
    type: CERTIFICATION_CHANGED,
    at,
    payload: {
      cityId: doc.cityId,
      year: doc.year,
      // The stored status: EXPIRED is computed by the reader, from `inForceUntil` (the last current year it is listed).
      status: doc.status,
      level: doc.level,
      verifierOrganisationId: doc.verifierOrganisationId ?? null,
      inForceUntil: doc.status === 'CERTIFIED' ? inForceUntil(rule, doc) : null,
    },
  };
}

/** Who verifies a city's data year: `{ cityId, year, verifierOrganisationId, country }`. */
export function verifierAssigned(doc: Certification, version: number, at: Date): EventDoc {
  return {
    _id: `${VERIFIER_ASSIGNED}:${doc._id}:v${version}`,
    type: VERIFIER_ASSIGNED,
    at,
    payload: { cityId: doc.cityId, year: doc.year, verifierOrganisationId: doc.verifierOrganisationId ?? null, country: doc.country },
  };
}

/** A verification organisation as configured: `{ organisationId, name, excludedCities, excludedCountries }`. */
export function verifierOrganisation(org: VerifierOrganisation, version: number, at: Date): EventDoc {
  return {
    _id: `${VERIFIER_ORGANISATION}:${org.id}:v${version}`,
    type: VERIFIER_ORGANISATION,
    at,
    payload: { organisationId: org.id, name: org.name, excludedCities: org.excludedCities, excludedCountries: org.excludedCountries },
  };
}
