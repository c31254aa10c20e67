/** Benchmark options: flags (`--connections 50` or `--connections=50`) override BENCH_* environment variables. */
import os from 'node:os';
import { join } from 'node:path';
import { GATEWAY_NAMES, type GatewayName } from './gateways';

export interface BenchOptions {
  workloads: ('A' | 'B')[];
  gateways: GatewayName[];
  /** Workload B connections (and the default for A). */
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
  /** `--cpu-prof` our gateway and print the top self-time functions. */
  profile: boolean;
  /** Smoke test only: workload B's reviews subgraph turns wrong after the expected results are taken (A is unaffected). */
  corrupt: boolean;
  outDir: string;
  verbose: boolean;
  /** Gateway worker processes: GATEWAY_WORKERS for ours, `--fork` for Hive (stock has none: 1). */
  workers: number;
  /** Run ours and stock from the TypeScript sources (tsx) instead of compiling them first. */
  source: boolean;
  /** Consecutive runs of ours on workload B (the first is the one compared): its RSS stability check. */
  repeat: number;
}

export const USAGE = `npm run bench -- [options]    (each also as env BENCH_<NAME>, e.g. BENCH_CONNECTIONS=50)
  --workloads a,b          which workloads (default a,b)
  --gateways ours,stock,hive
  --connections N          workload B connections (default 50)
  --connections-a N        workload A connections (default 2: it is database-bound, see README)
  --duration S             seconds per gateway, workload B (default 20)
  --duration-a S           seconds per gateway, workload A (default 20)
  --warmup S               workload B warm-up seconds per gateway (default 5; A warms up with each operation once)
  --timeout S / --timeout-a S   per-request timeout (default 30 / 300)
  --profile-cities N       city profiles drawn from N cities, Makati included (default 4)
  --extra-cities N --extra-workshops N   workload A dataset (default 300 / 1000)
  --smoke                  tiny run (2 s, few connections, default dataset) for the smoke test
  --profile                CPU-profile our gateway (node --cpu-prof) and print the top functions
  --out DIR                results directory (default bench/results)
  --workers N              gateway worker processes, ours (GATEWAY_WORKERS) and Hive (--fork); stock has
                           no such option and runs one (default: cores, ${os.availableParallelism()} here; smoke 1)
  --repeat N               consecutive runs of ours on workload B, for its RSS stability (default 3; smoke 1)
  --source                 run ours and stock from TypeScript via tsx instead of the tsc build (smoke default)
  --verbose                echo the children's output`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}\n${USAGE}`);
    const [key, inline] = arg.slice(2).split('=', 2);
    const boolean = ['smoke', 'profile', 'corrupt', 'verbose', 'source'].includes(key);
    flags.set(key, inline ?? (boolean ? 'true' : argv[++i]));
  }
  const get = (name: string) => flags.get(name) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const smoke = get('smoke') === 'true' || get('smoke') === '1';
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
  const connections = num('connections', smoke ? 4 : 50, 1);
  return {
    workloads: list('workloads', ['A', 'B'] as const, ['A', 'B'], (s) => s.toUpperCase()),
    gateways: list('gateways', GATEWAY_NAMES, GATEWAY_NAMES, (s) => s.toLowerCase()),
    connections,
    connectionsA: num('connections-a', 2, 1),
    durationSec: num('duration', smoke ? 2 : 20, 1),
    durationASec: num('duration-a', smoke ? 2 : 20, 1),
    warmupSec: num('warmup', smoke ? 1 : 5, 0),
    timeoutSec: num('timeout', 30, 1),
    timeoutASec: num('timeout-a', 300, 1),
    profileCities: num('profile-cities', smoke ? 3 : 4, 1),
    extraCities: num('extra-cities', smoke ? 0 : 300, 0),
    extraWorkshops: num('extra-workshops', smoke ? 0 : 1000, 0),
    smoke,
    profile: get('profile') === 'true' || get('profile') === '1',
    corrupt: get('corrupt') === 'true' || get('corrupt') === '1',
    outDir: get('out') ?? join(__dirname, 'results'),
    verbose: get('verbose') === 'true' || get('verbose') === '1',
    workers: num('workers', smoke ? 1 : os.availableParallelism(), 1),
    source: smoke || get('source') === 'true' || get('source') === '1',
    repeat: num('repeat', smoke ? 1 : 3, 1),
  };
}
