import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import type { AuditEntryDoc } from '../../../lib/db/audit-entry';
import type { CertificationDoc } from './types';
import type { CertificationLevel } from '../levels';

/** Collection `certifications`: one document per city and data year. */
export const CERTIFICATIONS = 'certifications';

/**
 * What is stored: the dataset's shape plus what the workflow keeps. Documents written before the
 * workflow existed may lack these fields (readers treat them as absent).
 */
export interface CertificationRecord extends CertificationDoc {
  /** The assigned organisation's id (configuration, see organisations.ts); `verifierOrganisation` keeps its name. */
  verifierOrganisationId?: string | null;
  rejectionReason?: string | null;
  /** Grows by one with every change (conditional updates; orders the audit entries). */
  version?: number;
  /** Audit entries written with the change they record, until copied to `audit` (an outbox). */
  pendingAudit?: AuditEntryDoc[];
}

export function certifications(db: Db): Collection<CertificationRecord> {
  return db.collection<CertificationRecord>(CERTIFICATIONS);
}

const INDEXES: IndexDescription[] = [
  // One certification per city and data year; also serves the per-city loader.
  { key: { cityId: 1, year: 1 }, name: 'city_year', unique: true },
  // The registry's default view (each city's latest CERTIFIED), sorted by level.
  { key: { status: 1, latest: 1, levelRank: -1 }, name: 'status_latest_level' },
  // The registry of one data year.
  { key: { status: 1, year: 1 }, name: 'status_year' },
];

export async function ensureCertificationIndexes(db: Db): Promise<void> {
  // One index per command: FerretDB 1.24 panics when one createIndexes command re-creates
  // several existing indexes (it happens on every restart), while one at a time is a no-op.
  for (const index of INDEXES) await certifications(db).createIndexes([index]);
}

/**
 * Loader queries return documents for every key of a batch at once: ask for them in one batch, so a
 * list of N cities costs one command rather than a find per 101 documents (the default first batch)
 * plus getMores. MongoDB still caps a batch at 16 MB.
 */

/** By id (one query for all ids). */
export function findCertificationsByIds(db: Db, ids: readonly string[]): Promise<CertificationDoc[]> {
  return certifications(db)
    .find({ _id: { $in: [...ids] } }, { batchSize: LOADER_BATCH_SIZE })
    .toArray();
}

/** Every certification of these cities (one query for all cities). */
export function findCertificationsOfCities(db: Db, cityIds: readonly string[]): Promise<CertificationDoc[]> {
  return certifications(db)
    .find({ cityId: { $in: [...cityIds] } }, { batchSize: LOADER_BATCH_SIZE })
    .toArray();
}

export function certificationId(cityId: string, year: number): string {
  return `${cityId}:${year}`;
}

/** By `_id` (city:year): the one lookup FerretDB answers without scanning the collection. */
export function findCertification(db: Db, cityId: string, year: number): Promise<CertificationRecord | null> {
  return certifications(db).findOne({ _id: { $eq: certificationId(cityId, year) } });
}

export interface RegistryFilter {
  /** Without a year: each city's latest certification (the `latest` flag, since FerretDB has no $first). */
  year?: number | null;
  level?: CertificationLevel | null;
  country?: string | null;
}

function registryQuery(filter: RegistryFilter): Filter<CertificationDoc> {
  const query: Filter<CertificationDoc> = { status: { $eq: 'CERTIFIED' } };
  if (filter.year != null) query.year = { $eq: filter.year };
  else query.latest = { $eq: true };
  if (filter.level != null) query.level = { $eq: filter.level };
  if (filter.country != null) query.country = { $eq: filter.country };
  return query;
}

/** One page of the registry, highest level first, then by city. */
export async function findRegistryPage(db: Db, filter: RegistryFilter, offset: number, limit: number): Promise<CertificationDoc[]> {
  // limit 0 would mean "no limit" to the server.
  if (limit === 0) return [];
  return certifications(db)
    .find(registryQuery(filter))
    .sort({ levelRank: -1, cityId: 1, year: -1 })
    .skip(offset)
    .limit(limit)
    .toArray();
}

export function countRegistry(db: Db, filter: RegistryFilter): Promise<number> {
  return certifications(db).countDocuments(registryQuery(filter));
}

/** Each city's latest CERTIFIED data year at `minRank` or above: the pool mentors are drawn from. */
export function findLatestCertifiedAtLeast(db: Db, minRank: number): Promise<CertificationDoc[]> {
  return certifications(db)
    .find({ status: { $eq: 'CERTIFIED' }, latest: { $eq: true }, levelRank: { $gte: minRank } }, { batchSize: LOADER_BATCH_SIZE })
    .toArray();
}
