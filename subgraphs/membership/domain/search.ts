import { inputError } from '../../../lib/graphql/errors';
import type { CityDoc } from '../data/types';

/**
 * City search (issue 13): what a search string means, independent of storage.
 *
 * Every name of a city (the English `name`, the native-script and former or alternative names in
 * `otherNames`) is normalised the same way as the query: Unicode compatibility forms folded (full-width
 * letters, ligatures), lower case, Latin diacritics removed (Đà Nẵng -> da nang, São -> sao), a few
 * letters that are not "letter + accent" mapped (đ ø ł ß æ œ ı þ), apostrophes dropped (St. John's ->
 * st johns) and every other run of non-letters, non-digits a single space. Scripts without case or
 * Latin accents (서울, 台北, ललितपुर, กรุงเทพ) are kept as they are (their combining marks are part of
 * the letters), so the native name is searched in its own script.
 *
 * A query matches a name:
 * - EXACT when it is the whole name (`seoul`, `서울`, `saigon`);
 * - PREFIX when the name starts with it (`mak` -> Makati, `kuala l` -> Kuala Lumpur);
 * - WORD when a later word of the name starts with it (`lumpur` -> Kuala Lumpur, `minh` -> Ho Chi Minh City).
 * A city's rank is its best match over all its names; results are ranked EXACT, PREFIX, WORD, then by
 * the normalised English name, then by id.
 *
 * The search is served from key documents (data/search-index.ts): one per normalised prefix of up to
 * MAX_KEY_LENGTH characters, listing the cities it matches with their rank, as compact strings. A
 * query is then one lookup by `_id`, the one filter FerretDB serves without reading the collection.
 */
export type MatchKind = 'EXACT' | 'PREFIX' | 'WORD';
export const MATCH_RANK: Record<MatchKind, number> = { EXACT: 0, PREFIX: 1, WORD: 2 };
const KIND_OF_RANK: MatchKind[] = ['EXACT', 'PREFIX', 'WORD'];

/** Keys are prefixes of at most this many characters; longer queries use the key of their first ones and are checked against the names. */
export const MAX_KEY_LENGTH = 16;
/** The longest search string accepted (before normalisation). */
export const MAX_QUERY_LENGTH = 100;
/** Bumped whenever normalisation or the entry format changes: every city is then indexed again at start-up. */
export const SEARCH_FORMAT = 1;

const SEPARATOR = '\u001f';
const LETTER_MAP: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ħ: 'h', ŧ: 't' };
const LETTER_MAP_RE = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** The normalised form of a name or a query (see above); '' when nothing searchable is left. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(LETTER_MAP_RE, (c) => LETTER_MAP[c])
    .replace(/['’ʼ`´]/g, '')
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** The first `n` characters (code points, so a character outside the BMP is never cut in half). */
export function firstChars(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : chars.slice(0, n).join('');
}

function prefixes(text: string, max = MAX_KEY_LENGTH): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 1; i <= Math.min(chars.length, max); i++) {
    const p = chars.slice(0, i).join('');
    // A prefix ending in the space between words adds nothing to the one before it.
    if (!p.endsWith(' ')) out.push(p);
  }
  return out;
}

/** Every name a city is found by: its English name first, then the others. */
export function searchableNames(city: Pick<CityDoc, 'name' | 'otherNames'>): string[] {
  return [city.name, ...(city.otherNames ?? []).map((n) => n.name)];
}

/** How a normalised query matches one normalised name (null: it does not). */
export function matchName(query: string, name: string): MatchKind | null {
  if (!query || !name) return null;
  if (name === query) return 'EXACT';
  if (name.startsWith(query)) return 'PREFIX';
  const words = name.split(' ');
  for (let i = 1; i < words.length; i++) {
    if (words.slice(i).join(' ').startsWith(query)) return 'WORD';
  }
  return null;
}

/** The city's best match for a normalised query, and the name (as written) that gave it. */
export function matchCity(query: string, city: Pick<CityDoc, 'name' | 'otherNames'>): { kind: MatchKind; name: string } | null {
  let best: { kind: MatchKind; name: string } | null = null;
  for (const name of searchableNames(city)) {
    const kind = matchName(query, normalise(name));
    if (kind && (!best || MATCH_RANK[kind] < MATCH_RANK[best.kind])) best = { kind, name };
  }
  return best;
}

/** One city in one key document: what a search needs to filter, rank and page without reading the city. */
export interface SearchEntry {
  rank: number;
  /** The normalised English name (the order within a rank). */
  sortKey: string;
  cityId: string;
  country: string;
  region: string;
}

export function encodeEntry(e: SearchEntry): string {
  return [e.rank, e.sortKey, e.cityId, e.country, e.region].join(SEPARATOR);
}

export function decodeEntry(text: string): SearchEntry | null {
  const parts = text.split(SEPARATOR);
  if (parts.length !== 5 || !/^[0-2]$/.test(parts[0])) return null;
  return { rank: Number(parts[0]), sortKey: parts[1], cityId: parts[2], country: parts[3], region: parts[4] };
}

/** The city of an encoded entry, without decoding the rest. */
export function entryCityId(text: string): string | undefined {
  return text.split(SEPARATOR)[2];
}

export const kindOfRank = (rank: number): MatchKind => KIND_OF_RANK[rank];

/**
 * The key documents a city belongs in: normalised prefix -> its encoded entry (its best rank for that
 * prefix over all its names).
 */
export function searchKeysOf(city: Pick<CityDoc, '_id' | 'name' | 'otherNames' | 'country' | 'region'>): Map<string, string> {
  const best = new Map<string, number>();
  const offer = (key: string, rank: number) => {
    const current = best.get(key);
    if (current === undefined || rank < current) best.set(key, rank);
  };
  for (const raw of searchableNames(city)) {
    const name = normalise(raw);
    if (!name) continue;
    for (const p of prefixes(name)) offer(p, p === name ? MATCH_RANK.EXACT : MATCH_RANK.PREFIX);
    const words = name.split(' ');
    for (let i = 1; i < words.length; i++) {
      for (const p of prefixes(words.slice(i).join(' '))) offer(p, MATCH_RANK.WORD);
    }
  }
  const sortKey = normalise(city.name);
  const keys = new Map<string, string>();
  for (const [key, rank] of best) keys.set(key, encodeEntry({ rank, sortKey, cityId: city._id, country: city.country, region: city.region }));
  return keys;
}

/**
 * A search string as the API accepts it: at most MAX_QUERY_LENGTH characters, with something left to
 * search after normalisation. Operators and regular-expression characters are ordinary text here: the
 * string is only ever normalised and compared, never turned into a filter or a pattern.
 */
export function checkSearch(value: string, field: string): string {
  if (Array.from(value).length > MAX_QUERY_LENGTH)
    throw inputError(field, `must be at most ${MAX_QUERY_LENGTH} characters long, got ${Array.from(value).length}`);
  const query = normalise(value);
  if (!query) throw inputError(field, `must contain a letter or a digit (punctuation and symbols are ignored), got ${JSON.stringify(value.slice(0, 40))}`);
  return query;
}

/** Levenshtein distance (for suggestions), on code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length];
}
