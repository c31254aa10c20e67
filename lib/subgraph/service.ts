import { readFileSync } from 'node:fs';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode } from 'graphql';
import type { Db } from 'mongodb';
import type { SubgraphName, SubgraphSettings } from '../config';
import type { AuthUser } from '../auth/roles';
import type { CallerHeaders } from '../federation/gateway-client';

/** What every subgraph's `server.ts` builds: an Apollo Server plus the per-request context factory. */
export interface SubgraphService<TContext extends BaseContext = BaseContext> {
  name: SubgraphName;
  server: ApolloServer<TContext>;
  db: Db;
  /**
   * A fresh context (with fresh DataLoaders) for one request by `user` (anonymous when omitted);
   * `caller` carries the request's token and id on to any other domain this request must ask.
   */
  createContext(user?: AuthUser | null, caller?: CallerHeaders): TContext;
  stop(): Promise<void>;
}

export interface SubgraphDeps {
  db: Db;
  settings: SubgraphSettings;
}

export function loadTypeDefs(path: string): DocumentNode {
  return parse(readFileSync(path, 'utf8'));
}

/** Builds and starts the Apollo Server of one subgraph from its SDL and resolvers. */
export async function buildSubgraphService<TContext extends BaseContext>(options: {
  name: SubgraphName;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  db: Db;
  createContext(user: AuthUser | null, caller: CallerHeaders): TContext;
}): Promise<SubgraphService<TContext>> {
  const schema = buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> });
  const server = new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: process.env.NODE_ENV !== 'production',
    // Our processes own their shutdown (HTTP first, then servers, then the database).
    stopOnTerminationSignals: false,
    // No Apollo usage reporting here, so federated traces (ftv1) would only cost time.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  return {
    name: options.name,
    server,
    db: options.db,
    createContext: (user = null, caller = {}) => options.createContext(user, caller),
    stop: () => server.stop(),
  };
}
