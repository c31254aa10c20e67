import http from 'node:http';
import https from 'node:https';
import { keepAliveAgents } from './subgraph-client';

/**
 * Gateway readiness: the supergraph is loaded and every subgraph answers its own `/ready` (which
 * includes its database). Probes are reused for `cacheMs` so that frequent probing by an orchestrator
 * (or a flood of /ready requests) does not turn into a flood of subgraph calls.
 */
export function createReadiness(options: { loaded: () => boolean; subgraphUrls: string[]; cacheMs: number; timeoutMs?: number }): () => Promise<boolean> {
  let cached: { at: number; ok: boolean } | undefined;
  let inFlight: Promise<boolean> | undefined;
  const timeoutMs = options.timeoutMs ?? 2000;

  const probe = (url: string) =>
    new Promise<boolean>((resolve) => {
      const target = new URL('/ready', url);
      const transport = target.protocol === 'https:' ? https : http;
      const req = transport.get(target, { agent: target.protocol === 'https:' ? keepAliveAgents.https : keepAliveAgents.http, timeout: timeoutMs }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });

  return async () => {
    if (!options.loaded()) return false;
    if (cached && Date.now() - cached.at < options.cacheMs) return cached.ok;
    inFlight ??= Promise.all(options.subgraphUrls.map(probe))
      .then((all) => all.every(Boolean))
      .then((ok) => {
        cached = { at: Date.now(), ok };
        return ok;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
