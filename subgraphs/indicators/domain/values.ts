import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';

/** Who entered the sample values (a subject no real token carries, so four-eyes never blocks a verifier). */
export const SAMPLE_DATA_ENTERED_BY = 'sample-data';

/** One value as the GraphQL `IndicatorValue` resolvers see it: the stored entry plus its report's keys. */
export interface ValueView extends IndicatorReportValue {
  cityId: string;
  year: number;
  edition: string;
  sampleData: boolean;
}

export function valuesOf(report: IndicatorReportDoc | null): ValueView[] {
  if (!report) return [];
  return report.values.map((v) => ({ ...v, cityId: report.cityId, year: report.year, edition: report.edition, sampleData: report.sampleData }));
}

/** What a value looks like in the audit trail (old and new). */
export function auditSnapshot(v: IndicatorReportValue | undefined): Record<string, unknown> | null {
  if (!v) return null;
  const snapshot: Record<string, unknown> = { value: v.value, status: v.status, source: v.source ?? null, note: v.note ?? null };
  if (v.verifierNote != null || v.verifiedBy != null) {
    snapshot.verifiedBy = v.verifiedBy ?? null;
    snapshot.verifierOrgId = v.verifierOrgId ?? null;
    snapshot.verifierNote = v.verifierNote ?? null;
  }
  return snapshot;
}

/**
 * A report as the `IndicatorReport` resolvers see it: as stored, and for a dry run of a save the values
 * as they would be after it (`preview`, never stored), which its warnings are about.
 */
export type ReportView = IndicatorReportDoc & { preview?: IndicatorReportValue[] };

/** A `City` as this subgraph sees it: the key only (membership owns the entity). */
export interface CityRef {
  id: string;
}
