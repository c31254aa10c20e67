import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import { ensureIndexes, findById, findByIds, ONE_BATCH } from '../../../lib/db/access';
import type { CertificationDoc, CertificationLevel, CertificationRecord } from './types';

/** Collection `certifications`: one document per city and data year, `_id` = `${cityId}:${year}`. */
export const CERTIFICATIONS = 'certifications';

export function certifications(db: Db): Collection<CertificationRecord> {
  return db.collection<CertificationRecord>(CERTIFICATIONS);
}

export function certificationId(cityId: string, year: number): string {
  return `${cityId}:${year}`;
}

const INDEXES: IndexDescription[] = [
  // One certification per city and data year.
  { key: { cityId: 1, year: 1 }, name: 'city_year', unique: true },
  // The registry's default view (each city's latest CERTIFIED), sorted by level; the mentor pool.
  { key: { status: 1, latest: 1, levelRank: -1 }, name: 'status_latest_level' },
  // The registry of one data year.
  { key: { status: 1, year: 1 }, name: 'status_year' },
];

export async function ensureCertificationIndexes(db: Db): Promise<void> {
  await ensureIndexes(certifications(db), INDEXES);
}

/** One certification by city and year (the primary-key lookup). */
export function findCertification(db: Db, cityId: string, year: number): Promise<CertificationRecord | null> {
  return findById(certifications(db), certificationId(cityId, year));
}

/** Certifications by id (missing ones left out). */
export function findCertificationsByIds(db: Db, ids: readonly string[]): Promise<CertificationRecord[]> {
  return findByIds(certifications(db), ids);
}

/**
 * Every certification of these cities, in ONE query (one cursor batch). Not by `_id`: a city's ids
 * are `cityId:year` for each data year it may have (17 with the default programme years), and on
 * FerretDB one `{_id}` lookup costs about what scanning 15–40 of these small documents does, so the
 * ids of 20 cities (340 lookups) took 0.8–1 s where one scan of the sample's 96 certifications took
 * 20–95 ms (measured on the 2-core test machine under load). On MongoDB the `city_year` index serves it.
 */
export function findCertificationsOfCities(db: Db, cityIds: readonly string[]): Promise<CertificationRecord[]> {
  return certifications(db)
    .find({ cityId: { $in: [...cityIds] } }, { projection: { outbox: 0 }, batchSize: ONE_BATCH })
    .toArray();
}

/** What the `latest` flags are computed from: the city's certifications, small. */
export type LatestFlagView = Pick<CertificationRecord, '_id' | 'year' | 'status' | 'latest'>;

export function findLatestFlagViews(db: Db, cityId: string): Promise<LatestFlagView[]> {
  return certifications(db)
    .find({ cityId }, { projection: { _id: 1, year: 1, status: 1, latest: 1 }, batchSize: ONE_BATCH })
    .toArray() as Promise<LatestFlagView[]>;
}

/** Sets one certification's `latest` flag (derived state, not audited; by `_id` alone). */
export async function setLatestFlag(db: Db, id: string, latest: boolean): Promise<void> {
  await certifications(db).updateOne({ _id: id }, { $set: { latest } });
}

export interface RegistryFilter {
  /** Without a year: each city's latest certification (the `latest` flag, since FerretDB has no $first). */
  year?: number | null;
  level?: CertificationLevel | null;
  country?: string | null;
}

function registryQuery(filter: RegistryFilter): Filter<CertificationRecord> {
  const query: Filter<CertificationRecord> = { status: 'CERTIFIED' };
  if (filter.year != null) query.year = filter.year;
  else query.latest = true;
  if (filter.level != null) query.level = filter.level;
  if (filter.country != null) query.country = filter.country;
  return query;
}

/** A registry entry is the certification without an outbox a write may not have carried out yet. */
const REGISTRY_PROJECTION = { outbox: 0 } as const;

/**
 * One page of the registry, highest level first, then by city: a filtered find over a small
 * collection, limited to the page, without the workflow internals.
 */
export async function findRegistryPage(db: Db, filter: RegistryFilter, offset: number, limit: number): Promise<CertificationRecord[]> {
  // limit 0 would mean "no limit" to the server.
  if (limit === 0) return [];
  return certifications(db)
    .find(registryQuery(filter), { projection: REGISTRY_PROJECTION })
    .sort({ levelRank: -1, cityId: 1, year: -1 })
    .skip(offset)
    .limit(limit)
    .toArray();
}

export function countRegistry(db: Db, filter: RegistryFilter): Promise<number> {
  return certifications(db).countDocuments(registryQuery(filter));
}

/** A possible mentor: a city's latest CERTIFIED data year and its level. */
export type MentorView = Pick<CertificationDoc, 'cityId' | 'year' | 'levelRank'>;

/** Each city's latest CERTIFIED data year at `minRank` or above: the pool mentors are drawn from. */
export function findLatestCertifiedAtLeast(db: Db, minRank: number): Promise<MentorView[]> {
  return certifications(db)
    .find({ status: 'CERTIFIED', latest: true, levelRank: { $gte: minRank } }, { projection: { _id: 0, cityId: 1, year: 1, levelRank: 1 }, batchSize: ONE_BATCH })
    .toArray() as Promise<MentorView[]>;
}
