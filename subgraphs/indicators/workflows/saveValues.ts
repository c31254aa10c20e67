import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';
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
  /** Run every check, write nothing (CSV uploads use it to report all rows before importing any). */
  dryRun?: boolean | null;
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

/** What a report that was never saved looks like (a dry run returns it unchanged). */
function emptyReport(cityId: string, year: number, edition: string): IndicatorReportDoc {
  return { _id: `${cityId}:${year}`, cityId, year, edition, version: 0, values: [], sampleData: false };
}

interface Problem {
  code: 'BAD_USER_INPUT' | 'CONFLICT';
  field: string;
  message: string;
}

function bad(field: string, message: string): Problem {
  return { code: 'BAD_USER_INPUT', field, message: `${field}: ${message}` };
}

function problemOf(error: unknown): Problem {
  const e = error as { message: string; extensions?: { field?: string } };
  return { code: 'BAD_USER_INPUT', field: e.extensions?.field ?? 'values', message: e.message };
}

/**
 * One error for all problems: the first one's message and field (as before), every problem in
 * `extensions.problems`. BAD_USER_INPUT when any entry is malformed, else CONFLICT (frozen values).
 */
function problemsError(problems: Problem[]) {
  const code = problems.some((p) => p.code === 'BAD_USER_INPUT') ? 'BAD_USER_INPUT' : 'CONFLICT';
  const first = problems.find((p) => p.code === code)!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}: see extensions.problems)` : '';
  return codedError(code, first.message + more, { field: first.field, problems });
}

async function saveLocked(input: SaveIndicatorValuesInput, year: number, officer: AuthUser, ctx: Context): Promise<IndicatorReportDoc> {
  const current = await loadReport(ctx.db, input.cityId, year);
  const edition = ctx.catalogue.edition(current?.edition) ?? ctx.catalogue.default;

  // Every problem is collected before anything is decided, so a client (or a CSV upload) learns
  // about all of its bad entries at once, not one per attempt.
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const payload = input.values.flatMap((entry, i) => {
    const at = `values[${i}]`;
    const before = problems.length;
    const indicator = edition.byId.get(entry.indicatorId);
    if (!indicator) problems.push(bad(`${at}.indicatorId`, `${JSON.stringify(entry.indicatorId)} is not an indicator of ${edition.edition}`));
    else if (seen.has(entry.indicatorId)) problems.push(bad(`${at}.indicatorId`, `${entry.indicatorId} appears twice in the payload (also values[${seen.get(entry.indicatorId)}])`));
    else seen.set(entry.indicatorId, i);
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value)) problems.push(bad(`${at}.value`, `must be a finite number, got ${entry.value}`));
    else if (entry.value < 0) problems.push(bad(`${at}.value`, `must not be negative${indicator ? ` (${indicator.unit})` : ''}, got ${entry.value}`));
    else if (indicator && isPercentage(indicator) && entry.value > 100) problems.push(bad(`${at}.value`, `is a percentage (${indicator.unit}) and must be between 0 and 100, got ${entry.value}`));
    let source: string | null = null;
    let note: string | null = null;
    try {
      source = checkText(entry.source, `${at}.source`, MAX_TEXT);
      note = checkText(entry.note, `${at}.note`, MAX_TEXT);
    } catch (error) {
      problems.push(problemOf(error));
    }
    return problems.length > before ? [] : [{ index: i, indicatorId: entry.indicatorId, value: entry.value, source, note }];
  });

  // Shares of one whole: the state after the save (stored values overlaid by the payload) must stay <= 100.
  const merged = new Map<string, number>(current?.values.map((v) => [v.indicatorId, v.value]) ?? []);
  for (const p of payload) merged.set(p.indicatorId, p.value);
  for (const group of SHARE_GROUPS[edition.edition] ?? []) {
    const inPayload = payload.filter((p) => group.includes(p.indicatorId));
    if (!inPayload.length) continue;
    const total = group.reduce((sum, id) => sum + (merged.get(id) ?? 0), 0);
    // Rounding: shares are entered with a few decimals; a sum of 100.0000001 is still 100.
    if (total > 100 + 1e-9) {
      for (const p of inPayload) {
        problems.push(bad(`values[${p.index}].value`, `indicators ${group.join(', ')} are shares of one whole and would add up to ${Math.round(total * 1000) / 1000} % (at most 100)`));
      }
    }
  }

  // What changes; frozen values (submitted or verified) must not.
  const stored = new Map(current?.values.map((v) => [v.indicatorId, v]) ?? []);
  const now = ctx.settings.now();
  const audit = auditFor(current, input.cityId, year, officer, now);
  const replaced = new Map<string, IndicatorReportValue>();
  for (const p of payload) {
    const old = stored.get(p.indicatorId);
    if (old && FROZEN.has(old.status)) {
      if (differs(old, p.value, p.source, p.note)) {
        problems.push({ code: 'CONFLICT', field: `values[${p.index}]`, message: `values[${p.index}]: ${p.indicatorId} is ${old.status} and cannot be changed` });
      }
      continue;
    }
    // A REJECTED value saved again (corrected or confirmed) goes back to DRAFT for resubmission.
    if (old && old.status === 'DRAFT' && !differs(old, p.value, p.source, p.note)) continue;
    const next: IndicatorReportValue = { indicatorId: p.indicatorId, value: p.value, status: 'DRAFT', source: p.source, note: p.note, enteredBy: officer.sub, enteredAt: now };
    replaced.set(p.indicatorId, next);
    audit.add(old ? 'VALUE_CHANGED' : 'VALUE_ENTERED', p.indicatorId, auditSnapshot(old), auditSnapshot(next));
  }
  if (problems.length) throw problemsError(problems);
  if (input.dryRun) return current ?? emptyReport(input.cityId, year, edition.edition);

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
