import { resolvePage, toConnection, type Connection, type PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { countCities, findCitiesPage } from '../data/cities';
import { buildCityFilter, buildMemberFilter } from '../data/filters';
import { countMembers, findMembersPage } from '../data/members';
import type { CityDoc, MemberDoc } from '../data/types';
import type { CityFilter, MemberFilter } from '../generated/resolvers-types';

/** Cities in name order, filtered and paged; the page primes the city loader for the rest of the request. */
export async function listCities(ctx: Context, args: PageArgs & { filter?: CityFilter | null }): Promise<Connection<CityDoc>> {
  // Validate paging before touching the database.
  const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter = await buildCityFilter(ctx.db, args.filter);
  const [nodes, total] = await Promise.all([findCitiesPage(ctx.db, filter, page), countCities(ctx.db, filter)]);
  for (const city of nodes) ctx.loaders.cityById.prime(city._id, city);
  return toConnection(nodes, page, total);
}

/** Members in name order, filtered and paged. */
export async function listMembers(ctx: Context, args: PageArgs & { filter?: MemberFilter | null }): Promise<Connection<MemberDoc>> {
  const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter = buildMemberFilter(args.filter);
  const [nodes, total] = await Promise.all([findMembersPage(ctx.db, filter, page), countMembers(ctx.db, filter)]);
  return toConnection(nodes, page, total);
}
