import { requireRole } from '../../../lib/auth/guards';
import { hasRole, type AuthUser } from '../../../lib/auth/roles';
import { codedError } from '../../../lib/graphql/errors';

/**
 * Who may read what in workshops: everything is public except the people a city registers (CityNet
 * staff and that city's officers) and the cities a cancellation affects with their contacts (CityNet
 * staff). Anonymous callers are told to sign in, others FORBIDDEN; the field answers null.
 */
export function requireParticipantReader(user: AuthUser | null | undefined, cityId: string): AuthUser {
  const reader = requireRole(user, 'CITYNET_STAFF', 'CITY_OFFICER');
  if (!hasRole(reader, 'CITYNET_STAFF') && reader.cityId !== cityId) {
    throw codedError('FORBIDDEN', `Participants of ${cityId} are for CityNet staff and ${cityId}'s officers only; you are an officer of ${reader.cityId}.`);
  }
  return reader;
}

export function requireWorkshopStaff(user: AuthUser | null | undefined): AuthUser {
  return requireRole(user, 'CITYNET_STAFF');
}
