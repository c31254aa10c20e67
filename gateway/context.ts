import type { IncomingMessage } from 'node:http';
import { hasRole, type AuthUser } from '../lib/auth/roles';
import type { TokenVerifier } from '../lib/auth/tokens';
import type { CacheTag } from '../lib/cache/tags';
import type { FillTicket } from './cache/store';
import { requestIdOf } from '../lib/http/request-id';

/** Per-request gateway context: who is calling, and what to pass on to the subgraphs. */
export interface GatewayContext {
  requestId: string;
  /** The caller's Authorization header, forwarded as-is on private fetches: each subgraph verifies it again. */
  authorization?: string;
  user: AuthUser | null;
  /**
   * True when the caller sees exactly what an anonymous caller sees everywhere (no token, or only the
   * PARTNER_APP role, which grants no read beyond public data): every query fetch of such a caller
   * goes out as a public fetch, shared with all callers.
   */
  publicView: boolean;
  /** What the response cache needs to know about this request's fetches (gateway/cache). */
  cache: {
    /** Tags of every answer this request used (for a response cache entry). */
    tags: Set<CacheTag>;
    /** False once any fetch carried the caller's identity: the response is then not shareable. */
    allPublic: boolean;
    /** Where the invalidation sequence stood when the request started. */
    ticket?: FillTicket;
  };
  /** The client's address (rate limits of anonymous callers; gateway/rate-limit). */
  clientIp?: string;
  /** The RateLimit fields of this caller's last rate-limit decision, sent with the answer. */
  rateLimit?: { headers: Record<string, string> };
  /** The operation's estimated cost and most expensive path (gateway/limits/cost.ts), set by the preflight. */
  demand?: { estimated: number; path: string };
}

/** Roles that grant no read beyond what anonymous callers get (see README, Roles and workflows). */
export function seesPublicViewOnly(user: AuthUser | null): boolean {
  return !hasRole(user, 'CITY_OFFICER', 'VERIFIER', 'WCCD_STAFF', 'CITYNET_STAFF');
}

export function gatewayContextFactory(verifyToken: TokenVerifier) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    // Assigned by the HTTP layer (lib/http/request-id.ts) before any route runs.
    const requestId = requestIdOf(req) ?? 'unassigned';
    const authorization = req.headers.authorization;
    // A bad token is refused here, before any subgraph is called.
    const user = await verifyToken(authorization);
    return { requestId, authorization, user, publicView: seesPublicViewOnly(user), cache: { tags: new Set(), allPublic: true } };
  };
}
