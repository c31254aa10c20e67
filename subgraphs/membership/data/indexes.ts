import type { Db } from 'mongodb';
import { ensureIndexes } from '../../../lib/db/access';
import { ensureAuditIndexes } from '../../../lib/db/outbox';
import { CITY_INDEXES, citiesCollection } from './cities';
import { MEMBER_INDEXES, membersCollection } from './members';

/** Every index of this database, created at start-up (each a no-op when it exists). */
export async function ensureMembershipIndexes(db: Db): Promise<void> {
  await ensureIndexes(citiesCollection(db), CITY_INDEXES);
  await ensureIndexes(membersCollection(db), MEMBER_INDEXES);
  await ensureAuditIndexes(db);
}
