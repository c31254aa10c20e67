/** Token verification with real signed tokens: HS256 (development), RS256 by key file and by JWKS URL. */
import http from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier } from '../lib/auth/tokens';
import { DEVELOPMENT_SECRET, type AuthSettings } from '../lib/auth/settings';
import { signDevToken } from '../lib/auth/tokens';
import { requireOfficerOf, requireRole } from '../lib/auth/guards';

const hs: AuthSettings = { issuer: 'citynet-wccd', audience: 'citynet-wccd-api', hs256Secret: DEVELOPMENT_SECRET };

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
}

describe('HS256 development tokens', () => {
  const verify = createTokenVerifier(hs);

  test('no header is anonymous; a valid token gives its user', async () => {
    expect(await verify(undefined)).toBeNull();
    const token = await signDevToken(hs, { roles: ['CITY_OFFICER'], cityId: 'makati', sub: 'officer-1' });
    expect(await verify(`Bearer ${token}`)).toEqual({ sub: 'officer-1', roles: ['CITY_OFFICER'], cityId: 'makati', orgId: undefined });
  });

  test.each([
    ['a malformed header', async () => 'Token abc'],
    ['a token signed with another secret', async () => `Bearer ${await signDevToken({ ...hs, hs256Secret: 'x'.repeat(40) }, { roles: ['WCCD_STAFF'] })}`],
    ['an expired token', async () => `Bearer ${await signDevToken(hs, { roles: ['WCCD_STAFF'], expiresIn: '-1m' })}`],
    ['a token for another audience', async () => `Bearer ${await signDevToken({ ...hs, audience: 'someone-else' }, { roles: ['WCCD_STAFF'] })}`],
    [
      'an unknown role',
      async () =>
        `Bearer ${await new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer(hs.issuer).setAudience(hs.audience).setExpirationTime('1h').sign(new TextEncoder().encode(DEVELOPMENT_SECRET))}`,
    ],
    ['a city officer without a city', async () => `Bearer ${await signDevToken(hs, { roles: ['CITY_OFFICER'] })}`],
    [
      'an unsigned (alg none) token',
      async () =>
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['WCCD_STAFF'], iss: hs.issuer, aud: hs.audience })).toString('base64url')}.`,
    ],
  ])('%s is UNAUTHENTICATED', async (_name, header) => {
    expect(await codeOf(verify(await header()))).toBe('UNAUTHENTICATED');
  });
});

describe('RS256 production tokens', () => {
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  const sign = (claims: Record<string, unknown>, kid = 'k1') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('staff-1')
      .setIssuer(hs.issuer)
      .setAudience(hs.audience)
      .setExpirationTime('1h')
      .sign(keys.privateKey);
  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
  });

  test('verified with a PEM public key (JWT_PUBLIC_KEY_PATH)', async () => {
    const verify = createTokenVerifier({ issuer: hs.issuer, audience: hs.audience, rs256PublicKeyPem: await exportSPKI(keys.publicKey) });
    expect((await verify(`Bearer ${await sign({ roles: ['WCCD_STAFF'] })}`))?.roles).toEqual(['WCCD_STAFF']);
    // An HS256 token is refused when only RS256 is configured (no algorithm confusion).
    expect(await codeOf(verify(`Bearer ${await signDevToken(hs, { roles: ['WCCD_STAFF'] })}`))).toBe('UNAUTHENTICATED');
  });

  test('verified against a JWKS served over HTTP', async () => {
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const verify = createTokenVerifier({ issuer: hs.issuer, audience: hs.audience, jwksUrl: `http://127.0.0.1:${port}/jwks.json` });
      expect((await verify(`Bearer ${await sign({ roles: ['VERIFIER'], orgId: 'sgs' })}`))?.orgId).toBe('sgs');
      const other = await generateKeyPair('RS256');
      const forged = await new SignJWT({ roles: ['WCCD_STAFF'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('x')
        .setIssuer(hs.issuer)
        .setAudience(hs.audience)
        .setExpirationTime('1h')
        .sign(other.privateKey);
      expect(await codeOf(verify(`Bearer ${forged}`))).toBe('UNAUTHENTICATED');
    } finally {
      server.close();
    }
  });
});

describe('guards', () => {
  test('anonymous is UNAUTHENTICATED, the wrong role or city FORBIDDEN', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'OK';
      } catch (error) {
        return (error as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(code(() => requireRole(null, 'WCCD_STAFF'))).toBe('UNAUTHENTICATED');
    expect(code(() => requireRole({ sub: 'p', roles: ['PARTNER_APP'] }, 'WCCD_STAFF'))).toBe('FORBIDDEN');
    expect(code(() => requireRole({ sub: 's', roles: ['WCCD_STAFF'] }, 'WCCD_STAFF'))).toBe('OK');
    expect(code(() => requireOfficerOf({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'seoul' }, 'makati'))).toBe('FORBIDDEN');
    expect(code(() => requireOfficerOf({ sub: 'o', roles: ['CITY_OFFICER'], cityId: 'makati' }, 'makati'))).toBe('OK');
  });
});
