import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';
import { canSeeUnpublished } from '../access';
import { compareClauseIds } from '../catalogue';
import type { Context } from '../context';
import { reportId } from '../data/indicatorReports';
import { valuesOf, type ValueView } from '../values';

/** What a city-year with nothing saved looks like (version 0, the edition a first save would use). */
export function emptyReport(cityId: string, year: number, ctx: Context): IndicatorReportDoc {
  return { _id: reportId(cityId, year), cityId, year, edition: ctx.catalogue.defaultEdition, version: 0, values: [], sampleData: false };
}

const count = (status: IndicatorReportValue['status']) => (report: IndicatorReportDoc) => report.values.filter((v) => v.status === status).length;

export const IndicatorReport = {
  submittedAt: (report: IndicatorReportDoc) => report.submittedAt ?? null,
  draftCount: count('DRAFT'),
  submittedCount: count('SUBMITTED'),
  verifiedCount: count('VERIFIED'),
  rejectedCount: count('REJECTED'),
  values(report: IndicatorReportDoc, _: unknown, ctx: Context): ValueView[] {
    const all = valuesOf(report).filter((v) => ctx.catalogue.indicator(v.edition, v.indicatorId));
    const visible = canSeeUnpublished(ctx.user, report.cityId) ? all : all.filter((v) => v.status === 'VERIFIED');
    return visible.sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId));
  },
};
