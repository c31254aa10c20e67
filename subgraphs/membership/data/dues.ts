import type { Collection, Db, IndexDescription } from 'mongodb';
import { ONE_BATCH } from '../../../lib/db/access';
import type { DuesDoc } from './types';

/** Collection `dues`: `_id` = `<memberId>:<year>`. */
export function duesCollection(db: Db): Collection<DuesDoc> {
  return db.collection<DuesDoc>('dues');
}

export const DUES_INDEXES: IndexDescription[] = [{ key: { memberId: 1, year: -1 }, name: 'member_year' }];

/** Every year of dues of these members, newest first per member. */
export async function findDuesOfMembers(db: Db, memberIds: readonly string[]): Promise<Map<string, DuesDoc[]>> {
  const docs = await duesCollection(db)
    .find({ memberId: { $in: [...memberIds] } }, { batchSize: ONE_BATCH })
    .toArray();
  const byMember = new Map<string, DuesDoc[]>(memberIds.map((id) => [id, []]));
  for (const d of docs) byMember.get(d.memberId)?.push(d);
  for (const list of byMember.values()) list.sort((a, b) => b.year - a.year);
  return byMember;
}
