import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';

/** Where the built binary lives: FERRETDB_BIN, else a per-user cache shared by all clones. */
export function ferretdbBinaryPath(): string {
  if (process.env.FERRETDB_BIN) return process.env.FERRETDB_BIN;
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'citynet-wccd', `ferretdb-${FERRETDB_VERSION}`);
}

/** Builds FerretDB with scripts/install-ferretdb.sh (Go module proxy + Go build cache), showing progress. */
export function installFerretDB(log: (line: string) => void): Promise<string> {
  const target = ferretdbBinaryPath();
  const script = join(__dirname, '..', '..', 'scripts', 'install-ferretdb.sh');
  log(`Building FerretDB ${FERRETDB_VERSION} into ${target} (first time only; a few minutes) ...`);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, target], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && existsSync(target)) resolve(target);
      else reject(new Error(`install-ferretdb.sh exited with code ${code}`));
    });
  });
}
