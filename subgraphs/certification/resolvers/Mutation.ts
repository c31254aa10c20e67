import type { MutationResolvers } from '../generated/resolvers-types';
import {
  assignVerifier,
  awardCertification,
  openCertification,
  reinstateCertification,
  rejectCertification,
  suspendCertification,
  withdrawCertification,
} from '../workflows/certify';

export const Mutation: MutationResolvers = {
  openCertification: (_, args, ctx) => openCertification(args, ctx),
  assignVerifier: (_, args, ctx) => assignVerifier(args, ctx),
  awardCertification: (_, args, ctx) => awardCertification(args, ctx),
  rejectCertification: (_, args, ctx) => rejectCertification(args, ctx),
  suspendCertification: (_, args, ctx) => suspendCertification(args, ctx),
  reinstateCertification: (_, args, ctx) => reinstateCertification(args, ctx),
  withdrawCertification: (_, args, ctx) => withdrawCertification(args, ctx),
};
