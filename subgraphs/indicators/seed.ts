import type { Db } from 'mongodb';
import type { SampleDataset } from '../../data/sample/types';
import { ensureIndicatorValueIndexes, indicatorValues } from './data/indicatorValues';

const META = '_meta';

/** Inserts the indicator values of the dataset once; a `_meta` marker makes later runs a no-op. */
export async function seed(db: Db, dataset: SampleDataset): Promise<boolean> {
  const meta = db.collection<{ _id: string; seededAt: Date }>(META);
  if (await meta.findOne({ _id: { $eq: 'seed' } })) return false;
  await ensureIndicatorValueIndexes(db);
  const values = dataset.indicators.indicator_values;
  // insertMany rejects an empty list; unordered lets the server insert in bulk.
  if (values.length > 0) await indicatorValues(db).insertMany(values, { ordered: false });
  await meta.insertOne({ _id: 'seed', seededAt: new Date() });
  return true;
}
