import { LOADER_BATCH_SIZE } from '../../../lib/db/mongo';
import type { Collection, Db } from 'mongodb';
import type { MemberDoc } from './types';

/**
 * Collection `member_contacts`: each member's focal point, `_id` = member id. Kept apart from the
 * public member documents so no public query can return it by accident.
 */
export interface MemberContactsDoc {
  _id: string;
  focalPointName: string;
  email: string;
  sampleData: boolean;
}

export function contactsCollection(db: Db): Collection<MemberContactsDoc> {
  return db.collection<MemberContactsDoc>('member_contacts');
}

export async function findContactsByMemberIds(db: Db, ids: readonly string[]): Promise<MemberContactsDoc[]> {
  return contactsCollection(db).find({ _id: { $in: [...ids] } }, { batchSize: LOADER_BATCH_SIZE }).toArray();
}

/** Obviously made-up focal points for the sample members (reserved example.org addresses). */
export function sampleContacts(members: MemberDoc[]): MemberContactsDoc[] {
  return members.map((m) => ({
    _id: m._id,
    focalPointName: `Sample Focal Point (${m.name})`,
    email: `focal-point.${m._id}@sample.example.org`,
    sampleData: true,
  }));
}
