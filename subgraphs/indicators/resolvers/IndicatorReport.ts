import type { IndicatorReportDoc, ValueStatus } from '../data/types';
import type { IndicatorReportResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { reportValues, reportWarnings } from '../workflows/values';

const count = (status: ValueStatus) => (report: IndicatorReportDoc) => report.values.filter((v) => v.status === status).length;

export const IndicatorReport = {
  submittedAt: (report) => report.submittedAt ?? null,
  // Counts are public aggregates; the values themselves depend on who asks.
  draftCount: count('DRAFT'),
  submittedCount: count('SUBMITTED'),
  verifiedCount: count('VERIFIED'),
  rejectedCount: count('REJECTED'),
  values: (report, _, ctx) => reportValues(report, ctx),
  warnings: (report, _, ctx) => reportWarnings(report, ctx),
} satisfies Known<IndicatorReportResolvers>;
