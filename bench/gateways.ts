/**
 * The three gateways under test, each started in its own process (tree) on the same supergraph file,
 * each configured the way it is deployed or, for stock and Hive, the way public benchmarks run them
 * (README "Benchmark"). A *contender* is one gateway with its settings; variants such as
 * `hive:jit=off` let one run compare configurations of the same gateway side by side.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AuthSettings } from '../lib/auth/settings';
import { authSettingsFromEnv } from '../lib/auth/settings';
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
 * (and workload A's subgraphs) a throw-away HS256 secret, and signs the `distinct` callers' tokens with it.
 */
export const BENCH_JWT_SECRET = randomBytes(24).toString('hex');

/** Token verification as lib/auth/settings.ts reads it, with the bench's secret (issuer and audience: its defaults or JWT_ISSUER/JWT_AUDIENCE). */
export function benchAuthSettings(): AuthSettings {
  const names = ['JWT_SECRET', 'JWT_JWKS_URL', 'JWT_PUBLIC_KEY_PATH'] as const;
  const saved = names.map((n) => process.env[n]);
  try {
    process.env.JWT_SECRET = BENCH_JWT_SECRET;
    delete process.env.JWT_JWKS_URL;
    delete process.env.JWT_PUBLIC_KEY_PATH;
    return authSettingsFromEnv();
  } finally {
    names.forEach((n, i) => {
      if (saved[i] === undefined) delete process.env[n];
      else process.env[n] = saved[i];
    });
  }
}

/** The environment every process that verifies tokens gets: HS256 with the bench secret only. */
export function benchAuthEnv(): NodeJS.ProcessEnv {
  const { issuer, audience } = benchAuthSettings();
  return { JWT_SECRET: BENCH_JWT_SECRET, JWT_ISSUER: issuer, JWT_AUDIENCE: audience, JWT_JWKS_URL: '', JWT_PUBLIC_KEY_PATH: '' };
}

/** A gateway as named on the command line, with the settings it overrides (`hive:jit=off:workers=1`). */
export interface ContenderSpec {
  gateway: GatewayName;
  overrides: Record<string, string>;
}

const SPEC_KEYS: Record<string, { gateways: readonly GatewayName[]; values?: readonly string[] }> = {
  workers: { gateways: GATEWAY_NAMES },
  'node-env': { gateways: GATEWAY_NAMES },
  'log-level': { gateways: ['ours', 'hive'] },
  'semi-space': { gateways: GATEWAY_NAMES },
  propagate: { gateways: ['stock', 'hive'], values: ['on', 'off'] },
  jit: { gateways: ['hive'], values: ['on', 'off'] },
  dedup: { gateways: ['hive'], values: ['on', 'off'] },
  'upstream-dedup': { gateways: ['hive'], values: ['on', 'off'] },
  cache: { gateways: ['ours'], values: ['on', 'off'] },
  redis: { gateways: ['ours'], values: ['on', 'off'] },
};

export function parseContenderSpec(raw: string): ContenderSpec {
  const [name, ...pairs] = raw.split(':');
  const gateway = name.toLowerCase() as GatewayName;
  if (!GATEWAY_NAMES.includes(gateway)) throw new Error(`--gateways: unknown gateway ${JSON.stringify(name)} (one of ${GATEWAY_NAMES.join(', ')})`);
  const overrides: Record<string, string> = {};
  for (const pair of pairs) {
    const [key, value] = pair.split('=', 2);
    const rule = SPEC_KEYS[key];
    if (!rule?.gateways.includes(gateway)) throw new Error(`--gateways: ${gateway} has no setting ${JSON.stringify(key)}`);
    if (value === undefined || value === '' || (rule.values && !rule.values.includes(value))) {
      throw new Error(`--gateways: ${gateway}:${key} needs a value${rule.values ? ` (${rule.values.join(' or ')})` : ''}`);
    }
    if ((key === 'workers' || key === 'semi-space') && !(Number.isInteger(Number(value)) && Number(value) >= (key === 'workers' ? 1 : 0))) {
      throw new Error(`--gateways: ${gateway}:${key} must be a whole number`);
    }
    overrides[key] = value;
  }
  return { gateway, overrides };
}

/** Everything that decides how one gateway run is started. */
export interface Contender {
  gateway: GatewayName;
  /** Unique within a workload × callers table, e.g. `ours cache=off`, `hive`, `hive jit=off`. */
  label: string;
  workers: number;
  nodeEnv: string;
  /** Ours: GATEWAY_CACHE. */
  cache?: 'on' | 'off';
  /** Ours: REDIS_URL (CACHE_KEY_PREFIX is chosen per start). */
  redisUrl?: string;
  /** Stock and Hive: forward the caller's authorization header to the subgraphs. */
  propagateAuth?: boolean;
  /** Hive: `--jit`, and inboundInflightRequestDeduplication in its config file. */
  jit?: boolean;
  inboundDedup?: boolean;
  /** Hive: its HTTP executor's sharing of identical in-flight subgraph requests (default on). */
  upstreamDedup?: boolean;
  logLevel?: string;
  /**
   * V8 young generation (--max-semi-space-size, MB) of every gateway process. Unset: ours keeps its
   * deployed GATEWAY_SEMI_SPACE_MB default (64), stock and Hive Node's default (16 on 64-bit).
   */
  semiSpaceMb?: number;
  /** CPU-profile this run (node --cpu-prof). */
  profile: boolean;
}

export interface ContenderDefaults {
  workers: number;
  cache: ('on' | 'off')[];
  redisUrl?: string;
  propagateAuth: boolean;
  hiveJit: boolean;
  hiveInboundDedup: boolean;
  profile: GatewayName[];
}

/** The runs of one workload × callers table: ours once per cache setting unless a spec pins it. */
export function expandContenders(specs: ContenderSpec[], d: ContenderDefaults): Contender[] {
  const out: Contender[] = [];
  for (const spec of specs) {
    const o = spec.overrides;
    const base: Contender = {
      gateway: spec.gateway,
      label: spec.gateway,
      workers: o.workers ? Number(o.workers) : d.workers,
      nodeEnv: o['node-env'] ?? 'production',
      logLevel: o['log-level'],
      semiSpaceMb: o['semi-space'] !== undefined ? Number(o['semi-space']) : undefined,
      profile: d.profile.includes(spec.gateway),
    };
    const suffix = Object.entries(o)
      .filter(([k]) => k !== 'cache')
      .map(([k, v]) => `${k}=${v}`);
    switch (spec.gateway) {
      case 'ours': {
        const caches = o.cache ? [o.cache as 'on' | 'off'] : d.cache;
        const redis = o.redis ? (o.redis === 'on' ? (d.redisUrl ?? 'redis://127.0.0.1:6379') : undefined) : d.redisUrl;
        for (const cache of caches) {
          out.push({
            ...base,
            cache,
            redisUrl: redis,
            label: ['ours', `cache=${cache}`, ...(redis ? ['redis'] : []), ...suffix.filter((s) => !s.startsWith('redis='))].join(' '),
          });
        }
        break;
      }
      case 'stock':
        out.push({ ...base, propagateAuth: o.propagate ? o.propagate === 'on' : d.propagateAuth, label: ['stock', ...suffix].join(' ') });
        break;
      case 'hive':
        out.push({
          ...base,
          propagateAuth: o.propagate ? o.propagate === 'on' : d.propagateAuth,
          jit: o.jit ? o.jit === 'on' : d.hiveJit,
          inboundDedup: o.dedup ? o.dedup === 'on' : d.hiveInboundDedup,
          upstreamDedup: o['upstream-dedup'] !== 'off',
          label: ['hive', ...suffix].join(' '),
        });
        break;
    }
  }
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.label)) throw new Error(`--gateways: ${c.label} is listed twice`);
    seen.add(c.label);
  }
  return out;
}

/** How a contender was actually started (kept in the results). */
export interface LaunchDescription {
  command: string;
  env: Record<string, string>;
}

export interface RunningGateway {
  contender: Contender;
  url: string;
  pid: number;
  started: StartedChild;
  launched: LaunchDescription;
  stop(): Promise<void>;
}

export interface GatewayStartOptions {
  supergraphPath: string;
  port: number;
  /** Directory for V8 CPU profiles (`--profile`): one file per process. */
  cpuProfileDir?: string;
  echo?: boolean;
  /**
   * Where the compiled JavaScript is (`npm run build`): ours and stock run from it, as in production.
   * Undefined: from the TypeScript sources through tsx (the smoke test, which must not wait for tsc).
   */
  distDir?: string;
  /** Ours with Redis: the key prefix of this start. */
  cacheKeyPrefix?: string;
}

/** A gateway entry point of ours: compiled JavaScript when built, else the TypeScript source via tsx. */
function entry(options: GatewayStartOptions, relative: string): { script: string; execArgv: string[] } {
  if (options.distDir) return { script: join(options.distDir, `${relative}.js`), execArgv: [] };
  return { script: join(ROOT, `${relative}.ts`), execArgv: ['--import', 'tsx'] };
}

/** Only the variables the bench sets (for the results file); the children also inherit the bench's environment. */
function launch(c: Contender, options: GatewayStartOptions): { started: StartedChild; launched: LaunchDescription } {
  const env: Record<string, string> = {
    NODE_ENV: c.nodeEnv,
    ...(benchAuthEnv() as Record<string, string>),
    PORT: String(options.port),
    SUPERGRAPH_PATH: options.supergraphPath,
    ...(c.logLevel ? { LOG_LEVEL: c.logLevel } : {}),
  };
  // Ours sets its workers' young generation itself (gateway/cluster.ts); the others through NODE_OPTIONS.
  if (c.semiSpaceMb !== undefined) {
    if (c.gateway === 'ours') env.GATEWAY_SEMI_SPACE_MB = String(c.semiSpaceMb);
    else if (c.semiSpaceMb > 0) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=${c.semiSpaceMb}`.trim();
  }
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  let args: string[];
  switch (c.gateway) {
    case 'ours': {
      // The production entry (gateway/index.ts): cluster primary + GATEWAY_WORKERS workers.
      const { script, execArgv } = entry(options, 'gateway/index');
      Object.assign(env, oursEnv(c.workers, { cache: c.cache, redisUrl: c.redisUrl, cacheKeyPrefix: options.cacheKeyPrefix }));
      args = [...profile, ...execArgv, script];
      break;
    }
    case 'stock': {
      // A plain ApolloGateway in Apollo Server's standalone server, in `workers` cluster processes.
      const { script, execArgv } = entry(options, 'bench/gateways/stock');
      Object.assign(env, { STOCK_WORKERS: String(c.workers), BENCH_PROPAGATE_AUTH: c.propagateAuth ? 'on' : 'off' });
      args = [...profile, ...execArgv, script];
      break;
    }
    case 'hive':
      // The CLI as The Guild's benchmark runs it: `hive-gateway supergraph <file> --jit`, NODE_ENV=production,
      // a config file (bench/gateways/hive.config.ts) with inbound in-flight request deduplication; --fork
      // gives it the same number of worker processes as the others.
      Object.assign(env, {
        BENCH_HIVE_INBOUND_DEDUP: c.inboundDedup ? 'on' : 'off',
        BENCH_HIVE_UPSTREAM_DEDUP: c.upstreamDedup === false ? 'off' : 'on',
        BENCH_PROPAGATE_AUTH: c.propagateAuth ? 'on' : 'off',
      });
      args = [
        ...profile,
        join(ROOT, 'node_modules', '.bin', 'hive-gateway'),
        'supergraph',
        options.supergraphPath,
        '--config-path',
        join(ROOT, 'bench', 'gateways', 'hive.config.ts'),
        '--port',
        String(options.port),
        '--host',
        '127.0.0.1',
        '--fork',
        String(c.workers),
        ...(c.jit ? ['--jit'] : []),
      ];
      break;
  }
  const started = spawnProcess(process.execPath, args, { env, label: c.label, echo: options.echo, cwd: ROOT });
  const command = ['node', ...args.map((a) => a.replace(`${ROOT}/`, ''))].join(' ');
  return { started, launched: { command, env: Object.fromEntries(Object.entries(env).filter(([k]) => !/SECRET/.test(k))) } };
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

export async function startGateway(c: Contender, options: GatewayStartOptions): Promise<RunningGateway> {
  const { started, launched } = launch(c, options);
  const url = `http://127.0.0.1:${options.port}/graphql`;
  try {
    // Hive's forked workers load their modules through its TypeScript importer: over a minute on a busy machine.
    await waitUntilServing(url, started, 180_000);
  } catch (error) {
    await stopChild(started.child);
    throw error;
  }
  return { contender: c, url, pid: started.child.pid!, started, launched, stop: () => stopChild(started.child) };
}
