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

/** The roles peer comparison is for (named to an anonymous caller, so the gateway can tell a partner app FORBIDDEN). */
const PEER_ROLES = ['WCCD_STAFF', 'CITYNET_STAFF', 'CITY_OFFICER'] as const;

/**
 * Who may compare a city with its peers (part of what certification brings a city): WCCD and CityNet
 * staff, any city; a city's own officers, their city (whether it is currently certified is checked
 * after, from the registry: 'OFFICER'). Anyone else is refused with the reason.
 */
export function peerAnalyst(user: AuthUser | null, cityId: string): 'STAFF' | 'OFFICER' {
  if (!user)
    throw codedError('UNAUTHENTICATED', `Sign in first: peer comparison needs one of the roles ${PEER_ROLES.join(', ')}.`, { requiredRoles: PEER_ROLES });
  if (hasRole(user, 'WCCD_STAFF', 'CITYNET_STAFF')) return 'STAFF';
  if (hasRole(user, 'CITY_OFFICER')) {
    if (user.cityId !== cityId)
      throw codedError(
        'FORBIDDEN',
        `Peer comparison of ${cityId} is for ${cityId}'s own officers (and WCCD and CityNet staff); you are an officer of ${user.cityId ?? 'no city'}.`,
      );
    return 'OFFICER';
  }
  throw codedError(
    'FORBIDDEN',
    `Peer comparison is for the officers of currently certified cities, WCCD staff and CityNet staff; you have ${user.roles.join(', ') || 'no role'}. The registry and each city's verified values stay public.`,
  );
}
