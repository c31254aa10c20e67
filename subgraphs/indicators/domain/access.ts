import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { requireRole } from '../../../lib/auth/guards';
import { codedError } from '../../../lib/graphql/errors';

/**
 * Who may see a city's values that are not VERIFIED (DRAFT, SUBMITTED, REJECTED) and verifier notes:
 * the city's own officers, verifiers and WCCD staff. Everyone else sees VERIFIED values only.
 */
export function canSeeUnpublished(user: AuthUser | null, cityId: string): boolean {
  if (hasRole(user, 'WCCD_STAFF', 'VERIFIER')) return true;
  return hasRole(user, 'CITY_OFFICER') && user!.cityId === cityId;
}

/** The audit trail of a city and year: WCCD staff and that city's officers only. */
export function requireAuditReader(user: AuthUser | null, cityId: string): AuthUser {
  const reader = requireRole(user, 'WCCD_STAFF', 'CITY_OFFICER');
  if (!hasRole(reader, 'WCCD_STAFF') && reader.cityId !== cityId) {
    throw codedError('FORBIDDEN', `The audit trail of ${cityId} is for WCCD staff and ${cityId}'s own officers only.`);
  }
  return reader;
}
