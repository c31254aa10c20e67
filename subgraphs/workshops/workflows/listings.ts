import type { Filter } from 'mongodb';
import { inputError } from '../../../lib/graphql/errors';
import { resolvePage, toConnection, type Connection, type PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { countMentoringPairs, findMentoringPairsPage } from '../data/mentoringPairs';
import type { StoredMentoringPair, StoredWorkshop } from '../data/types';
import { countWorkshops, findWorkshopsPage } from '../data/workshops';
import { checkTheme } from '../domain/themes';

export interface WorkshopsArgs extends PageArgs {
  from?: Date | string | null;
  to?: Date | string | null;
  theme?: string | null;
  status?: StoredWorkshop['status'] | null;
}

const instant = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/** Validates the listing arguments and turns them into a filter. */
export function workshopsFilter(args: WorkshopsArgs): Filter<StoredWorkshop> {
  const filter: Filter<StoredWorkshop> = {};
  const from = args.from != null ? instant(args.from) : null;
  const to = args.to != null ? instant(args.to) : null;
  if (from && to && from.getTime() >= to.getTime()) throw inputError('from', `must be before "to" (${to.toISOString()}), got ${from.toISOString()}`);
  if (from || to) filter.startsAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
  if (args.theme != null) filter.themes = { $eq: checkTheme(args.theme, 'theme') };
  if (args.status != null) filter.status = { $eq: args.status };
  return filter;
}

/** Workshops starting in [from, to), optionally on one theme or in one status, in start order. */
export async function listWorkshops(ctx: Context, args: WorkshopsArgs): Promise<Connection<StoredWorkshop>> {
  const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter = workshopsFilter(args);
  const [nodes, total] = await Promise.all([findWorkshopsPage(ctx.db, filter, page), countWorkshops(ctx.db, filter)]);
  for (const workshop of nodes) ctx.loaders.workshopById.prime(workshop._id, workshop);
  return toConnection(nodes, page, total);
}

/** Mentoring pairs, most recent first, optionally in one status. */
export async function listMentoringPairs(ctx: Context, args: PageArgs & { status?: StoredMentoringPair['status'] | null }): Promise<Connection<StoredMentoringPair>> {
  const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter: Filter<StoredMentoringPair> = args.status != null ? { status: { $eq: args.status } } : {};
  const [nodes, total] = await Promise.all([findMentoringPairsPage(ctx.db, filter, page), countMentoringPairs(ctx.db, filter)]);
  return toConnection(nodes, page, total);
}
