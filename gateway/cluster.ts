import cluster from 'node:cluster';
import os from 'node:os';
import { relayClusterInvalidations } from './cache/invalidation';
import { relayClusterSharing } from './cache/cluster-sharing';

/**
 * The gateway as N worker processes sharing one port (`node:cluster`): one Node process uses one core
 * for JavaScript, and the gateway's work (planning, result shaping, JSON) is JavaScript. The primary
 * only forks, restarts a worker that dies, and passes SIGTERM/SIGINT on for a graceful stop.
 *
 * GATEWAY_WORKERS: a number ≥ 1; default one per core in production, 1 otherwise (1 = no primary,
 * the gateway runs in this process, as in development and tests).
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GATEWAY_WORKERS;
  if (raw === undefined || raw === '') return env.NODE_ENV === 'production' ? os.availableParallelism() : 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`GATEWAY_WORKERS must be a whole number from 1 to 256, got ${JSON.stringify(raw)}`);
  return n;
}

/** Workers tell the primary they got a stop signal themselves (Ctrl-C, or a signal to the process group). */
const STOPPING_MESSAGE = 'gateway:stopping';

export function runClustered(workers: number, startWorker: () => Promise<void>, log: (line: string) => void = console.log): void {
  if (workers <= 1 || !cluster.isPrimary) {
    if (cluster.isWorker) {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.send?.({ type: STOPPING_MESSAGE }));
    }
    startWorker().catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
    return;
  }
  let stopping = false;
  const listening = new Set<number>();
  const signalled = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  // Without Redis, a worker's cache invalidations reach its siblings through here (gateway/cache/invalidation.ts).
  const relay = relayClusterInvalidations(alive);
  // Identical requests in flight are run by one worker for all (gateway/cache/cluster-sharing.ts).
  const share = relayClusterSharing();
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (message: { type?: string }) => {
      if (message?.type === STOPPING_MESSAGE) signalled.add(worker.id);
      else if (!share(worker, message)) relay(worker, message);
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    const served = listening.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!served) {
      // A worker that dies before listening failed at start-up (bad configuration, port taken): the worker printed why; stop everything.
      log(`Gateway worker ${worker.process.pid} exited during start-up (code ${code ?? signal}); stopping.`);
      stopping = true;
      process.exitCode = 1;
      for (const w of alive()) w.process.kill('SIGTERM');
      if (alive().length === 0) process.exit(1);
      return;
    }
    log(`Gateway worker ${worker.process.pid} exited (${code ?? signal}); starting another.`);
    fork();
  });
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // A worker that got the signal itself (process group) is already stopping gracefully: a second
    // signal would make it exit at once. Pass it on only to the others (e.g. SIGTERM to PID 1 only).
    setTimeout(() => {
      for (const w of alive()) if (!signalled.has(w.id)) w.process.kill('SIGTERM');
    }, 200).unref();
    setTimeout(() => process.exit(0), 30_000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // A larger young generation for the workers: the gateway allocates a lot per request (plans'
  // results, subgraph JSON), and with the default semi-space V8 spent ~30 % of the CPU in GC. Measured
  // on workload B (2 workers, 50 connections): 64 MB took the gateway from 16.6-19.0 to 14.8-15.6 CPU
  // ms per operation, for ~60-90 MB more RSS per worker. GATEWAY_SEMI_SPACE_MB=0 keeps V8's default.
  const semiSpaceMb = Number(process.env.GATEWAY_SEMI_SPACE_MB ?? 64);
  const semiSpace = semiSpaceMb > 0 && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'));
  cluster.setupPrimary({
    execArgv: semiSpace ? [...process.execArgv, `--max-semi-space-size=${semiSpaceMb}`] : process.execArgv,
    // Shared answers cross the primary as they are (V8 serialization copies a string; JSON would escape and re-parse it).
    serialization: 'advanced',
  });
  for (let i = 0; i < workers; i++) fork();
  log(`Gateway: ${workers} worker processes (GATEWAY_WORKERS), primary pid ${process.pid}`);
}
