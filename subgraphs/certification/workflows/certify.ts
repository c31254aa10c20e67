import { MongoServerError } from 'mongodb';
import { AuditBatch, flushOutbox, versionFilter } from '../../../lib/audit/audit';
import { requireRole } from '../../../lib/auth/guards';
import type { AuthUser } from '../../../lib/auth/roles';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { certificationId, certifications, CERTIFICATIONS, findCertification, type CertificationRecord } from '../data/certifications';
import { CERTIFICATION_LEVELS, levelRank, type CertificationLevel } from '../levels';
import { canTransition, TRANSITIONS, type CertificationAction } from './stateMachine';

/** BAD_USER_INPUT naming the input path in `extensions.field`. */
function fieldError(field: string, message: string) {
  return codedError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

function checkYear(year: number, ctx: Context): number {
  const { minDataYear, maxDataYear } = ctx.settings;
  if (!Number.isInteger(year) || year < minDataYear || year > maxDataYear) {
    throw fieldError('year', `must be a data year between ${minDataYear} and ${maxDataYear}, got ${year}`);
  }
  return year;
}

function checkCityId(cityId: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(cityId)) throw fieldError('cityId', `must be a city id (a slug like kuala-lumpur), got ${JSON.stringify(cityId)}`);
  return cityId;
}

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

function auditFor(doc: { cityId: string; year: number; version?: number }, actor: AuthUser, at: Date): AuditBatch {
  return new AuditBatch({ docId: certificationId(doc.cityId, doc.year), cityId: doc.cityId, year: doc.year, version: (doc.version ?? 0) + 1 }, actor, at);
}

/**
 * Every write of a certification happens under its lock: FerretDB 1.24 runs a conditional update as
 * "read, filter, write the whole document back" with no compare-and-swap, so conditions alone would
 * not stop two concurrent transitions (see lib/db/locks.ts). The conditions stay as a second defence.
 */
export function withCertificationLock<T>(ctx: Context, cityId: string, year: number, section: () => Promise<T>): Promise<T> {
  return withLocks(ctx.db, [`certification:${certificationId(cityId, year)}`], section);
}

/** The certification (NOT_FOUND when none); under its lock, a left-over outbox is copied first. */
async function existing(ctx: Context, cityId: string, year: number, locked = true): Promise<CertificationRecord> {
  const doc = await findCertification(ctx.db, cityId, year);
  if (!doc) throw codedError('NOT_FOUND', `${cityId} has no certification for ${year}; open one first.`);
  // An outbox left over by an interrupted copy is copied before anything else happens.
  if (locked && doc.pendingAudit?.length) await flushOutbox(ctx.db, CERTIFICATIONS, doc);
  return doc;
}

function requireTransition(action: CertificationAction, doc: CertificationRecord): void {
  if (!canTransition(action, doc.status)) {
    const { from, to } = TRANSITIONS[action];
    throw codedError('CONFLICT', `The certification of ${doc.cityId} ${doc.year} is ${doc.status}; it can become ${to} only from ${from.join(' or ')}.`);
  }
}

/**
 * One status change as ONE conditional single-document update (still in the status and version it was
 * read in), with its audit entry in the outbox; losing a race is a CONFLICT and writes nothing.
 */
async function transition(ctx: Context, doc: CertificationRecord, set: Partial<CertificationRecord>, action: string, actor: AuthUser): Promise<CertificationRecord> {
  const now = ctx.settings.now();
  const audit = auditFor(doc, actor, now);
  audit.add(action, 'certification', snapshot(doc), snapshot({ ...doc, ...set }));
  const written = await certifications(ctx.db).findOneAndUpdate(
    { _id: { $eq: doc._id }, status: { $eq: doc.status }, ...versionFilter(doc.version) },
    { $set: { ...set, version: (doc.version ?? 0) + 1, pendingAudit: [...(doc.pendingAudit ?? []), ...audit.entries] } },
    { returnDocument: 'after' },
  );
  if (!written) throw codedError('CONFLICT', `The certification of ${doc.cityId} ${doc.year} was changed meanwhile; reload it and try again.`);
  await flushOutbox(ctx.db, CERTIFICATIONS, written);
  return written;
}

const CITY_COUNTRY = `query CertificationCity($id: ID!) { city(id: $id) { country } }`;

/** Opens the certification of a city for a data year (ENROLLED); the city's country comes from membership. */
export async function openCertification(args: { cityId: string; year: number }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const cityId = checkCityId(args.cityId);
  const year = checkYear(args.year, ctx);
  if (await findCertification(ctx.db, cityId, year)) throw codedError('CONFLICT', `${cityId} already has a certification for ${year}.`);
  const { city } = await ctx.gateway<{ city: { country: string } | null }>(CITY_COUNTRY, { id: cityId }, ctx.caller);
  if (!city) throw codedError('NOT_FOUND', `There is no city ${JSON.stringify(cityId)}.`);
  const audit = auditFor({ cityId, year }, staff, ctx.settings.now());
  const doc: CertificationRecord = {
    _id: certificationId(cityId, year),
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
    version: 1,
  };
  audit.add('CERTIFICATION_OPENED', 'certification', null, snapshot(doc));
  return withCertificationLock(ctx, cityId, year, async () => {
    try {
      await certifications(ctx.db).insertOne({ ...doc, pendingAudit: audit.entries });
    } catch (error) {
      // Opened concurrently: the unique _id lets exactly one through.
      if (error instanceof MongoServerError && error.code === 11000) throw codedError('CONFLICT', `${cityId} already has a certification for ${year}.`);
      throw error;
    }
    await flushOutbox(ctx.db, CERTIFICATIONS, { ...doc, pendingAudit: audit.entries });
    return doc;
  });
}

export async function assignVerifier(args: { cityId: string; year: number; verifierOrganisationId: string }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx);
  const org = ctx.organisations.byId.get(args.verifierOrganisationId);
  if (!org) {
    throw fieldError('verifierOrganisationId', `${JSON.stringify(args.verifierOrganisationId)} is not a verification organisation; known: ${ctx.organisations.list.map((o) => o.id).join(', ')}`);
  }
  return withCertificationLock(ctx, args.cityId, year, async () => {
    const doc = await existing(ctx, args.cityId, year);
    requireTransition('assignVerifier', doc);
    if (doc.status === 'UNDER_VERIFICATION' && doc.verifierOrganisationId === org.id) return doc; // already so: nothing changes
    return transition(ctx, doc, { status: 'UNDER_VERIFICATION', verifierOrganisationId: org.id, verifierOrganisation: org.name }, 'VERIFIER_ASSIGNED', staff);
  });
}

const COVERAGE = `query CertificationCoverage($id: ID!, $year: Int!) {
  city(id: $id) { indicatorCoverage(year: $year) { coreVerified supportingVerified earnedLevel } }
}`;

interface CoverageAnswer {
  city: { indicatorCoverage: { coreVerified: number; supportingVerified: number; earnedLevel: CertificationLevel | null } } | null;
}

/**
 * Awards the level the VERIFIED coverage earns (asked through the gateway), or a lower one; never a
 * higher one, and nothing below the lowest level. The registry then lists the city's latest year.
 */
export async function awardCertification(args: { cityId: string; year: number; level?: CertificationLevel | null }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx);
  if (args.level != null && !CERTIFICATION_LEVELS.includes(args.level)) throw fieldError('level', `unknown level ${JSON.stringify(args.level)}`);
  // Checked before asking the gateway (a certification that cannot be awarded costs no cross-domain call).
  requireTransition('award', await existing(ctx, args.cityId, year, false));
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
  // the level read above still holds; the status is checked again under the lock.
  const awarded = await withCertificationLock(ctx, args.cityId, year, async () => {
    const doc = await existing(ctx, args.cityId, year);
    requireTransition('award', doc);
    return transition(ctx, doc, { status: 'CERTIFIED', level, levelRank: levelRank(level), awardedAt: ctx.settings.now() }, 'CERTIFICATION_AWARDED', staff);
  });
  // One city's flags at a time, so two awards of the same city cannot interleave their flag updates.
  const latest = await withLocks(ctx.db, [`registry-latest:${args.cityId}`], () => refreshLatest(ctx, args.cityId, awarded._id));
  return { ...awarded, latest };
}

/**
 * The registry shows each city's latest CERTIFIED data year (the `latest` flag; FerretDB has no $first):
 * set it on the highest certified year, then clear it elsewhere. Recomputed from the stored state, so
 * a run interrupted between the two writes is repaired by the next award. Returns whether `id` is latest.
 */
async function refreshLatest(ctx: Context, cityId: string, id: string): Promise<boolean> {
  const certified = await certifications(ctx.db)
    .find({ cityId: { $eq: cityId }, status: { $eq: 'CERTIFIED' } }, { projection: { _id: 1, year: 1, latest: 1 } })
    .toArray();
  const newest = certified.reduce((a, b) => (b.year > a.year ? b : a));
  if (!newest.latest) await certifications(ctx.db).updateOne({ _id: { $eq: newest._id } }, { $set: { latest: true } });
  const stale = certified.filter((c) => c.latest && c._id !== newest._id).map((c) => c._id);
  if (stale.length > 0) await certifications(ctx.db).updateMany({ _id: { $in: stale } }, { $set: { latest: false } });
  return newest._id === id;
}

export async function rejectCertification(args: { cityId: string; year: number; reason: string }, ctx: Context): Promise<CertificationRecord> {
  const staff = requireRole(ctx.user, 'WCCD_STAFF');
  const year = checkYear(args.year, ctx);
  const reason = args.reason.trim();
  if (reason.length === 0 || reason.length > 2000) throw fieldError('reason', `must be 1 to 2000 characters, got ${reason.length}`);
  return withCertificationLock(ctx, args.cityId, year, async () => {
    const doc = await existing(ctx, args.cityId, year);
    requireTransition('reject', doc);
    return transition(ctx, doc, { status: 'REJECTED', rejectionReason: reason }, 'CERTIFICATION_REJECTED', staff);
  });
}
