import { MongoServerError, type Db } from 'mongodb';
import type { IndicatorReportDoc, IndicatorReportValue } from '../data/types';
import { AuditBatch, flushOutbox } from '../../../lib/audit/audit';
import type { AuthUser } from '../../../lib/auth/roles';
import { withLocks } from '../../../lib/db/locks';
import { codedError } from '../../../lib/graphql/errors';
import { findReport, indicatorReports, INDICATOR_REPORTS, reportId } from '../data/indicatorReports';

export interface ReportChange {
  values: IndicatorReportValue[];
  submittedAt?: Date;
}

/**
 * Runs a read-check-write of one report under a lock. FerretDB 1.24 runs a conditional update as
 * "read, filter, write the whole document back" with no compare-and-swap, so the version condition
 * alone would not stop two concurrent writers (nor keep an outbox copy from overwriting a change);
 * every write of a report therefore happens inside this lock (see lib/db/locks.ts). The version
 * condition stays as a second line of defence, and is the whole defence on MongoDB.
 */
export function withReportLock<T>(db: Db, cityId: string, year: number, section: () => Promise<T>): Promise<T> {
  return withLocks(db, [`report:${reportId(cityId, year)}`], section);
}

/** The report a change starts from; an outbox left over by an interrupted copy is copied first. */
export async function loadReport(db: Db, cityId: string, year: number): Promise<IndicatorReportDoc | null> {
  const report = await findReport(db, cityId, year);
  if (report?.pendingAudit?.length) await flushOutbox(db, INDICATOR_REPORTS, report);
  return report;
}

/** An audit batch for the change that turns `current` (or nothing) into the next version. */
export function auditFor(current: IndicatorReportDoc | null, cityId: string, year: number, actor: AuthUser, at: Date): AuditBatch {
  return new AuditBatch({ docId: reportId(cityId, year), cityId, year, version: (current?.version ?? 0) + 1 }, actor, at);
}

/**
 * Writes one change of a report in ONE single-document write, with its audit entries in the outbox:
 * a new report is inserted (a concurrent first save hits the unique `_id`), an existing one is updated
 * only if it is still at the version the change was computed from. Either case of losing the race is
 * a CONFLICT, and nothing was written. Then the outbox is copied to `audit`.
 */
export async function writeReport(
  db: Db,
  current: IndicatorReportDoc | null,
  fresh: { cityId: string; year: number; edition: string },
  change: ReportChange,
  audit: AuditBatch,
): Promise<IndicatorReportDoc> {
  const stale = () => codedError('CONFLICT', `The values of ${fresh.cityId} for ${fresh.year} were changed meanwhile; reload them (and their version) and try again.`);
  let written: IndicatorReportDoc | null;
  if (!current) {
    const doc: IndicatorReportDoc = {
      _id: reportId(fresh.cityId, fresh.year),
      cityId: fresh.cityId,
      year: fresh.year,
      edition: fresh.edition,
      version: 1,
      values: change.values,
      ...(change.submittedAt ? { submittedAt: change.submittedAt } : {}),
      sampleData: false,
      pendingAudit: audit.entries,
    };
    try {
      await indicatorReports(db).insertOne(doc);
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) throw stale();
      throw error;
    }
    written = doc;
  } else {
    const set: Partial<IndicatorReportDoc> = {
      values: change.values,
      version: current.version + 1,
      // A left-over outbox (an interrupted copy) rides along, so nothing in it can be lost.
      pendingAudit: [...(current.pendingAudit ?? []), ...audit.entries],
    };
    if (change.submittedAt) set.submittedAt = change.submittedAt;
    written = await indicatorReports(db).findOneAndUpdate(
      { _id: { $eq: current._id }, version: { $eq: current.version } },
      { $set: set },
      { returnDocument: 'after' },
    );
    if (!written) throw stale();
  }
  await flushOutbox(db, INDICATOR_REPORTS, written);
  const { pendingAudit: _copied, ...report } = written;
  return report;
}
