/** What the indicators subgraph stores (database wccd_indicators). */
import type { AuditEntryDoc } from '../../../lib/db/audit-entry';

/** Collection `indicator_values`: one per city, data year and indicator; `_id` = `${cityId}:${year}:${indicatorId}`. */
export interface IndicatorValueDoc {
  _id: string;
  cityId: string;
  year: number;
  edition: string; // e.g. 'ISO 37120:2014'
  indicatorId: string; // e.g. '5.1'
  value: number;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';
  sampleData: boolean;
  updatedAt: Date;
}

/** One value inside an indicator report (see IndicatorReportDoc). */
export interface IndicatorReportValue {
  indicatorId: string; // e.g. '5.1'
  value: number;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';
  /** Where the city took the figure from, and the officer's note. */
  source?: string | null;
  note?: string | null;
  /** `sub` of who entered the value (four-eyes: that subject can never give it a verdict). */
  enteredBy: string;
  enteredAt: Date;
  /** The verdict (VERIFIED/REJECTED): who, for which organisation, why, when. */
  verifiedBy?: string | null;
  verifierOrgId?: string | null;
  verifierNote?: string | null;
  verdictAt?: Date | null;
}

/**
 * Collection `indicator_reports`: one per city and data year; `_id` = `${cityId}:${year}`. All values of
 * the year live in one document (an array, since clause ids contain dots), so a bulk save is one atomic
 * single-document write and `version` gives optimistic concurrency without transactions.
 */
export interface IndicatorReportDoc {
  _id: string;
  cityId: string;
  year: number;
  edition: string; // e.g. 'ISO 37120:2014'
  /** Increases by one with every change (0 = never saved). */
  version: number;
  values: IndicatorReportValue[];
  /** When values were last submitted for verification. */
  submittedAt?: Date | null;
  sampleData: boolean;
  /** Audit entries written atomically with the change they record, until copied to `audit` (an outbox). */
  pendingAudit?: AuditEntryDoc[];
}
