import type { Collection, Db } from 'mongodb';
import { findById } from '../../../lib/db/access';
import type { CityCopyDoc, OrganisationDoc, ReportCopyDoc } from './types';

/**
 * What this subgraph keeps of other domains' facts, written only by its event consumers
 * (workflows/follow.ts) and the seed: the cities (membership) and the indicator reports' progress and
 * coverage (indicators). Read by `_id` only.
 */
export const CITY_COPIES = 'city_copies';
export const REPORT_COPIES = 'report_copies';
export const VERIFIER_ORGANISATIONS = 'verifier_organisations';

export function cityCopies(db: Db): Collection<CityCopyDoc> {
  return db.collection<CityCopyDoc>(CITY_COPIES);
}

export function reportCopies(db: Db): Collection<ReportCopyDoc> {
  return db.collection<ReportCopyDoc>(REPORT_COPIES);
}

export function organisationDocs(db: Db): Collection<OrganisationDoc> {
  return db.collection<OrganisationDoc>(VERIFIER_ORGANISATIONS);
}

export function findCityCopy(db: Db, cityId: string): Promise<CityCopyDoc | null> {
  return findById(cityCopies(db), cityId);
}

export function findReportCopy(db: Db, cityId: string, year: number): Promise<ReportCopyDoc | null> {
  return findById(reportCopies(db), `${cityId}:${year}`);
}
