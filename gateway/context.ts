import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AuthUser } from '../lib/auth/roles';
import type { TokenVerifier } from '../lib/auth/tokens';

/** Per-request gateway context: who is calling, and what to pass on to the subgraphs. */
export interface GatewayContext {
  requestId: string;
  /** The caller's Authorization header, forwarded as-is: each subgraph verifies it again. */
  authorization?: string;
  user: AuthUser | null;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function gatewayContextFactory(verifyToken: TokenVerifier) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    const authorization = req.headers.authorization;
    // A bad token is refused here, before any subgraph is called.
    const user = await verifyToken(authorization);
    return { requestId, authorization, user };
  };
}
