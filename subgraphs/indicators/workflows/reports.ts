import type { AuthUser } from '../../../lib/auth/roles';
import { changeDocument, type AuditChange, type EventDoc } from '../../../lib/db/outbox';
import type { Context } from '../context';
import { summaryWrite } from '../data/indicatorCoverage';
import { indicatorReports, reportId, reportLockKey } from '../data/indicatorReports';
import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';
import { coverageSummaryOf } from '../domain/coverage';
import { coverageChanged, indicatorsSubmitted, indicatorsVerdict, sameCounts } from './verification';

/** What one change of a report decides: its values (and when they were submitted) and their audit entries. */
export interface ReportChange {
  /** The report's edition (kept from the stored report; a first save takes the default edition). */
  edition: string;
  values: IndicatorReportValue[];
  submittedAt?: Date;
  audit: AuditChange[];
  /** What the other domains learn of the change besides its coverage: values submitted, verdicts given. */
  announce?: { submitted?: number; verdicts?: { indicatorId: string; verdict: string }[] };
}

export interface ReportChangeResult {
  /** The report after the change; the stored one (or null: none) when nothing changed. */
  report: IndicatorReportDoc | null;
  /** Whether anything was written. */
  changed: boolean;
}

/**
 * One audited change of a city's report for a year (lib/db/outbox.ts `changeDocument`): under the
 * report's lock (`report:city:year`, which every write of a report takes), `decide` sees the stored
 * report (null: none yet; any left-over outbox carried out first) and refuses (throws), changes
 * nothing (null) or returns the change. The change is ONE single-document write carrying in its
 * outbox the audit entries, the report's new coverage summary (`indicator_coverage`, replaced by
 * `_id`) and its domain events for the other subgraphs (workflows/verification.ts): `coverage.changed`
 * when the counts moved, `indicators.submitted` and `indicators.verdict` when the change says so. A new
 * report loses a race for its `_id`, an existing one a race for its version: either way a CONFLICT,
 * and nothing is written.
 */
export async function changeReport(
  ctx: Context,
  target: { cityId: string; year: number },
  actor: AuthUser,
  decide: (current: IndicatorReportDoc | null) => ReportChange | null,
): Promise<ReportChangeResult> {
  const id = reportId(target.cityId, target.year);
  let changed = false;
  const report = await changeDocument<IndicatorReportDoc>({
    collection: indicatorReports(ctx.db),
    id,
    actor,
    at: ctx.settings.now(),
    locks: [reportLockKey(id)],
    conflict: `The values of ${target.cityId} for ${target.year} were changed meanwhile; reload them (and their version) and try again.`,
    change(current) {
      const decided = decide(current);
      if (!decided) return null;
      const next: Omit<IndicatorReportDoc, 'version' | 'outbox'> = {
        _id: id,
        cityId: target.cityId,
        year: target.year,
        edition: decided.edition,
        values: decided.values,
        sampleData: current?.sampleData ?? false,
      };
      const submittedAt = decided.submittedAt ?? current?.submittedAt;
      if (submittedAt) next.submittedAt = submittedAt;
      const version = (current?.version ?? 0) + 1;
      const summary = coverageSummaryOf({ ...next, version }, ctx.catalogue);
      changed = true;
      const at = ctx.settings.now();
      const events: EventDoc[] = [];
      if (decided.announce?.submitted) events.push(indicatorsSubmitted(target, version, decided.submittedAt ?? at, actor, decided.announce.submitted));
      if (decided.announce?.verdicts?.length) events.push(indicatorsVerdict(target, version, at, actor, decided.announce.verdicts));
      if (!sameCounts(current ? coverageSummaryOf(current, ctx.catalogue) : null, summary)) events.push(coverageChanged(target, version, summary, at));
      return { next, audit: decided.audit, scope: { cityId: target.cityId, year: target.year }, derived: [summaryWrite(summary)], events };
    },
  });
  return { report, changed };
}

/**
 * Declares what a change of a city's report changed, for the gateways' caches: the city's indicator
 * fields (values, report, coverage), its coverage entity, its audit trail (and the root `auditTrail`
 * answer), and every certification gap (mentor candidates read other cities' coverage). Nothing when
 * nothing was written.
 */
export function declareReportChange(ctx: Context, target: { cityId: string; year: number }, changed: boolean): void {
  if (!changed) {
    ctx.changes.unchanged();
    return;
  }
  ctx.changes
    .entity('City', { id: target.cityId })
    .entity('IndicatorCoverage', { cityId: target.cityId, year: target.year })
    .entity('AuditTrail', { cityId: target.cityId, year: target.year })
    .type('CertificationGap')
    .lists();
}
