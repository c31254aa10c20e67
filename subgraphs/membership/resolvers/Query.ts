import { resolvePage, toConnection, type PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { countCities, findCitiesPage } from '../data/cities';
import { countMembers, findMembersPage } from '../data/members';
import { buildCityFilter, buildMemberFilter, type CityFilterInput, type MemberFilterInput } from './filters';

export const Query = {
  city: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.cityById.load(args.id),
  member: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.memberById.load(args.id),

  async cities(_: unknown, args: PageArgs & { filter?: CityFilterInput | null }, ctx: Context) {
    // Validate paging before touching the database.
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const filter = await buildCityFilter(ctx, args.filter);
    const [nodes, total] = await Promise.all([findCitiesPage(ctx.db, filter, page), countCities(ctx.db, filter)]);
    // Prime the loader so City fields / references in the same request reuse these documents.
    for (const city of nodes) ctx.loaders.cityById.prime(city._id, city);
    return toConnection(nodes, page, total);
  },

  async members(_: unknown, args: PageArgs & { filter?: MemberFilterInput | null }, ctx: Context) {
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const filter = buildMemberFilter(args.filter);
    const [nodes, total] = await Promise.all([findMembersPage(ctx.db, filter, page), countMembers(ctx.db, filter)]);
    return toConnection(nodes, page, total);
  },
};
