import type { Filter } from 'mongodb';
import type { MentoringPairDoc, WorkshopDoc } from '../data/types';
import { userInputError } from '../../../lib/graphql/errors';
import { resolvePage, toConnection, type PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { countMentoringPairs, findMentoringPairsPage } from '../data/mentoringPairs';
import { countWorkshops, findWorkshopsPage } from '../data/workshops';
import { ISO37120_THEMES } from '../themes';

interface WorkshopsArgs extends PageArgs {
  from?: Date | null;
  to?: Date | null;
  theme?: string | null;
  status?: WorkshopDoc['status'] | null;
}

/** Validates the listing arguments and turns them into a Mongo filter. */
export function workshopsFilter(args: WorkshopsArgs): Filter<WorkshopDoc> {
  const filter: Filter<WorkshopDoc> = {};
  if (args.from && args.to && args.from.getTime() >= args.to.getTime()) {
    throw userInputError(`"from" (${args.from.toISOString()}) must be before "to" (${args.to.toISOString()})`, 'from');
  }
  if (args.from || args.to) {
    filter.startsAt = { ...(args.from ? { $gte: args.from } : {}), ...(args.to ? { $lt: args.to } : {}) };
  }
  if (args.theme != null) {
    if (!ISO37120_THEMES.has(args.theme)) {
      throw userInputError(`"theme" must be an ISO 37120 theme (${[...ISO37120_THEMES].join(', ')}), got ${JSON.stringify(args.theme)}`, 'theme');
    }
    filter.themes = { $eq: args.theme };
  }
  if (args.status != null) filter.status = { $eq: args.status };
  return filter;
}

export const Query = {
  workshop: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.workshopById.load(args.id),

  async workshops(_: unknown, args: WorkshopsArgs, ctx: Context) {
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const filter = workshopsFilter(args);
    const [nodes, total] = await Promise.all([findWorkshopsPage(ctx.db, filter, page), countWorkshops(ctx.db, filter)]);
    for (const workshop of nodes) ctx.loaders.workshopById.prime(workshop._id, workshop);
    return toConnection(nodes, page, total);
  },

  mentoringPair: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.mentoringPairById.load(args.id),

  async mentoringPairs(_: unknown, args: PageArgs & { status?: MentoringPairDoc['status'] | null }, ctx: Context) {
    const page = resolvePage(args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
    const filter: Filter<MentoringPairDoc> = args.status != null ? { status: { $eq: args.status } } : {};
    const [nodes, total] = await Promise.all([findMentoringPairsPage(ctx.db, filter, page), countMentoringPairs(ctx.db, filter)]);
    return toConnection(nodes, page, total);
  },
};
