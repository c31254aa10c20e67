import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import { codedError } from '../graphql/errors';
import { ROLES, type AuthUser, type Role } from './roles';
import type { AuthSettings } from './settings';

export type TokenVerifier = (authorization: string | undefined | null) => Promise<AuthUser | null>;

function unauthenticated(message: string) {
  return codedError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

/** Turns verified claims into a user; claims that do not fit the model make the token invalid. */
function userFromClaims(payload: JWTPayload): AuthUser {
  const roles = payload.roles;
  if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticated('The token has no subject (sub).');
  if (!Array.isArray(roles) || roles.some((r) => !ROLES.includes(r as Role))) {
    throw unauthenticated(`The token's roles claim must be a list of ${ROLES.join(', ')}.`);
  }
  const cityId = typeof payload.cityId === 'string' ? payload.cityId : undefined;
  const orgId = typeof payload.orgId === 'string' ? payload.orgId : undefined;
  if (roles.includes('CITY_OFFICER') && !cityId) throw unauthenticated('A CITY_OFFICER token must name its city (cityId).');
  if (roles.includes('VERIFIER') && !orgId) throw unauthenticated('A VERIFIER token must name its organisation (orgId).');
  return { sub: payload.sub, roles: roles as Role[], cityId, orgId };
}

/**
 * Verifies `Authorization: Bearer <jwt>`: no header means anonymous (null); a header that is not a
 * valid, unexpired token for our issuer and audience is UNAUTHENTICATED — never silently anonymous.
 */
export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const keys: { alg: string; key: Uint8Array | KeyLike | JWTVerifyGetKey }[] = [];
  let rsaKey: Promise<KeyLike> | undefined;
  if (settings.rs256PublicKeyPem) rsaKey = importSPKI(settings.rs256PublicKeyPem, 'RS256');
  const jwks = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : undefined;
  if (settings.hs256Secret) keys.push({ alg: 'HS256', key: new TextEncoder().encode(settings.hs256Secret) });

  // Partner apps send the same token with every request: a token verified once is trusted again
  // until it expires (the signature check is most of the cost of a small request).
  const verified = new LRUCache<string, { user: AuthUser; expiresAt: number }>({ max: 10_000 });

  return async (authorization) => {
    if (!authorization) return null;
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = match[1];
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return known.user;
      verified.delete(token);
    }
    const options = { issuer: settings.issuer, audience: settings.audience };
    let lastError: unknown;
    const attempts: (() => Promise<JWTPayload>)[] = [];
    if (jwks) attempts.push(async () => (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256'] })).payload);
    if (rsaKey) attempts.push(async () => (await jwtVerify(token, await rsaKey!, { ...options, algorithms: ['RS256'] })).payload);
    for (const k of keys) attempts.push(async () => (await jwtVerify(token, k.key as Uint8Array, { ...options, algorithms: [k.alg] })).payload);
    for (const attempt of attempts) {
      try {
        const payload = await attempt();
        const user = userFromClaims(payload);
        // Tokens without an expiry are re-checked after a minute (a key rotation would then apply).
        verified.set(token, { user, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now() + 60_000 });
        return user;
      } catch (error) {
        if ((error as { extensions?: unknown }).extensions) throw error;
        lastError = error;
      }
    }
    const reason = (lastError as { code?: string })?.code === 'ERR_JWT_EXPIRED' ? 'The token has expired.' : 'The token is not valid.';
    throw unauthenticated(reason);
  };
}

export interface DevTokenOptions {
  sub?: string;
  roles: Role[];
  cityId?: string;
  orgId?: string;
  expiresIn?: string;
}

/** Signs an HS256 token (development and tests; production tokens come from the identity provider). */
export async function signDevToken(settings: AuthSettings, options: DevTokenOptions): Promise<string> {
  if (!settings.hs256Secret) throw new Error('Development tokens need an HS256 secret (JWT_SECRET).');
  const claims: JWTPayload = { roles: options.roles };
  if (options.cityId) claims.cityId = options.cityId;
  if (options.orgId) claims.orgId = options.orgId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? `${options.roles[0]?.toLowerCase() ?? 'user'}:${options.cityId ?? options.orgId ?? 'dev'}`)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(settings.hs256Secret));
}
