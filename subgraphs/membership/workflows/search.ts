import { checkInt } from '../../../lib/graphql/inputs';
import { compareKeyset, encodeKeysetCursor, isAfter, resolveKeysetPage, type KeysetSpec } from '../../../lib/graphql/keyset';
import type { Connection, PageArgs } from '../../../lib/graphql/pagination';
import type { Context } from '../context';
import { cityRestrictions, entryAllowed } from '../data/filters';
import { findSearchEntries, findSearchEntriesByKeys } from '../data/search-index';
import type { CityDoc } from '../data/types';
import type { CityFilter } from '../generated/resolvers-types';
import { slugify } from '../domain/admission';
import {
  checkSearch,
  decodeEntry,
  editDistance,
  firstChars,
  kindOfRank,
  matchCity,
  MATCH_RANK,
  MAX_KEY_LENGTH,
  normalise,
  searchableNames,
  type MatchKind,
  type SearchEntry,
} from '../domain/search';
import type { CitySuggestionView } from '../domain/views';

export interface CityEdgeView {
  cursor: string;
  node: CityDoc;
  match: { kind: MatchKind; name: string } | null;
}

/** Search results: by rank, then the normalised English name, then id. */
export const SEARCH_ORDER: KeysetSpec<SearchEntry> = {
  name: 'cities-search',
  keys: [
    { field: 'rank', direction: 1 },
    { field: 'sortKey', direction: 1 },
  ],
  valuesOf: (e) => [e.rank, e.sortKey],
  idOf: (e) => e.cityId,
};

/** The entries matching a normalised query, with their rank (checked against the names when the query is longer than a key). */
async function matchingEntries(ctx: Context, query: string): Promise<SearchEntry[]> {
  // Keys never end between two words (a query cut there is looked up without the space).
  const key = firstChars(query, MAX_KEY_LENGTH).trimEnd();
  const entries = (await findSearchEntries(ctx.db, key)).map(decodeEntry).filter((e): e is SearchEntry => e !== null);
  if (key === query) return entries;
  // A query longer than the keys: its key's cities are candidates, each checked against its names.
  const cities = await ctx.loaders.cityById.loadMany(entries.map((e) => e.cityId));
  return entries.flatMap((e, i) => {
    const city = cities[i];
    const match = city && !(city instanceof Error) ? matchCity(query, city) : null;
    return match ? [{ ...e, rank: MATCH_RANK[match.kind] }] : [];
  });
}

/**
 * `cities(filter: { search })`: the cities whose names match, ranked, filtered by the rest of the
 * filter and paged by keyset cursors over (rank, name, id). One lookup of the query's key document by
 * `_id`, the filter's id sets (as without a search), then the page's cities by `_id`.
 */
export async function searchCities(
  ctx: Context,
  args: PageArgs & { filter: CityFilter & { search: string } },
): Promise<Connection<CityDoc> & { edges: CityEdgeView[] }> {
  const query = checkSearch(args.filter.search, 'filter.search');
  const page = resolveKeysetPage(SEARCH_ORDER, args, ctx.settings.defaultPageSize, ctx.settings.maxPageSize);
  const restrictions = await cityRestrictions(ctx.db, args.filter);
  const entries = (await matchingEntries(ctx, query)).filter((e) => entryAllowed(restrictions, e)).sort((a, b) => compareKeyset(SEARCH_ORDER, a, b));
  const following = entries.filter((e) => isAfter(SEARCH_ORDER, page, e));
  const visible = following.slice(0, page.limit);
  const cities = await ctx.loaders.cityById.loadMany(visible.map((e) => e.cityId));
  const edges: CityEdgeView[] = [];
  visible.forEach((entry, i) => {
    const city = cities[i];
    // A city removed since it was indexed is left out (the index catches up with its next change).
    if (!city || city instanceof Error) return;
    const match = matchCity(query, city) ?? { kind: kindOfRank(entry.rank), name: city.name };
    edges.push({ cursor: encodeKeysetCursor(SEARCH_ORDER.name, SEARCH_ORDER.valuesOf(entry), entry.cityId), node: city, match });
  });
  return {
    edges,
    totalCount: entries.length,
    pageInfo: {
      hasNextPage: following.length > page.limit,
      hasPreviousPage: !!page.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const KIND_ORDER: Record<CitySuggestionView['match'], number> = { EXACT: 0, PREFIX: 1, WORD: 2, SIMILAR: 3 };
/** How many candidates are compared by their names at most. */
const MAX_CANDIDATES = 50;

/**
 * `citySuggestions(query)`: the cities nearest to a name or a mistyped id. Candidates: the city whose id
 * is the query's slug, the query's matches, then the matches of ever shorter prefixes of it (a typo
 * late in a name still finds it) — all `_id` lookups of key documents. Ranked by how they match, then
 * by the edit distance between the normalised query and the nearest of their names.
 */
export async function suggestCities(ctx: Context, args: { query: string; first?: number | null }): Promise<CitySuggestionView[]> {
  const query = checkSearch(args.query, 'query');
  const first = args.first == null ? 5 : checkInt(args.first, 'first', 1, 20);
  const key = firstChars(query, MAX_KEY_LENGTH).trimEnd();
  const chars = Array.from(key);
  const keys = chars.map((_, i) => chars.slice(0, chars.length - i).join('')).filter((k) => !k.endsWith(' '));
  const byKey = await findSearchEntriesByKeys(ctx.db, keys);

  // The candidates, best-known match first: exact key hits, then the longest shorter prefix with hits.
  const candidates = new Map<string, SearchEntry & { similar: boolean }>();
  for (const k of keys) {
    for (const entry of (byKey.get(k) ?? []).map(decodeEntry)) {
      if (!entry || candidates.has(entry.cityId)) continue;
      candidates.set(entry.cityId, { ...entry, similar: k !== query });
    }
    if (candidates.size >= Math.max(first, 10)) break;
  }
  const slug = slugify(args.query);
  const ranked = [...candidates.values()]
    .map((c) => ({ c, d: editDistance(query, c.sortKey) }))
    .sort((a, b) => Number(a.c.similar) - Number(b.c.similar) || a.c.rank - b.c.rank || a.d - b.d || (a.c.sortKey < b.c.sortKey ? -1 : 1))
    .slice(0, MAX_CANDIDATES)
    .map((x) => x.c.cityId);
  const ids = slug && !ranked.includes(slug) ? [slug, ...ranked] : ranked;
  const loaded = await ctx.loaders.cityById.loadMany(ids);

  const suggestions: CitySuggestionView[] = [];
  loaded.forEach((city) => {
    if (!city || city instanceof Error) return;
    const match = matchCity(query, city);
    if (city._id === slug) {
      // The query names the id, written differently (`Makati`, `Kuala Lumpur`).
      suggestions.push({ id: city._id, name: city.name, match: 'EXACT', matchedName: match?.name ?? city.name, distance: 0, city });
    } else if (match) {
      suggestions.push({
        id: city._id,
        name: city.name,
        match: match.kind,
        matchedName: match.name,
        distance: editDistance(query, normalise(match.name)),
        city,
      });
    } else {
      let nearest = { name: city.name, distance: Number.MAX_SAFE_INTEGER };
      for (const name of searchableNames(city)) {
        const distance = editDistance(query, normalise(name));
        if (distance < nearest.distance) nearest = { name, distance };
      }
      suggestions.push({ id: city._id, name: city.name, match: 'SIMILAR', matchedName: nearest.name, distance: nearest.distance, city });
    }
  });
  return suggestions
    .sort(
      (a, b) =>
        KIND_ORDER[a.match] - KIND_ORDER[b.match] || a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1),
    )
    .slice(0, first);
}
