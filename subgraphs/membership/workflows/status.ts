import { checkText } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { MemberDoc, MemberStatus } from '../data/types';
import { requireMembershipStaff } from '../domain/access';
import { checkTransition } from '../domain/status';
import { changeMemberFields } from './member-change';

/** Changes a member's status with a reason (audited); the current status again changes nothing. */
export async function changeMemberStatus(ctx: Context, args: { memberId: string; status: MemberStatus; reason: string }): Promise<MemberDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const reason = checkText(args.reason, 'reason', 3, 1000);
  return changeMemberFields(ctx, actor, args.memberId, 'member.statusChanged', (member) => {
    if (member.status === args.status) return null; // already so: a retry is harmless
    checkTransition(member.status, args.status);
    return { set: { status: args.status }, note: { reason } };
  });
}
