import type { CertificationDoc } from '../data/types';

export type CertificationStatus = CertificationDoc['status'];
export type CertificationAction = 'assignVerifier' | 'dataSubmitted' | 'verificationStarted' | 'award' | 'reject' | 'suspend' | 'reinstate' | 'withdraw';

/**
 * The certification workflow: which stored statuses each action starts from and the one it leads to
 * (`null`: the status stays). `openCertification` creates ENROLLED (any existing certification is a
 * CONFLICT). The work moves it on: the city's submission makes it DATA_SUBMITTED, the first verdict
 * UNDER_VERIFICATION (indicators events, workflows/follow.ts). After the award WCCD staff may suspend,
 * reinstate and withdraw; REJECTED and WITHDRAWN are final (a new data year is a new certification).
 * A CERTIFIED certification whose validity period has passed is shown as EXPIRED (domain/validity.ts).
 * Anything else is a CONFLICT.
 */
export const TRANSITIONS: Record<CertificationAction, { from: readonly CertificationStatus[]; to: CertificationStatus | null }> = {
  // Assigning (or re-assigning: another organisation takes over) does not move the status.
  assignVerifier: { from: ['ENROLLED', 'DATA_SUBMITTED', 'UNDER_VERIFICATION'], to: null },
  dataSubmitted: { from: ['ENROLLED'], to: 'DATA_SUBMITTED' },
  verificationStarted: { from: ['ENROLLED', 'DATA_SUBMITTED'], to: 'UNDER_VERIFICATION' },
  award: { from: ['UNDER_VERIFICATION'], to: 'CERTIFIED' },
  reject: { from: ['ENROLLED', 'DATA_SUBMITTED', 'UNDER_VERIFICATION'], to: 'REJECTED' },
  suspend: { from: ['CERTIFIED'], to: 'SUSPENDED' },
  reinstate: { from: ['SUSPENDED'], to: 'CERTIFIED' },
  withdraw: { from: ['CERTIFIED', 'SUSPENDED'], to: 'WITHDRAWN' },
};

/** Statuses of a certification that has been awarded (the registry's `latest` flag is among these). */
export const AWARDED: readonly CertificationStatus[] = ['CERTIFIED', 'SUSPENDED', 'WITHDRAWN'];
/** Statuses in which the work goes on (a verifier may be assigned, verdicts may be given). */
export const OPEN_STATUSES: readonly CertificationStatus[] = ['ENROLLED', 'DATA_SUBMITTED', 'UNDER_VERIFICATION'];

export function canTransition(action: CertificationAction, from: CertificationStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}
