import { randomUUID } from 'node:crypto';
import type http from 'node:http';

/**
 * The one request id: the client's `x-request-id` when it is a plain token, else a new UUID. It is
 * echoed in the answer, logged on every line about the request, and passed by the gateway to every
 * subgraph (which logs under the same id), so one id follows a request through every process.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

const VALID = /^[A-Za-z0-9._-]{1,128}$/;

/** The id if it is one we accept (client-chosen ids are length- and charset-limited: they reach logs). */
export function validRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && VALID.test(value) ? value : undefined;
}

/** Gives the request its id (the client's, or a new one) and echoes it in the response. */
export function assignRequestId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const requestId = validRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  return requestId;
}

/** The id `assignRequestId` gave this request (or a valid one the caller sent). */
export function requestIdOf(req: http.IncomingMessage): string | undefined {
  return validRequestId(req.headers[REQUEST_ID_HEADER]);
}
