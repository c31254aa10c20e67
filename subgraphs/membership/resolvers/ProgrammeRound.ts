import type { ProgrammeRoundResolvers } from '../generated/resolvers-types';
import { isWindowOpen } from '../domain/programme';
import { roundApplications } from '../workflows/programme';

export const ProgrammeRound = {
  /** "Now" comes from the settable clock. */
  open: (round, _, ctx) => isWindowOpen(round, ctx.settings.now()),
  seatsTaken: (round, _, ctx) => ctx.loaders.seatsTakenByRound.load(round.year),
  /** CityNet staff only. */
  applications: (round, args, ctx) => roundApplications(ctx, round, args),
} satisfies ProgrammeRoundResolvers;
