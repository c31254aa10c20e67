/** What the certification subgraph stores (database wccd_certification). */
import type { AuditEntryDoc } from '../../../lib/db/audit-entry';
import type { Outbox } from '../../../lib/db/outbox';

/**
 * What is stored. EXPIRED is never stored: a CERTIFIED certification is shown as EXPIRED once its
 * validity period has passed (domain/validity.ts), computed the same way for fields and filters.
 */
export type CertificationStatus = 'ENROLLED' | 'DATA_SUBMITTED' | 'UNDER_VERIFICATION' | 'CERTIFIED' | 'REJECTED' | 'SUSPENDED' | 'WITHDRAWN';
/** What the API shows: the stored status, or EXPIRED. */
export type ShownStatus = CertificationStatus | 'EXPIRED';
export type CertificationLevel = 'ASPIRATIONAL' | 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

/**
 * Collection `certifications`: one per city and data year; `_id` = `${cityId}:${year}`. This is the
 * dataset's shape (the sample generator writes it); the workflow adds `CertificationRecord`'s fields.
 */
export interface CertificationDoc {
  _id: string;
  cityId: string;
  /** Copy of the city's country (owned by membership), kept so the registry can filter by it. */
  country: string;
  year: number;
  status: CertificationStatus;
  level: CertificationLevel | null;
  /** Rank of the level (PLATINUM 5 … ASPIRATIONAL 1, 0 when none) so the registry can sort by level. */
  levelRank: number;
  verifierOrganisation: string | null;
  awardedAt: Date | null;
  /**
   * True on the awarded certification (CERTIFIED, SUSPENDED or WITHDRAWN) with the highest data year of
   * its city: the registry's default view lists it while it is CERTIFIED and in force.
   */
  latest: boolean;
  sampleData: boolean;
}

/**
 * What is stored: the dataset's shape plus what the workflow keeps. Documents written before the
 * workflow existed may lack these fields (readers treat them as absent).
 */
export interface CertificationRecord extends CertificationDoc {
  /** The assigned organisation's id (configuration, see domain/organisations.ts); `verifierOrganisation` keeps its name. */
  verifierOrganisationId?: string | null;
  rejectionReason?: string | null;
  /** Why the certification was last suspended, reinstated or withdrawn (the rejection keeps `rejectionReason`). */
  statusReason?: string | null;
  /** When the current status was reached (the history of every state is in the audit trail). */
  statusChangedAt?: Date | null;
  /** When it was opened. */
  openedAt?: Date | null;
  /** Grows by one with every change (version-checked writes; orders the audit entries). */
  version?: number;
  /** What a change implies (its audit entries), until carried out (lib/db/outbox.ts). */
  outbox?: Outbox;
}

/**
 * The previous shape (before migration 2026-11-30-certifications-outbox): audit entries waiting to be
 * copied to `audit` were kept in `pendingAudit`. Only the migrations and their test use it.
 */
export interface LegacyCertificationRecord extends Omit<CertificationRecord, 'outbox'> {
  pendingAudit?: AuditEntryDoc[];
}

/**
 * Collection `city_copies`: what certification knows of each city, from membership's `city.admitted`
 * and `city.changed` events (and the sample data at seed time); `_id` = the city id. The registry
 * filters by its country; opening a certification needs the city to be known here.
 */
export interface CityCopyDoc {
  _id: string;
  name: string;
  country: string;
  region: string | null;
  /** The event that last changed it (`seq` in membership's stream; 0 for the seed). */
  sourceSeq: number;
  updatedAt: Date;
}

/**
 * Collection `report_copies`: what certification knows of a city's indicator report for a data year,
 * from the indicators events (`indicators.submitted`, `indicators.verdict`, `coverage.changed`); `_id`
 * = `${cityId}:${year}`. Each part keeps the report version it came from and is replaced only by a
 * newer one, so an event delivered twice or late changes nothing.
 */
export interface ReportCopyDoc {
  _id: string;
  cityId: string;
  year: number;
  /** The last submission of values for verification. */
  submitted: { version: number; at: Date } | null;
  /** The first verdict given (when the verification started), and the report version of the latest one. */
  firstVerdict: { version: number; at: Date } | null;
  lastVerdictVersion: number;
  coverage: {
    version: number;
    coreVerified: number;
    supportingVerified: number;
    coreReported: number;
    supportingReported: number;
  } | null;
  updatedAt: Date;
}

/**
 * Collection `verifier_organisations`: the configured verification organisations as last announced
 * (versioned and audited like any change, with a `verifier.organisation` event), so that the
 * indicators domain learns each one's declared exclusions.
 */
export interface OrganisationDoc {
  _id: string;
  name: string;
  excludedCities: string[];
  excludedCountries: string[];
  version?: number;
  outbox?: Outbox;
}
