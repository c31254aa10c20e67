import type { CertificationGapResolvers } from '../generated/resolvers-types';
import type { Known } from './index';
import { gapOf, mentorCandidates } from '../workflows/gap';

/** This subgraph's part of the gap: what is missing for the target, from the city's coverage summary. */
export const CertificationGap = {
  // The representation carries the thresholds and the mentor pool (@requires); fields compute from it.
  __resolveReference: (rep) => rep,
  missingCore: async (rep, _, ctx) => (await gapOf(rep, ctx)).missingCore,
  unverifiedCore: async (rep, _, ctx) => (await gapOf(rep, ctx)).unverifiedCore,
  coreVerified: async (rep, _, ctx) => (await gapOf(rep, ctx)).coreVerified,
  supportingVerified: async (rep, _, ctx) => (await gapOf(rep, ctx)).supportingVerified,
  coreNeeded: async (rep, _, ctx) => (await gapOf(rep, ctx)).coreNeeded,
  supportingNeeded: async (rep, _, ctx) => (await gapOf(rep, ctx)).supportingNeeded,
  reached: async (rep, _, ctx) => {
    const gap = await gapOf(rep, ctx);
    return gap.coreNeeded === 0 && gap.supportingNeeded === 0;
  },
  gapThemes: async (rep, _, ctx) => (await gapOf(rep, ctx)).gapThemes,
  mentorCandidates: (rep, _, ctx) => mentorCandidates(rep, ctx),
} satisfies Known<CertificationGapResolvers>;
