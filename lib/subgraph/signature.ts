import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Only the gateway may call the subgraphs: it signs each request with a shared secret
 * (SUBGRAPH_SIGNING_SECRET), HMAC-SHA256 over method, path, timestamp and the body's hash, and the
 * subgraph checks the signature and that the timestamp is recent (a captured request cannot be
 * replayed for long, nor its body or path changed).
 */
export const SIGNATURE_HEADER = 'x-gateway-signature';
export const TIMESTAMP_HEADER = 'x-gateway-timestamp';
/** How far a request's timestamp may be from the subgraph's clock. */
export const MAX_SIGNATURE_SKEW_MS = 60_000;

function payload(method: string, pathAndQuery: string, timestamp: string, body: Buffer | string): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return `${method.toUpperCase()}\n${pathAndQuery}\n${timestamp}\n${bodyHash}`;
}

export function sign(secret: string, method: string, pathAndQuery: string, body: Buffer | string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  const mac = createHmac('sha256', secret)
    .update(payload(method, pathAndQuery, timestamp, body))
    .digest('hex');
  return { [SIGNATURE_HEADER]: `v1=${mac}`, [TIMESTAMP_HEADER]: timestamp };
}

/** Why the request's signature is not acceptable, or null when it is. */
export function signatureProblem(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  method: string,
  pathAndQuery: string,
  body: Buffer | string,
  now = Date.now(),
): string | null {
  const signature = headers[SIGNATURE_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return 'the request is not signed by the gateway';
  if (!/^\d{1,16}$/.test(timestamp)) return 'the signature timestamp is malformed';
  if (Math.abs(now - Number(timestamp)) > MAX_SIGNATURE_SKEW_MS) return 'the signature timestamp is stale';
  const match = /^v1=([0-9a-f]{64})$/.exec(signature);
  if (!match) return 'the signature is malformed';
  const expected = createHmac('sha256', secret)
    .update(payload(method, pathAndQuery, timestamp, body))
    .digest();
  const given = Buffer.from(match[1], 'hex');
  return timingSafeEqual(expected, given) ? null : 'the signature does not match';
}
