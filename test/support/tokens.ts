import type { Role } from '../../lib/auth/roles';
import { authSettingsFromEnv } from '../../lib/auth/settings';
import { signDevToken } from '../../lib/auth/tokens';

/** A real signed token (HS256 with the development secret, as `npm run token` makes). */
export function tokenFor(role: Role, options: { cityId?: string; orgId?: string; sub?: string; expiresIn?: string } = {}): Promise<string> {
  return signDevToken(authSettingsFromEnv(), { roles: [role], ...options });
}
