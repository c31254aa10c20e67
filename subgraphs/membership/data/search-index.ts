import type { Collection, Db } from 'mongodb';
import { findById, findByIds, ONE_BATCH } from '../../../lib/db/access';
import { withLocks } from '../../../lib/db/locks';
import { entryCityId, searchKeysOf, SEARCH_FORMAT } from '../domain/search';
import { citiesCollection } from './cities';
import type { CityDoc } from './types';

/**
 * The search index of cities (domain/search.ts), kept as documents looked up by `_id` only:
 *
 * - `city_search_keys`: `{ _id: <normalised prefix>, entries: [<encoded entry>, …] }`, one per prefix of
 *   a normalised name (up to 16 characters), each entry a city it matches with its rank. A search is
 *   ONE `findOne({_id})`: FerretDB 1.24 pushes exactly that filter down to SQLite and reads every
 *   document of the collection for anything else (an indexed array of tokens, a regular expression or
 *   an `_id` range all read the whole collection there), and MongoDB serves it from the `_id` index.
 *   Entries are strings rather than subdocuments because FerretDB decodes strings several times faster.
 * - `city_search_terms`: `{ _id: <cityId>, format, entries: [<prefix>\u001e<entry>, …], pending? }`, what
 *   each city last put in the key documents, so that a change of its names removes exactly what it
 *   had put there.
 *
 * A key document is shared by many cities, so every change of the index runs under one lock
 * (`city-search:index`); changes of cities are rare and the section is a few short writes. Each
 * reindexing first records `pending` (every prefix it may touch), then rewrites the key documents
 * (removing the cities' entries by city id and adding the current ones), then the terms: a crash at
 * any point leaves `pending` behind, and the next reindexing of the city (at the latest at the next
 * start-up, `syncSearchIndex`) completes it. Nothing is lost and nothing is counted twice.
 */
export const SEARCH_KEYS = 'city_search_keys';
export const SEARCH_TERMS = 'city_search_terms';
const INDEX_LOCK = 'city-search:index';
const TERM_SEPARATOR = '\u001e';

export interface SearchKeyDoc {
  _id: string;
  entries: string[];
}

export interface SearchTermsDoc {
  _id: string;
  format: number;
  entries: string[];
  /** Prefixes a reindexing in progress may have touched (absent when none is in progress). */
  pending?: string[];
}

export function searchKeysCollection(db: Db): Collection<SearchKeyDoc> {
  return db.collection<SearchKeyDoc>(SEARCH_KEYS);
}

export function searchTermsCollection(db: Db): Collection<SearchTermsDoc> {
  return db.collection<SearchTermsDoc>(SEARCH_TERMS);
}

/** The entries stored under one normalised key (a search: one lookup by `_id`). */
export async function findSearchEntries(db: Db, key: string): Promise<string[]> {
  return (await findById(searchKeysCollection(db), key))?.entries ?? [];
}

/** The entries under several keys (suggestions try a few prefixes), by key. */
export async function findSearchEntriesByKeys(db: Db, keys: string[]): Promise<Map<string, string[]>> {
  const docs = await findByIds(searchKeysCollection(db), keys);
  return new Map(docs.map((d) => [d._id, d.entries]));
}

const termsOf = (keys: Map<string, string>): string[] => [...keys].map(([prefix, entry]) => `${prefix}${TERM_SEPARATOR}${entry}`).sort();
const prefixOfTerm = (term: string): string => term.slice(0, term.indexOf(TERM_SEPARATOR));

function sameTerms(stored: SearchTermsDoc | undefined, desired: string[]): boolean {
  if (!stored || stored.pending || stored.format !== SEARCH_FORMAT || stored.entries.length !== desired.length) return false;
  return stored.entries.every((t, i) => t === desired[i]);
}

/**
 * Brings the index in line with these cities as stored now (a city that no longer exists leaves it).
 * Idempotent; cities already indexed as they are cost one read of their terms.
 */
export async function reindexCities(db: Db, cityIds: readonly string[]): Promise<number> {
  const ids = [...new Set(cityIds)];
  if (ids.length === 0) return 0;
  return withLocks(db, [INDEX_LOCK], async () => {
    const cities = new Map((await findByIds(citiesCollection(db), ids)).map((c) => [c._id, c]));
    return reindexLocked(db, ids, cities);
  });
}

async function reindexLocked(db: Db, ids: string[], cities: Map<string, CityDoc>): Promise<number> {
  const termsCol = searchTermsCollection(db);
  const keysCol = searchKeysCollection(db);
  const stored = new Map((await findByIds(termsCol, ids)).map((t) => [t._id, t]));

  // What each city must contribute, and which cities differ from what they contributed.
  const desired = new Map<string, Map<string, string>>();
  const changed: string[] = [];
  for (const id of ids) {
    const city = cities.get(id);
    const keys = city ? searchKeysOf(city) : new Map<string, string>();
    desired.set(id, keys);
    if (!sameTerms(stored.get(id), termsOf(keys)) && (city || stored.has(id))) changed.push(id);
  }
  if (changed.length === 0) return 0;

  // Every prefix a changed city had (or may have had, if a reindexing was interrupted) or will have.
  const touched = new Map<string, Set<string>>();
  for (const id of changed) {
    const previous = stored.get(id);
    const prefixes = new Set<string>([...(previous?.entries ?? []).map(prefixOfTerm), ...(previous?.pending ?? []), ...desired.get(id)!.keys()]);
    touched.set(id, prefixes);
  }

  // 1. Record what is about to be touched, so an interruption can be completed.
  const fresh = changed.filter((id) => !stored.has(id)).map((id) => ({ _id: id, format: SEARCH_FORMAT, entries: [], pending: [...touched.get(id)!] }));
  if (fresh.length) await termsCol.insertMany(fresh, { ordered: false });
  for (const id of changed.filter((i) => stored.has(i))) await termsCol.updateOne({ _id: id }, { $set: { pending: [...touched.get(id)!] } });

  // 2. Rewrite the key documents: the changed cities' entries out (by city id), their current ones in.
  const changedSet = new Set(changed);
  const additions = new Map<string, string[]>();
  for (const id of changed) {
    for (const prefix of touched.get(id)!) if (!additions.has(prefix)) additions.set(prefix, []);
    for (const [prefix, entry] of desired.get(id)!) additions.get(prefix)!.push(entry);
  }
  const prefixes = [...additions.keys()];
  // An empty index (the first start on a seeded database) needs no reads.
  const anyKey = await keysCol.findOne({}, { projection: { _id: 1 } });
  const existing = anyKey ? new Map((await findByIds(keysCol, prefixes)).map((d) => [d._id, d.entries])) : new Map<string, string[]>();
  const inserts: SearchKeyDoc[] = [];
  for (const prefix of prefixes) {
    const before = existing.get(prefix);
    const kept = (before ?? []).filter((e) => !changedSet.has(entryCityId(e) ?? ''));
    const entries = [...kept, ...additions.get(prefix)!].sort();
    if (before === undefined) {
      if (entries.length) inserts.push({ _id: prefix, entries });
    } else if (entries.length === 0) {
      await keysCol.deleteOne({ _id: prefix });
    } else if (entries.length !== before.length || entries.some((e, i) => e !== before[i])) {
      await keysCol.replaceOne({ _id: prefix }, { entries });
    }
  }
  for (let i = 0; i < inserts.length; i += 1000) await keysCol.insertMany(inserts.slice(i, i + 1000), { ordered: false });

  // 3. The terms as they now are (a city gone: its terms go too).
  for (const id of changed) {
    if (cities.has(id)) await termsCol.replaceOne({ _id: id }, { format: SEARCH_FORMAT, entries: termsOf(desired.get(id)!) });
    else await termsCol.deleteOne({ _id: id });
  }
  return changed.length;
}

/**
 * At start-up: indexes every city whose terms differ from its current names (cities inserted by the
 * seed or an older version, a reindexing interrupted by a crash, a new SEARCH_FORMAT). Reads the cities
 * and the terms once each; returns how many cities were reindexed.
 */
export async function syncSearchIndex(db: Db): Promise<number> {
  const cities = await citiesCollection(db)
    .find({}, { projection: { _id: 1, name: 1, otherNames: 1, country: 1, region: 1 }, batchSize: ONE_BATCH })
    .toArray();
  const terms = new Map((await searchTermsCollection(db).find({}, { batchSize: ONE_BATCH }).toArray()).map((t) => [t._id, t]));
  const known = new Set(cities.map((c) => c._id));
  const stale = cities.filter((c) => !sameTerms(terms.get(c._id), termsOf(searchKeysOf(c as CityDoc)))).map((c) => c._id);
  const gone = [...terms.keys()].filter((id) => !known.has(id));
  const ids = [...stale, ...gone];
  // In slices, each under the lock with the cities read again there (another process may change one meanwhile).
  let done = 0;
  for (let i = 0; i < ids.length; i += 200) done += await reindexCities(db, ids.slice(i, i + 200));
  return done;
}
