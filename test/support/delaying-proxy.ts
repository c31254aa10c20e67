import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A test-only HTTP proxy between the gateway and one subgraph, to make that subgraph slow on demand
 * (no production code knows of it). For each request `plan` says how long to hold it before passing it
 * on (`before`: the subgraph has not seen it yet) and how long to hold the subgraph's answer before
 * passing that back (`after`: the subgraph has done the work). Everything else is passed through as is.
 */
export interface Delay {
  /** Milliseconds, or until the promise settles. */
  before?: number | Promise<unknown>;
  after?: number | Promise<unknown>;
}

export interface ProxiedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface DelayingProxy {
  url: string;
  /** Requests seen, in arrival order. */
  seen: ProxiedRequest[];
  /** Resolves when every request received so far has been answered (or its client has gone). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const hold = (delay: number | Promise<unknown>) =>
  typeof delay === 'number' ? new Promise((resolve) => setTimeout(resolve, delay)) : delay.catch(() => undefined);

export async function startDelayingProxy(target: string, plan: (request: ProxiedRequest) => Delay): Promise<DelayingProxy> {
  const seen: ProxiedRequest[] = [];
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const handled = (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(request);
      const delay = plan(request);
      if (delay.before) await hold(delay.before);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
      const answer = await fetch(target, { method: req.method, headers, body: req.method === 'GET' ? undefined : request.body });
      const body = Buffer.from(await answer.arrayBuffer());
      if (delay.after) await hold(delay.after);
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(body);
    })().catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    seen,
    async settled() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
