/**
 * The callers behind the load (`--callers`): which headers each autocannon connection sends.
 * - `same`: no token — every connection sends the identical anonymous request (what public gateway
 *   benchmarks send, and what in-flight deduplication or a response cache can share across callers);
 * - `distinct`: each connection its own valid PARTNER_APP token (HS256, the bench's JWT secret, our
 *   issuer and audience, `sub` bench-partner-<n>), so no two connections send identical requests.
 * Every gateway gets exactly the same headers.
 */
import { signDevToken } from '../lib/auth/tokens';
import { benchAuthSettings } from './gateways';
import type { Callers } from './options';

export type ConnectionHeaders = Record<string, string>[];

export async function callerHeaders(callers: Callers, connections: number): Promise<ConnectionHeaders> {
  if (callers === 'same') return [{}];
  const settings = benchAuthSettings();
  return Promise.all(
    Array.from({ length: connections }, async (_, i) => ({
      authorization: `Bearer ${await signDevToken(settings, { sub: `bench-partner-${i + 1}`, roles: ['PARTNER_APP'], expiresIn: '6h' })}`,
    })),
  );
}
