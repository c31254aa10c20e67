/**
 * A small federation for the cache tests: two subgraphs built in the test with their own cache hints,
 * served over HTTP by the project's HTTP layer, and a gateway in front of them (the real
 * createGateway on a supergraph composed here). Each subgraph records what it received, so tests
 * can tell what the gateway fetched, with which identity.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { GraphQLError, parse } from 'graphql';
import { createGraphQLRequestListener, listen, type RunningHttpServer } from '../../lib/http/graphql-http-server';
import { createGateway, type Gateway } from '../../gateway/server';
import type { GatewaySettings } from '../../gateway/config';

export const CACHE_HEADER = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@composeDirective"])
    @link(url: "https://citynet-wccd.github.io/specs/cacheControl/v1.0", import: ["@cacheControl"])
    @composeDirective(name: "@cacheControl")
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

export const PLACES_SDL = `${CACHE_HEADER}
  type Query {
    places: [Place!]! @cacheControl(maxAge: 60)
    "The same places more than once: p1, p3, p1, p3, p2."
    repeated: [Place!]! @cacheControl(maxAge: 60)
    place(id: ID!): Place @cacheControl(maxAge: 60)
    "Who is asking, as the subgraph sees it."
    whoAmI: String @cacheControl(maxAge: 60, scope: PRIVATE)
    uncached: Int
  }
  type Mutation { rename(id: ID!, name: String!): Place }
  type Place @key(fields: "id") @cacheControl(maxAge: 60) {
    id: ID!
    name: String!
    "Only for staff: PRIVATE."
    note: String @cacheControl(scope: PRIVATE)
  }
`;

export const STATS_SDL = `${CACHE_HEADER}
  type Place @key(fields: "id") {
    id: ID!
    score: Int @cacheControl(maxAge: 30)
    "Fails for place p3 (errors are never cached)."
    fragile: Int @cacheControl(maxAge: 30)
    "The score in a given year: an entity field with an argument."
    scoreIn(year: Int!): Int @cacheControl(maxAge: 30)
  }
`;

export interface Received {
  subgraph: string;
  authorization?: string;
  view?: string;
  query: string;
  representations?: unknown[];
}

export interface MiniFederation {
  gateway: Gateway;
  gatewayUrl: string;
  received: Received[];
  names: Map<string, string>;
  /** Holds `uncached` answers until the returned function is called (to make requests overlap). */
  hold(): () => void;
  post(query: string, options?: { token?: string; variables?: Record<string, unknown> }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Another gateway on the same subgraphs (e.g. with other cache settings). */
  extraGateway(settings: Partial<GatewaySettings>): Promise<{ gateway: Gateway; url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

function staffOnly(auth: string | undefined): string | null {
  return auth ? 'staff note' : null;
}

export async function startMiniFederation(gatewaySettings: Partial<GatewaySettings> = {}): Promise<MiniFederation> {
  const received: Received[] = [];
  const names = new Map([
    ['p1', 'Alpha'],
    ['p2', 'Beta'],
    ['p3', 'Gamma'],
  ]);
  let pendingInvalidations: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  const record = (subgraph: string): ApolloServerPlugin<{ auth?: string }> => ({
    async requestDidStart({ request }) {
      received.push({
        subgraph,
        authorization: request.http?.headers.get('authorization') ?? undefined,
        view: request.http?.headers.get('x-gateway-view') ?? undefined,
        query: request.query ?? '',
        representations: (request.variables as { representations?: unknown[] } | undefined)?.representations,
      });
      return {
        async willSendResponse({ response, operation }) {
          // Like lib/subgraph/service.ts: a mutation's answer carries what it changed.
          if (operation?.operation === 'mutation' && response.body.kind === 'single' && pendingInvalidations.length) {
            response.body.singleResult.extensions = { invalidations: { tags: pendingInvalidations, declared: true } };
            pendingInvalidations = [];
          }
        },
      };
    },
  });
  const places = new ApolloServer<{ auth?: string }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(PLACES_SDL),
      resolvers: {
        Query: {
          places: () => [...names.keys()].map((id) => ({ id })),
          repeated: () => ['p1', 'p3', 'p1', 'p3', 'p2'].map((id) => ({ id })),
          place: (_: unknown, { id }: { id: string }) => (names.has(id) ? { id } : null),
          whoAmI: (_: unknown, __: unknown, ctx: { auth?: string }) => ctx.auth ?? 'anonymous',
          uncached: async () => {
            await gate;
            return 1;
          },
        },
        Mutation: {
          rename: (_: unknown, { id, name }: { id: string; name: string }) => {
            names.set(id, name);
            pendingInvalidations = [`places|Place|{"id":${JSON.stringify(id)}}`, 'places|Query'];
            return { id };
          },
        },
        Place: {
          __resolveReference: (ref: { id: string }) => ref,
          name: (p: { id: string }) => names.get(p.id),
          note: (_: unknown, __: unknown, ctx: { auth?: string }) => staffOnly(ctx.auth),
        },
      } as never,
    }),
    plugins: [record('places')],
  });
  const stats = new ApolloServer<{ auth?: string }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(STATS_SDL),
      resolvers: {
        Place: {
          __resolveReference: (ref: { id: string }) => ref,
          score: (p: { id: string }) => Number(p.id.slice(1)) * 10,
          scoreIn: (p: { id: string }, { year }: { year: number }) => Number(p.id.slice(1)) * 10 + (year - 2000),
          fragile: (p: { id: string }) => {
            if (p.id === 'p3') throw new GraphQLError('p3 is fragile', { extensions: { code: 'CONFLICT' } });
            return 1;
          },
        },
      } as never,
    }),
    plugins: [record('stats')],
  });
  const servers: RunningHttpServer[] = [];
  const urls: Record<string, string> = {};
  for (const [name, server] of [
    ['places', places],
    ['stats', stats],
  ] as const) {
    await server.start();
    const http = await listen(
      createGraphQLRequestListener({
        server,
        context: async (req) => ({ auth: typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined }),
      }),
      0,
    );
    servers.push(http);
    urls[name] = http.url;
  }
  const composed = composeServices([
    { name: 'places', url: urls.places, typeDefs: parse(PLACES_SDL) },
    { name: 'stats', url: urls.stats, typeDefs: parse(STATS_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'mini-federation-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const startGateway = async (settings: Partial<GatewaySettings>) => {
    const gateway = await createGateway({
      supergraphPath,
      subgraphUrls: {},
      port: 0,
      host: '127.0.0.1',
      maxBodyBytes: 1_000_000,
      supergraphPollMs: 0,
      ...settings,
    });
    const http = await listen(gateway.listener, 0);
    return { gateway, url: http.url, http };
  };
  const main = await startGateway(gatewaySettings);
  const extras: (() => Promise<void>)[] = [];

  return {
    gateway: main.gateway,
    gatewayUrl: main.url,
    received,
    names,
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        release();
        gate = Promise.resolve();
      };
    },
    async post(query, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(main.url, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
      return { status: response.status, body: await response.json(), headers: response.headers };
    },
    async extraGateway(settings) {
      const started = await startGateway(settings);
      const stop = async () => {
        await started.http.close();
        await started.gateway.stop();
      };
      extras.push(stop);
      return { gateway: started.gateway, url: started.url, stop };
    },
    async stop() {
      for (const stop of extras) await stop();
      await main.http.close();
      await main.gateway.stop();
      for (const s of servers) await s.close();
      await places.stop();
      await stats.stop();
    },
  };
}
