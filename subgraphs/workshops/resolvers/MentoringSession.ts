import type { MentoringSessionResolvers } from '../generated/resolvers-types';
import { localHeldAt } from '../workflows/views';

export const MentoringSession = {
  summary: (session) => session.summary ?? null,
  /** In the mentor's time zone; asked of membership only for pairs made before zones were stored. */
  localHeldAt: (session, _args, ctx) => localHeldAt(ctx, session),
} satisfies MentoringSessionResolvers;
