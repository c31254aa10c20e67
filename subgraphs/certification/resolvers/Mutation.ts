import type { Context } from '../context';
import type { CertificationRecord } from '../data/certifications';
import type { CertificationLevel } from '../levels';
import { assignVerifier, awardCertification, openCertification, rejectCertification } from '../workflow/certify';

type Key = { cityId: string; year: number };

export const Mutation = {
  openCertification: (_: unknown, args: Key, ctx: Context): Promise<CertificationRecord> => openCertification(args, ctx),
  assignVerifier: (_: unknown, args: Key & { verifierOrganisationId: string }, ctx: Context): Promise<CertificationRecord> => assignVerifier(args, ctx),
  awardCertification: (_: unknown, args: Key & { level?: CertificationLevel | null }, ctx: Context): Promise<CertificationRecord> =>
    awardCertification(args, ctx),
  rejectCertification: (_: unknown, args: Key & { reason: string }, ctx: Context): Promise<CertificationRecord> => rejectCertification(args, ctx),
};
