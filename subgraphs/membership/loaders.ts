import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { CityDoc, EnrolmentDoc, MemberDoc } from './data/types';
import { findCitiesByIds } from './data/cities';
import { findContactsByMemberIds, type MemberContactsDoc } from './data/contacts';
import { findEnrolmentsByCityIds } from './data/enrolments';
import { findFullMembersByCityIds, findMembersByIds } from './data/members';

export interface MembershipLoaders {
  cityById: DataLoader<string, CityDoc | null>;
  /** The FULL member representing a city (its CityNet membership), or null. */
  fullMemberByCityId: DataLoader<string, MemberDoc | null>;
  enrolmentByCityId: DataLoader<string, EnrolmentDoc | null>;
  memberById: DataLoader<string, MemberDoc | null>;
  /** Staff-only focal points, by member id. */
  contactsByMemberId: DataLoader<string, MemberContactsDoc | null>;
}

/** Puts batch results back in key order; keys without a document get null. */
function byKey<T>(keys: readonly string[], docs: T[], keyOf: (doc: T) => string | null): (T | null)[] {
  const map = new Map<string, T>();
  for (const doc of docs) {
    const key = keyOf(doc);
    if (key !== null && !map.has(key)) map.set(key, doc);
  }
  return keys.map((key) => map.get(key) ?? null);
}

/** Fresh loaders per request, so one request's cache never leaks into another. */
export function createLoaders(db: Db): MembershipLoaders {
  return {
    cityById: new DataLoader(async (ids) => byKey(ids, await findCitiesByIds(db, ids), (c) => c._id)),
    fullMemberByCityId: new DataLoader(async (ids) => byKey(ids, await findFullMembersByCityIds(db, ids), (m) => m.cityId)),
    enrolmentByCityId: new DataLoader(async (ids) => byKey(ids, await findEnrolmentsByCityIds(db, ids), (e) => e.cityId)),
    memberById: new DataLoader(async (ids) => byKey(ids, await findMembersByIds(db, ids), (m) => m._id)),
    contactsByMemberId: new DataLoader(async (ids) => byKey(ids, await findContactsByMemberIds(db, ids), (c) => c._id)),
  };
}
