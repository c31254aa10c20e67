import DataLoader from 'dataloader';
import type { Db } from 'mongodb';
import type { SubgraphSettings } from '../../lib/config';
import type { MentoringPairDoc, RegistrationDoc, WorkshopDoc } from './data/types';
import { findMentoringPairsByCityIds, findMentoringPairsByIds } from './data/mentoringPairs';
import { findActiveRegistrationsByCityIds, findRegistrationsByWorkshopIds } from './data/registrations';
import { findUpcomingWorkshops, findUpcomingWorkshopsOnThemes, findWorkshopsByIds } from './data/workshops';

export interface WorkshopsLoaders {
  workshopById: DataLoader<string, WorkshopDoc | null>;
  mentoringPairById: DataLoader<string, MentoringPairDoc | null>;
  /** All registrations of a workshop, in registration order (Workshop.registrations pages over them). */
  registrationsByWorkshopId: DataLoader<string, RegistrationDoc[]>;
  /** All upcoming scheduled workshops a city hosts or is registered for, soonest first (callers slice). */
  upcomingWorkshopsByCityId: DataLoader<string, WorkshopDoc[]>;
  /** Pairs the city is mentor or mentee in, most recent first. */
  mentoringByCityId: DataLoader<string, MentoringPairDoc[]>;
  /** Upcoming scheduled workshops on a theme, soonest first: ONE query for all themes asked. */
  upcomingWorkshopsByTheme: DataLoader<string, WorkshopDoc[]>;
}

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
 * Upcoming workshops for a batch of cities in exactly two queries, however many cities: the
 * cities' live registrations, then the workshops they host or registered for.
 */
async function loadUpcomingWorkshops(db: Db, cityIds: readonly string[], now: Date): Promise<WorkshopDoc[][]> {
  const registrations = await findActiveRegistrationsByCityIds(db, cityIds);
  const registeredCities = new Map<string, Set<string>>(); // workshopId -> cities registered
  for (const r of registrations) {
    const set = registeredCities.get(r.workshopId) ?? new Set<string>();
    set.add(r.cityId);
    registeredCities.set(r.workshopId, set);
  }
  const workshops = await findUpcomingWorkshops(db, cityIds, [...registeredCities.keys()], now);
  return manyByKey(cityIds, workshops, (w) => [...(w.hostCityId ? [w.hostCityId] : []), ...(registeredCities.get(w._id) ?? [])]);
}

/** Fresh loaders per request, so one request's cache never leaks into another. */
export function createLoaders(db: Db, settings: SubgraphSettings): WorkshopsLoaders {
  return {
    workshopById: new DataLoader(async (ids) => oneByKey(ids, await findWorkshopsByIds(db, ids))),
    mentoringPairById: new DataLoader(async (ids) => oneByKey(ids, await findMentoringPairsByIds(db, ids))),
    registrationsByWorkshopId: new DataLoader(async (ids) => manyByKey(ids, await findRegistrationsByWorkshopIds(db, ids), (r) => [r.workshopId])),
    upcomingWorkshopsByCityId: new DataLoader((ids) => loadUpcomingWorkshops(db, ids, settings.now())),
    mentoringByCityId: new DataLoader(async (ids) =>
      manyByKey(ids, await findMentoringPairsByCityIds(db, ids), (p) => [p.mentorCityId, p.menteeCityId]),
    ),
    upcomingWorkshopsByTheme: new DataLoader(async (themes) =>
      manyByKey(themes, await findUpcomingWorkshopsOnThemes(db, themes, settings.now()), (w) => w.themes),
    ),
  };
}
