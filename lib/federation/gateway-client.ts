import { codedError, type ErrorCode } from '../graphql/errors';
import { CALLER_MISTAKE_CODES } from '../graphql/error-codes';
import { REQUEST_ID_HEADER } from '../http/request-id';

/**
 * How a subgraph asks another domain for a fact it does not own (e.g. certification asks for the
 * verified coverage before an award): through the gateway's public API, with the caller's own token,
 * never by reading another subgraph's database. The URL is resolved per call because the gateway
 * may start after the subgraphs (GATEWAY_URL; the stack sets it for tests).
 */
export interface GatewayClientOptions {
  url: () => string | undefined;
  timeoutMs?: number;
}

export interface CallerHeaders {
  authorization?: string;
  requestId?: string;
}

export type GatewayClient = <T>(query: string, variables: Record<string, unknown>, caller: CallerHeaders) => Promise<T>;

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  return async <T>(query: string, variables: Record<string, unknown>, caller: CallerHeaders): Promise<T> => {
    const url = options.url();
    if (!url) throw codedError('UNAVAILABLE', 'The gateway URL is not configured (GATEWAY_URL), so other domains cannot be asked.');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller.authorization) headers.authorization = caller.authorization;
    if (caller.requestId) headers[REQUEST_ID_HEADER] = caller.requestId;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw codedError('UNAVAILABLE', `Another domain could not be reached through the gateway: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) {
      const first = body.errors[0];
      const code = first.extensions?.code;
      // The caller's own mistakes keep their code; anything else is the other domain being unavailable.
      if (typeof code === 'string' && CALLER_MISTAKE_CODES.has(code)) throw codedError(code as ErrorCode, first.message);
      throw codedError('UNAVAILABLE', `Another domain answered with an error: ${first.message}`);
    }
    if (!body.data) throw codedError('UNAVAILABLE', `Another domain answered HTTP ${response.status} without data.`);
    return body.data;
  };
}
