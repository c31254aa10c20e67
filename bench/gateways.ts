/** The three gateways under test, each started in its own process on the same supergraph file. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnProcess, stopChild, type StartedChild } from './proc';
import { oursEnv } from './gateways/ours';

export const GATEWAY_NAMES = ['ours', 'stock', 'hive'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

export const GATEWAY_LABELS: Record<GatewayName, string> = {
  ours: 'ours (gateway/index.ts)',
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
  /** Worker processes: GATEWAY_WORKERS for ours, `--fork` for Hive; stock has no such option (1). */
  workers: number;
  /**
   * Where the compiled JavaScript is (`npm run build`): ours and stock run from it, as in production.
   * Undefined: from the TypeScript sources through tsx (the smoke test, which must not wait for tsc).
   */
  distDir?: string;
}

/** A gateway entry point of ours: compiled JavaScript when built, else the TypeScript source via tsx. */
function entry(options: GatewayStartOptions, relative: string): { script: string; execArgv: string[] } {
  if (options.distDir) return { script: join(options.distDir, relative + '.js'), execArgv: [] };
  return { script: join(ROOT, relative + '.ts'), execArgv: ['--import', 'tsx'] };
}

function launch(name: GatewayName, options: GatewayStartOptions): StartedChild {
  // Production configuration for every gateway (no stack traces, no dev landing pages).
  const env = { NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, PORT: String(options.port), SUPERGRAPH_PATH: options.supergraphPath };
  switch (name) {
    case 'ours': {
      // The production entry (gateway/index.ts): cluster primary + GATEWAY_WORKERS workers.
      const { script, execArgv } = entry(options, 'gateway/index');
      const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
      return spawnProcess(process.execPath, [...profile, ...execArgv, script], {
        env: { ...env, ...oursEnv(options.workers) },
        label: name,
        echo: options.echo,
        cwd: ROOT,
      });
    }
    case 'stock': {
      // No worker option in stock @apollo/gateway or its standalone server: always one process.
      const { script, execArgv } = entry(options, 'bench/gateways/stock');
      return spawnProcess(process.execPath, [...execArgv, script], { env, label: name, echo: options.echo, cwd: ROOT });
    }
    case 'hive':
      // The same worker count as ours; the supergraph's join__graph URLs are the subgraphs'.
      return spawnProcess(
        process.execPath,
        [join(ROOT, 'node_modules', '.bin', 'hive-gateway'), 'supergraph', options.supergraphPath,
          '--port', String(options.port), '--host', '127.0.0.1', '--fork', String(options.workers)],
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
