import type { MemberDoc } from '../data/types';
import { requireRole } from '../../../lib/auth/guards';
import { annualFeeUsd, FEE_TABLE } from '../config';
import type { Context } from '../context';

export const Member = {
  id: (member: MemberDoc) => member._id,
  /**
   * The member's city, for full members only. This subgraph owns City, so it returns the whole
   * document (through the batched loader) rather than a bare `{id}` reference: the query planner
   * asks this subgraph for `Member.city { name ... }` directly.
   */
  city: (member: MemberDoc, _: unknown, ctx: Context) =>
    member.category === 'FULL' && member.cityId ? ctx.loaders.cityById.load(member.cityId) : null,

  /**
   * Not public: CITYNET_STAFF only. Other callers get null for this field with an error on its path
   * (UNAUTHENTICATED or FORBIDDEN), and the rest of the member as usual.
   */
  async contacts(member: MemberDoc, _: unknown, ctx: Context) {
    requireRole(ctx.user, 'CITYNET_STAFF');
    return ctx.loaders.contactsByMemberId.load(member._id);
  },

  /** Not public either; from the city's population (full members) and the configured fee table. */
  async annualFeeUsd(member: MemberDoc, _: unknown, ctx: Context) {
    requireRole(ctx.user, 'CITYNET_STAFF');
    const city = member.category === 'FULL' && member.cityId ? await ctx.loaders.cityById.load(member.cityId) : null;
    return annualFeeUsd(FEE_TABLE, member, city?.population ?? null);
  },
};
