import type { MutationResolvers } from '../generated/resolvers-types';
import { closeMentoringPair, logMentoringSession, pairMentor } from '../workflows/mentoring';
import { cancelRegistration, registerForWorkshop } from '../workflows/registrations';
import { cancelWorkshop, scheduleWorkshop, updateWorkshop } from '../workflows/workshops';

/** Each mutation is one workflow (rules, the audited writes and the cache invalidations live there). */
export const Mutation = {
  scheduleWorkshop: (_, args, ctx) => scheduleWorkshop(ctx, args.input),
  updateWorkshop: (_, args, ctx) => updateWorkshop(ctx, args.id, args.input),
  cancelWorkshop: (_, args, ctx) => cancelWorkshop(ctx, args.id, args.reason),
  registerForWorkshop: (_, args, ctx) => registerForWorkshop(ctx, args.workshopId, args.cityId),
  cancelRegistration: (_, args, ctx) => cancelRegistration(ctx, args.registrationId),
  pairMentor: (_, args, ctx) => pairMentor(ctx, args.mentorCityId, args.menteeCityId, args.focusThemes),
  logMentoringSession: (_, args, ctx) => logMentoringSession(ctx, args.pairId, args.input),
  closeMentoringPair: (_, args, ctx) => closeMentoringPair(ctx, args.pairId),
} satisfies MutationResolvers;
