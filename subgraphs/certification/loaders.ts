import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { CertificationDoc } from './data/types';
import { findCertificationsByIds, findCertificationsOfCities, findLatestCertifiedAtLeast } from './data/certifications';

export interface Loaders {
  /** Certification by id: ONE `$in` query per batch. */
  certificationById: DataLoader<string, CertificationDoc | null>;
  /** A city's certifications, latest data year first: ONE `$in` query per batch of cities. */
  certificationsByCity: DataLoader<string, CertificationDoc[]>;
  /** Latest certifications at a level rank or above (mentor pools), by minimum rank. */
  mentorPool: DataLoader<number, CertificationDoc[]>;
}

export function createLoaders(db: Db): Loaders {
  return {
    certificationById: new DataLoader(async (ids) => {
      const docs = await findCertificationsByIds(db, ids);
      const byId = new Map(docs.map((d) => [d._id, d]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    certificationsByCity: new DataLoader(async (cityIds) => {
      const docs = await findCertificationsOfCities(db, cityIds);
      const byCity = new Map<string, CertificationDoc[]>();
      for (const doc of docs) {
        const list = byCity.get(doc.cityId) ?? [];
        list.push(doc);
        byCity.set(doc.cityId, list);
      }
      for (const list of byCity.values()) list.sort((a, b) => b.year - a.year);
      return cityIds.map((id) => byCity.get(id) ?? []);
    }),
    mentorPool: new DataLoader(async (ranks) => {
      const docs = await findLatestCertifiedAtLeast(db, Math.min(...ranks));
      return ranks.map((rank) => docs.filter((d) => d.levelRank >= rank));
    }),
  };
}
