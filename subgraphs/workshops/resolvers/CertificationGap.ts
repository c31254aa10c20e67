import type { CertificationGapResolvers } from '../generated/resolvers-types';
import { attendedGapThemes, gapWorkshops, suggestMentors } from '../workflows/gap';

/**
 * This subgraph's part of the gap to a target level: workshops on the themes where the gap lies
 * (leaving out themes the city was trained on since), and the possible mentors ranked by what they
 * can teach.
 */
export const CertificationGap = {
  __resolveReference: (rep) => rep,
  /** Soonest first; a workshop covering several gap themes appears once. */
  upcomingWorkshops: (rep, _args, ctx) => gapWorkshops(rep, ctx),
  attendedThemes: (rep, _args, ctx) => attendedGapThemes(rep, ctx),
  suggestedMentors: (rep, args, ctx) => suggestMentors(rep, args.first, ctx),
} satisfies CertificationGapResolvers;
