import type { QueryResolvers } from '../generated/resolvers-types';
import { listMentoringPairs, listWorkshops } from '../workflows/listings';

export const Query = {
  workshop: (_, args, ctx) => ctx.loaders.workshopById.load(args.id),
  workshops: (_, args, ctx) => listWorkshops(ctx, args),
  mentoringPair: (_, args, ctx) => ctx.loaders.mentoringPairById.load(args.id),
  mentoringPairs: (_, args, ctx) => listMentoringPairs(ctx, args),
} satisfies QueryResolvers;
