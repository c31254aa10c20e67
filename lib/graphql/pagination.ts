import { inputError } from './errors';

/**
 * Relay-style connections over offset cursors. Offsets keep `totalCount`, filters and any sort order
 * simple and work identically on MongoDB and FerretDB; cursors are opaque so we can switch to keyset
 * cursors later without breaking clients.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  offset: number;
  limit: number;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

const PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(PREFIX + offset, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw inputError('after', `is not a valid cursor: ${JSON.stringify(cursor.slice(0, 64))}`);
  }
  return offset;
}

/** Validates `first`/`after` and turns them into skip/limit; `first` is capped at `maxPageSize`. */
export function resolvePage(args: PageArgs, defaultPageSize: number, maxPageSize: number): Page {
  const first = args.first ?? defaultPageSize;
  if (!Number.isInteger(first) || first < 0) {
    throw inputError('first', `must be a non-negative integer, got ${first}`);
  }
  if (first > maxPageSize) {
    throw inputError('first', `must be at most ${maxPageSize}, got ${first}`);
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit: first };
}

/** Builds a connection from one page of nodes (fetched with limit + 1 to learn hasNextPage) and a total. */
export function toConnection<T>(nodes: T[], page: Page, totalCount: number): Connection<T> {
  const visible = nodes.slice(0, page.limit);
  const edges = visible.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: page.offset + visible.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
