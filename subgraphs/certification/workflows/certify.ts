import { requireRole } from '../../../lib/auth/guards';
import type { AuthUser } from '../../../lib/auth/roles';
import { withLocks } from '../../../lib/db/locks';
import { changeDocument, loadForChange, writeChange, type ChangeResult } from '../../../lib/db/outbox';
import type { EventDoc } from '../../../lib/db/outbox';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkCityId, checkText, checkYear } from '../../../lib/graphql/inputs';
import type { CertificationDeps, Context } from '../context';
import { certificationId, certifications, findCertification, findLatestFlagViews, setLatestFlag, type LatestFlagView } from '../data/certifications';
import { findCityCopy, findReportCopy } from '../data/copies';
import type { CertificationLevel, CertificationRecord } from '../data/types';
import { exclusionOf } from '../domain/conflicts';
import { certificationChanged, verifierAssigned } from '../domain/events';
import { CERTIFICATION_LEVELS, earnedLevel, levelRank } from '../domain/levels';
import { AWARDED, canTransition, TRANSITIONS, type CertificationAction } from '../domain/stateMachine';
import { inForceUntil, isPastValidity, shownStatus } from '../domain/validity';

/**
 * The certification workflow. Every change is ONE audited single-document write (lib/db/outbox.ts):
 * under the certification's lock, read it, decide, write it with its audit entries, the version check
 * and its domain events (`certification.changed`, and `verifier.assigned` when the verifier changes);
 * losing a race is a CONFLICT and writes nothing.
 *
 * Certification calls no other domain: the city's country and the verified coverage come from the
 * events of membership and indicators, kept in this database (workflows/follow.ts).
 *
 * The lock keys are this subgraph's own (`certification:<cityId>:<year>`, and `registry-latest:<cityId>`
 * for the registry's `latest` flags), kept from before the outbox moved to lib so that replicas of the
 * old and the new version exclude each other during a rolling deploy.
 */
export const certificationLock = (id: string): string => `certification:${id}`;
const latestLock = (cityId: string): string => `registry-latest:${cityId}`;

/** What a certification looks like in the audit trail (the seeded history writes the same shape). */
export function snapshot(doc: CertificationRecord | null): Record<string, unknown> | null {
  if (!doc) return null;
  return {
    status: doc.status,
    level: doc.level,
    verifierOrganisationId: doc.verifierOrganisationId ?? null,
    awardedAt: doc.awardedAt ? doc.awardedAt.toISOString() : null,
    rejectionReason: doc.rejectionReason ?? null,
    statusReason: doc.statusReason ?? null,
  };
}

export type NextCertification = ChangeResult<CertificationRecord>['next'];

/** The stored fields of a certification, without what the write sets itself (version, outbox). */
export function fieldsOf(doc: CertificationRecord): NextCertification {
  const { version: _version, outbox: _outbox, ...fields } = doc;
  return fields;
}

/**
 * One change of a certification, its audit entry (in the city and year's trail) and its events: every
 * change announces the certification's state, and a change of verifier announces the assignment.
 */
export function changeOf(
  deps: Pick<CertificationDeps, 'validity'>,
  current: CertificationRecord | null,
  next: NextCertification,
  action: string,
  at: Date,
  cause?: Record<string, unknown>,
): ChangeResult<CertificationRecord> {
  const version = (current?.version ?? 0) + 1;
  const doc = next as CertificationRecord;
  const events: EventDoc[] = [certificationChanged(doc, version, at, deps.validity)];
  if ((current?.verifierOrganisationId ?? null) !== (doc.verifierOrganisationId ?? null)) events.push(verifierAssigned(doc, version, at));
  const after = snapshot(doc)!;
  return {
    next,
    audit: [{ action, subject: 'certification', old: snapshot(current), new: cause ? { ...after, ...cause } : after }],
    scope: { cityId: next.cityId, year: next.year },
    events,
  };
}

const raced = (cityId: string, year: number) => `The certification of ${cityId} ${year} was changed meanwhile; reload it and try again.`;

function requireExisting(doc: CertificationRecord | null, cityId: string, year: number): CertificationRecord {
  if (!doc) throw codedError('NOT_FOUND', `${cityId} has no certification for ${year}; open one first.`);
  return doc;
}

function requireTransition(deps: CertificationDeps, action: CertificationAction, doc: CertificationRecord): void {
  const shown = shownStatus(deps.validity, deps.settings.now(), doc);
  if (!canTransition(action, doc.status) || (shown === 'EXPIRED' && action !== 'withdraw')) {
    const { from, to } = TRANSITIONS[action];
    const target = to ? `become ${to}` : `be ${action === 'assignVerifier' ? 'assigned a verifier' : action}`;
    throw codedError(
      'CONFLICT',
      `The certification of ${doc.cityId} ${doc.year} is ${shown}; it can ${target} only when ${from.join(' or ')}${shown === 'EXPIRED' ? ' and in force' : ''}.`,
    );
  }
}

/**
 * A certification past its validity period would be EXPIRED at once: it can be neither awarded nor
 * reinstated (CONFLICT naming `year`).
 */
function requireWithinValidity(deps: CertificationDeps, doc: CertificationRecord, what: string): void {
  if (!isPastValidity(deps.validity, deps.settings.now(), doc)) return;
  const until = inForceUntil(deps.validity, doc);
  throw codedError(
    'CONFLICT',
    `"year" ${doc.year} is past the validity period: a certification of data year ${doc.year} is in force only until ${until} (${deps.validity.validYears} years), so it cannot be ${what}; certify a recent data year instead.`,
    { field: 'year' },
  );
}

/**
 * What a change of this certification changed for the gateways' caches: the certification, its
 * city's certification fields, its audit trail, the registry and lookups; with `mentors`, every
 * certification gap's mentor pool (who may mentor follows from the latest certified levels in force).
 */
function declareChanged(ctx: Context, doc: CertificationRecord, options: { mentors?: boolean } = {}): void {
  ctx.changes.entity('Certification', { id: doc._id }).entity('City', { id: doc.cityId }).entity('AuditTrail', { cityId: doc.cityId, year: doc.year }).lists();
  if (options.mentors) ctx.changes.type('CertificationGap');
}

/**
 * Opens the certification of a city for a data year (ENROLLED) as `actor`; the city's country comes
 * from membership's events. Used by WCCD staff (openCertification) and by the programme round (an
 * accepted application opens the city's first certification). Returns null when one already exists
 * and `ifAbsent` is set; otherwise that is a CONFLICT.
 */
export async function openCertificationAs(
  deps: CertificationDeps,
  args: { cityId: string; year: number },
  actor: AuthUser,
  options: { ifAbsent?: boolean; at?: Date; reason?: string; event?: string } = {},
): Promise<CertificationRecord | null> {
  const { cityId, year } = args;
  const exists = `${cityId} already has a certification for ${year}.`;
  if (await findCertification(deps.db, cityId, year)) {
    if (options.ifAbsent) return null;
    throw codedError('CONFLICT', exists);
  }
  const city = await findCityCopy(deps.db, cityId);
  if (!city)
    throw codedError('NOT_FOUND', `There is no city ${JSON.stringify(cityId)} (cities are known to certification once membership has announced them).`);
  const id = certificationId(cityId, year);
  const at = options.at ?? deps.settings.now();
  let created = false;
  const opened = await changeDocument<CertificationRecord>({
    collection: certifications(deps.db),
    id,
    locks: [certificationLock(id)],
    actor,
    at,
    // Opened concurrently: the first under the lock wins, and the unique `_id` of the insert lets
    // exactly one through even without it.
    conflict: exists,
    change(current) {
      if (current) {
        if (options.ifAbsent) return null;
        throw codedError('CONFLICT', exists);
      }
      created = true;
      const doc: NextCertification = {
        _id: id,
        cityId,
        country: city.country,
        year,
        status: 'ENROLLED',
        level: null,
        levelRank: 0,
        verifierOrganisation: null,
        verifierOrganisationId: null,
        awardedAt: null,
        latest: false,
        sampleData: false,
        openedAt: at,
        statusChangedAt: at,
        statusReason: null,
      };
      // Why it was opened (e.g. the programme round's acceptance), in the audit trail.
      const cause = options.reason ? { reason: options.reason, ...(options.event ? { event: options.event } : {}) } : undefined;
      return changeOf(deps, null, doc, 'CERTIFICATION_OPENED', at, cause);
    },
  });
  if (!created) return null;
  // Data submitted or verdicts given before the certification was opened count from the start.
  return (await followWork(deps, cityId, year)) ?? opened;
}

/** Opens the certification of a city for a data year (WCCD_STAFF). NOT_FOUND for an unknown city; CONFLICT when one exists. */
export async function openCertification(args: { cityId: string; year: number }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const cityId = checkCityId(args.cityId);
  const year = checkYear(args.year, ctx.settings);
  const doc = requireExisting(await openCertificationAs(ctx, { cityId, year }, staff), cityId, year);
  declareChanged(ctx, doc);
  return doc;
}

/**
 * Assigns (or re-assigns) the verification organisation; the status stays (the work moves it on).
 * An organisation that declared a conflict of interest with the city or its country is FORBIDDEN.
 */
export async function assignVerifier(args: { cityId: string; year: number; verifierOrganisationId: string }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx.settings);
  const org = ctx.organisations.byId.get(args.verifierOrganisationId);
  if (!org) {
    const known = ctx.organisations.list.map((o) => o.id).join(', ');
    throw inputError('verifierOrganisationId', `must be a verification organisation (${known}), got ${JSON.stringify(args.verifierOrganisationId)}`);
  }
  const id = certificationId(args.cityId, year);
  let changed = false;
  const now = ctx.settings.now();
  const result = await changeDocument<CertificationRecord>({
    collection: certifications(ctx.db),
    id,
    locks: [certificationLock(id)],
    actor: staff,
    at: now,
    conflict: raced(args.cityId, year),
    change(current) {
      const doc = requireExisting(current, args.cityId, year);
      requireTransition(ctx, 'assignVerifier', doc);
      const conflict = exclusionOf(org, { id: doc.cityId, country: doc.country });
      if (conflict) throw codedError('FORBIDDEN', `"verifierOrganisationId" ${conflict}.`, { field: 'verifierOrganisationId' });
      if (doc.verifierOrganisationId === org.id) return null; // already so
      changed = true;
      return changeOf(ctx, doc, { ...fieldsOf(doc), verifierOrganisationId: org.id, verifierOrganisation: org.name }, 'VERIFIER_ASSIGNED', now);
    },
  });
  const doc = requireExisting(result, args.cityId, year);
  if (changed) declareChanged(ctx, doc);
  else ctx.changes.unchanged();
  return doc;
}

/**
 * The registry shows each city's latest awarded data year (the `latest` flag; FerretDB has no $first):
 * which of the city's certifications carry it once `awarded` is certified.
 */
function latestFlags(others: readonly LatestFlagView[], awarded: { _id: string; year: number }): Map<string, boolean> {
  const candidates = [...others.filter((c) => AWARDED.includes(c.status)), awarded];
  const newest = candidates.reduce((a, b) => (b.year > a.year ? b : a));
  return new Map([...others, awarded].map((c) => [c._id, c._id === newest._id]));
}

/**
 * Awards the level the VERIFIED coverage earns (as the indicators events last reported it), or a lower
 * one; never a higher one, nothing below the lowest level, and nothing for a data year already past
 * its validity period. The registry then lists the city's latest year.
 */
export async function awardCertification(
  args: { cityId: string; year: number; level?: CertificationLevel | null },
  ctx: Context,
): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx.settings);
  if (args.level != null && !CERTIFICATION_LEVELS.includes(args.level)) {
    throw inputError('level', `must be one of ${CERTIFICATION_LEVELS.join(', ')}, got ${JSON.stringify(args.level)}`);
  }
  const id = certificationId(args.cityId, year);
  // The city's flag lock keeps two awards of the same city from interleaving their flag updates.
  const awarded = await withLocks(ctx.db, [certificationLock(id), latestLock(args.cityId)], async () => {
    const collection = certifications(ctx.db);
    const current = requireExisting(await loadForChange(collection, id), args.cityId, year);
    requireTransition(ctx, 'award', current);
    requireWithinValidity(ctx, current, 'awarded');
    // Verified coverage only grows while verification goes on (verdicts apply to SUBMITTED values only).
    const coverage = (await findReportCopy(ctx.db, args.cityId, year))?.coverage;
    const coreVerified = coverage?.coreVerified ?? 0;
    const supportingVerified = coverage?.supportingVerified ?? 0;
    const earned = earnedLevel(coreVerified, supportingVerified, ctx.levels);
    if (!earned) {
      throw codedError(
        'CONFLICT',
        `${args.cityId} ${year} has ${coreVerified} verified core and ${supportingVerified} verified supporting indicators, which earns no level; it cannot be certified.`,
      );
    }
    const level = args.level ?? earned;
    if (levelRank(level) > levelRank(earned)) {
      throw codedError(
        'CONFLICT',
        `"level" The verified data (${coreVerified} core, ${supportingVerified} supporting) earns ${earned}; ${level} cannot be awarded.`,
        { field: 'level' },
      );
    }
    const others = (await findLatestFlagViews(ctx.db, args.cityId)).filter((c) => c._id !== id);
    const flags = latestFlags(others, current);
    const now = ctx.settings.now();
    const next = {
      ...fieldsOf(current),
      status: 'CERTIFIED' as const,
      level,
      levelRank: levelRank(level),
      awardedAt: now,
      statusChangedAt: now,
      latest: flags.get(id)!,
    };
    const doc = await writeChange(
      collection,
      current,
      changeOf(ctx, current, next, 'CERTIFICATION_AWARDED', now, { coverage: { coreVerified, supportingVerified } }),
      staff,
      now,
      raced(args.cityId, year),
    );
    // The other years' flags follow (derived state, not audited). Recomputed from the stored state on
    // every award, so a run interrupted here is repaired by the city's next award.
    for (const other of others) {
      const latest = flags.get(other._id)!;
      if (other.latest !== latest) await setLatestFlag(ctx.db, other._id, latest);
    }
    return doc;
  });
  declareChanged(ctx, awarded, { mentors: true });
  return awarded;
}

/**
 * One change of status by WCCD staff with a reason (reject, suspend, reinstate, withdraw): the
 * transition is checked under the lock, the reason kept on the certification and in the audit trail.
 */
async function changeStatus(
  ctx: Context,
  args: { cityId: string; year: number; reason: string },
  action: 'reject' | 'suspend' | 'reinstate' | 'withdraw',
  auditAction: string,
): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx.settings);
  const reason = checkText(args.reason, 'reason', 1, 2000);
  const id = certificationId(args.cityId, year);
  const now = ctx.settings.now();
  const result = await changeDocument<CertificationRecord>({
    collection: certifications(ctx.db),
    id,
    locks: [certificationLock(id)],
    actor: staff,
    at: now,
    conflict: raced(args.cityId, year),
    change(current) {
      const doc = requireExisting(current, args.cityId, year);
      requireTransition(ctx, action, doc);
      if (action === 'reinstate') requireWithinValidity(ctx, doc, 'reinstated');
      const status = TRANSITIONS[action].to!;
      const reasons = action === 'reject' ? { rejectionReason: reason } : { statusReason: reason };
      return changeOf(ctx, doc, { ...fieldsOf(doc), status, ...reasons, statusChangedAt: now }, auditAction, now);
    },
  });
  const doc = requireExisting(result, args.cityId, year);
  // Only an awarded certification is in the registry and the mentor pools.
  declareChanged(ctx, doc, { mentors: action !== 'reject' });
  return doc;
}

export function rejectCertification(args: { cityId: string; year: number; reason: string }, ctx: Context): Promise<CertificationRecord> {
  return changeStatus(ctx, args, 'reject', 'CERTIFICATION_REJECTED');
}

/** CERTIFIED (in force) -> SUSPENDED: off the registry until reinstated. */
export function suspendCertification(args: { cityId: string; year: number; reason: string }, ctx: Context): Promise<CertificationRecord> {
  return changeStatus(ctx, args, 'suspend', 'CERTIFICATION_SUSPENDED');
}

/** SUSPENDED -> CERTIFIED, while still within its validity period. */
export function reinstateCertification(args: { cityId: string; year: number; reason: string }, ctx: Context): Promise<CertificationRecord> {
  return changeStatus(ctx, args, 'reinstate', 'CERTIFICATION_REINSTATED');
}

/** CERTIFIED, EXPIRED or SUSPENDED -> WITHDRAWN, for good. */
export function withdrawCertification(args: { cityId: string; year: number; reason: string }, ctx: Context): Promise<CertificationRecord> {
  return changeStatus(ctx, args, 'withdraw', 'CERTIFICATION_WITHDRAWN');
}

/** Who moves a certification on because of the work reported in another domain (the audit trail's actor). */
export interface WorkCause {
  actor: AuthUser;
  at: Date;
  /** The event that carried it, kept in the audit entry. */
  event: string;
}

/**
 * Moves a certification on as far as the work reported by the indicators events allows (the report
 * copy, workflows/follow.ts): ENROLLED -> DATA_SUBMITTED once values were submitted, then
 * UNDER_VERIFICATION once a verdict was given; each step one audited write. Changes nothing when the
 * certification is already there (an event delivered twice), or when there is no certification yet
 * (opening it applies what happened before). Returns the certification after the steps (null: none).
 */
export async function followWork(
  deps: CertificationDeps,
  cityId: string,
  year: number,
  causes: { submitted?: WorkCause; verdict?: WorkCause } = {},
): Promise<CertificationRecord | null> {
  const id = certificationId(cityId, year);
  return withLocks(deps.db, [certificationLock(id)], async () => {
    const collection = certifications(deps.db);
    let doc = await loadForChange(collection, id);
    if (!doc) return null;
    const copy = await findReportCopy(deps.db, cityId, year);
    if (!copy) return doc;
    const steps: [CertificationAction, string, { version: number; at: Date } | null, WorkCause | undefined][] = [
      ['dataSubmitted', 'DATA_SUBMITTED', copy.submitted, causes.submitted],
      ['verificationStarted', 'VERIFICATION_STARTED', copy.firstVerdict, causes.verdict],
    ];
    for (const [action, auditAction, happened, cause] of steps) {
      if (!happened || !canTransition(action, doc.status)) continue;
      const at = cause?.at ?? happened.at;
      const actor = cause?.actor ?? { sub: 'events:indicators', roles: [] };
      const next = { ...fieldsOf(doc), status: TRANSITIONS[action].to!, statusChangedAt: at };
      const change = changeOf(deps, doc, next, auditAction, at, { reportVersion: happened.version, ...(cause ? { event: cause.event } : {}) });
      doc = await writeChange(collection, doc, change, actor, at, raced(cityId, year));
    }
    return doc;
  });
}
