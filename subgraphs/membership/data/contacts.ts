import type { Collection, Db } from 'mongodb';
import type { MemberContactsDoc, MemberDoc } from './types';

export function contactsCollection(db: Db): Collection<MemberContactsDoc> {
  return db.collection<MemberContactsDoc>('member_contacts');
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
