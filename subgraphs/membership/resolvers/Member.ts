import type { MemberResolvers } from '../generated/resolvers-types';
import { memberDues } from '../workflows/dues';
import { memberAnnualFee, memberContacts } from '../workflows/staff-data';

export const Member = {
  id: (member) => member._id,
  /**
   * The member's city, for full members only. This subgraph owns City, so it returns the whole
   * document (through the batched loader) rather than a bare `{id}` reference: the query planner
   * asks this subgraph for `Member.city { name ... }` directly.
   */
  city: (member, _, ctx) => (member.category === 'FULL' && member.cityId ? ctx.loaders.cityById.load(member.cityId) : null),
  /** Not public: CITYNET_STAFF only. */
  contacts: (member, _, ctx) => memberContacts(ctx, member),
  annualFeeUsd: (member, _, ctx) => memberAnnualFee(ctx, member),
  dues: (member, _, ctx) => memberDues(ctx, member),
} satisfies MemberResolvers;
