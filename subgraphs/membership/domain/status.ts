import { codedError } from '../../../lib/graphql/errors';
import type { MemberStatus } from '../data/types';

/** Which status changes make sense; setting the current status again is a no-op (decided by the workflow). */
export const STATUS_TRANSITIONS: Record<MemberStatus, readonly MemberStatus[]> = {
  PENDING: ['ACTIVE', 'WITHDRAWN'],
  ACTIVE: ['SUSPENDED', 'WITHDRAWN'],
  SUSPENDED: ['ACTIVE', 'WITHDRAWN'],
  // A withdrawn member re-applies: it becomes PENDING again.
  WITHDRAWN: ['PENDING'],
};

/** Refuses (CONFLICT on `status`) a change the member's current status does not allow. */
export function checkTransition(from: MemberStatus, to: MemberStatus): void {
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    throw codedError('CONFLICT', `A ${from} member cannot become ${to} (allowed: ${STATUS_TRANSITIONS[from].join(', ')}).`, { field: 'status' });
  }
}
