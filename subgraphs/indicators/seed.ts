import type { Db } from 'mongodb';
import type { SampleDataset } from '../../data/sample/types';
import { ensureIndicatorReportIndexes, indicatorReports, reportsFromValues } from './data/indicatorReports';

const META = '_meta';

/** Who entered the sample values (a subject no real token carries, so four-eyes never blocks a verifier). */
export const SAMPLE_DATA_ENTERED_BY = 'sample-data';

/**
 * Inserts the indicator values of the dataset once, grouped into one report per city and year; a
 * `_meta` marker makes later runs a no-op.
 */
export async function seed(db: Db, dataset: SampleDataset): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>(META);
  if (await meta.findOne({ _id: { $eq: 'seed' } })) return false;
  await ensureIndicatorReportIndexes(db);
  const reports = reportsFromValues(dataset.indicators.indicator_values, SAMPLE_DATA_ENTERED_BY);
  // insertMany rejects an empty list; unordered lets the server insert in bulk.
  if (reports.length > 0) await indicatorReports(db).insertMany(reports, { ordered: false });
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
