/**
 * Stock @apollo/gateway: a plain `new ApolloGateway({ supergraphSdl })` in Apollo Server's standalone
 * server, defaults otherwise. Like the public gateway benchmarks, it runs in STOCK_WORKERS node:cluster
 * processes sharing the port (Apollo's gateway has no worker option of its own), and with
 * BENCH_PROPAGATE_AUTH=on it passes the caller's `authorization` header on to every subgraph.
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

interface Context {
  authorization?: string;
}

/** The subgraph request carries the caller's token. */
class ForwardAuthorization extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

async function serve(): Promise<void> {
  const propagate = process.env.BENCH_PROPAGATE_AUTH === 'on';
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'),
    ...(propagate ? { buildService: ({ url }) => new ForwardAuthorization({ url }) } : {}),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  console.log(`stock ready at ${url}${cluster.isWorker ? ` (worker ${cluster.worker?.id})` : ''}`);
}

const workers = Number(process.env.STOCK_WORKERS || 1);
if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`stock worker ${worker.id} exited (${signal ?? code}): stopping`);
    process.exit(1);
  });
  process.on('SIGTERM', () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
