import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import { findByIdsMap } from '../../lib/db/access';
import { citiesCollection } from './data/cities';
import { contactsCollection } from './data/contacts';
import { enrolmentsCollection } from './data/enrolments';
import { findDuesOfMembers } from './data/dues';
import { membersCollection } from './data/members';
import { applicationsCollection, countAcceptedByRound, findWaitlist } from './data/programme';
import type { CityDoc, DuesDoc, EnrolmentDoc, MemberContactsDoc, MemberDoc, ProgrammeApplicationDoc } from './data/types';

export interface MembershipLoaders {
  cityById: DataLoader<string, CityDoc | null>;
  /** The FULL member representing a city (its CityNet membership), or null. */
  fullMemberByCityId: DataLoader<string, MemberDoc | null>;
  enrolmentByCityId: DataLoader<string, EnrolmentDoc | null>;
  memberById: DataLoader<string, MemberDoc | null>;
  /** Staff-only focal points, by member id. */
  contactsByMemberId: DataLoader<string, MemberContactsDoc | null>;
  /** Staff-only dues, every year of each member, newest first. */
  duesByMemberId: DataLoader<string, DuesDoc[]>;
  applicationById: DataLoader<string, ProgrammeApplicationDoc | null>;
  /** Accepted applications (seats taken) per round year. */
  seatsTakenByRound: DataLoader<number, number>;
  /** Each round's waiting list, in order of promotion. */
  waitlistByRound: DataLoader<number, ProgrammeApplicationDoc[]>;
}

/**
 * Fresh loaders per request, so one request's cache never leaks into another. Every lookup is by
 * `_id` (lib/db/access.ts picks the shape the engine serves fast): a full member's `_id` is its
 * city's id, and so is an enrolment's.
 */
export function createLoaders(db: Db): MembershipLoaders {
  return {
    cityById: new DataLoader(async (ids) => {
      const found = await findByIdsMap(citiesCollection(db), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    fullMemberByCityId: new DataLoader(async (cityIds) => {
      const found = await findByIdsMap(membersCollection(db), cityIds);
      return cityIds.map((id) => {
        const member = found.get(id);
        return member && member.category === 'FULL' && member.cityId === id ? member : null;
      });
    }),
    enrolmentByCityId: new DataLoader(async (cityIds) => {
      const found = await findByIdsMap(enrolmentsCollection(db), cityIds);
      return cityIds.map((id) => {
        const enrolment = found.get(id);
        return enrolment && enrolment.cityId === id ? enrolment : null;
      });
    }),
    memberById: new DataLoader(async (ids) => {
      const found = await findByIdsMap(membersCollection(db), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    contactsByMemberId: new DataLoader(async (ids) => {
      const found = await findByIdsMap(contactsCollection(db), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    duesByMemberId: new DataLoader(async (ids) => {
      const found = await findDuesOfMembers(db, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    applicationById: new DataLoader(async (ids) => {
      const found = await findByIdsMap(applicationsCollection(db), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    seatsTakenByRound: new DataLoader(async (years) => {
      const counts = await countAcceptedByRound(db, years);
      return years.map((y) => counts.get(y) ?? 0);
    }),
    waitlistByRound: new DataLoader(async (years) => Promise.all(years.map((y) => findWaitlist(db, y)))),
  };
}
