/** Our gateway (gateway/server.ts, unchanged) alone in its process, for the benchmark. */
import { createGateway } from '../../gateway/server';
import { listen } from '../../lib/http/graphql-http-server';

async function main(): Promise<void> {
  const gateway = await createGateway({
    port: Number(process.env.PORT),
    host: '127.0.0.1',
    supergraphPath: process.env.SUPERGRAPH_PATH!,
    subgraphUrls: {}, // the bench supergraph carries the real subgraph URLs
    maxBodyBytes: 1_000_000,
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
