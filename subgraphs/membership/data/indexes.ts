import type { Db } from 'mongodb';
import { ensureIndexes } from '../../../lib/db/access';
import { ensureAuditIndexes } from '../../../lib/db/outbox';
import { CITY_INDEXES, citiesCollection } from './cities';
import { DUES_INDEXES, duesCollection } from './dues';
import { MEMBER_INDEXES, membersCollection } from './members';
import { APPLICATION_INDEXES, applicationsCollection, ROUND_INDEXES, roundsCollection } from './programme';

/**
 * Every index of this database, created at start-up (each a no-op when it exists). The search index
 * (data/search-index.ts) needs none: it is read by `_id` only.
 */
export async function ensureMembershipIndexes(db: Db): Promise<void> {
  await ensureIndexes(citiesCollection(db), CITY_INDEXES);
  await ensureIndexes(membersCollection(db), MEMBER_INDEXES);
  await ensureIndexes(roundsCollection(db), ROUND_INDEXES);
  await ensureIndexes(applicationsCollection(db), APPLICATION_INDEXES);
  await ensureIndexes(duesCollection(db), DUES_INDEXES);
  await ensureAuditIndexes(db);
}
