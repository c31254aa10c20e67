/**
 * The real entry points (`gateway/index.ts`, `scripts/start-subgraph.ts`) as child processes, started
 * with tsx in a single process each (no npx wrapper between the test and a signal), ready once they
 * log their URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface Proc {
  child: ChildProcess;
  lines: Record<string, any>[];
  url: string;
  exited: Promise<number | null>;
}

/** Starts an entry point with tsx in a single process (no npx/tsx wrapper between us and the signal). */
export function startProcess(script: string[], env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', GATEWAY_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, any>[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const line = JSON.parse(text);
          lines.push(line);
          if (typeof line.url === 'string' && /ready at/.test(line.msg)) resolve({ child, lines, url: line.url, exited });
        } catch {
          // not a log line (e.g. seeding progress)
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited.then((code) => reject(new Error(`${script.join(' ')} exited with ${code} before it was ready:\n${stderr}`)));
  });
}
