/**
 * Smoke test of the benchmark harness (bench/run.ts --smoke): it starts every gateway and both
 * workloads end to end, counts correct answers, and counts a fast wrong answer as an error.
 * Workload A uses the test run's database (MONGODB_URI) under its own prefix and drops it afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

interface BenchJson {
  runs: {
    workload: 'A' | 'B';
    gateway: string;
    ok: number;
    completed: number;
    rps: number;
    errors: { total: number; wrongData: number };
    peakRssMB: number;
    subgraphRequestsPerOp: number;
    dbCommandsPerOp?: number;
  }[];
  table: string;
}

function bench(args: string[]): Promise<{ code: number; stderr: string; json: BenchJson }> {
  const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--smoke', '--duration', '2', '--duration-a', '4', '--warmup', '0', '--out', out, ...args],
      // Long enough that a run completes some operations while other test files load the machine
      // (a workload A operation takes seconds on FerretDB; one that ends after the run is not counted).
      { cwd: ROOT, timeout: 100_000, maxBuffer: 10_000_000 },
      (error, _stdout, stderr) => {
        try {
          const files = readdirSync(out).filter((f) => f.endsWith('.json'));
          if (files.length !== 1) return reject(new Error(`no results file (exit ${error?.code}):\n${stderr}`));
          const json = JSON.parse(readFileSync(join(out, files[0]), 'utf8')) as BenchJson;
          resolve({ code: typeof error?.code === 'number' ? error.code : 0, stderr, json });
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
    );
  });
}

test('all three gateways answer workload B correctly under load, side by side', async () => {
  const { code, stderr, json } = await bench(['--workloads', 'b']);
  expect({ code, stderr: code ? stderr : '' }).toEqual({ code: 0, stderr: '' });
  expect(json.runs.map((r) => r.gateway)).toEqual(['ours', 'stock', 'hive']);
  for (const run of json.runs) {
    expect(run.errors.total).toBe(0);
    expect(run.ok).toBeGreaterThan(0);
    expect(run.ok).toBe(run.completed);
    expect(run.peakRssMB).toBeGreaterThan(10);
    // Ours and Hive share identical in-flight subgraph requests; stock sends TestQuery's 16 fetches.
    if (run.gateway === 'stock') expect(run.subgraphRequestsPerOp).toBeGreaterThanOrEqual(15);
    else expect(run.subgraphRequestsPerOp).toBeGreaterThan(0);
  }
  expect(json.table).toContain('ours/hive');
  expect(json.table).toContain('ours/stock');
}, 120_000);

test('workload A runs over the real subgraphs, and wrong answers count as errors', async () => {
  // --corrupt: after the expected results are taken, workload B's reviews subgraph answers wrongly.
  const { code, json } = await bench(['--workloads', 'a,b', '--gateways', 'ours', '--corrupt']);
  expect(code).toBe(1);
  const [a, b] = json.runs;
  expect(a.workload).toBe('A');
  expect(a.errors.total).toBe(0);
  expect(a.ok).toBeGreaterThan(0);
  expect(a.dbCommandsPerOp).toBeGreaterThan(0);
  expect(b.workload).toBe('B');
  expect(b.ok).toBe(0);
  expect(b.errors.wrongData).toBe(b.completed);
  expect(b.completed).toBeGreaterThan(0);
}, 120_000);
