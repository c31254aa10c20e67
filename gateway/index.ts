import { listen } from '../lib/http/graphql-http-server';
import { gatewaySettingsFromEnv } from './config';
import { createGateway } from './server';

/** `npm run start:gateway`: the gateway alone, in front of subgraphs started elsewhere. */
async function main(): Promise<void> {
  const settings = gatewaySettingsFromEnv();
  const gateway = await createGateway(settings);
  const running = await listen(gateway.listener, settings.port, settings.host);
  console.log(`Gateway ready at ${running.url} (supergraph: ${settings.supergraphPath})`);
  const shutdown = async () => {
    await running.close();
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
