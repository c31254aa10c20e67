import { requireRole } from '../../../lib/auth/guards';
import type { AuthUser } from '../../../lib/auth/roles';
import { findById } from '../../../lib/db/access';
import { withLocks } from '../../../lib/db/locks';
import { changeDocument, loadForChange, writeChange, type AuditChange, type DerivedWrite, type EventDoc } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';
import { checkCityId, checkInt, checkText } from '../../../lib/graphql/inputs';
import { resolveKeysetPage, toKeysetConnection } from '../../../lib/graphql/keyset';
import type { Connection, PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { citiesCollection } from '../data/cities';
import { duesCollection } from '../data/dues';
import { enrolmentsCollection } from '../data/enrolments';
import { membersCollection } from '../data/members';
import {
  APPLICATION_ORDER,
  applicationsCollection,
  countApplications,
  countAcceptedByRound,
  countRounds,
  findApplicationsPage,
  findRoundsPage,
  findWaitlist,
  ROUND_ORDER,
  roundsCollection,
} from '../data/programme';
import type { ApplicationStatus, EnrolmentDoc, ProgrammeApplicationDoc, ProgrammeRoundDoc } from '../data/types';
import type { ApplyToProgrammeInput, OpenProgrammeRoundInput } from '../generated/resolvers-types';
import { requireMembershipStaff } from '../domain/access';
import { duesId } from '../domain/dues';
import {
  applicationId,
  buildRound,
  checkApplicant,
  checkApplicationInput,
  checkStep,
  checkWindow,
  decideRate,
  enrolmentFor,
  isActiveEnrolment,
  parseApplicationId,
  roundKey,
  todayOf,
} from '../domain/programme';
import { memberLock } from './member-change';

/**
 * The programme round (issue 11): opening a call, applications, CityNet staff's review, and acceptance
 * enrolling the city.
 *
 * Locks: every review step of a round runs under the round's lock (`programme-round:<year>`), taken
 * alone first, so seats are counted and the waiting list promoted by one writer at a time; inside it,
 * the locks of the city concerned (its application, its enrolment, its member). Other workflows take
 * only a city's locks, never the round's, so the order is always round, then city: no deadlock.
 *
 * Acceptance is ONE audited write of the application (lib/db/outbox.ts): its outbox carries the
 * enrolment (a document derived from it), the audit entries and the `programme.application.accepted`
 * event, from which WCCD's certification domain opens the city's first certification. Membership never
 * calls certification (certification asks membership for cities: that would be a cycle).
 */

export const APPLICATION_ACCEPTED = 'programme.application.accepted';
export const APPLICATION_WITHDRAWN = 'programme.application.withdrawn';

const roundLock = (year: number) => `programme-round:${year}`;
const cityLocks = (application: string, cityId: string) => [`programme_applications:${application}`, `enrolment:${cityId}`, memberLock(cityId)];

async function requireRound(ctx: Context, year: number, field: string): Promise<ProgrammeRoundDoc> {
  const round = await findById(roundsCollection(ctx.db), roundKey(year));
  if (!round) throw codedError('NOT_FOUND', `There is no programme round ${year}.`, { field });
  return round;
}

/** `programme.application.accepted`: the city is enrolled; certification opens its first certification for `dataYear`. */
function acceptedEvent(
  app: ProgrammeApplicationDoc,
  round: ProgrammeRoundDoc,
  enrolment: Omit<EnrolmentDoc, 'version' | 'outbox'>,
  version: number,
  at: Date,
): EventDoc {
  return {
    _id: `${APPLICATION_ACCEPTED}:${app._id}:v${version}`,
    type: APPLICATION_ACCEPTED,
    at,
    payload: {
      cityId: app.cityId,
      round: round.year,
      year: round.year,
      dataYear: round.dataYear,
      rate: enrolment.rate!.annualFee,
      currency: enrolment.rate!.currency,
      subsidised: enrolment.rate!.kind === 'SUBSIDISED',
      subsidisedUntil: enrolment.subsidisedUntil,
      enrolledOn: enrolment.enrolledOn,
      applicationId: app._id,
    },
  };
}

/** `programme.application.withdrawn`: an acceptance was withdrawn; the enrolment has ended. */
function withdrawnEvent(app: ProgrammeApplicationDoc, round: ProgrammeRoundDoc, reason: string, version: number, at: Date): EventDoc {
  return {
    _id: `${APPLICATION_WITHDRAWN}:${app._id}:v${version}`,
    type: APPLICATION_WITHDRAWN,
    at,
    payload: { cityId: app.cityId, round: round.year, year: round.year, dataYear: round.dataYear, reason, applicationId: app._id },
  };
}

const step = (app: ProgrammeApplicationDoc, status: ApplicationStatus, by: AuthUser, at: Date, reason: string | null) => [
  ...app.history,
  { at, status, by: by.sub, reason },
];

/** What an application's audit entry records of it (not the whole document: the history grows). */
const auditView = (app: Pick<ProgrammeApplicationDoc, 'status'> & Partial<ProgrammeApplicationDoc>) => ({
  status: app.status,
  ...(app.declineReason ? { declineReason: app.declineReason } : {}),
  ...(app.withdrawalReason ? { withdrawalReason: app.withdrawalReason } : {}),
  ...(app.rate ? { rate: app.rate } : {}),
});

// ---- Opening a round --------------------------------------------------------------------------------

export async function openProgrammeRound(ctx: Context, input: OpenProgrammeRoundInput): Promise<ProgrammeRoundDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const round = buildRound(input, ctx.settings);
  const written = await changeDocument<ProgrammeRoundDoc>({
    collection: roundsCollection(ctx.db),
    id: round._id,
    actor,
    at: ctx.settings.now(),
    locks: [roundLock(round.year)],
    conflict: `The programme round ${round.year} exists already.`,
    change(current) {
      if (current) throw codedError('CONFLICT', `The programme round ${round.year} exists already (one round per year).`, { field: 'input.year' });
      return {
        next: round,
        audit: [{ action: 'programme.roundOpened', subject: `programme-round:${round.year}`, old: null, new: { ...round } }],
        scope: { cityId: null },
      };
    },
  });
  if (!written) throw new Error(`openProgrammeRound: ${round.year} was not written`);
  // Query.programmeRounds and programmeRound(year) answered without it before.
  ctx.changes.lists();
  return written;
}

// ---- Applying ---------------------------------------------------------------------------------------

export async function applyToProgramme(ctx: Context, input: ApplyToProgrammeInput): Promise<ProgrammeApplicationDoc> {
  const cityId = checkCityId(input.cityId, 'input.cityId');
  const officer = requireRole(ctx.user, 'CITY_OFFICER');
  if (officer.cityId !== cityId)
    throw codedError('FORBIDDEN', `A city officer of ${officer.cityId ?? 'no city'} cannot apply for ${cityId}: only the city's own officers may.`, {
      field: 'input.cityId',
    });
  const year = checkInt(input.round, 'input.round', ctx.settings.minDataYear, ctx.settings.maxDataYear + 1);
  const fields = checkApplicationInput(input);
  const now = ctx.settings.now();
  const round = await requireRound(ctx, year, 'input.round');
  checkWindow(round, now);
  const city = await findById(citiesCollection(ctx.db), cityId);
  if (!city) throw codedError('NOT_FOUND', `No city with id ${JSON.stringify(cityId)}.`, { field: 'input.cityId' });
  const id = applicationId(year, cityId);
  const written = await changeDocument<ProgrammeApplicationDoc>({
    collection: applicationsCollection(ctx.db),
    id,
    actor: officer,
    at: now,
    locks: [`programme_applications:${id}`, `enrolment:${cityId}`, memberLock(cityId)],
    conflict: `${city.name} has applied to the ${year} round already.`,
    async change(current) {
      if (current)
        throw codedError(
          'CONFLICT',
          `${city.name} has applied to the ${year} round already (its application is ${current.status}); a city applies once per round.`,
          { field: 'input.round' },
        );
      checkApplicant(city, await findById(membersCollection(ctx.db), cityId));
      const enrolment = await findById(enrolmentsCollection(ctx.db), cityId);
      if (isActiveEnrolment(enrolment)) {
        throw codedError('CONFLICT', `${city.name} is enrolled in the joint programme already (round ${enrolment!.round}); it need not apply again.`, {
          field: 'input.cityId',
        });
      }
      const app: ProgrammeApplicationDoc = {
        _id: id,
        round: year,
        cityId,
        status: 'SUBMITTED',
        submittedAt: now,
        submittedBy: officer.sub,
        ...fields,
        history: [{ at: now, status: 'SUBMITTED', by: officer.sub, reason: null }],
        waitlistedAt: null,
        acceptedAt: null,
        declineReason: null,
        withdrawalReason: null,
        rate: null,
        subsidisedUntil: null,
        sampleData: false,
      };
      return {
        next: app,
        audit: [
          {
            action: 'programme.applicationSubmitted',
            subject: `programme-application:${id}`,
            old: null,
            new: { status: 'SUBMITTED', round: year, readyIndicators: fields.readyIndicatorIds.length },
          },
        ],
        scope: { cityId },
      };
    },
  });
  if (!written) throw new Error(`applyToProgramme: ${id} was not written`);
  // City.programmeApplication, and the round's applications.
  ctx.changes.entity('City', { id: cityId }).lists();
  return written;
}

// ---- Reviewing ----------------------------------------------------------------------------------------

/** The application a review step names, its round, under the round's lock. */
async function underRound<T>(ctx: Context, id: string, section: (year: number, cityId: string) => Promise<T>): Promise<T> {
  const { year, cityId } = parseApplicationId(id);
  return withLocks(ctx.db, [roundLock(year)], () => section(year, cityId));
}

async function loadApplication(ctx: Context, id: string): Promise<ProgrammeApplicationDoc> {
  const app = await loadForChange(applicationsCollection(ctx.db), id);
  if (!app) throw codedError('NOT_FOUND', `No programme application ${JSON.stringify(id)}.`, { field: 'applicationId' });
  return app;
}

const conflictOf = (id: string) => `The application ${id} was changed by someone else meanwhile; try again.`;

export async function shortlistApplication(ctx: Context, args: { applicationId: string }): Promise<ProgrammeApplicationDoc> {
  const actor = requireMembershipStaff(ctx.user);
  return underRound(ctx, args.applicationId, async (_year, cityId) =>
    withLocks(ctx.db, cityLocks(args.applicationId, cityId), async () => {
      const app = await loadApplication(ctx, args.applicationId);
      if (app.status === 'SHORTLISTED') {
        ctx.changes.unchanged();
        return app;
      }
      checkStep(app, 'SHORTLISTED');
      const at = ctx.settings.now();
      const next: ProgrammeApplicationDoc = { ...app, status: 'SHORTLISTED', history: step(app, 'SHORTLISTED', actor, at, null) };
      const written = await writeChange(
        applicationsCollection(ctx.db),
        app,
        {
          next,
          audit: [{ action: 'programme.applicationShortlisted', subject: `programme-application:${app._id}`, old: auditView(app), new: auditView(next) }],
          scope: { cityId },
        },
        actor,
        at,
        conflictOf(app._id),
      );
      ctx.changes.entity('City', { id: cityId }).lists();
      return written;
    }),
  );
}

/**
 * Accepts an application already loaded under the round's and its city's locks: ACCEPTED with its
 * enrolment and event when a seat is free, WAITLISTED otherwise. `reason` is recorded for a promotion.
 */
async function acceptLocked(
  ctx: Context,
  actor: AuthUser,
  round: ProgrammeRoundDoc,
  app: ProgrammeApplicationDoc,
  at: Date,
  reason: string | null,
): Promise<ProgrammeApplicationDoc> {
  const applications = applicationsCollection(ctx.db);
  const taken = (await countAcceptedByRound(ctx.db, [round.year])).get(round.year) ?? 0;
  if (taken >= round.seats) {
    const position = (await findWaitlist(ctx.db, round.year)).filter((w) => w._id !== app._id).length + 1;
    const why = `All ${round.seats} seats of the ${round.year} round are taken: waiting list position ${position}.`;
    const next: ProgrammeApplicationDoc = { ...app, status: 'WAITLISTED', waitlistedAt: at, history: step(app, 'WAITLISTED', actor, at, why) };
    return writeChange(
      applications,
      app,
      {
        next,
        audit: [
          {
            action: 'programme.applicationWaitlisted',
            subject: `programme-application:${app._id}`,
            old: auditView(app),
            new: { ...auditView(next), position },
          },
        ],
        scope: { cityId: app.cityId },
      },
      actor,
      at,
      conflictOf(app._id),
    );
  }
  const city = await findById(citiesCollection(ctx.db), app.cityId);
  const member = await findById(membersCollection(ctx.db), app.cityId);
  if (!city || !member || member.category !== 'FULL' || member.status === 'WITHDRAWN' || member.status === 'PENDING') {
    throw codedError('CONFLICT', `${app.cityId} is no longer a CityNet member: decline or withdraw the application instead.`, {
      field: 'applicationId',
      ineligible: true,
    });
  }
  const current = await findById(enrolmentsCollection(ctx.db), app.cityId);
  if (isActiveEnrolment(current)) {
    throw codedError('CONFLICT', `${city.name} is enrolled already (round ${current!.round}): decline or withdraw the application instead.`, {
      field: 'applicationId',
      ineligible: true,
    });
  }
  const today = todayOf(at);
  const year = Number(today.slice(0, 4));
  const [thisYear, lastYear] = await Promise.all([
    findById(duesCollection(ctx.db), duesId(member._id, year)),
    findById(duesCollection(ctx.db), duesId(member._id, year - 1)),
  ]);
  const decision = decideRate(round, member, city, { thisYear, lastYear }, today);
  const enrolment = enrolmentFor(app, round, decision, today);
  const version = (app.version ?? 0) + 1;
  const next: ProgrammeApplicationDoc = {
    ...app,
    status: 'ACCEPTED',
    acceptedAt: at,
    rate: decision.rate,
    subsidisedUntil: decision.subsidisedUntil,
    history: step(app, 'ACCEPTED', actor, at, reason),
  };
  const audit: AuditChange[] = [
    {
      action: 'programme.applicationAccepted',
      subject: `programme-application:${app._id}`,
      old: auditView(app),
      new: { ...auditView(next), ...(reason ? { reason } : {}) },
    },
    {
      action: 'city.enrolled',
      subject: `enrolment:${app.cityId}`,
      old: current ? { status: current.status ?? 'ACTIVE', round: current.round } : null,
      new: { ...enrolment },
    },
  ];
  const derived: DerivedWrite[] = [{ collection: enrolmentsCollection(ctx.db).collectionName, doc: enrolment }];
  return writeChange(
    applications,
    app,
    { next, audit, derived, events: [acceptedEvent(app, round, enrolment, version, at)], scope: { cityId: app.cityId } },
    actor,
    at,
    conflictOf(app._id),
  );
}

/** Fills free seats from the waiting list, in order (after a withdrawal; also repairs a promotion a crash interrupted). */
async function promoteWaitlisted(ctx: Context, actor: AuthUser, round: ProgrammeRoundDoc, at: Date, freedBy: string): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    const taken = (await countAcceptedByRound(ctx.db, [round.year])).get(round.year) ?? 0;
    if (taken >= round.seats) return promoted;
    const [next] = await findWaitlist(ctx.db, round.year);
    if (!next) return promoted;
    const accepted = await withLocks(ctx.db, cityLocks(next._id, next.cityId), async () => {
      const app = await loadApplication(ctx, next._id);
      if (app.status !== 'WAITLISTED') return null;
      try {
        return await acceptLocked(ctx, actor, round, app, at, `Promoted from the waiting list: a seat was freed (${freedBy}).`);
      } catch (error) {
        // A waitlisted city that cannot be enrolled any more (no longer a member, enrolled otherwise) is passed over.
        if (!(error as { extensions?: { ineligible?: boolean } }).extensions?.ineligible) throw error;
        const reason = (error as Error).message;
        const declined: ProgrammeApplicationDoc = { ...app, status: 'DECLINED', declineReason: reason, history: step(app, 'DECLINED', actor, at, reason) };
        await writeChange(
          applicationsCollection(ctx.db),
          app,
          {
            next: declined,
            audit: [{ action: 'programme.applicationDeclined', subject: `programme-application:${app._id}`, old: auditView(app), new: auditView(declined) }],
            scope: { cityId: app.cityId },
          },
          actor,
          at,
          conflictOf(app._id),
        );
        return null;
      }
    });
    if (accepted) promoted.push(accepted.cityId);
  }
}

export async function acceptApplication(ctx: Context, args: { applicationId: string }): Promise<ProgrammeApplicationDoc> {
  const actor = requireMembershipStaff(ctx.user);
  return underRound(ctx, args.applicationId, async (year, cityId) => {
    const round = await requireRound(ctx, year, 'applicationId');
    const at = ctx.settings.now();
    // A seat freed by a withdrawal whose promotion a crash interrupted goes to the waiting list first.
    const promoted = await promoteWaitlisted(ctx, actor, round, at, 'a promotion left unfinished');
    const written = await withLocks(ctx.db, cityLocks(args.applicationId, cityId), async () => {
      const app = await loadApplication(ctx, args.applicationId);
      if (app.status === 'WAITLISTED') {
        throw codedError('CONFLICT', `The application ${app._id} is WAITLISTED: it is promoted in order when a seat frees.`, { field: 'applicationId' });
      }
      checkStep(app, 'ACCEPTED');
      return acceptLocked(ctx, actor, round, app, at, null);
    });
    // City.programmeApplication and, when accepted, City.programmeEnrolment; the round's seats and lists.
    ctx.changes.entity('City', { id: cityId }).lists();
    for (const id of promoted) ctx.changes.entity('City', { id });
    return written;
  });
}

export async function declineApplication(ctx: Context, args: { applicationId: string; reason: string }): Promise<ProgrammeApplicationDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const reason = checkText(args.reason, 'reason', 3, 1000);
  return underRound(ctx, args.applicationId, async (_year, cityId) =>
    withLocks(ctx.db, cityLocks(args.applicationId, cityId), async () => {
      const app = await loadApplication(ctx, args.applicationId);
      checkStep(app, 'DECLINED', app.status === 'ACCEPTED' ? 'withdraw the acceptance instead' : '');
      const at = ctx.settings.now();
      const next: ProgrammeApplicationDoc = { ...app, status: 'DECLINED', declineReason: reason, history: step(app, 'DECLINED', actor, at, reason) };
      const written = await writeChange(
        applicationsCollection(ctx.db),
        app,
        {
          next,
          audit: [{ action: 'programme.applicationDeclined', subject: `programme-application:${app._id}`, old: auditView(app), new: auditView(next) }],
          scope: { cityId },
        },
        actor,
        at,
        conflictOf(app._id),
      );
      ctx.changes.entity('City', { id: cityId }).lists();
      return written;
    }),
  );
}

/**
 * Withdraws an application (CityNet staff, or the city's own officer), with the reason. An accepted
 * one ends the enrolment (WITHDRAWN, in the same write, with the `programme.application.withdrawn`
 * event) and frees its seat: the first WAITLISTED application is promoted.
 */
export async function withdrawApplication(ctx: Context, args: { applicationId: string; reason: string }): Promise<ProgrammeApplicationDoc> {
  const user = requireRole(ctx.user, 'CITYNET_STAFF', 'CITY_OFFICER');
  const { cityId: appCity } = parseApplicationId(args.applicationId);
  if (!user.roles.includes('CITYNET_STAFF') && user.cityId !== appCity) {
    throw codedError(
      'FORBIDDEN',
      `A city officer of ${user.cityId ?? 'no city'} cannot withdraw ${appCity}'s application: only CityNet staff and the city's own officers may.`,
      { field: 'applicationId' },
    );
  }
  const reason = checkText(args.reason, 'reason', 3, 1000);
  return underRound(ctx, args.applicationId, async (year, cityId) => {
    const round = await requireRound(ctx, year, 'applicationId');
    const at = ctx.settings.now();
    const written = await withLocks(ctx.db, cityLocks(args.applicationId, cityId), async () => {
      const app = await loadApplication(ctx, args.applicationId);
      checkStep(app, 'WITHDRAWN');
      const next: ProgrammeApplicationDoc = { ...app, status: 'WITHDRAWN', withdrawalReason: reason, history: step(app, 'WITHDRAWN', user, at, reason) };
      const audit: AuditChange[] = [
        { action: 'programme.applicationWithdrawn', subject: `programme-application:${app._id}`, old: auditView(app), new: auditView(next) },
      ];
      const derived: DerivedWrite[] = [];
      const events: EventDoc[] = [];
      if (app.status === 'ACCEPTED') {
        const enrolment = await findById(enrolmentsCollection(ctx.db), cityId);
        if (enrolment && enrolment.applicationId === app._id && isActiveEnrolment(enrolment)) {
          const { version: _v, outbox: _o, ...stored } = enrolment;
          const ended = { ...stored, status: 'WITHDRAWN' as const, withdrawnOn: todayOf(at) };
          derived.push({ collection: enrolmentsCollection(ctx.db).collectionName, doc: ended });
          audit.push({
            action: 'city.enrolmentWithdrawn',
            subject: `enrolment:${cityId}`,
            old: { status: 'ACTIVE' },
            new: { status: 'WITHDRAWN', withdrawnOn: ended.withdrawnOn, reason },
          });
        }
        events.push(withdrawnEvent(app, round, reason, (app.version ?? 0) + 1, at));
      }
      return writeChange(applicationsCollection(ctx.db), app, { next, audit, derived, events, scope: { cityId } }, user, at, conflictOf(app._id));
    });
    ctx.changes.entity('City', { id: cityId }).lists();
    // A freed seat goes to the waiting list, in order (the promoted cities' enrolments change too).
    const promoted = await promoteWaitlisted(ctx, user, round, at, `${cityId} withdrew`);
    for (const id of promoted) ctx.changes.entity('City', { id });
    return written;
  });
}

// ---- Reads ----------------------------------------------------------------------------------------------

export async function listRounds(ctx: Context, args: PageArgs): Promise<Connection<ProgrammeRoundDoc>> {
  const page = resolveKeysetPage(ROUND_ORDER, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const [rows, total] = await Promise.all([findRoundsPage(ctx.db, page), countRounds(ctx.db)]);
  return toKeysetConnection(ROUND_ORDER, rows, page, total);
}

export async function findRound(ctx: Context, year: number): Promise<ProgrammeRoundDoc | null> {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  return findById(roundsCollection(ctx.db), roundKey(year));
}

/** A round's applications, in submission order: CityNet staff only. */
export async function roundApplications(
  ctx: Context,
  round: ProgrammeRoundDoc,
  args: PageArgs & { status?: ApplicationStatus | null },
): Promise<Connection<ProgrammeApplicationDoc>> {
  requireMembershipStaff(ctx.user);
  const page = resolveKeysetPage(APPLICATION_ORDER, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const [rows, total] = await Promise.all([findApplicationsPage(ctx.db, round.year, args.status, page), countApplications(ctx.db, round.year, args.status)]);
  return toKeysetConnection(APPLICATION_ORDER, rows, page, total);
}

/** A city's application to a round: CityNet staff and the city's own officers. */
export async function cityApplication(ctx: Context, cityId: string, year: number): Promise<ProgrammeApplicationDoc | null> {
  const user = requireRole(ctx.user, 'CITYNET_STAFF', 'CITY_OFFICER');
  if (!user.roles.includes('CITYNET_STAFF') && user.cityId !== cityId) {
    throw codedError('FORBIDDEN', `Only CityNet staff and ${cityId}'s own officers may see its programme application.`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  return ctx.loaders.applicationById.load(applicationId(year, cityId));
}

/** The position of a WAITLISTED application on its round's waiting list (1 = next). */
export async function waitlistPosition(ctx: Context, app: ProgrammeApplicationDoc): Promise<number | null> {
  if (app.status !== 'WAITLISTED') return null;
  const list = await ctx.loaders.waitlistByRound.load(app.round);
  const index = list.findIndex((w) => w._id === app._id);
  return index < 0 ? null : index + 1;
}

/** Whether the caller may see why a rate was decided: CityNet staff only. */
export const seesRateReason = (ctx: Context): boolean => !!ctx.user?.roles.includes('CITYNET_STAFF');
