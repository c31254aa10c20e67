/**
 * Provides a local MongoDB-compatible server when MONGODB_URI is unset, in this order:
 * a `mongod` on PATH; else FerretDB 1.24.2 (SQLite backend); else mongodb-memory-server if installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { ferretdbBinaryPath, installFerretDB } from './ferretdb-install';

export interface LocalServer {
  uri: string;
  kind: 'mongod' | 'ferretdb' | 'mongodb-memory-server';
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before accepting connections`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not accept connections on port ${port} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface LocalServerOptions {
  /** Directory for the server's data; survives restarts for `npm start`, temporary for tests. */
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });

  if (onPath('mongod')) {
    const dbPath = join(options.dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    const child = spawn('mongod', ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'], { stdio: 'ignore' });
    await waitForPort(port, child, 30_000, 'mongod');
    return { uri: `mongodb://127.0.0.1:${port}/`, kind: 'mongod', stop: () => stopChild(child) };
  }

  let ferretdb = ferretdbBinaryPath();
  if (!existsSync(ferretdb)) {
    try {
      ferretdb = await installFerretDB(log);
    } catch (error) {
      log(`FerretDB could not be built: ${(error as Error).message}`);
      ferretdb = '';
    }
  }
  if (ferretdb) {
    const stateDir = join(options.dataDir, 'ferretdb');
    mkdirSync(stateDir, { recursive: true });
    const child = spawn(
      ferretdb,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${stateDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        '--telemetry=disable',
        `--state-dir=${stateDir}`,
        '--debug-addr=-', // no metrics/pprof listener: it would clash between instances
        '--log-level=error',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    try {
      await waitForPort(port, child, 30_000, 'FerretDB');
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stderr}`);
    }
    return { uri: `mongodb://127.0.0.1:${port}/`, kind: 'ferretdb', stop: () => stopChild(child) };
  }

  try {
    // Optional fallback: only used when installed, since it downloads a MongoDB binary itself.
    const moduleName = 'mongodb-memory-server';
    const { MongoMemoryServer } = require(moduleName) as {
      MongoMemoryServer: { create(o: unknown): Promise<{ getUri(): string; stop(): Promise<unknown> }> };
    };
    const server = await MongoMemoryServer.create({ instance: { port, dbPath: options.dataDir } });
    return { uri: server.getUri(), kind: 'mongodb-memory-server', stop: async () => void (await server.stop()) };
  } catch {
    throw new Error(
      'No MongoDB-compatible server is available. Set MONGODB_URI to a MongoDB 6+ server, or install one of:\n' +
        '  - MongoDB (`mongod` on PATH)\n' +
        '  - Go 1.21+ so that FerretDB 1.24.2 can be built (`bash scripts/install-ferretdb.sh`)\n' +
        '  - the npm package mongodb-memory-server (`npm install mongodb-memory-server`)',
    );
  }
}
