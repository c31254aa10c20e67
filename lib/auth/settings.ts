import { readFileSync } from 'node:fs';
import { envString } from '../config';

/**
 * How tokens are verified. Development: HS256 with JWT_SECRET (a fixed development secret when unset,
 * refused in production). Production: RS256 with a JWKS URL (JWT_JWKS_URL) or a PEM public key file
 * (JWT_PUBLIC_KEY_PATH).
 */
export interface AuthSettings {
  issuer: string;
  audience: string;
  hs256Secret?: string;
  jwksUrl?: string;
  rs256PublicKeyPem?: string;
}

export const DEVELOPMENT_SECRET = 'citynet-wccd-development-secret-not-for-production';

export function authSettingsFromEnv(): AuthSettings {
  const issuer = envString('JWT_ISSUER', 'citynet-wccd');
  const audience = envString('JWT_AUDIENCE', 'citynet-wccd-api');
  const jwksUrl = process.env.JWT_JWKS_URL || undefined;
  const keyPath = process.env.JWT_PUBLIC_KEY_PATH || undefined;
  let rs256PublicKeyPem: string | undefined;
  if (keyPath) {
    try {
      rs256PublicKeyPem = readFileSync(keyPath, 'utf8');
    } catch (error) {
      throw new Error(`JWT_PUBLIC_KEY_PATH cannot be read: ${(error as Error).message}`);
    }
  }
  if (jwksUrl) {
    try {
      new URL(jwksUrl);
    } catch {
      throw new Error(`JWT_JWKS_URL is not a valid URL: ${JSON.stringify(jwksUrl)}`);
    }
  }
  let hs256Secret = process.env.JWT_SECRET || undefined;
  if (!hs256Secret && !jwksUrl && !rs256PublicKeyPem) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error('No token verification configured: set JWT_JWKS_URL or JWT_PUBLIC_KEY_PATH (RS256), or JWT_SECRET (HS256).');
    }
    hs256Secret = DEVELOPMENT_SECRET;
  }
  if (hs256Secret && hs256Secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters long.');
  return { issuer, audience, hs256Secret, jwksUrl, rs256PublicKeyPem };
}
