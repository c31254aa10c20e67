import { checkDistinct } from '../../../lib/graphql/inputs';
import type { Context } from '../context';
import type { Cluster, MemberDoc } from '../data/types';
import { requireMembershipStaff } from '../domain/access';
import { changeMemberFields } from './member-change';

/** Replaces a member's clusters (audited); the same list again changes nothing. */
export async function setMemberClusters(ctx: Context, args: { memberId: string; clusters: readonly Cluster[] }): Promise<MemberDoc> {
  const actor = requireMembershipStaff(ctx.user);
  const clusters = checkDistinct(args.clusters, 'clusters');
  return changeMemberFields(ctx, actor, args.memberId, 'member.clustersSet', (member) =>
    member.clusters.length === clusters.length && member.clusters.every((c, i) => c === clusters[i]) ? null : { set: { clusters } },
  );
}
