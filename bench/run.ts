/**
 * `npm run bench`: our gateway, stock @apollo/gateway and Hive Gateway side by side, each in its own
 * process, on the same supergraph, the same subgraph processes and the same load (autocannon), every
 * response checked against the expected result. Prints a table with ratios and writes
 * bench/results/<timestamp>.json. See README "Benchmark".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { composeSupergraph, subgraphSdls } from '../scripts/compose';
import { freePort, startLocalServer, type LocalServer } from '../stack/local-server';
import { GOLDEN_NOW, GOLDEN_VARIABLES, goldenResult } from '../test/golden/golden';
import { benchAuthEnv, expandContenders, startGateway, type Contender } from './gateways';
import { callerHeaders, type ConnectionHeaders } from './callers';
import { computeExpected } from './expected';
import { checkResponse, runLoad } from './load';
import { mixPicker, seededRandom, type Variant } from './operation';
import { parseOptions, type BenchOptions, type Callers, type WorkloadId } from './options';
import { ask, descendantsNamed, removeOnExit, forkTs, RssSampler, stopChild, treeCpuSeconds, waitForMessage, type StartedChild } from './proc';
import { formatTable, ratioRecords, summariseCpuProfile, type RatioRecord, type RunRecord } from './report';
import { checkRedis, RedisConnection } from './redis';
import type { SubgraphStatsReply } from './subgraph-stats';
import { workloadAVariants } from './workload-a/operations';
import { SDL as WORKLOAD_B_SDL } from './workload-b/subgraphs';
import { workloadBVariants } from './workload-b/operation';
import { SDL as WORKLOAD_C_SDL } from './workload-c/subgraphs';
import { workloadCVariants } from './workload-c/operation';

const log = (line: string) => process.stderr.write(`${line}\n`);
const MB = 1024 * 1024;

/** What one workload provides to the gateway runs. */
interface Workload {
  id: WorkloadId;
  title: string;
  subgraphs: StartedChild;
  supergraphSdl: string;
  variants: Variant[];
  connections: number;
  durationSec: number;
  timeoutSec: number;
  /** Time-based warm-up (B, C); A warms up with each operation once (its requests take seconds). */
  warmupSec: number;
  /** Processes whose CPU counts as "database" (FerretDB), if local. */
  dbPids: number[];
  notes: Record<string, unknown>;
  cleanup(): Promise<void>;
}

async function subgraphStats(w: Workload): Promise<SubgraphStatsReply> {
  return ask<SubgraphStatsReply>(w.subgraphs, 'stats');
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Waits until no request is in flight at the subgraphs and none arrived for a moment. */
async function drain(w: Workload, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let previous = -1;
  let quiet = 0;
  while (Date.now() < deadline) {
    const stats = await subgraphStats(w);
    const total = sum(Object.values(stats.perSubgraph).map((c) => c.requests));
    quiet = stats.inFlight === 0 && total === previous ? quiet + 1 : 0;
    if (quiet >= 2) return;
    previous = total;
    await new Promise((r) => setTimeout(r, 300));
  }
  log(`  (subgraphs still busy after ${timeoutMs / 1000} s; counting anyway)`);
}

// ---- workloads ------------------------------------------------------------------------------

async function setUpWorkloadA(options: BenchOptions): Promise<Workload> {
  let local: LocalServer | undefined;
  let dataDir: string | undefined;
  let uri = process.env.BENCH_MONGODB_URI || process.env.MONGODB_URI;
  const prefix = `bench${randomBytes(3).toString('hex')}_`;
  if (!uri) {
    dataDir = mkdtempSync(join(os.tmpdir(), 'citynet-bench-db-'));
    removeOnExit(dataDir);
    local = await startLocalServer({ dataDir, log });
    uri = local.uri;
  }
  log(`Workload A: database ${local ? `${local.kind} (temporary, ${dataDir})` : 'MONGODB_URI'}, prefix ${prefix}; seeding…`);
  const started = Date.now();
  const subgraphs = forkTs(join(__dirname, 'workload-a', 'subgraphs.ts'), {
    label: 'subgraphs-A',
    echo: options.verbose,
    env: {
      BENCH_MONGODB_URI: uri,
      BENCH_DB_PREFIX: prefix,
      BENCH_NOW: GOLDEN_NOW,
      ...benchAuthEnv(),
      BENCH_EXTRA_CITIES: String(options.extraCities),
      BENCH_EXTRA_WORKSHOPS: String(options.extraWorkshops),
    },
  });
  const cleanup = async () => {
    if (!local) await ask(subgraphs, 'drop', 60_000).catch(() => {});
    await stopChild(subgraphs.child);
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const ready = await waitForMessage<{
      type: 'ready';
      urls: Record<string, string>;
      seedMs: Record<string, number>;
      sizes: Record<string, number>;
      cityIds: string[];
    }>(
      subgraphs,
      'ready',
      // Seeding plus the subgraphs' start-up migrations over 332 cities: minutes on FerretDB when the
      // machine is busy (more than 5 at load average 17); setup time, not measured.
      1_200_000,
    );
    log(`  seeded and serving in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(ready.sizes)}`);
    const supergraphSdl = composeSupergraph(subgraphSdls().map((s) => ({ ...s, url: ready.urls[s.name] })));
    return {
      id: 'A',
      title: 'ours: city profiles, registry page of 50, cities(first: 100) × a theme, upcoming workshops',
      subgraphs,
      supergraphSdl,
      variants: workloadAVariants(ready.cityIds, options.profileCities, GOLDEN_NOW),
      connections: options.connectionsA,
      durationSec: options.durationASec,
      timeoutSec: options.timeoutASec,
      warmupSec: 0,
      dbPids: local?.kind === 'ferretdb' || local?.kind === 'mongod' ? descendantsNamed(local.kind === 'ferretdb' ? 'ferretdb' : 'mongod') : [],
      notes: { database: local ? local.kind : 'MONGODB_URI', dataset: ready.sizes, seedMs: ready.seedMs },
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Workloads B and C: in-memory subgraphs in one child process (bench/serve-neutral.ts). */
async function setUpNeutralWorkload(id: 'B' | 'C', options: BenchOptions): Promise<Workload> {
  const server = options.subgraphServer[id] ?? (id === 'B' ? 'lean' : 'apollo');
  const subgraphs = forkTs(join(__dirname, 'serve-neutral.ts'), {
    label: `subgraphs-${id}`,
    echo: options.verbose,
    env: { BENCH_WORKLOAD: id, BENCH_SUBGRAPH_SERVER: server, BENCH_B_USERS: String(options.bUsers) },
  });
  try {
    const ready = await waitForMessage<{ type: 'ready'; urls: Record<string, string> }>(subgraphs, 'ready', 60_000);
    const sdl = id === 'B' ? WORKLOAD_B_SDL : WORKLOAD_C_SDL;
    const composed = composeServices(Object.entries(sdl).map(([name, typeDefs]) => ({ name, url: ready.urls[name], typeDefs: parse(typeDefs) })));
    if (composed.errors) throw new Error(`Workload ${id} does not compose: ${composed.errors.map((e) => e.message).join('; ')}`);
    return {
      id,
      title:
        id === 'B'
          ? `federation benchmark TestQuery (accounts, inventory, products, reviews; ${options.bUsers} users${options.bUsers === 10 ? ', large answer' : ''})`
          : "TestQuery over the shape of Hive Gateway's e2e services (2 users, 3 products, 4 reviews; small answer)",
      subgraphs,
      supergraphSdl: composed.supergraphSdl,
      variants: id === 'B' ? workloadBVariants() : workloadCVariants(),
      connections: options.connections,
      durationSec: options.durationSec,
      timeoutSec: options.timeoutSec,
      warmupSec: options.warmupSec,
      dbPids: [],
      notes: {
        subgraphServer: server === 'lean' ? 'lean graphql-js handlers' : "Apollo Server's standalone server",
        ...(id === 'B' ? { users: options.bUsers } : {}),
      },
      cleanup: () => stopChild(subgraphs.child),
    };
  } catch (error) {
    await stopChild(subgraphs.child);
    throw error;
  }
}

// ---- one workload × all gateways ------------------------------------------------------------

async function prepareExpected(w: Workload): Promise<void> {
  const alone: Record<string, { subgraphRequests: number; dbCommands: number; ms: number }> = {};
  const started = Date.now();
  await computeExpected({
    supergraphSdl: w.supergraphSdl,
    variants: w.variants,
    concurrency: 2, // FerretDB on 2 cores: more only queues
    // The first variant of each kind runs alone: exactly what one such operation costs (via stock).
    measureAlone: async (v, run) => {
      await ask(w.subgraphs, 'reset');
      const t = Date.now();
      await run();
      const stats = await subgraphStats(w);
      alone[v.label] = {
        subgraphRequests: sum(Object.values(stats.perSubgraph).map((c) => c.requests)),
        dbCommands: sum(Object.values(stats.perSubgraph).map((c) => c.dbCommands)),
        ms: Date.now() - t,
      };
    },
  });
  w.notes.expectedComputedInMs = Date.now() - started;
  w.notes.oneOperationAloneViaStock = alone;
  log(`  expected results for ${w.variants.length} variants in ${((Date.now() - started) / 1000).toFixed(1)} s; one operation alone: ${JSON.stringify(alone)}`);
  if (w.id === 'A') {
    // The golden Makati profile: unchanged by the extra synthetic data, except possibly its upcoming workshops.
    const makati = w.variants.find((v) => v.kind === 'cityProfile' && (v.variables as { id: string }).id === GOLDEN_VARIABLES.id);
    const golden = (goldenResult() as { data: { city: Record<string, unknown> } }).data.city;
    const actual = (makati!.expectedData as { city: Record<string, unknown> }).city;
    const strip = ({ upcomingWorkshops: _u, ...rest }: Record<string, unknown>) => rest;
    const check = {
      equalExceptUpcomingWorkshops: JSON.stringify(strip(actual)) === JSON.stringify(strip(golden)),
      upcomingWorkshopsEqual: JSON.stringify(actual.upcomingWorkshops) === JSON.stringify(golden.upcomingWorkshops),
    };
    w.notes.goldenMakati = check;
    log(`  golden Makati profile vs test/golden: ${JSON.stringify(check)}`);
    if (!check.equalExceptUpcomingWorkshops)
      throw new Error('Makati profile differs from the golden result beyond upcomingWorkshops: the bench data or the stack is off');
  }
}

/** What every gateway run of one bench invocation shares. */
interface RunContext {
  options: BenchOptions;
  supergraphDir: string;
  /** Where CPU profiles go (one directory per profiled run), when any gateway is profiled. */
  profileRoot?: string;
  distDir?: string;
  /** Distinguishes this invocation's Redis keys (CACHE_KEY_PREFIX). */
  runId: string;
  profiles: { title: string; dir: string; workers: number }[];
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

async function benchGateway(w: Workload, c: Contender, callers: Callers, headers: ConnectionHeaders, ctx: RunContext, repeat: number): Promise<RunRecord> {
  const port = await freePort();
  const supergraphPath = join(ctx.supergraphDir, `supergraph-${w.id}.graphql`);
  const cpuProfileDir = c.profile && ctx.profileRoot ? join(ctx.profileRoot, `${w.id}-${callers}-${slug(c.label)}`) : undefined;
  const cacheKeyPrefix = c.redisUrl ? `bench:${ctx.runId}:${w.id}:${callers}:${slug(c.label)}:` : undefined;
  log(`  ${c.label} (callers=${callers}): starting…`);
  const gateway = await startGateway(c, { supergraphPath, port, cpuProfileDir, echo: ctx.options.verbose, distDir: ctx.distDir, cacheKeyPrefix });
  const rss = new RssSampler(gateway.pid);
  try {
    const random = seededRandom(w.id === 'A' ? 1 : w.id === 'B' ? 2 : 3);
    const pick = mixPicker(w.variants, random);
    // Warm-up: every variant kind once (query plans cached), then (B, C) a timed run; all answers checked.
    const warmup = { requests: 0, errors: 0 };
    const kinds = [...new Map(w.variants.map((v) => [v.kind, v])).values()];
    await Promise.all(
      kinds.map(async (v) => {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers[0] }, body: v.body });
        warmup.requests++;
        if (checkResponse(v, response.status, await response.text()) !== 'ok') warmup.errors++;
      }),
    );
    if (w.warmupSec > 0) {
      const timed = await runLoad({ url: gateway.url, connections: w.connections, durationSec: w.warmupSec, timeoutSec: w.timeoutSec, pick, headers });
      warmup.requests += timed.completed;
      warmup.errors += timed.errors.total;
    }
    await drain(w, 300_000);

    await ask(w.subgraphs, 'reset');
    const before = { subgraph: (await subgraphStats(w)).cpuSeconds, gateway: treeCpuSeconds([gateway.pid]), db: treeCpuSeconds(w.dbPids) };
    log(`  ${c.label} (callers=${callers}): ${w.connections} connections × ${w.durationSec} s…`);
    const load = await runLoad({ url: gateway.url, connections: w.connections, durationSec: w.durationSec, timeoutSec: w.timeoutSec, pick, headers });
    const rssAfterRun = rss.sample();
    // Requests cut off at the end still run to completion in the gateway: count their subgraph and DB work too.
    await drain(w, 300_000);
    const stats = await subgraphStats(w);
    const after = { subgraph: stats.cpuSeconds, gateway: treeCpuSeconds([gateway.pid]), db: treeCpuSeconds(w.dbPids) };
    const ops = Math.max(1, load.sent);
    const per = (n: number) => n / ops;
    const counters = Object.values(stats.perSubgraph);
    const record: RunRecord = {
      workload: w.id,
      gateway: c.gateway,
      label: c.label,
      callers,
      ...(c.gateway === 'ours' ? { cache: c.cache, redis: !!c.redisUrl } : {}),
      launched: gateway.launched,
      connections: w.connections,
      durationSec: load.durationSec,
      sent: load.sent,
      completed: load.completed,
      ok: load.ok,
      rps: load.rps,
      latencyMs: load.latencyMs,
      errors: load.errors,
      warmup,
      peakRssMB: rss.peak / MB,
      rssAfterRunMB: rssAfterRun / MB,
      gatewayCpuMsPerOp: per((after.gateway - before.gateway) * 1000),
      subgraphRequestsPerOp: per(sum(counters.map((x) => x.requests))),
      subgraphRequestsBySubgraph: Object.fromEntries(Object.entries(stats.perSubgraph).map(([k, x]) => [k, per(x.requests)])),
      subgraphRequestsWithTokenPerOp: per(sum(counters.map((x) => x.withToken))),
      distinctTokensAtSubgraphs: stats.distinctTokens,
      subgraphBusyMsPerOp: per(sum(counters.map((x) => x.busyMs))),
      subgraphCpuMsPerOp: per((after.subgraph - before.subgraph) * 1000),
      ...(w.id === 'A'
        ? {
            dbCommandsPerOp: per(sum(counters.map((x) => x.dbCommands))),
            dbCommandsBySubgraph: Object.fromEntries(Object.entries(stats.perSubgraph).map(([k, x]) => [k, per(x.dbCommands)])),
            dbCpuMsPerOp: w.dbPids.length ? per((after.db - before.db) * 1000) : undefined,
          }
        : {}),
      perKind: load.perKind,
      firstFailure: load.firstFailure,
      workers: c.workers,
    };
    log(
      `    ${load.rps.toFixed(1)} req/s, p50 ${record.latencyMs.p50.toFixed(0)} ms, p99 ${record.latencyMs.p99.toFixed(0)} ms, errors ${load.errors.total}, ` +
        `gateway CPU ${record.gatewayCpuMsPerOp.toFixed(1)} ms/op, subgraph req/op ${record.subgraphRequestsPerOp.toFixed(2)}` +
        (load.firstFailure ? ` (first: ${load.firstFailure.variant} → ${load.firstFailure.status} ${load.firstFailure.body.slice(0, 160)})` : ''),
    );
    // Memory stability: the same load again on the same gateway processes; RSS after each run.
    if (repeat > 1) {
      record.rssAfterRunsMB = [rssAfterRun / MB];
      for (let i = 2; i <= repeat; i++) {
        const again = await runLoad({ url: gateway.url, connections: w.connections, durationSec: w.durationSec, timeoutSec: w.timeoutSec, pick, headers });
        record.rssAfterRunsMB.push(rss.sample() / MB);
        record.repeatedRuns = [
          ...(record.repeatedRuns ?? []),
          { rps: again.rps, p50: again.latencyMs.p50, p99: again.latencyMs.p99, errors: again.errors.total },
        ];
        log(
          `    run ${i}: ${again.rps.toFixed(1)} req/s, p99 ${again.latencyMs.p99.toFixed(0)} ms, errors ${again.errors.total}, RSS ${(rss.last / MB).toFixed(0)} MB`,
        );
      }
    }
    if (cacheKeyPrefix && c.redisUrl) {
      const redis = await RedisConnection.connect(c.redisUrl);
      try {
        const keys = await redis.keys(cacheKeyPrefix);
        record.redisKeys = keys.length;
        await redis.deleteKeys(keys);
      } finally {
        redis.close();
      }
    }
    if (cpuProfileDir) ctx.profiles.push({ title: `${c.label} on workload ${w.id}, callers=${callers}`, dir: cpuProfileDir, workers: c.workers });
    return record;
  } finally {
    rss.stop();
    await gateway.stop();
  }
}

// ---- main -----------------------------------------------------------------------------------

/**
 * Ours and stock run as compiled JavaScript (tsc, tsconfig.build.json → dist/), as in production (the
 * Dockerfile runs `node dist/gateway/index.js`): incremental, so an unchanged tree compiles in seconds.
 */
function build(): string {
  const root = join(__dirname, '..');
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  log(`  compiled (npm run build) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return join(root, 'dist');
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const supergraphDir = mkdtempSync(join(os.tmpdir(), 'citynet-bench-'));
  const profiling = options.profile.length > 0;
  if (!profiling) removeOnExit(supergraphDir);
  const runs: RunRecord[] = [];
  const ratios: RatioRecord[] = [];
  const workloadNotes: Record<string, unknown> = {};
  const tables: string[] = [];
  const profileSummaries: string[] = [];
  log(
    `Benchmark: ${command}\n  ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, Node ${process.version}`,
  );
  log(`  gateway workers: ${options.workers} each (ours GATEWAY_WORKERS, Hive --fork, stock node:cluster); callers: ${options.callers.join(', ')}`);
  const defaults = (id: WorkloadId) => ({
    workers: options.workers,
    cache: options.cache[id],
    redisUrl: options.redisUrl,
    propagateAuth: options.propagateAuth,
    hiveJit: options.hiveJit,
    hiveInboundDedup: options.hiveInboundDedup,
    profile: options.profile,
  });
  // Settings are checked before anything starts.
  for (const id of options.workloads) expandContenders(options.contenders, defaults(id));
  const redisUrls = new Set(
    options.workloads.flatMap((id) =>
      expandContenders(options.contenders, defaults(id))
        .map((c) => c.redisUrl)
        .filter((u): u is string => !!u),
    ),
  );
  for (const url of redisUrls) log(`  Redis at ${url}: ${await checkRedis(url)}`);
  const ctx: RunContext = {
    options,
    supergraphDir,
    profileRoot: profiling ? join(supergraphDir, 'cpu-profile') : undefined,
    distDir: options.source ? undefined : build(),
    runId: `${startedAt
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14)}-${randomBytes(2).toString('hex')}`,
    profiles: [],
  };
  try {
    for (const id of options.workloads) {
      const w = id === 'A' ? await setUpWorkloadA(options) : await setUpNeutralWorkload(id, options);
      try {
        w.notes.supergraphDir = supergraphDir;
        writeFileSync(join(supergraphDir, `supergraph-${w.id}.graphql`), w.supergraphSdl);
        await prepareExpected(w);
        if (options.corrupt && w.id === 'B') {
          // Wrong answers from now on: every response must count as an error.
          const reply = waitForMessage(w.subgraphs, 'corrupt:reply', 10_000);
          w.subgraphs.child.send({ type: 'corrupt', on: true });
          await reply;
        }
        const contenders = expandContenders(options.contenders, defaults(w.id));
        for (const [i, callers] of options.callers.entries()) {
          const headers = await callerHeaders(callers, w.connections);
          const table: RunRecord[] = [];
          for (const c of contenders) {
            // Memory stability (ours, workload B): repeated runs in the first callers setting only.
            const repeat = c.gateway === 'ours' && w.id === 'B' && i === 0 && c === contenders.find((x) => x.gateway === 'ours') ? options.repeat : 1;
            table.push(await benchGateway(w, c, callers, headers, ctx, repeat));
          }
          runs.push(...table);
          const lines = ratioRecords(table);
          ratios.push(...lines);
          tables.push(formatTable(w.id, w.title, callers, table) + (lines.length ? `\n${lines.map((r) => r.line).join('\n')}` : ''));
          for (const r of lines) log(r.line);
        }
        const { supergraphDir: _dir, ...notes } = w.notes;
        workloadNotes[w.id] = { title: w.title, variants: w.variants.map((v) => v.label), ...notes };
      } finally {
        await w.cleanup();
      }
    }
    for (const profile of ctx.profiles) {
      // One profile per process (cluster: the primary, which only forks, and each worker): the workers'.
      const files = existsSync(profile.dir)
        ? readdirSync(profile.dir)
            .filter((f) => f.endsWith('.cpuprofile'))
            .sort((a, b) => statSync(join(profile.dir, b)).size - statSync(join(profile.dir, a)).size)
            .slice(0, Math.max(1, profile.workers))
        : [];
      for (const file of files) profileSummaries.push(summariseCpuProfile(join(profile.dir, file), profile.title));
    }
  } finally {
    if (!profiling) rmSync(supergraphDir, { recursive: true, force: true });
  }

  const output = [
    ...tables,
    'req/s counts correct answers only; errors = non-200 + GraphQL errors + wrong data + transport errors + timeouts, of all responses.',
    'Per-operation figures divide what the subgraph/DB processes saw (requests cut off at the end run to completion) by requests sent.',
    "with token/op: subgraph requests that carried the caller's authorization header, per operation.",
  ].join('\n\n');
  console.log(`\n${output}`);
  if (profileSummaries.length) console.log(`\n${profileSummaries.join('\n\n')}`);
  console.log(`\n${ratios.map((r) => r.line).join('\n')}`);

  mkdirSync(options.outDir, { recursive: true });
  const file = join(options.outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        command,
        options,
        loadAverageAtEnd: os.loadavg(),
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model,
          loadAverageAtStart: os.loadavg(),
          node: process.version,
          totalMemMB: os.totalmem() / MB,
        },
        workloads: workloadNotes,
        runs,
        ratios,
        table: output,
        cpuProfile: profileSummaries.join('\n\n') || undefined,
      },
      null,
      2,
    ),
  );
  console.log(`\nResults: ${file}`);
  if (profiling) console.log(`CPU profiles kept in ${ctx.profileRoot}`);
  return runs.some((r) => r.errors.total > 0 || r.warmup.errors > 0) ? 1 : 0;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping every child process`);
    process.exit(130); // the exit hook in proc.ts kills every child group
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
