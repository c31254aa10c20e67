import type { Collection, Db, Filter, IndexDescription } from 'mongodb';
import { ensureIndexes, findById, findByIds, ONE_BATCH } from '../../../lib/db/access';
import { keysetFilter, keysetSort, type KeysetPage, type KeysetSpec } from '../../../lib/graphql/keyset';
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

/** What the `latest` flags are computed from: the city's certifications, small (awarded ones carry the flag). */
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
  /** Without a year: each city's latest awarded certification, listed while it is in force. */
  year?: number | null;
  level?: CertificationLevel | null;
  country?: string | null;
  /** The certifications in force now (domain/validity.ts `inForceFilter`): the same rule as the status field. */
  inForce: Filter<CertificationRecord>;
}

/**
 * The registry: by default each city's latest awarded certification (the `latest` flag, since FerretDB
 * has no $first) while it is in force (CERTIFIED and within its validity: not suspended, withdrawn or
 * expired); with a year, that data year's certifications that were awarded and not suspended or
 * withdrawn, in force or EXPIRED (their status says which).
 */
function registryQuery(filter: RegistryFilter): Filter<CertificationRecord> {
  const query: Filter<CertificationRecord> = filter.year != null ? { status: 'CERTIFIED', year: filter.year } : { latest: true, ...filter.inForce };
  if (filter.level != null) query.level = filter.level;
  if (filter.country != null) query.country = filter.country;
  return query;
}

/** The registry's order: highest level first, then by city, then latest data year first. */
export const REGISTRY_KEYSET: KeysetSpec<CertificationRecord> = {
  name: 'registry',
  keys: [
    { field: 'levelRank', direction: -1 },
    { field: 'cityId', direction: 1 },
    { field: 'year', direction: -1 },
  ],
  valuesOf: (c) => [c.levelRank, c.cityId, c.year],
  idOf: (c) => c._id,
};

/** A registry entry is the certification without an outbox a write may not have carried out yet. */
const REGISTRY_PROJECTION = { outbox: 0 } as const;

/**
 * One page of the registry after the page's position (keyset: rows added or removed meanwhile neither
 * skip nor repeat others), fetched with one row more to tell whether another page follows.
 */
export async function findRegistryPage(db: Db, filter: RegistryFilter, page: KeysetPage): Promise<CertificationRecord[]> {
  // One row more than the page (never 0, which would mean "no limit" to the server).
  const after = keysetFilter(REGISTRY_KEYSET, page) as Filter<CertificationRecord>;
  const query = page.after ? { $and: [registryQuery(filter), after] } : registryQuery(filter);
  return certifications(db)
    .find(query, { projection: REGISTRY_PROJECTION })
    .sort(keysetSort(REGISTRY_KEYSET))
    .limit(page.limit + 1)
    .toArray();
}

export function countRegistry(db: Db, filter: RegistryFilter): Promise<number> {
  return certifications(db).countDocuments(registryQuery(filter));
}

/** A possible mentor: a city's latest CERTIFIED data year and its level. */
export type MentorView = Pick<CertificationDoc, 'cityId' | 'year' | 'levelRank'>;

/** Each city's latest awarded data year, in force, at `minRank` or above: the pool mentors are drawn from. */
export function findLatestCertifiedAtLeast(db: Db, minRank: number, inForce: Filter<CertificationRecord>): Promise<MentorView[]> {
  return certifications(db)
    .find({ latest: true, levelRank: { $gte: minRank }, ...inForce }, { projection: { _id: 0, cityId: 1, year: 1, levelRank: 1 }, batchSize: ONE_BATCH })
    .toArray() as Promise<MentorView[]>;
}

/** Every certification (start-up announcements and migrations: a small collection, one per city and year). */
export function findAllCertifications(db: Db): Promise<CertificationRecord[]> {
  return certifications(db)
    .find({}, { projection: { outbox: 0 }, batchSize: ONE_BATCH })
    .toArray();
}
