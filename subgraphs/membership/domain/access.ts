import { requireRole } from '../../../lib/auth/guards';
import type { AuthUser } from '../../../lib/auth/roles';

/**
 * Who may do what in membership: CityNet staff make every change and alone read members' contacts
 * and fees; everything else (cities, members, memberships, enrolments) is public.
 */
export function requireMembershipStaff(user: AuthUser | null | undefined): AuthUser {
  return requireRole(user, 'CITYNET_STAFF');
}
