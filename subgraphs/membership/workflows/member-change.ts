import { changeDocument } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';
import type { AuthUser } from '../../../lib/auth/roles';
import type { Context } from '../context';
import { membersCollection } from '../data/members';
import type { MemberDoc } from '../data/types';

/** Changes of one member never interleave (FerretDB has no atomic conditional update). */
export const memberLock = (id: string) => `member:${id}`;

/** What a member change sets, and what else its audit entry records (e.g. a reason). */
export interface MemberFieldChange {
  set: Partial<Pick<MemberDoc, 'status' | 'clusters' | 'nationalChapter'>>;
  note?: Record<string, unknown>;
}

/**
 * Changes fields of one member in the one audited write (lib/db/outbox.ts): under the member's lock,
 * `decide` sees the current member and returns what to set (null: nothing changes, nothing is
 * written); the member and its audit entry (old and new values) are one single-document write.
 * Declares what changed for the gateways' caches: the member's lists and lookups, and its city's
 * `membership`.
 */
export async function changeMemberFields(
  ctx: Context,
  actor: AuthUser,
  memberId: string,
  action: string,
  decide: (member: MemberDoc) => MemberFieldChange | null,
): Promise<MemberDoc> {
  let changed = false;
  const member = await changeDocument<MemberDoc>({
    collection: membersCollection(ctx.db),
    id: memberId,
    actor,
    at: ctx.settings.now(),
    locks: [memberLock(memberId)],
    conflict: `The member ${JSON.stringify(memberId)} was changed by someone else meanwhile; try again.`,
    change(current) {
      if (!current) throw codedError('NOT_FOUND', `No member with id ${JSON.stringify(memberId)}.`, { field: 'memberId' });
      const decided = decide(current);
      if (!decided) return null;
      changed = true;
      const { version: _version, outbox: _outbox, ...fields } = current;
      const old = Object.fromEntries(Object.keys(decided.set).map((k) => [k, current[k as keyof MemberDoc]]));
      return {
        next: { ...fields, ...decided.set },
        audit: [{ action, subject: `member:${memberId}`, old, new: { ...decided.set, ...decided.note } }],
        scope: { cityId: current.cityId },
      };
    },
  });
  if (!member) throw codedError('NOT_FOUND', `No member with id ${JSON.stringify(memberId)}.`, { field: 'memberId' });
  if (!changed) {
    ctx.changes.unchanged();
  } else {
    ctx.changes.lists();
    if (member.cityId) ctx.changes.entity('City', { id: member.cityId });
  }
  return member;
}
