/** What the certification subgraph stores (database wccd_certification). */
import type { AuditEntryDoc } from '../../../lib/db/audit-entry';
import type { Outbox } from '../../../lib/db/outbox';

export type CertificationStatus = 'ENROLLED' | 'DATA_SUBMITTED' | 'UNDER_VERIFICATION' | 'CERTIFIED' | 'REJECTED';
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
  /** True on the CERTIFIED certification with the highest data year of its city (the registry's default view). */
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
