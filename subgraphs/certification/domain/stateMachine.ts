import type { CertificationDoc } from '../data/types';

export type CertificationStatus = CertificationDoc['status'];
export type CertificationAction = 'assignVerifier' | 'award' | 'reject';

/**
 * The certification workflow: which statuses each action starts from and the one it leads to.
 * `openCertification` creates ENROLLED (any existing certification is a CONFLICT); CERTIFIED and
 * REJECTED are final (a new data year is a new certification). Anything else is a CONFLICT.
 */
export const TRANSITIONS: Record<CertificationAction, { from: readonly CertificationStatus[]; to: CertificationStatus }> = {
  // Re-assigning while UNDER_VERIFICATION hands the work to another organisation.
  assignVerifier: { from: ['ENROLLED', 'DATA_SUBMITTED', 'UNDER_VERIFICATION'], to: 'UNDER_VERIFICATION' },
  award: { from: ['UNDER_VERIFICATION'], to: 'CERTIFIED' },
  reject: { from: ['ENROLLED', 'DATA_SUBMITTED', 'UNDER_VERIFICATION'], to: 'REJECTED' },
};

export function canTransition(action: CertificationAction, from: CertificationStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}
