/** Our gateway (gateway/server.ts, unchanged) alone in its process, for the benchmark. */
import { randomBytes } from 'node:crypto';
import { createGateway } from '../../gateway/server';
import { listen } from '../../lib/http/graphql-http-server';

async function main(): Promise<void> {
  const gateway = await createGateway({
    port: Number(process.env.PORT),
    host: '127.0.0.1',
    supergraphPath: process.env.SUPERGRAPH_PATH!,
    subgraphUrls: {}, // the bench supergraph carries the real subgraph URLs
    maxBodyBytes: 1_000_000,
    // Production configuration, except: the benchmark sends full documents (the other gateways have
    // no trusted-document manifest), and the bench subgraphs do not check signatures, so a throw-away
    // secret keeps the signing cost in the measurement without requiring it of them.
    trustedDocuments: 'off',
    // Workload B's lists take no page arguments, so demand control would estimate 20 items per list
    // level (1.5 M for TestQuery) and refuse it; the estimate still runs, only the ceiling is raised.
    limits: { maxCost: 100_000_000 },
    subgraphSigningSecret: process.env.SUBGRAPH_SIGNING_SECRET || randomBytes(32).toString('hex'),
  });
  const running = await listen(gateway.listener, Number(process.env.PORT), '127.0.0.1');
  console.log(`ours ready at ${running.url}`);
  // A clean exit on SIGTERM, so that `--cpu-prof` writes its profile.
  process.once('SIGTERM', async () => {
    await running.close(500);
    await gateway.stop();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
