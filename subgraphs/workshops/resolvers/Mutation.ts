import type { MutationResolvers } from '../generated/resolvers-types';
import { recordAttendance } from '../workflows/attendance';
import { closeMentoringPair, logMentoringSession, pairMentor } from '../workflows/mentoring';
import { addParticipants, cancelRegistration, registerForWorkshop } from '../workflows/registrations';
import { cancelWorkshop, scheduleWorkshop, updateWorkshop } from '../workflows/workshops';

/** Each mutation is one workflow (rules, the audited writes and the cache invalidations live there). */
export const Mutation = {
  scheduleWorkshop: (_, args, ctx) => scheduleWorkshop(ctx, args.input),
  updateWorkshop: (_, args, ctx) => updateWorkshop(ctx, args.id, args.input),
  cancelWorkshop: (_, args, ctx) => cancelWorkshop(ctx, args.id, args.reason),
  registerForWorkshop: (_, args, ctx) => registerForWorkshop(ctx, args.workshopId, args.cityId, args.participants),
  addParticipants: (_, args, ctx) => addParticipants(ctx, args.registrationId, args.participants),
  cancelRegistration: async (_, args, ctx) => {
    const outcome = await cancelRegistration(ctx, args.registrationId);
    return { registration: outcome.registration, promoted: outcome.promoted, promotedRegistrations: outcome.promotedAll, workshop: outcome.workshop };
  },
  recordAttendance: (_, args, ctx) => recordAttendance(ctx, args.registrationId, args.input),
  pairMentor: (_, args, ctx) => pairMentor(ctx, args.mentorCityId, args.menteeCityId, args.focusThemes, args.startedOn),
  logMentoringSession: (_, args, ctx) => logMentoringSession(ctx, args.pairId, args.input),
  closeMentoringPair: (_, args, ctx) => closeMentoringPair(ctx, args.pairId, args.outcome),
} satisfies MutationResolvers;
