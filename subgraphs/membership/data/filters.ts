import type { Db, Filter } from 'mongodb';
import { checkCountry } from '../../../lib/graphql/inputs';
import type { CityFilter, MemberFilter } from '../generated/resolvers-types';
import { findEnrolledCityIds } from './enrolments';
import { findMemberCityIds } from './members';
import type { CityDoc, MemberDoc } from './types';

/**
 * Turns the city filter into a Mongo filter. Membership, cluster and enrolment live in other
 * collections (no $lookup on FerretDB), so each costs one query for the matching city ids first.
 */
export async function buildCityFilter(db: Db, input: CityFilter | null | undefined): Promise<Filter<CityDoc>> {
  if (!input) return {};
  const and: Filter<CityDoc>[] = [];
  if (input.country != null) and.push({ country: { $eq: checkCountry(input.country, 'filter.country') } });
  if (input.region != null) and.push({ region: { $eq: input.region } });
  if (input.cityNetMember != null || input.cluster != null) {
    const memberIds = input.cityNetMember != null ? await findMemberCityIds(db) : [];
    if (input.cityNetMember === true) and.push({ _id: { $in: memberIds } });
    if (input.cityNetMember === false) and.push({ _id: { $nin: memberIds } });
    if (input.cluster != null) and.push({ _id: { $in: await findMemberCityIds(db, input.cluster) } });
  }
  if (input.enrolled != null) {
    const enrolledIds = await findEnrolledCityIds(db);
    and.push({ _id: input.enrolled ? { $in: enrolledIds } : { $nin: enrolledIds } });
  }
  if (and.length === 0) return {};
  return and.length === 1 ? and[0] : { $and: and };
}

export function buildMemberFilter(input: MemberFilter | null | undefined): Filter<MemberDoc> {
  const filter: Filter<MemberDoc> = {};
  if (!input) return filter;
  if (input.category != null) filter.category = { $eq: input.category };
  if (input.status != null) filter.status = { $eq: input.status };
  if (input.cluster != null) filter.clusters = { $eq: input.cluster };
  if (input.country != null) filter.country = { $eq: checkCountry(input.country, 'filter.country') };
  if (input.nationalChapter != null) filter.nationalChapter = { $eq: input.nationalChapter };
  return filter;
}
