/**
 * Starts the whole system in one process: the four subgraphs (each on its own port and database)
 * and the gateway in front of them. Used by `npm start`, the end-to-end tests and the benchmark.
 */
import type { MongoClient } from 'mongodb';
import { DATABASE_NAMES, eventFeedUrlOf, SUBGRAPH_NAMES, type SubgraphName, type SubgraphSettings } from '../lib/config';
import { databaseName } from '../lib/db/mongo';
import { listen, type RunningHttpServer } from '../lib/http/graphql-http-server';
import { serveSubgraph, subgraphHttpOptionsFromEnv, type SubgraphHttpOptions } from '../lib/subgraph/run';
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
  /**
   * Delivers every domain event still on its way (lib/db/events.ts): each consumer catches up with its
   * producer, again until a whole round delivers nothing (an applied event may cause new ones).
   * Returns how many rounds it took.
   */
  settleEvents(timeoutMs?: number): Promise<number>;
  /** Stops one subgraph's HTTP server (failure tests) — `restartSubgraph` brings it back on the same port. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  restartSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  // Subgraphs ask other domains through the gateway, which starts last: its URL is filled in below.
  let gatewayUrl: string | undefined;
  const subgraphs = {} as Stack['subgraphs'];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  // Each subgraph reads the others' domain events from their own servers, known once they listen.
  const settings: SubgraphSettings = {
    ...options.settings,
    gatewayUrl: () => gatewayUrl,
    eventFeedUrl: (producer) => (subgraphUrls[producer] ? eventFeedUrlOf(subgraphUrls[producer]) : undefined),
  };
  const signingSecret = options.subgraphHttp ? options.subgraphHttp.signingSecret : subgraphHttpOptionsFromEnv().signingSecret;
  const serve = (service: SubgraphService, port: number) =>
    options.subgraphHttp
      ? serveSubgraph(service, port, host, createTokenVerifier(authSettingsFromEnv()), options.subgraphHttp)
      : serveSubgraph(service, port, host);
  // The four start side by side (each its own database; none needs another to start: the event feeds'
  // addresses are looked up when polled).
  await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const db = options.clients[name].db(databaseName(DATABASE_NAMES[name], options.settings.dbPrefix));
      if (options.dataset) await SUBGRAPHS[name].seed(db, options.dataset);
      const service = await SUBGRAPHS[name].createServer({ db, settings, bus: options.bus ?? localBus, signingSecret });
      const http = await serve(service, options.ports?.[name] ?? 0);
      subgraphs[name] = { service, http };
      subgraphUrls[name] = http.url;
    }),
  );
  const gateway = await createGateway(
    { bus: options.bus ?? localBus, ...options.gateway, subgraphUrls, port: options.ports?.gateway ?? 0, host },
    { routes: gatewayApps },
  );
  const gatewayHttp = await listen(gateway.listener, options.ports?.gateway ?? 0, host);
  gatewayUrl = gatewayHttp.url;

  const consumers = () => SUBGRAPH_NAMES.flatMap((name) => subgraphs[name].service.consumers ?? []);
  const settleEvents = async (timeoutMs = 60_000): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    for (let round = 1; ; round++) {
      let moved = false;
      for (const consumer of consumers()) {
        const before = await consumer.position();
        if ((await consumer.catchUp()) !== before) moved = true;
      }
      if (!moved) return round;
      if (Date.now() > deadline) throw new Error(`Domain events still flowing after ${timeoutMs} ms`);
    }
  };
  // The events the subgraphs announced at start-up (e.g. the state of seeded data) are delivered
  // before the stack is handed over, so that every domain starts from the same facts.
  await settleEvents();

  return {
    gatewayUrl: gatewayHttp.url,
    subgraphUrls,
    subgraphs,
    gateway,
    settleEvents,
    async stopSubgraph(name) {
      await subgraphs[name].http.close();
      subgraphs[name].http.httpServer.closeAllConnections();
    },
    async restartSubgraph(name) {
      subgraphs[name].http = await serve(subgraphs[name].service, subgraphs[name].http.port);
    },
    async stop() {
      // Consumers first: none polls a feed that is going away.
      await Promise.all(consumers().map((c) => c.stop()));
      await gatewayHttp.close();
      gatewayHttp.httpServer.closeAllConnections();
      await gateway.stop();
      // Requests in flight are answered; connections without one are cut at once (lib/http/server.ts).
      await Promise.all(
        SUBGRAPH_NAMES.map(async (name) => {
          await subgraphs[name].http.close();
          subgraphs[name].http.httpServer.closeAllConnections();
          await subgraphs[name].service.stop();
        }),
      );
    },
  };
}
