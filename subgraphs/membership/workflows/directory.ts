import { resolveKeysetPage, toKeysetConnection } from '../../../lib/graphql/keyset';
import type { Connection, PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { CITY_ORDER, countCities, findCitiesPage } from '../data/cities';
import { buildCityFilter, buildMemberFilter } from '../data/filters';
import { countMembers, findMembersPage, MEMBER_ORDER } from '../data/members';
import type { CityDoc, MemberDoc } from '../data/types';
import type { CityFilter, MemberFilter } from '../generated/resolvers-types';
import { searchCities, type CityEdgeView } from './search';

/**
 * Cities in name order, filtered and paged by keyset cursors (a row's name and id), or, with
 * `filter.search`, the matching cities in rank order (workflows/search.ts). The page primes the city
 * loader for the rest of the request.
 */
export async function listCities(ctx: Context, args: PageArgs & { filter?: CityFilter | null }): Promise<Connection<CityDoc> & { edges: CityEdgeView[] }> {
  if (args.filter?.search != null) return searchCities(ctx, args as PageArgs & { filter: CityFilter & { search: string } });
  // Validate paging before touching the database.
  const page = resolveKeysetPage(CITY_ORDER, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter = await buildCityFilter(ctx.db, args.filter);
  const [rows, total] = await Promise.all([findCitiesPage(ctx.db, filter, page), countCities(ctx.db, filter)]);
  for (const city of rows) ctx.loaders.cityById.prime(city._id, city);
  const connection = toKeysetConnection(CITY_ORDER, rows, page, total);
  return { ...connection, edges: connection.edges.map((e) => ({ ...e, match: null })) };
}

/** Members in name order, filtered and paged by keyset cursors. */
export async function listMembers(ctx: Context, args: PageArgs & { filter?: MemberFilter | null }): Promise<Connection<MemberDoc>> {
  const page = resolveKeysetPage(MEMBER_ORDER, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter = buildMemberFilter(args.filter);
  const [rows, total] = await Promise.all([findMembersPage(ctx.db, filter, page), countMembers(ctx.db, filter)]);
  return toKeysetConnection(MEMBER_ORDER, rows, page, total);
}
