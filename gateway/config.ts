import { join } from 'node:path';
import { envInt, envString, SUBGRAPH_NAMES, type SubgraphName } from '../lib/config';

export interface GatewaySettings {
  port: number;
  host: string;
  /** The composed supergraph the gateway serves (no introspection of subgraphs at run time). */
  supergraphPath: string;
  /** Per-subgraph URL overrides; subgraphs without one use the URL composed into the supergraph. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  maxBodyBytes: number;
}

export function gatewaySettingsFromEnv(): GatewaySettings {
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
    if (url) {
      try {
        new URL(url);
      } catch {
        throw new Error(`SUBGRAPH_${name.toUpperCase()}_URL is not a valid URL: ${JSON.stringify(url)}`);
      }
      subgraphUrls[name] = url;
    }
  }
  return {
    port: envInt('PORT', 4000, 0, 65535),
    host: envString('HOST', '127.0.0.1'),
    supergraphPath: envString('SUPERGRAPH_PATH', join(__dirname, '..', 'schema', 'supergraph.graphql')),
    subgraphUrls,
    maxBodyBytes: envInt('MAX_BODY_BYTES', 1_000_000, 1024),
  };
}
