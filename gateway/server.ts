import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { createGraphQLRequestListener } from '../lib/http/graphql-http-server';
import type { SubgraphName } from '../lib/config';
import type { GatewaySettings } from './config';
import { gatewayContextFactory, type GatewayContext } from './context';
import { authSettingsFromEnv } from '../lib/auth/settings';
import { createTokenVerifier } from '../lib/auth/tokens';

export interface Gateway {
  server: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  listener: ReturnType<typeof createGraphQLRequestListener>;
  stop(): Promise<void>;
}

/** Reads and sanity-checks the supergraph file so a wrong path fails with a clear message. */
export function readSupergraph(path: string): string {
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the supergraph at ${path} (SUPERGRAPH_PATH): ${(error as Error).message}. Run \`npm run compose\`.`);
  }
  if (!sdl.includes('@join__graph')) throw new Error(`${path} is not a composed supergraph (no @join__graph): run \`npm run compose\`.`);
  return sdl;
}

/** Builds the federated gateway (a static supergraph, never IntrospectAndCompose) and starts it. */
export async function createGateway(settings: GatewaySettings): Promise<Gateway> {
  const supergraphSdl = readSupergraph(settings.supergraphPath);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: settings.subgraphUrls[name as SubgraphName] ?? url,
        willSendRequest({ request, context }) {
          // Subgraphs verify the caller's token themselves; the request id ties the logs together.
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: process.env.NODE_ENV !== 'production',
    // The process owns its shutdown (HTTP first, then the gateway).
    stopOnTerminationSignals: false,
  });
  await server.start();
  const listener = createGraphQLRequestListener({
    server,
    context: gatewayContextFactory(createTokenVerifier(authSettingsFromEnv())),
    maxBodyBytes: settings.maxBodyBytes,
  });
  return { server, gateway, listener, stop: () => server.stop() };
}
