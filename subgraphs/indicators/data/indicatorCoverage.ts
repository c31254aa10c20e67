import type { Collection, Db } from 'mongodb';
import { findByIds, insertManyIgnoringDuplicates } from '../../../lib/db/access';
import type { DerivedWrite } from '../../../lib/db/outbox';
import type { IndicatorCoverageDoc } from './types';

/**
 * Collection `indicator_coverage`: one small summary per report (`_id` = `city:year`), derived from it
 * in the same single-document write (the report's outbox, lib/db/outbox.ts). Coverage, the gap and
 * the mentors' verified themes read these instead of decoding reports (~6 KB, 8–10 ms each on FerretDB).
 * Looked up by `_id` only, so it needs no index of its own.
 */
export const INDICATOR_COVERAGE = 'indicator_coverage';

export function indicatorCoverage(db: Db): Collection<IndicatorCoverageDoc> {
  return db.collection<IndicatorCoverageDoc>(INDICATOR_COVERAGE);
}

/** The summaries with these `_id`s (`city:year`); missing ones (nothing reported) are left out. */
export function findSummariesByIds(db: Db, ids: readonly string[]): Promise<IndicatorCoverageDoc[]> {
  return findByIds(indicatorCoverage(db), ids);
}

/** The summary as a derived write of its report's outbox (replaced by `_id` when the outbox is carried out). */
export function summaryWrite(summary: IndicatorCoverageDoc): DerivedWrite {
  return { collection: INDICATOR_COVERAGE, doc: summary };
}

/** Replaces (or creates) one summary by `_id` (migrations; writes go through the report's outbox). */
export async function replaceSummary(db: Db, summary: IndicatorCoverageDoc): Promise<void> {
  await indicatorCoverage(db).replaceOne({ _id: summary._id }, summary, { upsert: true });
}

/** Inserts summaries of freshly inserted reports (the seed), skipping any already stored. */
export function insertSummaries(db: Db, summaries: IndicatorCoverageDoc[]): Promise<void> {
  return insertManyIgnoringDuplicates(indicatorCoverage(db), summaries);
}
