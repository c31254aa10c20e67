import type { Context } from '../context';
import type { MemberDoc } from '../data/types';
import { requireMembershipStaff } from '../domain/access';
import { checkChapter } from '../domain/chapters';
import { changeMemberFields } from './member-change';

/** Sets (or, with null, clears) a member's national chapter from the configured list (audited). */
export async function setNationalChapter(ctx: Context, args: { memberId: string; nationalChapter?: string | null }): Promise<MemberDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const chapter = args.nationalChapter == null ? null : checkChapter(args.nationalChapter, 'nationalChapter');
  return changeMemberFields(ctx, actor, args.memberId, 'member.nationalChapterSet', (member) =>
    member.nationalChapter === chapter ? null : { set: { nationalChapter: chapter } },
  );
}
