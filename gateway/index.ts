import { listen } from '../lib/http/graphql-http-server';
import { envInt } from '../lib/config';
import { onTermination } from '../lib/lifecycle';
import { startTracing } from '../lib/observability/tracing';
import { runClustered, workerCount } from './cluster';
import { gatewaySettingsFromEnv } from './config';
import { createGateway } from './server';
import { gatewayApps } from '../apps';

/** `npm run start:gateway`: the gateway alone, in front of subgraphs started elsewhere. */
async function main(): Promise<void> {
  const settings = gatewaySettingsFromEnv();
  const tracing = startTracing('gateway');
  const gateway = await createGateway(settings, { routes: gatewayApps });
  const running = await listen(gateway.listener, settings.port, settings.host);
  gateway.logger.info({ url: running.url, supergraphPath: settings.supergraphPath, tracing: tracing?.url }, `Gateway ready at ${running.url}`);
  onTermination(async () => {
    // Stop accepting, let requests in flight finish, then stop the gateway (and its file watcher).
    await running.close(envInt('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000));
    await gateway.stop();
    await tracing?.shutdown();
    gateway.logger.info('stopped');
  });
}

// GATEWAY_WORKERS processes sharing the port (one per core by default in production): gateway/cluster.ts.
let workers = 1;
try {
  workers = workerCount();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
runClustered(workers, main);
