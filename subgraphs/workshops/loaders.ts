import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import { findMentoringPairsByCityIds, findMentoringPairsByIds } from './data/mentoringPairs';
import { countActivePairsAsMentor } from './data/mentoringPairs';
import { findActiveRegistrationsByCityIds, findAttendedByCityIds, findRegistrationsByWorkshopIds } from './data/registrations';
import type { StoredMentoringPair, StoredRegistration, StoredWorkshop } from './data/types';
import { byStart, findUpcomingHostedWorkshops, findUpcomingWorkshopsOnThemes, findWorkshopsByIds } from './data/workshops';
import { isUpcoming } from './domain/lifecycle';

export interface WorkshopsLoaders {
  workshopById: DataLoader<string, StoredWorkshop | null>;
  mentoringPairById: DataLoader<string, StoredMentoringPair | null>;
  /** All registrations of a workshop, in registration order (Workshop.registrations pages over them). */
  registrationsByWorkshopId: DataLoader<string, StoredRegistration[]>;
  /** All upcoming scheduled workshops a city hosts or is registered for, soonest first (callers slice). */
  upcomingWorkshopsByCityId: DataLoader<string, StoredWorkshop[]>;
  /** Pairs the city is mentor or mentee in, most recent first. */
  mentoringByCityId: DataLoader<string, StoredMentoringPair[]>;
  /** Upcoming scheduled workshops on a theme, soonest first: ONE query for all themes asked. */
  upcomingWorkshopsByTheme: DataLoader<string, StoredWorkshop[]>;
  /** The city's registrations that attended (attendance recorded), with their workshops. */
  attendedByCityId: DataLoader<string, { registration: StoredRegistration; workshop: StoredWorkshop }[]>;
  /** ACTIVE pairs in which the city mentors. */
  activePairsAsMentor: DataLoader<string, number>;
}

/** One document per key (null when missing), from a by-ids lookup (lib/db/access.ts). */
function oneByKey<T extends { _id: string }>(keys: readonly string[], docs: T[]): (T | null)[] {
  const map = new Map(docs.map((doc) => [doc._id, doc]));
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups docs under each key they belong to (a doc may belong to several), keeping the query's order. */
function manyByKey<T>(keys: readonly string[], docs: T[], keysOf: (doc: T) => string[]): T[][] {
  const map = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const doc of docs) {
    for (const key of new Set(keysOf(doc))) map.get(key)?.push(doc);
  }
  return keys.map((key) => map.get(key)!);
}

/**
 * Upcoming workshops for a batch of cities, however many cities: the cities' live registrations (one
 * query), then the workshops they host (one query) and those they registered for (by id).
 */
async function loadUpcomingWorkshops(db: Db, cityIds: readonly string[], now: Date, prime: (w: StoredWorkshop) => void): Promise<StoredWorkshop[][]> {
  const registrations = await findActiveRegistrationsByCityIds(db, cityIds);
  const registeredCities = new Map<string, Set<string>>(); // workshopId -> cities registered
  for (const r of registrations) {
    const set = registeredCities.get(r.workshopId) ?? new Set<string>();
    set.add(r.cityId);
    registeredCities.set(r.workshopId, set);
  }
  const [hosted, registered] = await Promise.all([findUpcomingHostedWorkshops(db, cityIds, now), findWorkshopsByIds(db, [...registeredCities.keys()])]);
  const byId = new Map<string, StoredWorkshop>();
  for (const w of [...hosted, ...registered]) {
    prime(w);
    if (isUpcoming(w, now)) byId.set(w._id, w);
  }
  const workshops = [...byId.values()].sort(byStart);
  return manyByKey(cityIds, workshops, (w) => [...(w.hostCityId ? [w.hostCityId] : []), ...(registeredCities.get(w._id) ?? [])]);
}

/** Fresh loaders per request, so one request's cache never leaks into another. */
export function createLoaders(db: Db, settings: SubgraphSettings): WorkshopsLoaders {
  const workshopById = new DataLoader<string, StoredWorkshop | null>(async (ids) => oneByKey(ids, await findWorkshopsByIds(db, ids)));
  const prime = (w: StoredWorkshop) => void workshopById.prime(w._id, w);
  return {
    workshopById,
    mentoringPairById: new DataLoader(async (ids) => oneByKey(ids, await findMentoringPairsByIds(db, ids))),
    registrationsByWorkshopId: new DataLoader(async (ids) => manyByKey(ids, await findRegistrationsByWorkshopIds(db, ids), (r) => [r.workshopId])),
    upcomingWorkshopsByCityId: new DataLoader((ids) => loadUpcomingWorkshops(db, ids, settings.now(), prime)),
    mentoringByCityId: new DataLoader(async (ids) => manyByKey(ids, await findMentoringPairsByCityIds(db, ids), (p) => [p.mentorCityId, p.menteeCityId])),
    upcomingWorkshopsByTheme: new DataLoader(async (themes) =>
      manyByKey(themes, await findUpcomingWorkshopsOnThemes(db, themes, settings.now()), (w) => w.themes),
    ),
    attendedByCityId: new DataLoader(async (cityIds) => {
      const attended = await findAttendedByCityIds(db, cityIds);
      const workshops = new Map((await findWorkshopsByIds(db, [...new Set(attended.map((r) => r.workshopId))])).map((w) => [w._id, w]));
      const rows = attended.flatMap((registration) => {
        const workshop = workshops.get(registration.workshopId);
        return workshop ? [{ registration, workshop }] : [];
      });
      return manyByKey(cityIds, rows, (row) => [row.registration.cityId]);
    }),
    activePairsAsMentor: new DataLoader(async (cityIds) => {
      const counts = await countActivePairsAsMentor(db, cityIds);
      return cityIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
