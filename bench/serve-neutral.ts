/**
 * The subgraph process of the neutral workloads (B and C, BENCH_WORKLOAD): the four in-memory subgraphs
 * on ephemeral ports, served either by a lean HTTP handler around graphql-js `execute` (documents parsed
 * and validated once per distinct query: cheap subgraphs, so the gateways are what is measured) or by
 * Apollo Server's standalone server (as Hive Gateway's e2e services are); BENCH_SUBGRAPH_SERVER picks.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { SubgraphStats } from './subgraph-stats';
import * as workloadB from './workload-b/subgraphs';
import * as workloadC from './workload-c/subgraphs';

function leanHandler(schema: GraphQLSchema): http.RequestListener {
  const documents = new Map<string, DocumentNode | readonly Error[]>();
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  return (req, res) => {
    if (req.method !== 'POST') return send(res, req.url === '/health' ? 200 : 405, { status: 'ok' });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        let document = documents.get(query);
        if (!document) {
          const parsed = parse(query);
          const errors = validate(schema, parsed);
          document = errors.length ? errors : parsed;
          if (documents.size < 1000) documents.set(query, document);
        }
        if (Array.isArray(document)) return send(res, 400, { errors: document.map((e) => ({ message: e.message })) });
        const result = await execute({ schema, document: document as DocumentNode, variableValues: variables, operationName });
        send(res, 200, result);
      } catch (error) {
        send(res, 400, { errors: [{ message: (error as Error).message }] });
      }
    });
  };
}

async function serveLean(schema: GraphQLSchema): Promise<http.Server> {
  const server = http.createServer(leanHandler(schema));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Apollo Server's standalone server, defaults; its node:http server is caught as it is created, to count requests. */
async function serveApollo(schema: GraphQLSchema): Promise<http.Server> {
  const createServer = http.createServer;
  let caught: http.Server | undefined;
  (http as { createServer: unknown }).createServer = (...args: Parameters<typeof http.createServer>) => (caught = createServer(...args));
  try {
    await startStandaloneServer(new ApolloServer({ schema }), { listen: { port: 0, host: '127.0.0.1' } });
  } finally {
    (http as { createServer: unknown }).createServer = createServer;
  }
  if (!caught) throw new Error('Apollo Server did not create its HTTP server through node:http');
  return caught;
}

async function main(): Promise<void> {
  const workload = process.env.BENCH_WORKLOAD === 'C' ? workloadC : workloadB;
  const kind = process.env.BENCH_SUBGRAPH_SERVER === 'apollo' ? 'apollo' : 'lean';
  const stats = new SubgraphStats();
  const urls: Record<string, string> = {};
  for (const name of Object.keys(workload.SDL)) {
    const schema = workload.subgraphSchema(name);
    const server = kind === 'apollo' ? await serveApollo(schema) : await serveLean(schema);
    stats.watch(name, server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  stats.serveIpc((message) => {
    if (message.type === 'corrupt') {
      workloadB.corruption.on = Boolean(message.on);
      process.send?.({ type: 'corrupt:reply' });
    }
  });
  process.send?.({ type: 'ready', urls, server: kind });
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
