/**
 * Workload B's subgraph process: the four in-memory subgraphs on ephemeral ports, each a lean HTTP
 * handler around graphql-js `execute` (documents parsed and validated once per distinct query), so
 * the subgraphs stay cheap and the gateways are what is measured.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { SubgraphStats } from '../subgraph-stats';
import { corruption, subgraphSchema, WORKLOAD_B_SUBGRAPHS } from './subgraphs';

function handler(schema: GraphQLSchema): http.RequestListener {
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

async function main(): Promise<void> {
  const stats = new SubgraphStats();
  const urls: Record<string, string> = {};
  for (const name of WORKLOAD_B_SUBGRAPHS) {
    const server = http.createServer(handler(subgraphSchema(name)));
    server.keepAliveTimeout = 65_000;
    stats.watch(name, server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  stats.serveIpc((message) => {
    if (message.type === 'corrupt') {
      corruption.on = Boolean(message.on);
      process.send?.({ type: 'corrupt:reply' });
    }
  });
  process.send?.({ type: 'ready', urls });
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
