/** The printed table (per workload, per gateway, with ratios) and the CPU profile summary. */
import { readFileSync } from 'node:fs';
import type { GatewayName, LaunchDescription } from './gateways';
import type { Callers, WorkloadId } from './options';

export interface RunRecord {
  workload: WorkloadId;
  gateway: GatewayName;
  /** The contender's label, unique in its table: `ours cache=on`, `hive`, `hive jit=off` … */
  label: string;
  callers: Callers;
  /** Ours: GATEWAY_CACHE of this run; whether it used Redis, and how many keys it left there. */
  cache?: 'on' | 'off';
  redis?: boolean;
  redisKeys?: number;
  /** How the gateway was started (command line and the variables the bench set). */
  launched?: LaunchDescription;
  connections: number;
  durationSec: number;
  sent: number;
  completed: number;
  ok: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  errors: { total: number; non200: number; graphqlErrors: number; wrongData: number; transport: number; timeouts: number };
  warmup: { requests: number; errors: number };
  peakRssMB: number;
  rssAfterRunMB: number;
  gatewayCpuMsPerOp: number;
  subgraphRequestsPerOp: number;
  subgraphRequestsBySubgraph: Record<string, number>;
  /** Subgraph requests that carried a token, per operation, and how many distinct tokens the subgraphs saw. */
  subgraphRequestsWithTokenPerOp: number;
  distinctTokensAtSubgraphs: number;
  subgraphBusyMsPerOp: number;
  subgraphCpuMsPerOp: number;
  dbCommandsPerOp?: number;
  dbCommandsBySubgraph?: Record<string, number>;
  dbCpuMsPerOp?: number;
  perKind: Record<string, { ok: number; failed: number }>;
  /** Gateway processes serving (workers). */
  workers?: number;
  /** Ours on workload B with --repeat: RSS after each consecutive run, and the runs after the first. */
  rssAfterRunsMB?: number[];
  repeatedRuns?: { rps: number; p50: number; p99: number; errors: number }[];
  firstFailure?: { variant: string; status: number; body: string };
}

/** One `RATIO` line: ours' correct answers per second over Hive's and stock's, in one workload × callers. */
export interface RatioRecord {
  workload: WorkloadId;
  callers: Callers;
  /** The run of ours compared (GATEWAY_CACHE), and the other two. */
  ours: string;
  cache?: 'on' | 'off';
  hive?: string;
  stock?: string;
  oursOverHive: number | null;
  oursOverStock: number | null;
  line: string;
}

const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const ms = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratioOf = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? a / b : null);

/** The plain run of a gateway in a table: the first without overrides, else the first. */
function reference(runs: RunRecord[], gateway: GatewayName): RunRecord | undefined {
  const all = runs.filter((r) => r.gateway === gateway);
  return all.find((r) => r.label === gateway) ?? all[0];
}

/**
 * The RATIO lines of one workload × callers: one in exactly the form
 * `RATIO workload=B callers=distinct ours/hive=X ours/stock=Y` for ours as deployed (cache on, when it
 * ran; else its only run), and one more with `cache=off` when ours also ran cold.
 */
export function ratioRecords(runs: RunRecord[]): RatioRecord[] {
  if (!runs.length) return [];
  const { workload, callers } = runs[0];
  const ours = runs.filter((r) => r.gateway === 'ours');
  const hive = reference(runs, 'hive');
  const stock = reference(runs, 'stock');
  const primary = ours.find((r) => r.cache === 'on') ?? ours[0];
  const ordered = primary ? [primary, ...ours.filter((r) => r !== primary && r.cache !== primary.cache)] : [];
  const seen = new Set<string>();
  const out: RatioRecord[] = [];
  for (const r of ordered) {
    const key = r.cache ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    const oursOverHive = hive ? ratioOf(r.rps, hive.rps) : null;
    const oursOverStock = stock ? ratioOf(r.rps, stock.rps) : null;
    // No correct answer from the other gateway: `inf` when ours had some, `n/a` when neither had any.
    const show = (x: number | null, other?: RunRecord) => (!other || (x === null && r.rps === 0) ? 'n/a' : x === null ? 'inf' : x.toFixed(2));
    const line =
      `RATIO workload=${workload} callers=${callers}${r === primary ? '' : ` cache=${r.cache}`} ` +
      `ours/hive=${show(oursOverHive, hive)} ours/stock=${show(oursOverStock, stock)}`;
    out.push({ workload, callers, ours: r.label, cache: r.cache, hive: hive?.label, stock: stock?.label, oursOverHive, oursOverStock, line });
  }
  return out;
}

export function formatTable(workload: WorkloadId, title: string, callers: Callers, runs: RunRecord[]): string {
  const lines: string[] = [];
  const c = runs[0];
  const who = callers === 'same' ? 'identical anonymous requests' : 'each connection its own PARTNER_APP token';
  lines.push(`Workload ${workload} — ${title} — callers=${callers} (${who}; ${c.connections} connections, ${c.durationSec.toFixed(0)} s per gateway)`);
  const header = [
    'gateway',
    'workers',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'peak RSS MB',
    'subgraph req/op',
    'with token/op',
    'DB cmd/op',
    'gw CPU ms/op',
    'subgraph CPU ms/op',
    'DB CPU ms/op',
  ];
  const rows = runs.map((r) => [
    r.label,
    r.workers === undefined ? '–' : String(r.workers),
    fmt(r.rps, r.rps < 10 ? 2 : 1),
    ms(r.latencyMs.p50),
    ms(r.latencyMs.p95),
    ms(r.latencyMs.p99),
    `${r.errors.total}/${r.completed + r.errors.timeouts}`,
    fmt(r.peakRssMB, 0),
    fmt(r.subgraphRequestsPerOp, 2),
    fmt(r.subgraphRequestsWithTokenPerOp, 2),
    r.dbCommandsPerOp === undefined ? '–' : fmt(r.dbCommandsPerOp, 2),
    fmt(r.gatewayCpuMsPerOp, 2),
    fmt(r.subgraphCpuMsPerOp, 2),
    r.dbCpuMsPerOp === undefined ? '–' : fmt(r.dbCpuMsPerOp, 0),
  ]);
  const ratio = (a: number, b: number, d = 2) => {
    const x = ratioOf(a, b);
    return x === null ? '–' : `${x.toFixed(d)}×`;
  };
  for (const ours of runs.filter((r) => r.gateway === 'ours')) {
    for (const other of ['hive', 'stock'] as const) {
      const o = reference(runs, other);
      if (!o) continue;
      rows.push([
        `${ours.label} / ${o.label}`,
        '',
        ratio(ours.rps, o.rps),
        ratio(ours.latencyMs.p50, o.latencyMs.p50),
        ratio(ours.latencyMs.p95, o.latencyMs.p95),
        ratio(ours.latencyMs.p99, o.latencyMs.p99),
        '',
        ratio(ours.peakRssMB, o.peakRssMB),
        ratio(ours.subgraphRequestsPerOp, o.subgraphRequestsPerOp),
        '',
        ours.dbCommandsPerOp !== undefined && o.dbCommandsPerOp !== undefined ? ratio(ours.dbCommandsPerOp, o.dbCommandsPerOp) : '',
        ratio(ours.gatewayCpuMsPerOp, o.gatewayCpuMsPerOp),
        '',
        '',
      ]);
    }
  }
  const hive = reference(runs, 'hive');
  const stock = reference(runs, 'stock');
  if (hive && stock) {
    rows.push([
      `${hive.label} / ${stock.label}`,
      '',
      ratio(hive.rps, stock.rps),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      ratio(hive.gatewayCpuMsPerOp, stock.gatewayCpuMsPerOp),
      '',
      '',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  lines.push(line(header));
  lines.push(`|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`);
  for (const row of rows) lines.push(line(row));
  for (const r of runs) {
    if (r.redis) lines.push(`${r.label}: ${r.redisKeys ?? 0} Redis keys under its CACHE_KEY_PREFIX after the run`);
    if (!r.rssAfterRunsMB || r.rssAfterRunsMB.length < 2) continue;
    const first = r.rssAfterRunsMB[0];
    const last = r.rssAfterRunsMB[r.rssAfterRunsMB.length - 1];
    lines.push(
      `RSS of ${r.label} after ${r.rssAfterRunsMB.length} consecutive ${c.durationSec.toFixed(0)} s runs: ${r.rssAfterRunsMB.map((m) => m.toFixed(0)).join(' → ')} MB ` +
        `(last/first ${(last / first).toFixed(2)}×); runs 2+: ${(r.repeatedRuns ?? []).map((x) => `${x.rps.toFixed(1)} req/s p99 ${ms(x.p99)} ms, ${x.errors} errors`).join('; ')}`,
    );
  }
  return lines.join('\n');
}

/** Top self-time functions and packages of a V8 .cpuprofile. */
export function summariseCpuProfile(path: string, title: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const file = url.replace(/^file:\/\//, '');
    const pkg = file.includes('node_modules/')
      ? file
          .split('node_modules/')
          .pop()!
          .split('/')
          .slice(0, file.split('node_modules/').pop()!.startsWith('@') ? 2 : 1)
          .join('/')
      : file.startsWith('node:')
        ? 'node (core)'
        : file
          ? 'project'
          : functionName; // (garbage collector), (program)
    const key = `${functionName || '(anonymous)'}  ${file ? `${file.replace(/.*node_modules\//, '')}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const lines = [`CPU profile of ${title}: ${(total / 1e6).toFixed(1)} s busy (idle excluded), ${path}`, 'Top self time by package:'];
  for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`  ${pct(us)}  ${pkg}`);
  lines.push('Top self time by function:');
  for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${fn}`);
  return lines.join('\n');
}
