import type { Logger } from 'pino';
import type { AuthUser, Role } from '../../../lib/auth/roles';
import { ROLES } from '../../../lib/auth/roles';
import type { InvalidationBus } from '../../../lib/cache/bus';
import type { DeliveredEvent, EventHandler } from '../../../lib/db/events';
import { ChangeSet } from '../../../lib/subgraph/changes';
import type { CertificationDeps } from '../context';
import { certifications } from '../data/certifications';
import { cityCopies, findCityCopy, findReportCopy, reportCopies } from '../data/copies';
import type { CertificationRecord, ReportCopyDoc } from '../data/types';
import { CITY_ADMITTED, CITY_CHANGED, COVERAGE_CHANGED, INDICATORS_SUBMITTED, INDICATORS_VERDICT, PROGRAMME_APPLICATION_ACCEPTED } from '../domain/events';
import { followWork, openCertificationAs, type WorkCause } from './certify';

/**
 * What certification learns from the other domains, as their events arrive (lib/db/events.ts, at
 * least once, in each producer's order). Every handler is idempotent: a copy is replaced only by a
 * newer version, a transition happens only from the status it starts from, a certification is opened
 * only when there is none, so an event applied twice changes nothing the second time.
 *
 * - membership `city.admitted` / `city.changed`: the city's name and country (the registry filters by
 *   country; opening a certification needs the city);
 * - membership `programme.application.accepted`: the city's first certification is opened (ENROLLED)
 *   for the data year of the round;
 * - indicators `indicators.submitted`: DATA_SUBMITTED; `indicators.verdict`: UNDER_VERIFICATION on the
 *   first verdict; `coverage.changed`: the verified counts an award is decided on.
 *
 * A status change caused by an event is an audited write like any other (its actor is whoever acted in
 * the other domain, its entry names the event), and is announced to the gateways' caches.
 */
export interface FollowDeps extends CertificationDeps {
  bus?: InvalidationBus;
  logger?: Logger;
}

type Payload = Record<string, unknown>;

const str = (p: Payload, key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);
const int = (p: Payload, key: string): number | null => (Number.isInteger(p[key]) ? (p[key] as number) : null);

/** Who acted in the other domain (`by: { sub, roles }` in the payload), for the audit trail. */
function actorOf(payload: Payload, fallback: string): AuthUser {
  const by = payload.by as { sub?: unknown; roles?: unknown } | undefined;
  if (by && typeof by.sub === 'string') {
    const roles = Array.isArray(by.roles) ? (by.roles.filter((r) => ROLES.includes(r as Role)) as Role[]) : [];
    return { sub: by.sub, roles };
  }
  return { sub: fallback, roles: [] };
}

/** Tells the gateways' caches what an event-driven change changed (as a mutation's ChangeSet would). */
async function announce(deps: FollowDeps, doc: CertificationRecord | null, before: CertificationRecord | null): Promise<void> {
  if (!doc || !deps.bus || doc.version === before?.version) return;
  const changes = new ChangeSet('certification')
    .entity('Certification', { id: doc._id })
    .entity('City', { id: doc.cityId })
    .entity('AuditTrail', { cityId: doc.cityId, year: doc.year })
    .lists();
  await deps.bus.publish(changes.tags);
}

function emptyCopy(cityId: string, year: number): ReportCopyDoc {
  return { _id: `${cityId}:${year}`, cityId, year, submitted: null, firstVerdict: null, lastVerdictVersion: 0, coverage: null, updatedAt: new Date(0) };
}

/** Applies `update` to the report copy of a city and year (under the consumer's lock: one writer). */
async function updateReportCopy(deps: FollowDeps, cityId: string, year: number, update: (copy: ReportCopyDoc) => boolean): Promise<boolean> {
  const copy = (await findReportCopy(deps.db, cityId, year)) ?? emptyCopy(cityId, year);
  if (!update(copy)) return false;
  copy.updatedAt = deps.settings.now();
  await reportCopies(deps.db).replaceOne({ _id: copy._id }, copy, { upsert: true });
  return true;
}

async function follow(deps: FollowDeps, cityId: string, year: number, causes: { submitted?: WorkCause; verdict?: WorkCause }): Promise<void> {
  const before = await certifications(deps.db).findOne({ _id: `${cityId}:${year}` }, { projection: { version: 1 } });
  const after = await followWork(deps, cityId, year, causes);
  await announce(deps, after, before as CertificationRecord | null);
}

/** A report event's city, year and version; null (and logged) when the payload is not one. */
function reportKey(deps: FollowDeps, event: DeliveredEvent): { cityId: string; year: number; version: number } | null {
  const cityId = str(event.payload, 'cityId');
  const year = int(event.payload, 'year');
  const version = int(event.payload, 'version');
  if (!cityId || year === null || version === null) {
    deps.logger?.error({ event: event._id }, 'an indicators event without cityId, year and version: passed over');
    return null;
  }
  return { cityId, year, version };
}

export function indicatorsHandlers(deps: FollowDeps): Record<string, EventHandler> {
  return {
    async [INDICATORS_SUBMITTED](event) {
      const key = reportKey(deps, event);
      if (!key) return;
      const at = typeof event.payload.submittedAt === 'string' ? new Date(event.payload.submittedAt) : event.at;
      await updateReportCopy(deps, key.cityId, key.year, (copy) => {
        if (copy.submitted && copy.submitted.version >= key.version) return false;
        copy.submitted = { version: key.version, at };
        return true;
      });
      await follow(deps, key.cityId, key.year, { submitted: { actor: actorOf(event.payload, 'events:indicators'), at, event: event._id } });
    },
    async [INDICATORS_VERDICT](event) {
      const key = reportKey(deps, event);
      if (!key) return;
      await updateReportCopy(deps, key.cityId, key.year, (copy) => {
        if (copy.lastVerdictVersion >= key.version) return false;
        copy.lastVerdictVersion = key.version;
        copy.firstVerdict ??= { version: key.version, at: event.at };
        return true;
      });
      await follow(deps, key.cityId, key.year, { verdict: { actor: actorOf(event.payload, 'events:indicators'), at: event.at, event: event._id } });
    },
    async [COVERAGE_CHANGED](event) {
      const key = reportKey(deps, event);
      if (!key) return;
      const p = event.payload;
      await updateReportCopy(deps, key.cityId, key.year, (copy) => {
        if (copy.coverage && copy.coverage.version >= key.version) return false;
        copy.coverage = {
          version: key.version,
          coreVerified: int(p, 'coreVerified') ?? 0,
          supportingVerified: int(p, 'supportingVerified') ?? 0,
          coreReported: int(p, 'coreReported') ?? 0,
          supportingReported: int(p, 'supportingReported') ?? 0,
        };
        return true;
      });
    },
  };
}

export function membershipHandlers(deps: FollowDeps): Record<string, EventHandler> {
  const cityEvent: EventHandler = async (event) => {
    const p = event.payload;
    const cityId = str(p, 'cityId');
    const country = str(p, 'country');
    if (!cityId || !country) {
      deps.logger?.error({ event: event._id }, 'a city event without cityId and country: passed over');
      return;
    }
    const stored = await findCityCopy(deps.db, cityId);
    if (stored && stored.sourceSeq >= event.seq) return;
    await cityCopies(deps.db).replaceOne(
      { _id: cityId },
      { name: str(p, 'name') ?? stored?.name ?? cityId, country, region: str(p, 'region'), sourceSeq: event.seq, updatedAt: deps.settings.now() },
      { upsert: true },
    );
    if (stored && stored.country !== country) {
      // The registry's copy of the country on the city's certifications follows (derived, not audited).
      await certifications(deps.db).updateMany({ cityId }, { $set: { country } });
      if (deps.bus) await deps.bus.publish(new ChangeSet('certification').entity('City', { id: cityId }).type('Certification').lists().tags);
    }
  };
  return {
    [CITY_ADMITTED]: cityEvent,
    [CITY_CHANGED]: cityEvent,
    async [PROGRAMME_APPLICATION_ACCEPTED](event) {
      const p = event.payload;
      const cityId = str(p, 'cityId');
      const dataYear = int(p, 'dataYear') ?? int(p, 'year');
      if (!cityId || dataYear === null) {
        deps.logger?.error({ event: event._id }, 'an accepted application without cityId and dataYear: passed over');
        return;
      }
      if (!(await findCityCopy(deps.db, cityId))) {
        deps.logger?.error({ event: event._id, cityId }, 'an accepted application of a city certification has not heard of: no certification opened');
        return;
      }
      const round = int(p, 'round') ?? int(p, 'year');
      const opened = await openCertificationAs(deps, { cityId, year: dataYear }, actorOf(p, 'events:membership'), {
        ifAbsent: true,
        at: event.at,
        reason: round !== null ? `Accepted into the ${round} programme round` : 'Accepted into the programme round',
        event: event._id,
      });
      await announce(deps, opened, null);
    },
  };
}
