import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXPECTS_CONTINUE } from './body';

export interface RunningHttpServer {
  httpServer: http.Server;
  url: string;
  port: number;
  close(graceMs?: number): Promise<void>;
}

/** Starts an HTTP server; port 0 picks an ephemeral port (tests). */
export async function listen(listener: http.RequestListener, port: number, host = '127.0.0.1'): Promise<RunningHttpServer> {
  const httpServer = http.createServer(listener);
  httpServer.keepAliveTimeout = 65_000;
  // Slow-loris: a client must send its headers and body within these bounds.
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 60_000;
  // `Expect: 100-continue`: no automatic 100. The request goes to the listener marked, and the 100 is
  // sent only when a route starts reading the body (lib/http/body.ts), so an oversized body is
  // refused (413) before the client sends it.
  httpServer.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    (req as unknown as Record<symbol, unknown>)[EXPECTS_CONTINUE] = true;
    httpServer.emit('request', req, res);
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  // Requests in flight, so that a closing server can end their keep-alive connections as each one
  // is answered (server.close() alone closes only the connections idle at that moment, and a client
  // holding a keep-alive connection would keep the process up until the grace period ends).
  const inFlight = new Set<http.ServerResponse>();
  let closing = false;
  const endAfter = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
    res.once('finish', () => setImmediate(() => httpServer.closeIdleConnections()));
  };
  // Once closing and every request is answered, what is still open carries no request (a connection
  // whose client never sent one, or one a client left half-open): it is cut, not waited for.
  const cutWhenDrained = () => {
    if (closing && inFlight.size === 0) setImmediate(() => httpServer.closeAllConnections());
  };
  httpServer.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      cutWhenDrained();
    });
    if (closing) endAfter(res);
  });
  return {
    httpServer,
    port: address.port,
    url: `http://${shownHost}:${address.port}/graphql`,
    // Graceful: stop accepting, let in-flight requests finish (at most `graceMs`), then cut what is still open.
    close: (graceMs = 5000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => httpServer.closeAllConnections(), graceMs);
        timer.unref();
        closing = true;
        httpServer.close(() => {
          clearTimeout(timer);
          resolve();
        });
        httpServer.closeIdleConnections();
        for (const res of inFlight) endAfter(res);
        cutWhenDrained();
      }),
  };
}
