import { requireRole } from '../../../lib/auth/guards';
import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { codedError } from '../../../lib/graphql/errors';

/**
 * Who may read what beyond the public certification data. Checked in this subgraph itself: it trusts
 * no other subgraph's check (the audit trail's root field lives in the indicators subgraph).
 */

/** Why WCCD refused a certification: for WCCD staff and the city's own officers. */
export function mayReadRejectionReason(user: AuthUser | null, cityId: string): boolean {
  return hasRole(user, 'WCCD_STAFF') || (hasRole(user, 'CITY_OFFICER') && user!.cityId === cityId);
}

/** The audit trail of a city: WCCD staff and the city's own officers; anyone else is refused. */
export function requireAuditReader(user: AuthUser | null, cityId: string): AuthUser {
  const reader = requireRole(user, 'WCCD_STAFF', 'CITY_OFFICER');
  if (!hasRole(reader, 'WCCD_STAFF') && reader.cityId !== cityId) {
    throw codedError('FORBIDDEN', `The audit trail of ${cityId} is for WCCD staff and ${cityId}'s own officers only.`);
  }
  return reader;
}
