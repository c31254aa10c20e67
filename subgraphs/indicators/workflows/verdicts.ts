import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';
import { requireRole } from '../../../lib/auth/guards';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { auditSnapshot } from '../values';
import { checkListSize, checkText, checkYear, fieldError, MAX_TEXT, MAX_VALUES_PER_SAVE } from './inputs';
import { auditFor, loadReport, withReportLock, writeReport } from './writeReport';

export type Verdict = 'VERIFIED' | 'REJECTED';

export interface VerifyIndicatorValuesInput {
  cityId: string;
  year: number;
  verdicts: { indicatorId: string; verdict: Verdict; note?: string | null }[];
}

/** The verification assignment is the certification domain's fact: asked through the gateway. */
const ASSIGNMENT = `query VerificationAssignment($cityId: ID!, $year: Int!) {
  certification(cityId: $cityId, year: $year) { status verifierOrganisationId }
}`;

interface AssignmentAnswer {
  certification: { status: string; verifierOrganisationId: string | null } | null;
}

/**
 * Verdicts of the verifier organisation assigned to this city and year, on SUBMITTED values only.
 * Four-eyes: a verifier never judges a value it entered itself.
 */
export async function verifyIndicatorValues(input: VerifyIndicatorValuesInput, ctx: Context): Promise<IndicatorReportDoc> {
  const verifier = requireRole(ctx.user, 'VERIFIER');
  if (!verifier.orgId) throw codedError('FORBIDDEN', 'This verifier token names no verification organisation (orgId).');
  const year = checkYear(input.year, ctx.settings);
  checkListSize(input.verdicts.length, 'verdicts', MAX_VALUES_PER_SAVE);
  const seen = new Set<string>();
  const verdicts = input.verdicts.map((v, i) => {
    const at = `verdicts[${i}]`;
    if (seen.has(v.indicatorId)) throw fieldError(`${at}.indicatorId`, `${v.indicatorId} appears twice in the payload`);
    seen.add(v.indicatorId);
    const note = checkText(v.note, `${at}.note`, MAX_TEXT);
    if (v.verdict === 'REJECTED' && !note) throw fieldError(`${at}.note`, 'a rejection needs a note telling the city what to correct');
    return { indicatorId: v.indicatorId, verdict: v.verdict, note };
  });

  const { certification } = await ctx.gateway<AssignmentAnswer>(ASSIGNMENT, { cityId: input.cityId, year }, ctx.caller);
  if (!certification || certification.verifierOrganisationId !== verifier.orgId) {
    throw codedError('FORBIDDEN', `Verifier organisation ${verifier.orgId} is not assigned to verify ${input.cityId} ${year}.`);
  }
  if (certification.status !== 'UNDER_VERIFICATION') {
    throw codedError('CONFLICT', `The certification of ${input.cityId} ${year} is ${certification.status}, not UNDER_VERIFICATION.`);
  }

  // Under the report's lock, so the state judged is the state written over.
  return withReportLock(ctx.db, input.cityId, year, async () => {
    const current = await loadReport(ctx.db, input.cityId, year);
    const stored = new Map(current?.values.map((v) => [v.indicatorId, v]) ?? []);
    const now = ctx.settings.now();
    const audit = auditFor(current, input.cityId, year, verifier, now);
    const judged = new Map<string, IndicatorReportValue>();
    const edition = ctx.catalogue.edition(current?.edition) ?? ctx.catalogue.default;
    verdicts.forEach((v, i) => {
      const at = `verdicts[${i}].indicatorId`;
      if (!edition.byId.has(v.indicatorId)) throw fieldError(at, `${JSON.stringify(v.indicatorId)} is not an indicator of ${edition.edition}`);
      const old = stored.get(v.indicatorId);
      if (!old) throw codedError('CONFLICT', `${at}: ${input.cityId} has no value for ${v.indicatorId} in ${year}`, { field: at });
      if (old.status !== 'SUBMITTED') throw codedError('CONFLICT', `${at}: ${v.indicatorId} is ${old.status}; only SUBMITTED values get a verdict`, { field: at });
      if (old.enteredBy === verifier.sub) throw codedError('FORBIDDEN', `${at}: you entered ${v.indicatorId} yourself, so someone else must verify it (four-eyes)`, { field: at });
      const next: IndicatorReportValue = { ...old, status: v.verdict, verifiedBy: verifier.sub, verifierOrgId: verifier.orgId, verifierNote: v.note, verdictAt: now };
      judged.set(v.indicatorId, next);
      audit.add(v.verdict === 'VERIFIED' ? 'VALUE_VERIFIED' : 'VALUE_REJECTED', v.indicatorId, auditSnapshot(old), auditSnapshot(next));
    });
    const values = current!.values.map((v) => judged.get(v.indicatorId) ?? v);
    return writeReport(ctx.db, current, current!, { values }, audit);
  });
}
