import type { Db, Filter } from 'mongodb';
import { checkCountry } from '../../../lib/graphql/inputs';
import type { CityFilter, MemberFilter } from '../generated/resolvers-types';
import type { SearchEntry } from '../domain/search';
import { findEnrolledCityIds } from './enrolments';
import { findMemberCityIds } from './members';
import type { CityDoc, MemberDoc, Region } from './types';

/**
 * The city filter's conditions other than the search: the city's own fields, and the id sets of
 * members, clusters and enrolments (which live in other collections: no $lookup on FerretDB, so each
 * costs one query for the matching city ids first). The listing turns them into a Mongo filter; the
 * search applies them to its index entries in memory.
 */
export interface CityRestrictions {
  country?: string;
  region?: Region;
  /** Every set here must contain the city. */
  within: Set<string>[];
  /** No set here may contain it. */
  without: Set<string>[];
}

export async function cityRestrictions(db: Db, input: CityFilter | null | undefined): Promise<CityRestrictions> {
  const r: CityRestrictions = { within: [], without: [] };
  if (!input) return r;
  if (input.country != null) r.country = checkCountry(input.country, 'filter.country');
  if (input.region != null) r.region = input.region;
  if (input.cityNetMember != null) {
    const members = new Set(await findMemberCityIds(db));
    (input.cityNetMember ? r.within : r.without).push(members);
  }
  if (input.cluster != null) r.within.push(new Set(await findMemberCityIds(db, input.cluster)));
  if (input.enrolled != null) {
    const enrolled = new Set(await findEnrolledCityIds(db));
    (input.enrolled ? r.within : r.without).push(enrolled);
  }
  return r;
}

export function restrictionsFilter(r: CityRestrictions): Filter<CityDoc> {
  const and: Filter<CityDoc>[] = [];
  if (r.country != null) and.push({ country: { $eq: r.country } });
  if (r.region != null) and.push({ region: { $eq: r.region } });
  for (const ids of r.within) and.push({ _id: { $in: [...ids] } });
  for (const ids of r.without) and.push({ _id: { $nin: [...ids] } });
  if (and.length === 0) return {};
  return and.length === 1 ? and[0] : { $and: and };
}

export function entryAllowed(r: CityRestrictions, e: SearchEntry): boolean {
  if (r.country != null && e.country !== r.country) return false;
  if (r.region != null && e.region !== r.region) return false;
  return r.within.every((ids) => ids.has(e.cityId)) && r.without.every((ids) => !ids.has(e.cityId));
}

/** The Mongo filter of a city filter (without its search). */
export async function buildCityFilter(db: Db, input: CityFilter | null | undefined): Promise<Filter<CityDoc>> {
  return restrictionsFilter(await cityRestrictions(db, input));
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
