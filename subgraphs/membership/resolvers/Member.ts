import type { MemberDoc } from '../../../data/sample/types';
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
};
