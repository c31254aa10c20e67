/** What the indicators subgraph stores (database wccd_indicators). */
import type { Outbox } from '../../../lib/db/outbox';
import type { AuditEntryDoc } from '../../../lib/db/audit-entry';

export type ValueStatus = 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';

/**
 * One value per document: collection `indicator_values`, `_id` = `${cityId}:${year}:${indicatorId}`.
 * The shape of the sample generator, and the shape databases seeded before reports existed still hold
 * (data/migrations.ts turns it into reports).
 */
export interface IndicatorValueDoc {
  _id: string;
  cityId: string;
  year: number;
  edition: string; // e.g. 'ISO 37120:2014'
  indicatorId: string; // e.g. '5.1'
  value: number;
  status: ValueStatus;
  sampleData: boolean;
  updatedAt: Date;
}

/** One value inside an indicator report (see IndicatorReportDoc). */
export interface IndicatorReportValue {
  indicatorId: string; // e.g. '5.1'
  value: number;
  status: ValueStatus;
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
  /**
   * What the change that wrote this version implies, until carried out (lib/db/outbox.ts): its audit
   * entries and the report's coverage summary (`derived`).
   */
  outbox?: Outbox;
  /** The outbox of the code before lib/db/outbox (audit entries only); data/migrations.ts moves it to `outbox.audit`. */
  pendingAudit?: AuditEntryDoc[];
}

/** Counts of one theme (or of a whole report) against its edition's catalogue. */
export interface CoverageCounts {
  coreTotal: number;
  supportingTotal: number;
  /** Indicators with a value in any status. */
  coreReported: number;
  supportingReported: number;
  /** Indicators whose value is VERIFIED. */
  coreVerified: number;
  supportingVerified: number;
}

export interface ThemeCounts extends CoverageCounts {
  theme: string;
}

/** One indicator's state in a coverage summary: no value, a value not (yet) VERIFIED, or VERIFIED. */
export const COVERAGE_STATE = { missing: '-', reported: 'r', verified: 'v' } as const;

/**
 * Collection `indicator_coverage`: the coverage summary of one report, `_id` = `${cityId}:${year}` (the
 * report's `_id`). Small (~400 bytes against ~6 KB for a report), so lists that need only counts never
 * decode reports: the counts, and one character per indicator of the edition in clause order
 * (COVERAGE_STATE), from which the missing and unverified core indicators and the per-theme counts are
 * derived with the catalogue. Derived from the report: written in the report's outbox with every
 * change, replaced by `_id` (so it is never ahead of its report, and a crash between the two is
 * repaired when the report is next read or written); `reportVersion` says which version it summarises.
 */
export interface IndicatorCoverageDoc extends CoverageCounts {
  _id: string;
  cityId: string;
  year: number;
  /** The edition the counts are against (the report's, when loaded). */
  edition: string;
  reportVersion: number;
  /** Each indicator of the edition in clause order: `-` no value, `r` a value not VERIFIED, `v` VERIFIED. */
  states: string;
  /** A short hash of the edition's indicator ids in clause order: which indicators `states` stands for. */
  layout: string;
}
