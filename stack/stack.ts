/**
 * Starts the whole system in one process: the four subgraphs (each on its own port and database)
 * and the gateway in front of them. Used by `npm start`, the end-to-end tests and the benchmark.
 */
import type { MongoClient } from 'mongodb';
import { DATABASE_NAMES, SUBGRAPH_NAMES, type SubgraphName, type SubgraphSettings } from '../lib/config';
import { databaseName } from '../lib/db/mongo';
import { listen, type RunningHttpServer } from '../lib/http/graphql-http-server';
import { serveSubgraph, type SubgraphHttpOptions } from '../lib/subgraph/run';
import { authSettingsFromEnv } from '../lib/auth/settings';
import { createTokenVerifier } from '../lib/auth/tokens';
import type { SubgraphService } from '../lib/subgraph/service';
import type { SampleDataset } from '../data/sample/types';
import { SUBGRAPHS } from '../subgraphs';
import { createGateway, type Gateway } from '../gateway/server';
import type { GatewaySettings } from '../gateway/config';
import { localBus, type InvalidationBus } from '../lib/cache/bus';
import { gatewayApps } from '../apps';

export interface StackOptions {
  /** One client per subgraph, so that each subgraph's database commands can be counted apart. */
  clients: Record<SubgraphName, MongoClient>;
  settings: SubgraphSettings;
  /** Seed each empty database with this dataset (idempotent). */
  dataset?: SampleDataset;
  /** Ports; 0 (the default) picks ephemeral ones. */
  ports?: Partial<Record<SubgraphName | 'gateway', number>>;
  host?: string;
  gateway: Omit<GatewaySettings, 'subgraphUrls' | 'port' | 'host'>;
  /** Where the subgraphs publish cache invalidations (default: in-process, to this process's gateway). */
  bus?: InvalidationBus;
  /** How the subgraphs' HTTP endpoints are protected (default: from the environment). */
  subgraphHttp?: SubgraphHttpOptions;
}

export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, { service: SubgraphService; http: RunningHttpServer }>;
  gateway: Gateway;
  /** Stops one subgraph's HTTP server (failure tests) — `restartSubgraph` brings it back on the same port. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  restartSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  // Subgraphs ask other domains through the gateway, which starts last: its URL is filled in below.
  let gatewayUrl: string | undefined;
  const settings: SubgraphSettings = { ...options.settings, gatewayUrl: () => gatewayUrl };
  const subgraphs = {} as Stack['subgraphs'];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const serve = (service: SubgraphService, port: number) =>
    options.subgraphHttp ? serveSubgraph(service, port, host, createTokenVerifier(authSettingsFromEnv()), options.subgraphHttp) : serveSubgraph(service, port, host);
  for (const name of SUBGRAPH_NAMES) {
    const db = options.clients[name].db(databaseName(DATABASE_NAMES[name], options.settings.dbPrefix));
    if (options.dataset) await SUBGRAPHS[name].seed(db, options.dataset);
    const service = await SUBGRAPHS[name].createServer({ db, settings, bus: options.bus ?? localBus });
    const http = await serve(service, options.ports?.[name] ?? 0);
    subgraphs[name] = { service, http };
    subgraphUrls[name] = http.url;
  }
  const gateway = await createGateway({ bus: options.bus ?? localBus, ...options.gateway, subgraphUrls, port: options.ports?.gateway ?? 0, host }, { routes: gatewayApps });
  const gatewayHttp = await listen(gateway.listener, options.ports?.gateway ?? 0, host);
  gatewayUrl = gatewayHttp.url;

  return {
    gatewayUrl: gatewayHttp.url,
    subgraphUrls,
    subgraphs,
    gateway,
    async stopSubgraph(name) {
      await subgraphs[name].http.close();
      subgraphs[name].http.httpServer.closeAllConnections();
    },
    async restartSubgraph(name) {
      subgraphs[name].http = await serve(subgraphs[name].service, subgraphs[name].http.port);
    },
    async stop() {
      await gatewayHttp.close();
      gatewayHttp.httpServer.closeAllConnections();
      await gateway.stop();
      for (const name of SUBGRAPH_NAMES) {
        await subgraphs[name].http.close();
        subgraphs[name].http.httpServer.closeAllConnections();
        await subgraphs[name].service.stop();
      }
    },
  };
}
