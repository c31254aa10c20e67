import type { MutationResolvers } from '../generated/resolvers-types';
import { admitMember } from '../workflows/admission';
import { setNationalChapter } from '../workflows/chapter';
import { setMemberClusters } from '../workflows/clusters';
import { enrolCity } from '../workflows/enrolment';
import { changeMemberStatus } from '../workflows/status';

/** CityNet membership workflows (workflows/): each checks the role, validates, writes audited, declares its changes. */
export const Mutation = {
  admitMember: (_, { input }, ctx) => admitMember(ctx, input),
  changeMemberStatus: (_, args, ctx) => changeMemberStatus(ctx, args),
  setMemberClusters: (_, args, ctx) => setMemberClusters(ctx, args),
  setNationalChapter: (_, args, ctx) => setNationalChapter(ctx, args),
  enrolCity: (_, args, ctx) => enrolCity(ctx, args),
} satisfies MutationResolvers;
