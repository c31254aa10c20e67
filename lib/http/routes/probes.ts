import { send } from '../respond';
import type { Route } from '../listener';

/**
 * Liveness, readiness and the Prometheus scrape of every process:
 * - GET /health: 200 while the process serves at all;
 * - GET /ready: 200 only when `ready` resolves true (database reachable, subgraphs ready), else 503;
 * - GET /metrics: this process's Prometheus text (meant for the internal network, not the internet).
 */
export interface ProbeOptions {
  ready?: () => Promise<boolean>;
  metrics?: () => Promise<{ contentType: string; body: string }>;
}

export function createProbeRoutes(options: ProbeOptions): Route {
  return async (req, res, url) => {
    switch (url.pathname) {
      case '/health':
        send(res, 200, { status: 'ok' });
        return true;
      case '/ready': {
        const ok = options.ready ? await options.ready().catch(() => false) : true;
        send(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
        return true;
      }
      case '/metrics': {
        if (!options.metrics || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
        const { contentType, body } = await options.metrics();
        res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
        return true;
      }
      default:
        return false;
    }
  };
}
