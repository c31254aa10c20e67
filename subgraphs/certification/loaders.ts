import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import { findCertificationsByIds, findCertificationsOfCities, findLatestCertifiedAtLeast, type MentorView } from './data/certifications';
import type { CertificationRecord } from './data/types';
import { inForceFilter, type ValidityRule } from './domain/validity';

/**
 * Per-request loaders: by id through lib/db/access.ts (on FerretDB one primary-key lookup per id, on
 * MongoDB one `$in`); by city one query per batch of cities (see findCertificationsOfCities).
 */
export interface Loaders {
  /** Certification by id (`cityId:year`). */
  certificationById: DataLoader<string, CertificationRecord | null>;
  /** A city's certifications, latest data year first: ONE query per batch of cities. */
  certificationsByCity: DataLoader<string, CertificationRecord[]>;
  /** Latest certifications in force at a level rank or above (mentor pools), by minimum rank. */
  mentorPool: DataLoader<number, MentorView[]>;
}

export function createLoaders(db: Db, validity: ValidityRule, settings: Pick<SubgraphSettings, 'now'>): Loaders {
  const certificationById = new DataLoader<string, CertificationRecord | null>(async (ids) => {
    const docs = await findCertificationsByIds(db, ids);
    const byId = new Map(docs.map((d) => [d._id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    certificationById,
    certificationsByCity: new DataLoader(async (cityIds) => {
      const docs = await findCertificationsOfCities(db, cityIds);
      const byCity = new Map<string, CertificationRecord[]>();
      for (const doc of docs) {
        // Found by id here, so a lookup of the same id later in the request costs nothing.
        certificationById.prime(doc._id, doc);
        const list = byCity.get(doc.cityId) ?? [];
        list.push(doc);
        byCity.set(doc.cityId, list);
      }
      for (const list of byCity.values()) list.sort((a, b) => b.year - a.year);
      return cityIds.map((id) => byCity.get(id) ?? []);
    }),
    mentorPool: new DataLoader(async (ranks) => {
      const docs = await findLatestCertifiedAtLeast(db, Math.min(...ranks), inForceFilter(validity, settings.now()));
      return ranks.map((rank) => docs.filter((d) => d.levelRank >= rank));
    }),
  };
}
