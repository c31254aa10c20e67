import { validateCountry } from '../../../lib/graphql/validation';
import type { Filter } from 'mongodb';
import type { CityDoc, MemberDoc } from '../data/types';
import type { Context } from '../context';
import { findEnrolledCityIds } from '../data/enrolments';
import { findMemberCityIds, type Cluster } from '../data/members';

export interface CityFilterInput {
  country?: string | null;
  region?: CityDoc['region'] | null;
  cityNetMember?: boolean | null;
  cluster?: Cluster | null;
  enrolled?: boolean | null;
}

export interface MemberFilterInput {
  category?: MemberDoc['category'] | null;
  status?: MemberDoc['status'] | null;
  cluster?: Cluster | null;
  country?: string | null;
  nationalChapter?: string | null;
}


/**
 * Turns the city filter into a Mongo filter. Membership, cluster and enrolment live in other
 * collections (no $lookup on FerretDB), so each costs one query for the matching city ids first.
 */
export async function buildCityFilter(ctx: Context, input: CityFilterInput | null | undefined): Promise<Filter<CityDoc>> {
  if (!input) return {};
  const and: Filter<CityDoc>[] = [];
  if (input.country != null) and.push({ country: { $eq: validateCountry(input.country, 'filter.country') } });
  if (input.region != null) and.push({ region: { $eq: input.region } });
  if (input.cityNetMember != null || input.cluster != null) {
    const memberIds = input.cityNetMember != null ? await findMemberCityIds(ctx.db) : [];
    if (input.cityNetMember === true) and.push({ _id: { $in: memberIds } });
    if (input.cityNetMember === false) and.push({ _id: { $nin: memberIds } });
    if (input.cluster != null) and.push({ _id: { $in: await findMemberCityIds(ctx.db, input.cluster) } });
  }
  if (input.enrolled != null) {
    const enrolledIds = await findEnrolledCityIds(ctx.db);
    and.push({ _id: input.enrolled ? { $in: enrolledIds } : { $nin: enrolledIds } });
  }
  if (and.length === 0) return {};
  return and.length === 1 ? and[0] : { $and: and };
}

export function buildMemberFilter(input: MemberFilterInput | null | undefined): Filter<MemberDoc> {
  const filter: Filter<MemberDoc> = {};
  if (!input) return filter;
  if (input.category != null) filter.category = { $eq: input.category };
  if (input.status != null) filter.status = { $eq: input.status };
  if (input.cluster != null) filter.clusters = { $eq: input.cluster };
  if (input.country != null) filter.country = { $eq: validateCountry(input.country, 'filter.country') };
  if (input.nationalChapter != null) filter.nationalChapter = { $eq: input.nationalChapter };
  return filter;
}
