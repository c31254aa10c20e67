import type { IndicatorReportDoc, IndicatorReportValue } from '../../../data/sample/types';
import { requireOfficerOf } from '../../../lib/auth/guards';
import type { AuthUser } from '../../../lib/auth/roles';
import { codedError } from '../../../lib/graphql/errors';
import { compareClauseIds } from '../catalogue';
import type { Context } from '../context';
import { auditSnapshot } from '../values';
import { checkListSize, checkText, checkYear, fieldError, MAX_TEXT, MAX_VALUES_PER_SAVE } from './inputs';
import { isPercentage, SHARE_GROUPS } from './rules';
import { auditFor, loadReport, withReportLock, writeReport } from './writeReport';

export interface SaveIndicatorValuesInput {
  cityId: string;
  year: number;
  expectedVersion?: number | null;
  values: { indicatorId: string; value: number; source?: string | null; note?: string | null }[];
}

const FROZEN = new Set<IndicatorReportValue['status']>(['SUBMITTED', 'VERIFIED']);

/** Does the payload say something other than what is stored? */
function differs(stored: IndicatorReportValue, value: number, source: string | null, note: string | null): boolean {
  return stored.value !== value || (stored.source ?? null) !== source || (stored.note ?? null) !== note;
}

/**
 * Saves up to 100 values of one city and year as DRAFT, all or nothing: everything is checked
 * against the stored report before the one write. Saving what is already stored changes nothing.
 */
export async function saveIndicatorValues(input: SaveIndicatorValuesInput, ctx: Context): Promise<IndicatorReportDoc> {
  const officer = requireOfficerOf(ctx.user, input.cityId);
  const year = checkYear(input.year, ctx.settings);
  if (input.expectedVersion != null && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0)) {
    throw fieldError('expectedVersion', `must be a non-negative integer (0 before the first save), got ${input.expectedVersion}`);
  }
  checkListSize(input.values.length, 'values', MAX_VALUES_PER_SAVE);
  return withReportLock(ctx.db, input.cityId, year, () => saveLocked(input, year, officer, ctx));
}

async function saveLocked(input: SaveIndicatorValuesInput, year: number, officer: AuthUser, ctx: Context): Promise<IndicatorReportDoc> {
  const current = await loadReport(ctx.db, input.cityId, year);
  const edition = ctx.catalogue.edition(current?.edition) ?? ctx.catalogue.default;

  // Shape of every entry first (all client errors are found before any state is looked at).
  const seen = new Map<string, number>();
  const payload = input.values.map((entry, i) => {
    const at = `values[${i}]`;
    const indicator = edition.byId.get(entry.indicatorId);
    if (!indicator) throw fieldError(`${at}.indicatorId`, `${JSON.stringify(entry.indicatorId)} is not an indicator of ${edition.edition}`);
    if (seen.has(entry.indicatorId)) {
      throw fieldError(`${at}.indicatorId`, `${entry.indicatorId} appears twice in the payload (also values[${seen.get(entry.indicatorId)}])`);
    }
    seen.set(entry.indicatorId, i);
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value)) throw fieldError(`${at}.value`, `must be a finite number, got ${entry.value}`);
    if (entry.value < 0) throw fieldError(`${at}.value`, `must not be negative (${indicator.unit}), got ${entry.value}`);
    if (isPercentage(indicator) && entry.value > 100) throw fieldError(`${at}.value`, `is a percentage (${indicator.unit}) and must be between 0 and 100, got ${entry.value}`);
    return {
      indicatorId: entry.indicatorId,
      value: entry.value,
      source: checkText(entry.source, `${at}.source`, MAX_TEXT),
      note: checkText(entry.note, `${at}.note`, MAX_TEXT),
    };
  });

  // Shares of one whole: the state after the save (stored values overlaid by the payload) must stay <= 100.
  const merged = new Map<string, number>(current?.values.map((v) => [v.indicatorId, v.value]) ?? []);
  for (const p of payload) merged.set(p.indicatorId, p.value);
  for (const group of SHARE_GROUPS[edition.edition] ?? []) {
    const first = payload.findIndex((p) => group.includes(p.indicatorId));
    if (first < 0) continue;
    const total = group.reduce((sum, id) => sum + (merged.get(id) ?? 0), 0);
    // Rounding: shares are entered with a few decimals; a sum of 100.0000001 is still 100.
    if (total > 100 + 1e-9) {
      throw fieldError(`values[${first}].value`, `indicators ${group.join(', ')} are shares of one whole and would add up to ${Math.round(total * 1000) / 1000} % (at most 100)`);
    }
  }

  // What changes; frozen values (submitted or verified) must not.
  const stored = new Map(current?.values.map((v) => [v.indicatorId, v]) ?? []);
  const now = ctx.settings.now();
  const audit = auditFor(current, input.cityId, year, officer, now);
  const replaced = new Map<string, IndicatorReportValue>();
  payload.forEach((p, i) => {
    const old = stored.get(p.indicatorId);
    if (old && FROZEN.has(old.status)) {
      if (differs(old, p.value, p.source, p.note)) {
        throw codedError('CONFLICT', `values[${i}]: ${p.indicatorId} is ${old.status} and cannot be changed`, { field: `values[${i}]` });
      }
      return;
    }
    // A REJECTED value saved again (corrected or confirmed) goes back to DRAFT for resubmission.
    if (old && old.status === 'DRAFT' && !differs(old, p.value, p.source, p.note)) return;
    const next: IndicatorReportValue = { indicatorId: p.indicatorId, value: p.value, status: 'DRAFT', source: p.source, note: p.note, enteredBy: officer.sub, enteredAt: now };
    replaced.set(p.indicatorId, next);
    audit.add(old ? 'VALUE_CHANGED' : 'VALUE_ENTERED', p.indicatorId, auditSnapshot(old), auditSnapshot(next));
  });

  // Idempotent: the same payload again is not a change (no new version, no audit entry).
  if (replaced.size === 0) return current!;

  const expected = input.expectedVersion ?? null;
  if (current ? expected !== current.version : expected !== null && expected !== 0) {
    throw codedError('CONFLICT', `expectedVersion ${expected} is not the stored version ${current?.version ?? 0} of ${input.cityId} ${year}; reload and try again.`, {
      field: 'expectedVersion',
    });
  }

  const values = (current?.values ?? []).map((v) => replaced.get(v.indicatorId) ?? v);
  for (const [id, v] of replaced) if (!stored.has(id)) values.push(v);
  values.sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId));
  return writeReport(ctx.db, current, { cityId: input.cityId, year, edition: edition.edition }, { values }, audit);
}

/** Submits every DRAFT value of the year for verification (they are frozen from then on). */
export async function submitIndicatorYear(args: { cityId: string; year: number; expectedVersion: number }, ctx: Context): Promise<IndicatorReportDoc> {
  const officer = requireOfficerOf(ctx.user, args.cityId);
  const year = checkYear(args.year, ctx.settings);
  return withReportLock(ctx.db, args.cityId, year, () => submitLocked(args, year, officer, ctx));
}

async function submitLocked(args: { cityId: string; expectedVersion: number }, year: number, officer: AuthUser, ctx: Context): Promise<IndicatorReportDoc> {
  const current = await loadReport(ctx.db, args.cityId, year);
  const drafts = current?.values.filter((v) => v.status === 'DRAFT') ?? [];
  if (!current || drafts.length === 0) throw codedError('CONFLICT', `${args.cityId} has no DRAFT values for ${year} to submit.`);
  if (args.expectedVersion !== current.version) {
    throw codedError('CONFLICT', `expectedVersion ${args.expectedVersion} is not the stored version ${current.version}; reload and try again.`, { field: 'expectedVersion' });
  }
  const now = ctx.settings.now();
  const audit = auditFor(current, args.cityId, year, officer, now);
  const values = current.values.map((v) => {
    if (v.status !== 'DRAFT') return v;
    const next: IndicatorReportValue = { ...v, status: 'SUBMITTED' };
    audit.add('VALUE_SUBMITTED', v.indicatorId, auditSnapshot(v), auditSnapshot(next));
    return next;
  });
  return writeReport(ctx.db, current, current, { values, submittedAt: now }, audit);
}
