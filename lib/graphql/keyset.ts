import type { Document, Filter, Sort } from 'mongodb';
import { inputError } from './errors';
import type { Connection, PageArgs } from './pagination';

/**
 * Keyset pagination: a cursor is the position of a row in the sort order (its sort key values and
 * its `_id`), so rows inserted or removed between two page requests neither skip nor repeat a row of
 * later pages (an offset would shift them all). Cursors are opaque (base64url JSON) and validated
 * strictly when read: only a well-formed position of THIS connection's sort is accepted, anything
 * else is BAD_USER_INPUT naming `after`.
 *
 * Sort keys must not be null (give the query a fallback value in the key instead); `_id` is always
 * the last key, so the order is total.
 */
export type SortValue = string | number | boolean | Date;

export interface SortKey {
  field: string;
  direction: 1 | -1;
}

export interface KeysetSpec<T> {
  /** A name for the connection, part of every cursor (a registry cursor is not a cities cursor). */
  name: string;
  /** The sort, without `_id` (added last, ascending). */
  keys: SortKey[];
  /** The sort values of a row, in the order of `keys`. */
  valuesOf(row: T): SortValue[];
  /** The row's `_id`. */
  idOf(row: T): string;
}

export interface KeysetPage {
  limit: number;
  /** The position after which the page starts (absent: from the start). */
  after?: { values: SortValue[]; id: string };
}

type Encoded = string | number | boolean | { d: string };

function encodeValue(value: SortValue): Encoded {
  return value instanceof Date ? { d: value.toISOString() } : value;
}

function decodeValue(value: unknown): SortValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (value && typeof value === 'object' && typeof (value as { d?: unknown }).d === 'string') {
    const date = new Date((value as { d: string }).d);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

export function encodeKeysetCursor(name: string, values: SortValue[], id: string): string {
  return Buffer.from(JSON.stringify({ c: name, v: values.map(encodeValue), id }), 'utf8').toString('base64url');
}

function badCursor(cursor: string, why: string) {
  return inputError('after', `is not a cursor of this list (${why}): pass an endCursor this list returned, got ${JSON.stringify(cursor.slice(0, 64))}`);
}

export function decodeKeysetCursor(spec: Pick<KeysetSpec<unknown>, 'name' | 'keys'>, cursor: string): { values: SortValue[]; id: string } {
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor(cursor, 'malformed');
  let parsed: { c?: unknown; v?: unknown; id?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    throw badCursor(cursor, 'malformed');
  }
  if (parsed?.c !== spec.name) throw badCursor(cursor, 'it belongs to another list, or to an older version of this one');
  if (!Array.isArray(parsed.v) || parsed.v.length !== spec.keys.length || typeof parsed.id !== 'string' || parsed.id.length > 200)
    throw badCursor(cursor, 'malformed');
  const values = parsed.v.map(decodeValue);
  if (values.some((v) => v === undefined)) throw badCursor(cursor, 'malformed');
  return { values: values as SortValue[], id: parsed.id };
}

/** Validates `first`/`after` (first capped at `maxPageSize`). */
export function resolveKeysetPage(spec: Pick<KeysetSpec<unknown>, 'name' | 'keys'>, args: PageArgs, defaultPageSize: number, maxPageSize: number): KeysetPage {
  const first = args.first ?? defaultPageSize;
  if (!Number.isInteger(first) || first < 0) throw inputError('first', `must be a non-negative integer, got ${first}`);
  if (first > maxPageSize) throw inputError('first', `must be at most ${maxPageSize}, got ${first}`);
  return { limit: first, after: args.after ? decodeKeysetCursor(spec, args.after) : undefined };
}

/** The MongoDB sort of the spec (`_id` last). */
export function keysetSort(spec: Pick<KeysetSpec<unknown>, 'keys'>): Sort {
  const sort: Record<string, 1 | -1> = {};
  for (const key of spec.keys) sort[key.field] = key.direction;
  sort._id = 1;
  return sort;
}

/** The filter of rows after the page's position: (k1 after v1) or (k1 = v1 and k2 after v2) or … or (all equal and _id after id). */
export function keysetFilter<T extends Document = Document>(spec: Pick<KeysetSpec<unknown>, 'keys'>, page: KeysetPage): Filter<T> {
  if (!page.after) return {};
  const { values, id } = page.after;
  const branches: Document[] = [];
  for (let i = 0; i <= spec.keys.length; i++) {
    const branch: Document = {};
    for (let j = 0; j < i; j++) branch[spec.keys[j].field] = { $eq: values[j] };
    if (i < spec.keys.length) branch[spec.keys[i].field] = { [spec.keys[i].direction === 1 ? '$gt' : '$lt']: values[i] };
    else branch._id = { $gt: id };
    branches.push(branch);
  }
  return { $or: branches } as Filter<T>;
}

const comparable = (value: SortValue): string | number | boolean => (value instanceof Date ? value.getTime() : value);

function compareValues(keys: SortKey[], a: SortValue[], idA: string, b: SortValue[], idB: string): number {
  for (let i = 0; i < keys.length; i++) {
    const x = comparable(a[i]);
    const y = comparable(b[i]);
    if (x < y) return -keys[i].direction;
    if (x > y) return keys[i].direction;
  }
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** Compares two rows in the spec's order (for lists sorted in memory). */
export function compareKeyset<T>(spec: KeysetSpec<T>, a: T, b: T): number {
  return compareValues(spec.keys, spec.valuesOf(a), spec.idOf(a), spec.valuesOf(b), spec.idOf(b));
}

/** Whether `row` comes after the page's position (for lists filtered in memory). */
export function isAfter<T>(spec: KeysetSpec<T>, page: KeysetPage, row: T): boolean {
  if (!page.after) return true;
  return compareValues(spec.keys, spec.valuesOf(row), spec.idOf(row), page.after.values, page.after.id) > 0;
}

/**
 * A connection from the rows after the position, fetched with limit + 1 to learn hasNextPage.
 * `hasPreviousPage` is true when the page started after a cursor. `totalCount` counts the whole list.
 */
export function toKeysetConnection<T>(spec: KeysetSpec<T>, rows: T[], page: KeysetPage, totalCount: number): Connection<T> {
  const visible = rows.slice(0, page.limit);
  const edges = visible.map((node) => ({ cursor: encodeKeysetCursor(spec.name, spec.valuesOf(node), spec.idOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: !!page.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
