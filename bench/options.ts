/** Benchmark options: flags (`--connections 50` or `--connections=50`) override BENCH_* environment variables. */
import os from 'node:os';
import { join } from 'node:path';
import { GATEWAY_NAMES, parseContenderSpec, type ContenderSpec, type GatewayName } from './gateways';

export const WORKLOAD_IDS = ['A', 'B', 'C'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/**
 * Who sends the load. `same`: every connection sends the identical anonymous request (no token) — what
 * public benchmarks do and what a shared response can serve. `distinct`: every connection carries its own
 * valid PARTNER_APP token (its own `sub`), so no two connections' requests are identical.
 */
export const CALLERS = ['same', 'distinct'] as const;
export type Callers = (typeof CALLERS)[number];

export type CacheMode = 'on' | 'off';

export interface BenchOptions {
  workloads: WorkloadId[];
  /** Gateways (and variants, e.g. `hive:jit=off`) in the order they run. */
  contenders: ContenderSpec[];
  callers: Callers[];
  /** GATEWAY_CACHE values ours runs with, per workload (each value is a separate run of ours). */
  cache: Record<WorkloadId, CacheMode[]>;
  /** REDIS_URL for ours (with a fresh CACHE_KEY_PREFIX per gateway start), or undefined. */
  redisUrl?: string;
  /** Stock and Hive pass the caller's `authorization` on to the subgraphs (ours always does). */
  propagateAuth: boolean;
  /** Hive Gateway as its maintainers benchmark it: `--jit`, inbound in-flight request deduplication. */
  hiveJit: boolean;
  hiveInboundDedup: boolean;
  /** Workload B/C subgraph servers: lean graphql-js handlers or Apollo Server (standalone). */
  subgraphServer: Partial<Record<'B' | 'C', 'lean' | 'apollo'>>;
  /** Workload B's users (default 10): its answer size. */
  bUsers: number;
  /** Workload B and C connections. */
  connections: number;
  connectionsA: number;
  durationSec: number;
  durationASec: number;
  warmupSec: number;
  timeoutSec: number;
  timeoutASec: number;
  /** How many cities the profile requests of workload A are drawn from. */
  profileCities: number;
  extraCities: number;
  extraWorkshops: number;
  smoke: boolean;
  /** Gateways to CPU-profile (node --cpu-prof); their top functions are printed. */
  profile: GatewayName[];
  /** Smoke test only: workload B's reviews subgraph turns wrong after the expected results are taken (A is unaffected). */
  corrupt: boolean;
  outDir: string;
  verbose: boolean;
  /** Gateway worker processes: GATEWAY_WORKERS for ours, `--fork` for Hive, cluster workers for stock. */
  workers: number;
  /** Run ours and stock from the TypeScript sources (tsx) instead of compiling them first. */
  source: boolean;
  /** Consecutive runs of ours on workload B (the first is the one compared): its RSS stability check. */
  repeat: number;
}

export const USAGE = `npm run bench -- [options]    (each also as env BENCH_<NAME>, e.g. BENCH_CONNECTIONS=50)
  --workloads a,b,c        which workloads (default a,b,c): A ours over FerretDB, B the federation benchmark
                           shape (10 users, large answer), C the shape of Hive Gateway's e2e services (small answer)
  --gateways ours,stock,hive   which gateways, in this order; a variant is name:key=value[:key=value],
                           e.g. hive:jit=off:dedup=off, stock:workers=1, ours:cache=off (keys: workers, jit, dedup,
                           upstream-dedup, propagate, cache, redis, node-env, log-level,
                           semi-space = young generation MB)
  --callers same,distinct  same: identical anonymous requests on every connection; distinct: each connection
                           its own PARTNER_APP token (default: both; smoke: same)
  --cache on|off|both      GATEWAY_CACHE for ours, one run of ours per value (default: A both — cold and
                           warm —, B and C on; smoke on)
  --redis [URL]            give ours REDIS_URL (default redis://127.0.0.1:6379) and a fresh CACHE_KEY_PREFIX
  --propagate-auth on|off  stock and Hive pass the caller's authorization to the subgraphs (default on;
                           ours always does)
  --hive-jit on|off        Hive's --jit (default on, as in The Guild's benchmark)
  --hive-dedup on|off      Hive's inboundInflightRequestDeduplication (default on, as in The Guild's benchmark)
  --b-users N              workload B's users (default 10; its answer grows with them)
  --subgraph-server lean|apollo   B and C subgraph servers (default: B lean graphql-js handlers, C Apollo Server)
  --connections N          workload B and C connections (default 50)
  --connections-a N        workload A connections (default 50; smoke 2)
  --duration S             seconds per gateway, workloads B and C (default 20)
  --duration-a S           seconds per gateway, workload A (default 20)
  --warmup S               B/C warm-up seconds per gateway (default 5; A warms up with each operation once)
  --timeout S / --timeout-a S   per-request timeout (default 30 / 300)
  --profile-cities N       city profiles drawn from N cities, Makati included (default 4)
  --extra-cities N --extra-workshops N   workload A dataset (default 300 / 1000)
  --smoke                  tiny run (2 s, few connections, default dataset) for the smoke test
  --profile[=ours,hive]    CPU-profile these gateways (node --cpu-prof; default ours) and print the top functions
  --out DIR                results directory (default bench/results)
  --workers N              gateway worker processes: ours GATEWAY_WORKERS, Hive --fork, stock node:cluster
                           (default: cores, ${os.availableParallelism()} here; smoke 1)
  --repeat N               consecutive runs of ours on workload B, for its RSS stability (default 3; smoke 1)
  --source                 run ours and stock from TypeScript via tsx instead of the tsc build (smoke default)
  --verbose                echo the children's output`;

const BOOLEAN_FLAGS = ['smoke', 'corrupt', 'verbose', 'source'];
/** Flags that may stand alone (`--redis`, `--profile`) or take a value (`--redis=URL`, `--profile=hive`). */
const OPTIONAL_VALUE_FLAGS: Record<string, string> = { redis: 'redis://127.0.0.1:6379', profile: 'ours' };

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}\n${USAGE}`);
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (inline !== undefined) flags.set(key, inline);
    else if (BOOLEAN_FLAGS.includes(key)) flags.set(key, 'true');
    else if (key in OPTIONAL_VALUE_FLAGS) {
      const next = argv[i + 1];
      flags.set(key, next !== undefined && !next.startsWith('--') ? argv[++i] : OPTIONAL_VALUE_FLAGS[key]);
    } else flags.set(key, argv[++i]);
  }
  const get = (name: string) => flags.get(name) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const bool = (name: string) => ['true', '1', 'on', 'yes'].includes((get(name) ?? '').toLowerCase());
  const onOff = (name: string, fallback: boolean) => {
    const raw = get(name);
    if (raw === undefined || raw === '') return fallback;
    if (['on', 'true', '1'].includes(raw)) return true;
    if (['off', 'false', '0'].includes(raw)) return false;
    throw new Error(`--${name} must be on or off, got ${JSON.stringify(raw)}`);
  };
  const smoke = bool('smoke');
  const num = (name: string, fallback: number, min = 0) => {
    const raw = get(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}, got ${JSON.stringify(raw)}`);
    return value;
  };
  const list = <T extends string>(name: string, allowed: readonly T[], fallback: readonly T[], normalise: (s: string) => string) => {
    const raw = get(name);
    if (!raw) return [...fallback];
    const items = raw.split(',').map((s) => normalise(s.trim())) as T[];
    for (const item of items) if (!allowed.includes(item)) throw new Error(`--${name}: unknown ${JSON.stringify(item)} (one of ${allowed.join(', ')})`);
    return items;
  };

  const rawGateways = get('gateways');
  const contenders = (
    rawGateways
      ? rawGateways
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [...GATEWAY_NAMES]
  ).map(parseContenderSpec);

  const rawCache = (get('cache') ?? '').toLowerCase();
  if (rawCache && !['on', 'off', 'both'].includes(rawCache)) throw new Error(`--cache must be on, off or both, got ${JSON.stringify(rawCache)}`);
  const explicitCache: CacheMode[] | undefined = rawCache === 'both' ? ['off', 'on'] : rawCache ? [rawCache as CacheMode] : undefined;
  const cache: Record<WorkloadId, CacheMode[]> = {
    A: explicitCache ?? (smoke ? ['on'] : ['off', 'on']),
    B: explicitCache ?? ['on'],
    C: explicitCache ?? ['on'],
  };

  const subgraphServer: BenchOptions['subgraphServer'] = {};
  const rawServer = get('subgraph-server');
  if (rawServer) {
    if (rawServer !== 'lean' && rawServer !== 'apollo') throw new Error(`--subgraph-server must be lean or apollo, got ${JSON.stringify(rawServer)}`);
    subgraphServer.B = subgraphServer.C = rawServer;
  }

  const rawRedis = get('redis');
  const redisUrl =
    !rawRedis || ['off', 'false', '0'].includes(rawRedis) ? undefined : ['on', 'true', '1'].includes(rawRedis) ? OPTIONAL_VALUE_FLAGS.redis : rawRedis;

  const rawProfile = get('profile');
  const profile =
    !rawProfile || ['off', 'false', '0'].includes(rawProfile)
      ? []
      : list('profile', GATEWAY_NAMES, [], (s) => (['on', 'true', '1'].includes(s) ? 'ours' : s.toLowerCase()));

  const connections = num('connections', smoke ? 4 : 50, 1);
  return {
    workloads: list('workloads', WORKLOAD_IDS, WORKLOAD_IDS, (s) => s.toUpperCase()),
    contenders,
    callers: list('callers', CALLERS, smoke ? ['same'] : CALLERS, (s) => s.toLowerCase()),
    cache,
    redisUrl,
    propagateAuth: onOff('propagate-auth', true),
    hiveJit: onOff('hive-jit', true),
    hiveInboundDedup: onOff('hive-dedup', true),
    subgraphServer,
    bUsers: num('b-users', 10, 1),
    connections,
    connectionsA: num('connections-a', smoke ? 2 : 50, 1),
    durationSec: num('duration', smoke ? 2 : 20, 1),
    durationASec: num('duration-a', smoke ? 2 : 20, 1),
    warmupSec: num('warmup', smoke ? 1 : 5, 0),
    timeoutSec: num('timeout', 30, 1),
    timeoutASec: num('timeout-a', 300, 1),
    profileCities: num('profile-cities', smoke ? 3 : 4, 1),
    extraCities: num('extra-cities', smoke ? 0 : 300, 0),
    extraWorkshops: num('extra-workshops', smoke ? 0 : 1000, 0),
    smoke,
    profile,
    corrupt: bool('corrupt'),
    outDir: get('out') ?? join(__dirname, 'results'),
    verbose: bool('verbose'),
    workers: num('workers', smoke ? 1 : os.availableParallelism(), 1),
    source: smoke || bool('source'),
    repeat: num('repeat', smoke ? 1 : 3, 1),
  };
}
