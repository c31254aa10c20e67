/**
 * Child processes of the benchmark: started in their own process group (so a gateway's workers die
 * with it), killed on exit, error and Ctrl-C; plus /proc readers for memory (VmRSS) and CPU time.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const children = new Set<ChildProcess>();
const directories = new Set<string>();

/** A temporary directory removed on any exit path (also Ctrl-C). */
export function removeOnExit(dir: string): void {
  directories.add(dir);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: the child and whatever it forked
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Stops a child: SIGTERM (so it can flush a CPU profile), SIGKILL after a grace period. */
export function stopChild(child: ChildProcess, graceMs = 8000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      children.delete(child);
      return resolve();
    }
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // Anything the child left in its group goes too.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* group empty */
        }
      }
      children.delete(child);
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Last resort on any exit path: no child survives the benchmark.
  process.on('exit', () => {
    for (const child of children) killGroup(child, 'SIGKILL');
    // And whatever else we started (the local database server of workload A).
    for (const pid of processTree(process.pid)) {
      if (pid === process.pid) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });
}

export interface StartedChild {
  child: ChildProcess;
  /** Last lines of its output, for error messages. */
  output(): string;
}

function track(child: ChildProcess, label: string, echo: boolean): StartedChild {
  children.add(child);
  installExitHooks();
  let tail = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-6000);
    if (echo) process.stderr.write(text.replace(/^/gm, `[${label}] `));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', () => children.delete(child));
  return { child, output: () => tail };
}

/** A TypeScript entry point of ours in a child Node process (tsx loader), with an IPC channel. */
export function forkTs(
  script: string,
  options: { env?: NodeJS.ProcessEnv; execArgv?: string[]; label: string; echo?: boolean; args?: string[] },
): StartedChild {
  const child = fork(script, options.args ?? [], {
    execArgv: [...(options.execArgv ?? []), '--import', 'tsx'],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  return track(child, options.label, options.echo ?? false);
}

/** Any executable (the Hive Gateway CLI). */
export function spawnProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; label: string; echo?: boolean }): StartedChild {
  const child = spawn(command, args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return track(child, options.label, options.echo ?? false);
}

/** Waits for the first IPC message of a given type from a child (or fails when it exits first). */
export function waitForMessage<T extends { type: string }>(started: StartedChild, type: string, timeoutMs: number): Promise<T> {
  const { child } = started;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for "${type}"\n${started.output()}`)), timeoutMs);
    const onMessage = (message: unknown) => {
      if (message && typeof message === 'object' && (message as { type?: string }).type === type) done(undefined, message as T);
    };
    const onExit = (code: number | null) => done(new Error(`child exited (code ${code}) before "${type}"\n${started.output()}`));
    function done(error?: Error, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Sends a request over IPC and waits for the reply of type `${type}:reply`. */
export async function ask<T extends { type: string }>(started: StartedChild, type: string, timeoutMs = 10_000): Promise<T> {
  const reply = waitForMessage<T>(started, `${type}:reply`, timeoutMs);
  started.child.send({ type });
  return reply;
}

// ---- /proc readers ----------------------------------------------------------------------------

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The parent pid and CPU ticks (utime + stime) of a process, from /proc/<pid>/stat. */
function statOf(pid: number): { ppid: number; ticks: number } | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name is in parentheses and may contain spaces: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** A process and all its descendants. */
export function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (!stat) continue;
    const list = parents.get(stat.ppid) ?? [];
    list.push(Number(entry));
    parents.set(stat.ppid, list);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(parents.get(pid) ?? []));
  }
  return tree;
}

/** Resident set size in bytes (VmRSS) of one process; 0 when it is gone. */
export function rssOf(pid: number): number {
  const status = readProc(`/proc/${pid}/status`);
  const match = status?.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) * 1024 : 0;
}

export function treeRss(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssOf(pid), 0);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) used so far by a process tree. */
export function treeCpuSeconds(roots: number[]): number {
  let ticks = 0;
  for (const root of roots) for (const pid of processTree(root)) ticks += statOf(pid)?.ticks ?? 0;
  return ticks / TICKS_PER_SECOND;
}

/** Our descendants whose command name starts with `name` (e.g. the FerretDB that startLocalServer spawned). */
export function descendantsNamed(name: string): number[] {
  return processTree(process.pid).filter((pid) => pid !== process.pid && (readProc(`/proc/${pid}/comm`) ?? '').startsWith(name));
}

/** Samples a process tree's RSS periodically and keeps the peak. */
export class RssSampler {
  peak = 0;
  last = 0;
  private timer: NodeJS.Timeout;
  constructor(
    private readonly pid: number,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }
  sample(): number {
    const rss = treeRss(this.pid);
    if (rss > 0) this.last = rss;
    if (rss > this.peak) this.peak = rss;
    return rss;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

installExitHooks();
