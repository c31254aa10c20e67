import { requireRole } from '../../../lib/auth/guards';
import type { AuditChange } from '../../../lib/db/outbox';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';
import { checkListLength, checkNote } from '../domain/inputs';
import { MAX_VALUES_PER_SAVE } from '../domain/rules';
import { auditSnapshot } from '../domain/values';
import { changeReport, declareReportChange } from './reports';
import { requireAssignedVerifier } from './verification';

export type Verdict = 'VERIFIED' | 'REJECTED';

export interface VerifyIndicatorValuesInput {
  cityId: string;
  year: number;
  verdicts: { indicatorId: string; verdict: Verdict; note?: string | null }[];
}

/**
 * Verdicts of the verifier organisation assigned to this city and year, on SUBMITTED values only.
 * Who is assigned, the certification's status and the organisations' declared exclusions are the
 * certification domain's facts, known here from its events (workflows/verification.ts): nobody
 * affiliated with the city verifies it (conflicts of interest), and four-eyes holds per value: a
 * verifier never judges a value it entered itself. Certification learns of the verdicts (and the
 * coverage they change) from the events in the same write.
 */
export async function verifyIndicatorValues(input: VerifyIndicatorValuesInput, ctx: Context): Promise<IndicatorReportDoc> {
  const verifier = requireRole(ctx.user, 'VERIFIER');
  if (!verifier.orgId) throw codedError('FORBIDDEN', 'This verifier token names no verification organisation (orgId).');
  const year = checkYear(input.year, ctx.settings);
  checkListLength(input.verdicts.length, 'verdicts', MAX_VALUES_PER_SAVE);
  const seen = new Set<string>();
  const verdicts = input.verdicts.map((v, i) => {
    const at = `verdicts[${i}]`;
    if (seen.has(v.indicatorId)) throw inputError(`${at}.indicatorId`, `repeats ${v.indicatorId}`);
    seen.add(v.indicatorId);
    const note = checkNote(v.note, `${at}.note`);
    if (v.verdict === 'REJECTED' && !note) throw inputError(`${at}.note`, 'is required for a rejection: tell the city what to correct');
    return { indicatorId: v.indicatorId, verdict: v.verdict, note };
  });

  await requireAssignedVerifier(ctx.db, { ...verifier, orgId: verifier.orgId }, input.cityId, year);

  // Decided under the report's lock, so the state judged is the state written over.
  const target = { cityId: input.cityId, year };
  const { report, changed } = await changeReport(ctx, target, verifier, (current) => {
    const stored = new Map(current?.values.map((v) => [v.indicatorId, v]) ?? []);
    const now = ctx.settings.now();
    const audit: AuditChange[] = [];
    const judged = new Map<string, IndicatorReportValue>();
    const edition = ctx.catalogue.edition(current?.edition) ?? ctx.catalogue.default;
    verdicts.forEach((v, i) => {
      const at = `verdicts[${i}].indicatorId`;
      if (!edition.byId.has(v.indicatorId)) throw inputError(at, `is not an indicator of ${edition.edition}, got ${JSON.stringify(v.indicatorId)}`);
      const old = stored.get(v.indicatorId);
      if (!old) throw codedError('CONFLICT', `"${at}" ${v.indicatorId} has no value of ${input.cityId} for ${year}`, { field: at });
      if (old.status !== 'SUBMITTED')
        throw codedError('CONFLICT', `"${at}" ${v.indicatorId} is ${old.status}; only SUBMITTED values get a verdict`, { field: at });
      if (old.enteredBy === verifier.sub) {
        throw codedError('FORBIDDEN', `"${at}" ${v.indicatorId} was entered by you, so someone else must verify it (four-eyes)`, { field: at });
      }
      const next: IndicatorReportValue = {
        ...old,
        status: v.verdict,
        verifiedBy: verifier.sub,
        verifierOrgId: verifier.orgId,
        verifierNote: v.note,
        verdictAt: now,
      };
      judged.set(v.indicatorId, next);
      audit.push({
        action: v.verdict === 'VERIFIED' ? 'VALUE_VERIFIED' : 'VALUE_REJECTED',
        subject: v.indicatorId,
        old: auditSnapshot(old),
        new: auditSnapshot(next),
      });
    });
    return {
      edition: current!.edition,
      values: current!.values.map((v) => judged.get(v.indicatorId) ?? v),
      audit,
      announce: { verdicts: verdicts.map((v) => ({ indicatorId: v.indicatorId, verdict: v.verdict })) },
    };
  });
  declareReportChange(ctx, target, changed);
  return report!;
}
