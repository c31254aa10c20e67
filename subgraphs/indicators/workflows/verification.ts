import type { Logger } from 'pino';
import type { AuthUser } from '../../../lib/auth/roles';
import { hasRole } from '../../../lib/auth/roles';
import { appendToStream, type DeliveredEvent, type EventHandler } from '../../../lib/db/events';
import type { EventDoc } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';
import type { Db } from 'mongodb';
import { ONE_BATCH } from '../../../lib/db/access';
import { indicatorCoverage } from '../data/indicatorCoverage';
import type { IndicatorCoverageDoc } from '../data/types';
import { assignmentCopies, findAssignment, findOrganisationCopy, organisationCopies, type AssignmentCopyDoc } from '../data/verification';

/**
 * The indicators domain's side of the events between subgraphs (lib/db/events.ts, contract in
 * tmp/events.md):
 *
 * - it produces, in the outbox of the report's one audited write (workflows/reports.ts),
 *   `indicators.submitted` (values submitted for verification), `indicators.verdict` (verdicts given)
 *   and `coverage.changed` (the verified and reported counts changed), each `_id`'d by the report's
 *   version;
 * - it consumes certification's `verifier.assigned`, `certification.changed` and
 *   `verifier.organisation` into its own copies (data/verification.ts), which decide who may give
 *   verdicts: it never asks certification while answering.
 */
export const INDICATORS_SUBMITTED = 'indicators.submitted';
export const INDICATORS_VERDICT = 'indicators.verdict';
export const COVERAGE_CHANGED = 'coverage.changed';
const VERIFIER_ASSIGNED = 'verifier.assigned';
const CERTIFICATION_CHANGED = 'certification.changed';
const VERIFIER_ORGANISATION = 'verifier.organisation';

/** Who acted, as the events carry it (consumers put it in their own audit trails). */
export function byOf(actor: AuthUser): { sub: string; roles: string[] } {
  return { sub: actor.sub, roles: [...actor.roles] };
}

type Counts = Pick<IndicatorCoverageDoc, 'coreVerified' | 'supportingVerified' | 'coreReported' | 'supportingReported'>;

export function countsOf(summary: Counts): Counts {
  return {
    coreVerified: summary.coreVerified,
    supportingVerified: summary.supportingVerified,
    coreReported: summary.coreReported,
    supportingReported: summary.supportingReported,
  };
}

export function sameCounts(a: Counts | null, b: Counts): boolean {
  return (
    !!a &&
    a.coreVerified === b.coreVerified &&
    a.supportingVerified === b.supportingVerified &&
    a.coreReported === b.coreReported &&
    a.supportingReported === b.supportingReported
  );
}

export function coverageChanged(target: { cityId: string; year: number }, version: number, counts: Counts, at: Date): EventDoc {
  return {
    _id: `${COVERAGE_CHANGED}:${target.cityId}:${target.year}:v${version}`,
    type: COVERAGE_CHANGED,
    at,
    payload: { cityId: target.cityId, year: target.year, version, ...countsOf(counts) },
  };
}

export function indicatorsSubmitted(target: { cityId: string; year: number }, version: number, submittedAt: Date, by: AuthUser, count: number): EventDoc {
  return {
    _id: `${INDICATORS_SUBMITTED}:${target.cityId}:${target.year}:v${version}`,
    type: INDICATORS_SUBMITTED,
    at: submittedAt,
    payload: { cityId: target.cityId, year: target.year, version, submittedAt: submittedAt.toISOString(), submitted: count, by: byOf(by) },
  };
}

export function indicatorsVerdict(
  target: { cityId: string; year: number },
  version: number,
  at: Date,
  by: AuthUser,
  verdicts: { indicatorId: string; verdict: string }[],
): EventDoc {
  return {
    _id: `${INDICATORS_VERDICT}:${target.cityId}:${target.year}:v${version}`,
    type: INDICATORS_VERDICT,
    at,
    payload: { cityId: target.cityId, year: target.year, version, verdicts, verifierOrganisationId: by.orgId ?? null, by: byOf(by) },
  };
}

/**
 * The coverage of every report announced once (`coverage.changed` at its summary's version), for data
 * written before events existed and for the seed: ids are those the version's write gives, so what was
 * announced already is not announced again. Run at start-up.
 */
export async function announceCoverage(db: Db): Promise<void> {
  const summaries = await indicatorCoverage(db)
    .find(
      {},
      {
        projection: { cityId: 1, year: 1, reportVersion: 1, coreVerified: 1, supportingVerified: 1, coreReported: 1, supportingReported: 1 },
        batchSize: ONE_BATCH,
      },
    )
    .toArray();
  const events = summaries
    .sort((a, b) => a.year - b.year || (a._id < b._id ? -1 : 1))
    .map((s) => coverageChanged(s, s.reportVersion, s, new Date(Date.UTC(s.year + 1, 0, 1))));
  for (let i = 0; i < events.length; i += 200) await appendToStream(db, events.slice(i, i + 200));
}

// ---- Who may give verdicts ------------------------------------------------------------------------

/** Statuses of a certification in which verdicts may be given (the work is under way). */
const OPEN = ['ENROLLED', 'DATA_SUBMITTED', 'UNDER_VERIFICATION'];

/**
 * Whether this verifier may give verdicts on this city and data year, from the certification events
 * kept here: FORBIDDEN (with the reason) for a conflict of interest — a token tied to the city (a
 * VERIFIER with its cityId, or also its CITY_OFFICER), an organisation that declared the city or its
 * country excluded — or when the organisation is not the one assigned; CONFLICT when the certification
 * is no longer in progress. Four-eyes (never one's own values) is checked per value, under the lock.
 */
export async function requireAssignedVerifier(db: Db, verifier: AuthUser & { orgId: string }, cityId: string, year: number): Promise<AssignmentCopyDoc> {
  // The token's one city claim ties it to that city, as a VERIFIER or as its CITY_OFFICER.
  if (verifier.cityId === cityId) {
    const tie = hasRole(verifier, 'CITY_OFFICER') ? `is also a CITY_OFFICER of ${cityId}` : `is tied to ${cityId} (its cityId)`;
    throw codedError('FORBIDDEN', `This verifier token ${tie}: nobody may verify a city they are affiliated with (conflict of interest).`);
  }
  const assignment = await findAssignment(db, cityId, year);
  if (!assignment || assignment.verifierOrganisationId !== verifier.orgId) {
    throw codedError('FORBIDDEN', `Verifier organisation ${verifier.orgId} is not assigned to verify ${cityId} ${year}.`);
  }
  const org = await findOrganisationCopy(db, verifier.orgId);
  if (org?.excludedCities.includes(cityId)) {
    throw codedError('FORBIDDEN', `${org.name} (${org._id}) declared a conflict of interest with ${cityId} (an excluded city), so it may not verify it.`);
  }
  if (org && assignment.country && org.excludedCountries.includes(assignment.country)) {
    throw codedError(
      'FORBIDDEN',
      `${org.name} (${org._id}) declared a conflict of interest with cities in ${assignment.country} (an excluded country), so it may not verify ${cityId}.`,
    );
  }
  if (assignment.status && !OPEN.includes(assignment.status)) {
    throw codedError('CONFLICT', `The certification of ${cityId} ${year} is ${assignment.status}; verdicts are given only while it is ${OPEN.join(', ')}.`);
  }
  return assignment;
}

// ---- Consuming certification's events -------------------------------------------------------------

type Payload = Record<string, unknown>;
const str = (p: Payload, key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);
const int = (p: Payload, key: string): number | null => (Number.isInteger(p[key]) ? (p[key] as number) : null);

/** The certification version an event came from (its `_id` ends with `:v<version>`). */
function versionOf(event: DeliveredEvent): number {
  const match = /:v(\d+)$/.exec(event._id);
  return match ? Number(match[1]) : 0;
}

function emptyAssignment(cityId: string, year: number): AssignmentCopyDoc {
  return {
    _id: `${cityId}:${year}`,
    cityId,
    year,
    verifierOrganisationId: null,
    country: null,
    assignmentVersion: -1,
    status: null,
    statusVersion: -1,
    updatedAt: new Date(0),
  };
}

/**
 * Handlers of certification's events. Each replaces a part of a copy only with a newer certification
 * version, so one delivered twice or out of turn changes nothing. Applied one at a time per producer
 * (the consumer's lock), so read-then-replace is safe.
 */
export function certificationHandlers(db: Db, now: () => Date, logger?: Logger): Record<string, EventHandler> {
  const updateAssignment = async (event: DeliveredEvent, update: (copy: AssignmentCopyDoc, version: number) => boolean) => {
    const cityId = str(event.payload, 'cityId');
    const year = int(event.payload, 'year');
    if (!cityId || year === null) {
      logger?.error({ event: event._id }, 'a certification event without cityId and year: passed over');
      return;
    }
    const copy = (await findAssignment(db, cityId, year)) ?? emptyAssignment(cityId, year);
    if (!update(copy, versionOf(event))) return;
    copy.updatedAt = now();
    await assignmentCopies(db).replaceOne({ _id: copy._id }, copy, { upsert: true });
  };
  return {
    [VERIFIER_ASSIGNED]: (event) =>
      updateAssignment(event, (copy, version) => {
        if (version <= copy.assignmentVersion) return false;
        copy.verifierOrganisationId = str(event.payload, 'verifierOrganisationId');
        copy.country = str(event.payload, 'country') ?? copy.country;
        copy.assignmentVersion = version;
        return true;
      }),
    [CERTIFICATION_CHANGED]: (event) =>
      updateAssignment(event, (copy, version) => {
        if (version <= copy.statusVersion) return false;
        copy.status = str(event.payload, 'status');
        copy.statusVersion = version;
        return true;
      }),
    async [VERIFIER_ORGANISATION](event) {
      const id = str(event.payload, 'organisationId');
      if (!id) return;
      const version = versionOf(event);
      const stored = await findOrganisationCopy(db, id);
      if (stored && stored.version >= version) return;
      const list = (key: string) =>
        Array.isArray(event.payload[key]) ? (event.payload[key] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
      await organisationCopies(db).replaceOne(
        { _id: id },
        {
          name: str(event.payload, 'name') ?? id,
          excludedCities: list('excludedCities'),
          excludedCountries: list('excludedCountries'),
          version,
          updatedAt: now(),
        },
        { upsert: true },
      );
    },
  };
}
