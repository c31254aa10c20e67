import { requireOfficerOf } from '../../../lib/auth/guards';
import type { AuthUser } from '../../../lib/auth/roles';
import type { AuditChange } from '../../../lib/db/outbox';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { noteDataYears } from '../data/cityYears';
import { findReport, reportId } from '../data/indicatorReports';
import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';
import { compareClauseIds, type CatalogueEdition } from '../domain/catalogue';
import { checkListLength, checkNote } from '../domain/inputs';
import { isPercentage, MAX_VALUES_PER_SAVE, shareGroups } from '../domain/rules';
import { auditSnapshot, type ReportView } from '../domain/values';
import { changeReport, declareReportChange } from './reports';

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

/** What a city-year with nothing saved looks like (version 0, the edition a first save would use). */
export function emptyReport(cityId: string, year: number, edition: string): IndicatorReportDoc {
  return { _id: reportId(cityId, year), cityId, year, edition, version: 0, values: [], sampleData: false };
}

/**
 * Saves up to 100 values of one city and year as DRAFT, all or nothing: everything is checked
 * against the stored report before the one write. Saving what is already stored changes nothing.
 */
export async function saveIndicatorValues(input: SaveIndicatorValuesInput, ctx: Context): Promise<ReportView> {
  const officer = requireOfficerOf(ctx.user, input.cityId);
  const year = checkYear(input.year, ctx.settings);
  if (input.expectedVersion != null && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0)) {
    throw inputError('expectedVersion', `must be a non-negative integer (0 before the first save), got ${input.expectedVersion}`);
  }
  checkListLength(input.values.length, 'values', MAX_VALUES_PER_SAVE);
  const target = { cityId: input.cityId, year };
  if (!input.dryRun) await noteYearBeforeFirstSave(input, year, officer, ctx);
  const { report, changed } = await changeReport(ctx, target, officer, (current) => decideSave(input, year, officer, current, ctx));
  declareReportChange(ctx, target, changed);
  const result: ReportView = report ?? emptyReport(input.cityId, year, ctx.catalogue.defaultEdition);
  // A dry run writes nothing, but its warnings are about the values as they would be.
  return input.dryRun ? { ...result, preview: previewOf(result, input) } : result;
}

/**
 * The first save of a city's year notes the year before the report is written (data/cityYears.ts keeps
 * a superset of the years with values, for City.latestDataYear), and only once the save is known to be
 * valid, so a refused save leaves the stored data as it was.
 */
async function noteYearBeforeFirstSave(input: SaveIndicatorValuesInput, year: number, officer: AuthUser, ctx: Context): Promise<void> {
  // A first save states version 0 or none; any other is refused as a CONFLICT by the save itself.
  if ((input.expectedVersion ?? 0) !== 0 || (await findReport(ctx.db, reportId(input.cityId, year)))) return;
  decideSave({ ...input, dryRun: true }, year, officer, null, ctx);
  await noteDataYears(ctx.db, input.cityId, [year], ctx.settings.now(), officer);
}

/** The values of a report after a save of `input` (checked already): stored values overlaid by the payload. */
function previewOf(report: IndicatorReportDoc, input: SaveIndicatorValuesInput): IndicatorReportValue[] {
  const byId = new Map(report.values.map((v) => [v.indicatorId, v]));
  for (const v of input.values) {
    const stored = byId.get(v.indicatorId);
    byId.set(v.indicatorId, {
      ...(stored ?? { enteredBy: '', enteredAt: new Date(0) }),
      indicatorId: v.indicatorId,
      value: v.value,
      status: stored?.status ?? 'DRAFT',
    });
  }
  return [...byId.values()];
}

interface Problem {
  code: 'BAD_USER_INPUT' | 'CONFLICT';
  field: string;
  /** What is wrong, without the field (e.g. for a CSV row). */
  problem: string;
  /** The whole message: `"<field>" <problem>`. */
  message: string;
}

function problemAt(code: Problem['code'], field: string, problem: string): Problem {
  return { code, field, problem, message: `"${field}" ${problem}` };
}

function problemOf(error: unknown): Problem {
  const e = error as { message: string; extensions?: { field?: string } };
  const field = e.extensions?.field ?? 'values';
  const prefix = `"${field}" `;
  return { code: 'BAD_USER_INPUT', field, problem: e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message, message: e.message };
}

/**
 * One error for all problems: the first one's message and field, every problem in
 * `extensions.problems`. BAD_USER_INPUT when any entry is malformed, else CONFLICT (frozen values).
 */
function problemsError(problems: Problem[]) {
  const code = problems.some((p) => p.code === 'BAD_USER_INPUT') ? 'BAD_USER_INPUT' : 'CONFLICT';
  const first = problems.find((p) => p.code === code)!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}: see extensions.problems)` : '';
  return codedError(code, first.message + more, { field: first.field, problems });
}

interface Entry {
  index: number;
  indicatorId: string;
  value: number;
  source: string | null;
  note: string | null;
}

/** Checks every entry of the payload against the edition; every problem is collected, none thrown. */
function checkEntries(input: SaveIndicatorValuesInput, edition: CatalogueEdition, problems: Problem[]): Entry[] {
  const seen = new Map<string, number>();
  return input.values.flatMap((entry, i) => {
    const at = `values[${i}]`;
    const before = problems.length;
    const bad = (field: string, problem: string) => problems.push(problemAt('BAD_USER_INPUT', `${at}.${field}`, problem));
    const indicator = edition.byId.get(entry.indicatorId);
    if (!indicator) bad('indicatorId', `is not an indicator of ${edition.edition}, got ${JSON.stringify(entry.indicatorId)}`);
    else if (seen.has(entry.indicatorId)) bad('indicatorId', `repeats ${entry.indicatorId} (also values[${seen.get(entry.indicatorId)}])`);
    else seen.set(entry.indicatorId, i);
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value)) bad('value', `must be a finite number, got ${entry.value}`);
    else if (entry.value < (indicator?.min ?? 0))
      bad(
        'value',
        indicator?.min
          ? `must be at least ${indicator.min} (${indicator.unit}), got ${entry.value}`
          : `must not be negative${indicator ? ` (${indicator.unit})` : ''}, got ${entry.value}`,
      );
    else if (indicator && isPercentage(indicator) && indicator.max !== null && entry.value > indicator.max)
      bad('value', `is a percentage (${indicator.unit}) and must be between ${indicator.min} and ${indicator.max}, got ${entry.value}`);
    let source: string | null = null;
    let note: string | null = null;
    try {
      source = checkNote(entry.source, `${at}.source`);
      note = checkNote(entry.note, `${at}.note`);
    } catch (error) {
      problems.push(problemOf(error));
    }
    return problems.length > before ? [] : [{ index: i, indicatorId: entry.indicatorId, value: entry.value, source, note }];
  });
}

/** The save's decision on the stored report (under its lock): refuse, change nothing (null), or the change. */
function decideSave(input: SaveIndicatorValuesInput, year: number, officer: AuthUser, current: IndicatorReportDoc | null, ctx: Context) {
  const edition = ctx.catalogue.edition(current?.edition) ?? ctx.catalogue.default;

  // Every problem is collected before anything is decided, so a client (or a CSV upload) learns
  // about all of its bad entries at once, not one per attempt.
  const problems: Problem[] = [];
  const payload = checkEntries(input, edition, problems);

  // Shares of one whole: the state after the save (stored values overlaid by the payload) must stay <= 100.
  const merged = new Map<string, number>(current?.values.map((v) => [v.indicatorId, v.value]) ?? []);
  for (const p of payload) merged.set(p.indicatorId, p.value);
  for (const group of shareGroups(edition)) {
    const inPayload = payload.filter((p) => group.includes(p.indicatorId));
    if (!inPayload.length) continue;
    const total = group.reduce((sum, id) => sum + (merged.get(id) ?? 0), 0);
    // Rounding: shares are entered with a few decimals; a sum of 100.0000001 is still 100.
    if (total > 100 + 1e-9) {
      for (const p of inPayload) {
        problems.push(
          problemAt(
            'BAD_USER_INPUT',
            `values[${p.index}].value`,
            `makes indicators ${group.join(', ')}, shares of one whole, add up to ${Math.round(total * 1000) / 1000} % (at most 100)`,
          ),
        );
      }
    }
  }

  // What changes; frozen values (submitted or verified) must not.
  const stored = new Map(current?.values.map((v) => [v.indicatorId, v]) ?? []);
  const now = ctx.settings.now();
  const audit: AuditChange[] = [];
  const replaced = new Map<string, IndicatorReportValue>();
  for (const p of payload) {
    const old = stored.get(p.indicatorId);
    if (old && FROZEN.has(old.status)) {
      if (differs(old, p.value, p.source, p.note))
        problems.push(problemAt('CONFLICT', `values[${p.index}]`, `cannot change ${p.indicatorId}: it is ${old.status}`));
      continue;
    }
    // A REJECTED value saved again (corrected or confirmed) goes back to DRAFT for resubmission.
    if (old && old.status === 'DRAFT' && !differs(old, p.value, p.source, p.note)) continue;
    const next: IndicatorReportValue = {
      indicatorId: p.indicatorId,
      value: p.value,
      status: 'DRAFT',
      source: p.source,
      note: p.note,
      enteredBy: officer.sub,
      enteredAt: now,
    };
    replaced.set(p.indicatorId, next);
    audit.push({ action: old ? 'VALUE_CHANGED' : 'VALUE_ENTERED', subject: p.indicatorId, old: auditSnapshot(old), new: auditSnapshot(next) });
  }
  if (problems.length) throw problemsError(problems);
  if (input.dryRun) return null;

  // Idempotent: the same payload again is not a change (no new version, no audit entry).
  if (replaced.size === 0) return null;

  const expected = input.expectedVersion ?? null;
  if (current ? expected !== current.version : expected !== null && expected !== 0) {
    throw codedError(
      'CONFLICT',
      `"expectedVersion" is ${expected}, not the stored version ${current?.version ?? 0} of ${input.cityId} ${year}; reload and try again.`,
      {
        field: 'expectedVersion',
      },
    );
  }

  const values = (current?.values ?? []).map((v) => replaced.get(v.indicatorId) ?? v);
  for (const [id, v] of replaced) if (!stored.has(id)) values.push(v);
  values.sort((a, b) => compareClauseIds(a.indicatorId, b.indicatorId));
  return { edition: edition.edition, values, audit };
}

/** Submits every DRAFT value of the year for verification (they are frozen from then on). */
export async function submitIndicatorYear(args: { cityId: string; year: number; expectedVersion: number }, ctx: Context): Promise<IndicatorReportDoc> {
  const officer = requireOfficerOf(ctx.user, args.cityId);
  const year = checkYear(args.year, ctx.settings);
  const target = { cityId: args.cityId, year };
  const { report, changed } = await changeReport(ctx, target, officer, (current) => {
    const drafts = current?.values.filter((v) => v.status === 'DRAFT') ?? [];
    if (!current || drafts.length === 0) throw codedError('CONFLICT', `${args.cityId} has no DRAFT values for ${year} to submit.`);
    if (args.expectedVersion !== current.version) {
      throw codedError('CONFLICT', `"expectedVersion" is ${args.expectedVersion}, not the stored version ${current.version}; reload and try again.`, {
        field: 'expectedVersion',
      });
    }
    const audit: AuditChange[] = [];
    const values = current.values.map((v) => {
      if (v.status !== 'DRAFT') return v;
      const next: IndicatorReportValue = { ...v, status: 'SUBMITTED' };
      audit.push({ action: 'VALUE_SUBMITTED', subject: v.indicatorId, old: auditSnapshot(v), new: auditSnapshot(next) });
      return next;
    });
    // Certification learns of it (DATA_SUBMITTED) from the event in the same write.
    return { edition: current.edition, values, submittedAt: ctx.settings.now(), audit, announce: { submitted: drafts.length } };
  });
  declareReportChange(ctx, target, changed);
  return report!;
}
