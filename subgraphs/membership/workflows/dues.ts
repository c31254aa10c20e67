import { findById } from '../../../lib/db/access';
import { changeDocument } from '../../../lib/db/outbox';
import { codedError } from '../../../lib/graphql/errors';
import type { Context } from '../context';
import { duesCollection } from '../data/dues';
import { membersCollection } from '../data/members';
import type { DuesDoc, MemberDoc } from '../data/types';
import { requireMembershipStaff } from '../domain/access';
import { buildPayment, duesId, duesPaidFor } from '../domain/dues';
import { todayOf } from '../domain/programme';
import type { MemberDuesView } from '../domain/views';
import { memberAnnualFee } from './staff-data';
import { memberLock } from './member-change';

/** A year's dues as staff see them: the fee due (the member's annual fee now) and what was paid. */
function duesView(doc: DuesDoc, dueUsd: number): MemberDuesView {
  const { paidUsd, paid } = duesPaidFor(doc, dueUsd);
  return { year: doc.year, dueUsd, paidUsd, paid, payments: doc.payments, sampleData: doc.sampleData };
}

/**
 * Records a payment of a member's dues for a year (audited, in the year's dues document, under the
 * member's lock so that a standing decided at the same time sees it or not, never half of it).
 */
export async function recordDuesPayment(ctx: Context, args: { memberId: string; year: number; amountUsd: number; paidOn: string }): Promise<MemberDuesView> {
  const actor = requireMembershipStaff(ctx.user);
  const now = ctx.settings.now();
  const { year, payment } = buildPayment(args, todayOf(now), actor.sub);
  const member = await findById(membersCollection(ctx.db), args.memberId);
  if (!member) throw codedError('NOT_FOUND', `No member with id ${JSON.stringify(args.memberId)}.`, { field: 'memberId' });
  const id = duesId(member._id, year);
  const written = await changeDocument<DuesDoc>({
    collection: duesCollection(ctx.db),
    id,
    actor,
    at: now,
    locks: [memberLock(member._id), `dues:${id}`],
    conflict: `The dues of ${member._id} for ${year} were changed by someone else meanwhile; try again.`,
    change(current) {
      const payments = [...(current?.payments ?? []), payment];
      return {
        next: { _id: id, memberId: member._id, year, payments, sampleData: current?.sampleData ?? false },
        audit: [
          { action: 'member.duesPaid', subject: `member:${member._id}`, old: current ? { year, payments: current.payments } : null, new: { year, payment } },
        ],
        scope: { cityId: member.cityId },
      };
    },
  });
  if (!written) throw new Error(`recordDuesPayment: ${id} was not written`);
  // Member.dues (staff-only) is reached through the member lookups and lists.
  ctx.changes.lists();
  return duesView(written, await memberAnnualFee(ctx, member));
}

/** A member's dues per year, newest first (CITYNET_STAFF only, like contacts). */
export async function memberDues(ctx: Context, member: MemberDoc): Promise<MemberDuesView[]> {
  requireMembershipStaff(ctx.user);
  const [docs, fee] = await Promise.all([ctx.loaders.duesByMemberId.load(member._id), memberAnnualFee(ctx, member)]);
  return docs.map((d) => duesView(d, fee));
}
