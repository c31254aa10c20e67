import { closeMentoringPair, logMentoringSession, pairMentor } from '../workflows/mentoring';
import { cancelRegistration, registerForWorkshop } from '../workflows/registrations';
import { cancelWorkshop, scheduleWorkshop, updateWorkshop } from '../workflows/workshops';

export const Mutation = {
  scheduleWorkshop,
  updateWorkshop,
  cancelWorkshop,
  registerForWorkshop,
  cancelRegistration,
  pairMentor,
  logMentoringSession,
  closeMentoringPair,
};
