import type { Context } from '../context';
import type { MemberContactsDoc, MemberDoc } from '../data/types';
import { requireMembershipStaff } from '../domain/access';
import { FEE_TABLE } from '../domain/config';
import { annualFeeUsd } from '../domain/fees';

/**
 * A member's staff-only data. Other callers get an error on the field (UNAUTHENTICATED or FORBIDDEN)
 * and null for it, and the rest of the member as usual.
 */
export async function memberContacts(ctx: Context, member: MemberDoc): Promise<MemberContactsDoc | null> {
  requireMembershipStaff(ctx.user);
  return ctx.loaders.contactsByMemberId.load(member._id);
}

/** The annual fee, from the city's population (full members) and the configured fee table. */
export async function memberAnnualFee(ctx: Context, member: MemberDoc): Promise<number> {
  requireMembershipStaff(ctx.user);
  const city = member.category === 'FULL' && member.cityId ? await ctx.loaders.cityById.load(member.cityId) : null;
  return annualFeeUsd(FEE_TABLE, member, city?.population ?? null);
}
