import type { Db } from 'mongodb';
import type { SampleDataset } from '../../data/sample/types';
import { findById, insertManyIgnoringDuplicates } from '../../lib/db/access';
import { cityYears, type CityYearsDoc } from './data/cityYears';
import { insertSummaries } from './data/indicatorCoverage';
import { ensureIndicatorReportIndexes, indicatorReports, reportsFromValues } from './data/indicatorReports';
import { indicatorMigrations, INDICATOR_VALUES, recordAsApplied } from './data/migrations';
import { defaultCatalogue } from './domain/catalogue';
import { coverageSummaryOf } from './domain/coverage';
import { SAMPLE_DATA_ENTERED_BY } from './domain/values';

export { SAMPLE_DATA_ENTERED_BY } from './domain/values';

const META = '_meta';

/**
 * Inserts the indicator values of the dataset once, grouped into one report per city and year, each
 * with its coverage summary; a `_meta` marker makes later runs a no-op. A database that held no
 * indicator data is now in the current shape, so its migrations are recorded as applied.
 */
export async function seed(db: Db, dataset: SampleDataset): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>(META);
  if (await findById(meta, 'seed')) return false;
  const empty =
    !(await indicatorReports(db).findOne({}, { projection: { _id: 1 } })) && !(await db.collection(INDICATOR_VALUES).findOne({}, { projection: { _id: 1 } }));
  await ensureIndicatorReportIndexes(db);
  const catalogue = defaultCatalogue();
  const reports = reportsFromValues(dataset.indicators.indicator_values, SAMPLE_DATA_ENTERED_BY);
  await insertManyIgnoringDuplicates(indicatorReports(db), reports);
  await insertSummaries(
    db,
    reports.map((r) => coverageSummaryOf(r, catalogue)),
  );
  // Each city's data years (data/cityYears.ts), in one insert: the seed is the first writer of these cities.
  const years = new Map<string, Set<number>>();
  for (const r of reports) years.set(r.cityId, (years.get(r.cityId) ?? new Set()).add(r.year));
  await insertManyIgnoringDuplicates(
    cityYears(db),
    [...years].map(([cityId, y]): CityYearsDoc => ({ _id: cityId, years: [...y].sort((a, b) => a - b), version: 1 })),
  );
  if (empty) await recordAsApplied(db, indicatorMigrations(catalogue));
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
