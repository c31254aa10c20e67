import { requireRole } from '../../../lib/auth/guards';
import { withLocks } from '../../../lib/db/locks';
import { changeDocument, loadForChange, writeChange, type ChangeResult } from '../../../lib/db/outbox';
import { codedError, inputError } from '../../../lib/graphql/errors';
import { checkCityId, checkText, checkYear } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import { certificationId, certifications, findCertification, findLatestFlagViews, setLatestFlag, type LatestFlagView } from '../data/certifications';
import type { CertificationLevel, CertificationRecord } from '../data/types';
import { CERTIFICATION_LEVELS, levelRank } from '../domain/levels';
import { canTransition, TRANSITIONS, type CertificationAction } from '../domain/stateMachine';

/**
 * The certification workflow. Every change is ONE audited single-document write (lib/db/outbox.ts):
 * under the certification's lock, read it, decide, write it with its audit entries and the version
 * check; losing a race is a CONFLICT and writes nothing.
 *
 * The lock keys are this subgraph's own (`certification:<cityId>:<year>`, and `registry-latest:<cityId>`
 * for the registry's `latest` flags), kept from before the outbox moved to lib so that replicas of the
 * old and the new version exclude each other during a rolling deploy.
 */
export const certificationLock = (id: string): string => `certification:${id}`;
const latestLock = (cityId: string): string => `registry-latest:${cityId}`;

/** What a certification looks like in the audit trail. */
function snapshot(doc: CertificationRecord | null): Record<string, unknown> | null {
  if (!doc) return null;
  return {
    status: doc.status,
    level: doc.level,
    verifierOrganisationId: doc.verifierOrganisationId ?? null,
    awardedAt: doc.awardedAt ? doc.awardedAt.toISOString() : null,
    rejectionReason: doc.rejectionReason ?? null,
  };
}

type NextCertification = ChangeResult<CertificationRecord>['next'];

/** The stored fields of a certification, without what the write sets itself (version, outbox). */
function fieldsOf(doc: CertificationRecord): NextCertification {
  const { version: _version, outbox: _outbox, ...fields } = doc;
  return fields;
}

/** One change of a certification and its audit entry, in the city and year's trail. */
function changeOf(current: CertificationRecord | null, next: NextCertification, action: string): ChangeResult<CertificationRecord> {
  return {
    next,
    audit: [{ action, subject: 'certification', old: snapshot(current), new: snapshot(next as CertificationRecord) }],
    scope: { cityId: next.cityId, year: next.year },
  };
}

const raced = (cityId: string, year: number) => `The certification of ${cityId} ${year} was changed meanwhile; reload it and try again.`;

function requireExisting(doc: CertificationRecord | null, cityId: string, year: number): CertificationRecord {
  if (!doc) throw codedError('NOT_FOUND', `${cityId} has no certification for ${year}; open one first.`);
  return doc;
}

function requireTransition(action: CertificationAction, doc: CertificationRecord): void {
  if (!canTransition(action, doc.status)) {
    const { from, to } = TRANSITIONS[action];
    throw codedError('CONFLICT', `The certification of ${doc.cityId} ${doc.year} is ${doc.status}; it can become ${to} only from ${from.join(' or ')}.`);
  }
}

/**
 * What a change of this certification changed for the gateways' caches: the certification, its
 * city's certification fields, its audit trail, the registry and lookups; with `mentors`, every
 * certification gap's mentor pool (who may mentor follows from the latest certified levels).
 */
function declareChanged(ctx: Context, doc: CertificationRecord, options: { mentors?: boolean } = {}): void {
  ctx.changes
    .entity('Certification', { id: doc._id })
    .entity('City', { id: doc.cityId })
    .entity('AuditTrail', { cityId: doc.cityId, year: doc.year })
    .lists();
  if (options.mentors) ctx.changes.type('CertificationGap');
}

const CITY_COUNTRY = `query CertificationCity($id: ID!) { city(id: $id) { country } }`;

/** Opens the certification of a city for a data year (ENROLLED); the city's country comes from membership. */
export async function openCertification(args: { cityId: string; year: number }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const cityId = checkCityId(args.cityId);
  const year = checkYear(args.year, ctx.settings);
  const exists = `${cityId} already has a certification for ${year}.`;
  // Checked before asking membership: an existing certification costs no cross-domain call.
  if (await findCertification(ctx.db, cityId, year)) throw codedError('CONFLICT', exists);
  const { city } = await ctx.gateway<{ city: { country: string } | null }>(CITY_COUNTRY, { id: cityId }, ctx.caller);
  if (!city) throw codedError('NOT_FOUND', `There is no city ${JSON.stringify(cityId)}.`);
  const id = certificationId(cityId, year);
  const opened = await changeDocument<CertificationRecord>({
    collection: certifications(ctx.db),
    id,
    locks: [certificationLock(id)],
    actor: staff,
    at: ctx.settings.now(),
    // Opened concurrently: the first under the lock wins, and the unique `_id` of the insert lets
    // exactly one through even without it.
    conflict: exists,
    change(current) {
      if (current) throw codedError('CONFLICT', exists);
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
      };
      return changeOf(null, doc, 'CERTIFICATION_OPENED');
    },
  });
  const doc = requireExisting(opened, cityId, year);
  declareChanged(ctx, doc);
  return doc;
}

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
  const result = await changeDocument<CertificationRecord>({
    collection: certifications(ctx.db),
    id,
    locks: [certificationLock(id)],
    actor: staff,
    at: ctx.settings.now(),
    conflict: raced(args.cityId, year),
    change(current) {
      const doc = requireExisting(current, args.cityId, year);
      requireTransition('assignVerifier', doc);
      if (doc.status === 'UNDER_VERIFICATION' && doc.verifierOrganisationId === org.id) return null; // already so
      changed = true;
      return changeOf(doc, { ...fieldsOf(doc), status: 'UNDER_VERIFICATION', verifierOrganisationId: org.id, verifierOrganisation: org.name }, 'VERIFIER_ASSIGNED');
    },
  });
  const doc = requireExisting(result, args.cityId, year);
  if (changed) declareChanged(ctx, doc);
  else ctx.changes.unchanged();
  return doc;
}

const COVERAGE = `query CertificationCoverage($id: ID!, $year: Int!) {
  city(id: $id) { indicatorCoverage(year: $year) { coreVerified supportingVerified earnedLevel } }
}`;

interface CoverageAnswer {
  city: { indicatorCoverage: { coreVerified: number; supportingVerified: number; earnedLevel: CertificationLevel | null } } | null;
}

/**
 * The registry shows each city's latest CERTIFIED data year (the `latest` flag; FerretDB has no
 * $first): which of the city's certifications carry it once `awarded` is certified.
 */
function latestFlags(others: readonly LatestFlagView[], awarded: { _id: string; year: number }): Map<string, boolean> {
  const certified = [...others.filter((c) => c.status === 'CERTIFIED'), awarded];
  const newest = certified.reduce((a, b) => (b.year > a.year ? b : a));
  return new Map([...others, awarded].map((c) => [c._id, c._id === newest._id]));
}

/**
 * Awards the level the VERIFIED coverage earns (asked through the gateway), or a lower one; never a
 * higher one, and nothing below the lowest level. The registry then lists the city's latest year.
 */
export async function awardCertification(args: { cityId: string; year: number; level?: CertificationLevel | null }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx.settings);
  if (args.level != null && !CERTIFICATION_LEVELS.includes(args.level)) {
    throw inputError('level', `must be one of ${CERTIFICATION_LEVELS.join(', ')}, got ${JSON.stringify(args.level)}`);
  }
  // Checked before asking the gateway (a certification that cannot be awarded costs no cross-domain call).
  requireTransition('award', requireExisting(await findCertification(ctx.db, args.cityId, year), args.cityId, year));
  const { city } = await ctx.gateway<CoverageAnswer>(COVERAGE, { id: args.cityId, year }, ctx.caller);
  if (!city) throw codedError('NOT_FOUND', `There is no city ${JSON.stringify(args.cityId)}.`);
  const { coreVerified, supportingVerified, earnedLevel } = city.indicatorCoverage;
  if (!earnedLevel) {
    throw codedError('CONFLICT', `${args.cityId} ${year} has ${coreVerified} verified core and ${supportingVerified} verified supporting indicators, which earns no level; it cannot be certified.`);
  }
  const level = args.level ?? earnedLevel;
  if (levelRank(level) > levelRank(earnedLevel)) {
    throw codedError('CONFLICT', `The verified data (${coreVerified} core, ${supportingVerified} supporting) earns ${earnedLevel}; ${level} cannot be awarded.`, { field: 'level' });
  }
  // Verified coverage only grows while UNDER_VERIFICATION (verdicts apply to SUBMITTED values only), so
  // the level read above still holds; the status is checked again under the lock. The city's flag
  // lock keeps two awards of the same city from interleaving their flag updates.
  const id = certificationId(args.cityId, year);
  const awarded = await withLocks(ctx.db, [certificationLock(id), latestLock(args.cityId)], async () => {
    const collection = certifications(ctx.db);
    const current = requireExisting(await loadForChange(collection, id), args.cityId, year);
    requireTransition('award', current);
    const others = (await findLatestFlagViews(ctx.db, args.cityId)).filter((c) => c._id !== id);
    const flags = latestFlags(others, current);
    const now = ctx.settings.now();
    const next = { ...fieldsOf(current), status: 'CERTIFIED' as const, level, levelRank: levelRank(level), awardedAt: now, latest: flags.get(id)! };
    const doc = await writeChange(collection, current, changeOf(current, next, 'CERTIFICATION_AWARDED'), staff, now, raced(args.cityId, year));
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

export async function rejectCertification(args: { cityId: string; year: number; reason: string }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx.settings);
  const reason = checkText(args.reason, 'reason', 1, 2000);
  const id = certificationId(args.cityId, year);
  const result = await changeDocument<CertificationRecord>({
    collection: certifications(ctx.db),
    id,
    locks: [certificationLock(id)],
    actor: staff,
    at: ctx.settings.now(),
    conflict: raced(args.cityId, year),
    change(current) {
      const doc = requireExisting(current, args.cityId, year);
      requireTransition('reject', doc);
      return changeOf(doc, { ...fieldsOf(doc), status: 'REJECTED', rejectionReason: reason }, 'CERTIFICATION_REJECTED');
    },
  });
  const doc = requireExisting(result, args.cityId, year);
  declareChanged(ctx, doc);
  return doc;
}
