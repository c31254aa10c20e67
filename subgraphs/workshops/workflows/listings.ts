import type { Filter } from 'mongodb';
import { inputError } from '../../../lib/graphql/errors';
import { compareKeyset, isAfter, resolveKeysetPage, toKeysetConnection, type KeysetSpec } from '../../../lib/graphql/keyset';
import type { Connection, PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { countMentoringPairs, findMentoringPairsPage, PAIRS_KEYSET } from '../data/mentoringPairs';
import type { StoredMentoringPair, StoredWorkshop } from '../data/types';
import { countWorkshops, findWorkshopsPage, WORKSHOPS_KEYSET } from '../data/workshops';
import { statusFilter, type WorkshopStatus } from '../domain/lifecycle';
import { checkTheme } from '../domain/themes';

export interface WorkshopsArgs extends PageArgs {
  from?: Date | string | null;
  to?: Date | string | null;
  theme?: string | null;
  status?: WorkshopStatus | null;
}

const instant = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/**
 * Validates the listing arguments and turns them into a filter. The status is the one `Workshop.status`
 * shows at `now` (domain/lifecycle.ts `statusFilter`, the same boundaries as the field).
 */
export function workshopsFilter(args: WorkshopsArgs, now: Date): Filter<StoredWorkshop> {
  const parts: Filter<StoredWorkshop>[] = [];
  const from = args.from != null ? instant(args.from) : null;
  const to = args.to != null ? instant(args.to) : null;
  if (from && to && from.getTime() >= to.getTime()) throw inputError('from', `must be before "to" (${to.toISOString()}), got ${from.toISOString()}`);
  if (from || to) parts.push({ startsAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } });
  if (args.theme != null) parts.push({ themes: { $eq: checkTheme(args.theme, 'theme') } });
  if (args.status != null) parts.push(statusFilter(args.status, now));
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0] : { $and: parts };
}

/** Workshops starting in [from, to), optionally on one theme or in one status, in start order (keyset pages). */
export async function listWorkshops(ctx: Context, args: WorkshopsArgs): Promise<Connection<StoredWorkshop>> {
  const page = resolveKeysetPage(WORKSHOPS_KEYSET, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter = workshopsFilter(args, ctx.settings.now());
  const [rows, total] = await Promise.all([findWorkshopsPage(ctx.db, filter, page), countWorkshops(ctx.db, filter)]);
  for (const workshop of rows) ctx.loaders.workshopById.prime(workshop._id, workshop);
  return toKeysetConnection(WORKSHOPS_KEYSET, rows, page, total);
}

/** Mentoring pairs, most recent first, optionally in one status (keyset pages). */
export async function listMentoringPairs(
  ctx: Context,
  args: PageArgs & { status?: StoredMentoringPair['status'] | null },
): Promise<Connection<StoredMentoringPair>> {
  const page = resolveKeysetPage(PAIRS_KEYSET, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const filter: Filter<StoredMentoringPair> = args.status != null ? { status: { $eq: args.status } } : {};
  const [rows, total] = await Promise.all([findMentoringPairsPage(ctx.db, filter, page), countMentoringPairs(ctx.db, filter)]);
  return toKeysetConnection(PAIRS_KEYSET, rows, page, total);
}

/** A keyset page over a list held in memory (a workshop's registrations, its waitlist, a city's history). */
export function pageInMemory<T>(ctx: Context, spec: KeysetSpec<T>, all: readonly T[], args: PageArgs): Connection<T> {
  const page = resolveKeysetPage(spec, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const sorted = [...all].sort((a, b) => compareKeyset(spec, a, b));
  const rows = sorted.filter((row) => isAfter(spec, page, row)).slice(0, page.limit + 1);
  return toKeysetConnection(spec, rows, page, all.length);
}
