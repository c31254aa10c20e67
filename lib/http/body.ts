import type http from 'node:http';
import { refusal } from './refusal';
import { parseBoundedJson, type JsonLimits } from './json';

/**
 * Request bodies, bounded so that every client can read the refusal.
 *
 * A server that answers 413 and closes while the client is still sending leaves ordinary clients
 * (Node's fetch, browsers) with a broken pipe instead of the answer. So:
 * - a client that sent `Expect: 100-continue` is answered 413 before it sends anything (no 100);
 * - otherwise the excess is read and discarded up to `drainLimit` bytes, and the 413 (with
 *   `Connection: close`) is sent once the body has ended; only past that bound is the connection cut.
 */
export type BodyResult = Buffer | { tooLarge: true; declared?: number; received: number; drained: boolean };

/** Set by lib/http/server.ts on requests that arrived through `checkContinue` (the client waits for a 100). */
export const EXPECTS_CONTINUE = Symbol('expectsContinue');

/** True when the client is waiting for `100 Continue` before sending its body. */
export function waitingForContinue(req: http.IncomingMessage): boolean {
  return (req as unknown as Record<symbol, unknown>)[EXPECTS_CONTINUE] === true;
}

/**
 * Sends `100 Continue` the moment anyone starts reading a waiting client's body (a `data` or
 * `readable` listener), so routes that read bodies need not know about it, and a route that refuses
 * without reading never invites the body.
 */
export function continueOnRead(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (!waitingForContinue(req)) return;
  const onListener = (event: string | symbol) => {
    if (event !== 'data' && event !== 'readable') return;
    req.off('newListener', onListener);
    if (!res.headersSent && !res.writableEnded) res.writeContinue();
    (req as unknown as Record<symbol, unknown>)[EXPECTS_CONTINUE] = false;
  };
  req.on('newListener', onListener);
}

function declaredLength(req: http.IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Reads the body up to `limit` bytes. Above it: refused without reading when the client waits for a
 * 100, else drained (discarded) up to `drainLimit` bytes so the client can read the 413.
 */
export function readBody(req: http.IncomingMessage, limit: number, drainLimit = limit * 8): Promise<BodyResult> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit && (waitingForContinue(req) || declared > drainLimit)) {
    return Promise.resolve({ tooLarge: true, declared, received: 0, drained: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared !== undefined && declared > limit;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        // Past the drain bound: stop reading; the answer closes the connection.
        if (size > drainLimit) {
          req.pause();
          finish({ tooLarge: true, declared, received: size, drained: false });
        }
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(tooLarge ? { tooLarge: true, declared, received: size, drained: true } : Buffer.concat(chunks, size)));
    req.once('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
  });
}

export function isTooLarge(body: BodyResult): body is Exclude<BodyResult, Buffer> {
  return !Buffer.isBuffer(body);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw refusal(400, 'BAD_REQUEST', 'The request body is not valid UTF-8.');
  }
}

/** JSON from a client: bounded in depth and members, duplicate keys refused (lib/http/json.ts), then parsed. */
export function parseJson(text: string, what: string, limits?: JsonLimits): unknown {
  return parseBoundedJson(text, what, limits);
}
