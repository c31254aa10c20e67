import type { Db } from 'mongodb';
import type { SampleDataset } from '../../data/sample/types';
import { findById, insertManyIgnoringDuplicates } from '../../lib/db/access';
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
  const empty = !(await indicatorReports(db).findOne({}, { projection: { _id: 1 } })) && !(await db.collection(INDICATOR_VALUES).findOne({}, { projection: { _id: 1 } }));
  await ensureIndicatorReportIndexes(db);
  const catalogue = defaultCatalogue();
  const reports = reportsFromValues(dataset.indicators.indicator_values, SAMPLE_DATA_ENTERED_BY);
  await insertManyIgnoringDuplicates(indicatorReports(db), reports);
  await insertSummaries(db, reports.map((r) => coverageSummaryOf(r, catalogue)));
  if (empty) await recordAsApplied(db, indicatorMigrations(catalogue));
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
