/** The three gateways under test, each started in its own process on the same supergraph file. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { forkTs, spawnProcess, stopChild, type StartedChild } from './proc';

export const GATEWAY_NAMES = ['ours', 'stock', 'hive'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

export const GATEWAY_LABELS: Record<GatewayName, string> = {
  ours: 'ours (gateway/server.ts)',
  stock: 'stock @apollo/gateway',
  hive: 'Hive Gateway',
};

const ROOT = join(__dirname, '..');

/**
 * Our gateway refuses production start-up without token verification configured: the bench gives it
 * (and workload A's subgraphs) a throw-away HS256 secret. Requests carry no token (public data).
 */
export const BENCH_JWT_SECRET = randomBytes(24).toString('hex');

export interface RunningGateway {
  name: GatewayName;
  url: string;
  pid: number;
  started: StartedChild;
  stop(): Promise<void>;
}

export interface GatewayStartOptions {
  supergraphPath: string;
  port: number;
  /** Directory for a V8 CPU profile of our gateway (`--profile`). */
  cpuProfileDir?: string;
  echo?: boolean;
}

function launch(name: GatewayName, options: GatewayStartOptions): StartedChild {
  // Production configuration for every gateway (no stack traces, no dev landing pages).
  const env = { NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, PORT: String(options.port), SUPERGRAPH_PATH: options.supergraphPath };
  switch (name) {
    case 'ours':
      return forkTs(join(__dirname, 'gateways', 'ours.ts'), {
        env,
        label: name,
        echo: options.echo,
        execArgv: options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
      });
    case 'stock':
      return forkTs(join(__dirname, 'gateways', 'stock.ts'), { env, label: name, echo: options.echo });
    case 'hive':
      // One process (no workers), like the other two; the supergraph's join__graph URLs are the subgraphs'.
      return spawnProcess(
        process.execPath,
        [join(ROOT, 'node_modules', '.bin', 'hive-gateway'), 'supergraph', options.supergraphPath,
          '--port', String(options.port), '--host', '127.0.0.1', '--fork', '1'],
        { env, label: name, echo: options.echo, cwd: ROOT },
      );
  }
}

/** Ready = `{ __typename }` answers 200 (the same probe for all three). */
async function waitUntilServing(url: string, started: StartedChild, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`gateway exited (code ${started.child.exitCode})\n${started.output()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (response.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway at ${url} not ready within ${timeoutMs} ms\n${started.output()}`);
}

export async function startGateway(name: GatewayName, options: GatewayStartOptions): Promise<RunningGateway> {
  const started = launch(name, options);
  const url = `http://127.0.0.1:${options.port}/graphql`;
  try {
    await waitUntilServing(url, started, 60_000);
  } catch (error) {
    await stopChild(started.child);
    throw error;
  }
  return { name, url, pid: started.child.pid!, started, stop: () => stopChild(started.child) };
}
