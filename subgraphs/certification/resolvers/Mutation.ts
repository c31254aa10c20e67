import type { MutationResolvers } from '../generated/resolvers-types';
import { assignVerifier, awardCertification, openCertification, rejectCertification } from '../workflows/certify';

export const Mutation: MutationResolvers = {
  openCertification: (_, args, ctx) => openCertification(args, ctx),
  assignVerifier: (_, args, ctx) => assignVerifier(args, ctx),
  awardCertification: (_, args, ctx) => awardCertification(args, ctx),
  rejectCertification: (_, args, ctx) => rejectCertification(args, ctx),
};
