import type { Collection, Db } from 'mongodb';
import { findByIds, findById } from '../../../lib/db/access';
import { changeDocument, type Outbox } from '../../../lib/db/outbox';
import type { AuthUser } from '../../../lib/auth/roles';
import { indicatorCoverage } from './indicatorCoverage';
import { parseReportId } from './indicatorReports';

/**
 * Collection `indicator_city_years`: per city (`_id` = city id), the data years it may have values for,
 * so that `City.latestDataYear` (the default year of a profile) costs one lookup by `_id` instead of one
 * per programme year. A SUPERSET of the truth: a year is added before its first report is written
 * (saveIndicatorValues), so a write that then fails leaves an extra year (its summary is simply not
 * found), never a missing one. Years are never removed (values are never deleted). Built for reports
 * written before it existed by a migration (data/migrations.ts) and by the seed.
 */
export const CITY_YEARS = 'indicator_city_years';

export interface CityYearsDoc {
  _id: string;
  /** Ascending. */
  years: number[];
  version?: number;
  outbox?: Outbox;
}

export function cityYears(db: Db): Collection<CityYearsDoc> {
  return db.collection<CityYearsDoc>(CITY_YEARS);
}

export function cityYearsLockKey(cityId: string): string {
  return `city-years:${cityId}`;
}

/** The documents of these cities (cities without one are left out: nothing noted, look everywhere). */
export function findCityYears(db: Db, cityIds: readonly string[]): Promise<CityYearsDoc[]> {
  return findByIds(cityYears(db), cityIds);
}

const SYSTEM: AuthUser = { sub: 'indicators:city-years', roles: [] };

/**
 * Notes that the city has (or is about to have) values for these years: one write under the city's
 * lock when a year is new, nothing otherwise (read first without the lock: a save of a known year
 * costs one lookup by `_id`).
 */
export async function noteDataYears(db: Db, cityId: string, years: readonly number[], at: Date, actor: AuthUser = SYSTEM): Promise<void> {
  const known = await findById(cityYears(db), cityId);
  if (known && years.every((y) => known.years.includes(y))) return;
  await changeDocument<CityYearsDoc>({
    collection: cityYears(db),
    id: cityId,
    actor,
    at,
    locks: [cityYearsLockKey(cityId)],
    conflict: `The data years of ${cityId} were noted meanwhile; try again.`,
    change(current) {
      const all = new Set([...(current?.years ?? []), ...years]);
      if (current && all.size === current.years.length) return null;
      return { next: { _id: cityId, years: [...all].sort((a, b) => a - b) }, audit: [], scope: { cityId } };
    },
  });
}

/** Notes the years of every report (from the coverage summaries' `_id`s): the migration and the seed. */
export async function noteYearsOfAllReports(db: Db, at: Date): Promise<void> {
  const ids = (
    await indicatorCoverage(db)
      .find({}, { projection: { _id: 1 } })
      .toArray()
  ).map((s) => s._id);
  const byCity = new Map<string, number[]>();
  for (const id of ids) {
    const { cityId, year } = parseReportId(id);
    byCity.set(cityId, [...(byCity.get(cityId) ?? []), year]);
  }
  for (const [cityId, years] of byCity) await noteDataYears(db, cityId, years, at);
}
