import type { MutationResolvers } from '../generated/resolvers-types';
import { admitMember } from '../workflows/admission';
import { setNationalChapter } from '../workflows/chapter';
import { updateCity } from '../workflows/city';
import { setMemberClusters } from '../workflows/clusters';
import { recordDuesPayment } from '../workflows/dues';
import { enrolCity } from '../workflows/enrolment';
import { acceptApplication, applyToProgramme, declineApplication, openProgrammeRound, shortlistApplication, withdrawApplication } from '../workflows/programme';
import { changeMemberStatus } from '../workflows/status';

/** CityNet membership workflows (workflows/): each checks the role, validates, writes audited, declares its changes. */
export const Mutation = {
  admitMember: (_, { input }, ctx) => admitMember(ctx, input),
  changeMemberStatus: (_, args, ctx) => changeMemberStatus(ctx, args),
  setMemberClusters: (_, args, ctx) => setMemberClusters(ctx, args),
  setNationalChapter: (_, args, ctx) => setNationalChapter(ctx, args),
  enrolCity: (_, args, ctx) => enrolCity(ctx, args),
  updateCity: (_, args, ctx) => updateCity(ctx, args),
  recordDuesPayment: (_, args, ctx) => recordDuesPayment(ctx, args),
  openProgrammeRound: (_, { input }, ctx) => openProgrammeRound(ctx, input),
  applyToProgramme: (_, { input }, ctx) => applyToProgramme(ctx, input),
  shortlistProgrammeApplication: (_, args, ctx) => shortlistApplication(ctx, args),
  acceptProgrammeApplication: (_, args, ctx) => acceptApplication(ctx, args),
  declineProgrammeApplication: (_, args, ctx) => declineApplication(ctx, args),
  withdrawProgrammeApplication: (_, args, ctx) => withdrawApplication(ctx, args),
} satisfies MutationResolvers;
