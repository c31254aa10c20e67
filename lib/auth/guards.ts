import { codedError } from '../graphql/errors';
import type { AuthUser, Role } from './roles';

/** The caller must be signed in with one of `roles`: otherwise UNAUTHENTICATED (anonymous) or FORBIDDEN. */
export function requireRole(user: AuthUser | null | undefined, ...roles: Role[]): AuthUser {
  // The roles are named in the extensions too: the gateway, which asks public data anonymously for
  // partner apps, turns this into the FORBIDDEN a signed-in partner app should see.
  if (!user) throw codedError('UNAUTHENTICATED', `Sign in first: this needs one of the roles ${roles.join(', ')}.`, { requiredRoles: roles });
  if (!user.roles.some((r) => roles.includes(r))) {
    throw codedError('FORBIDDEN', `This needs one of the roles ${roles.join(', ')}; you have ${user.roles.join(', ') || 'none'}.`);
  }
  return user;
}

/** A CITY_OFFICER acts for its own city only. */
export function requireOfficerOf(user: AuthUser | null | undefined, cityId: string): AuthUser {
  const officer = requireRole(user, 'CITY_OFFICER');
  if (officer.cityId !== cityId) throw codedError('FORBIDDEN', `A city officer of ${officer.cityId} cannot act for ${cityId}.`);
  return officer;
}
