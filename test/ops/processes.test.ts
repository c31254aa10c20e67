/**
 * The real processes (`gateway/index.ts`, `scripts/start-subgraph.ts`), as they run in production:
 * - OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT set, spans from the gateway, the subgraph and a
 *   MongoDB command arrive at an OTLP/HTTP receiver (here, a tiny one in the test) in one trace;
 * - logs: JSON lines on stdout in both processes carry the client's x-request-id (and the trace id);
 * - lifecycle: SIGTERM during a slow request still answers it, refuses new connections, and the
 *   process exits 0 (the subgraph after closing its database).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { openTestMongo, type TestMongo } from '../support/mongo';
import { until } from '../support/poll';
import { startProcess as start, type Proc } from '../support/processes';

jest.setTimeout(120_000);

/** A minimal OTLP/HTTP (JSON) trace receiver. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}
const spans: ReceivedSpan[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/traces') {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue;
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || undefined, name: s.name, kind: s.kind });
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});

/** A TCP proxy in front of the database that can hold traffic back (a slow database). */
let held = false;
const waiting: (() => void)[] = [];
/** Held commands that name the `cities` collection (the request's lookup, not a heartbeat). */
let heldCityCommands = 0;
function dbProxy(target: URL) {
  return net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    client.on('data', (data: Buffer) => {
      if (!held) return void upstream.write(data);
      if (data.includes('cities')) heldCityCommands++;
      waiting.push(() => upstream.write(data));
    });
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
}

/** A stand-in workshops subgraph that answers after 1.5 s (a slow request for the gateway). */
let slowReceived = 0;
const slowWorkshops = http.createServer((req, res) => {
  slowReceived++;
  req.resume();
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { workshops: { totalCount: 7 } } }));
  }, 1500);
});

const listenOn = (server: net.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
/** Whether a TCP connection to the port is refused (the process stopped listening). */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

let mongo: TestMongo;
let proxy: net.Server;
let subgraph: Proc;
let gateway: Proc;
beforeAll(async () => {
  mongo = await openTestMongo();
  const otlp = `http://127.0.0.1:${await listenOn(receiver)}`;
  proxy = dbProxy(new URL(mongo.uri));
  const proxyUri = `mongodb://127.0.0.1:${await listenOn(proxy)}/`;
  const workshopsUrl = `http://127.0.0.1:${await listenOn(slowWorkshops)}/graphql`;
  subgraph = await start(['scripts/start-subgraph.ts', 'membership', '--seed'], {
    MONGODB_URI: proxyUri,
    DB_PREFIX: mongo.prefix,
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
  });
  gateway = await start(['gateway/index.ts'], {
    SUBGRAPH_MEMBERSHIP_URL: subgraph.url,
    SUBGRAPH_WORKSHOPS_URL: workshopsUrl,
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
    SHUTDOWN_GRACE_MS: '10000',
  });
});
afterAll(async () => {
  for (const p of [gateway, subgraph]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
  held = false;
  for (const server of [receiver, proxy, slowWorkshops]) {
    (server as http.Server).closeAllConnections?.();
    await new Promise((r) => server?.close(r));
  }
  await mongo?.cleanup();
});

/** Spans and log lines come from the child processes (spans in the exporter's batches): looked for every 100 ms, for up to 15 s. */
const FROM_CHILDREN = { timeoutMs: 15_000, intervalMs: 100 };

test("one trace from the gateway through the subgraph to MongoDB, and the request id in both processes' logs", async () => {
  const requestId = 'ops-trace-0001';
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query: 'query OpsCity { city(id: "makati") { name country } }' }),
  });
  expect(response.headers.get('x-request-id')).toBe(requestId);
  expect(await response.json()).toEqual({ data: { city: { name: 'Makati', country: 'PH' } } });

  const trace = await until(
    'the spans of one trace: gateway request, its subgraph call, the subgraph serving it, its MongoDB find',
    () => {
      const root = spans.find((s) => s.service === 'gateway' && s.kind === 2 && s.name === 'POST /graphql' && !s.parentSpanId);
      if (!root) return undefined;
      const inTrace = spans.filter((s) => s.traceId === root.traceId);
      const call = inTrace.find((s) => s.service === 'gateway' && s.name === 'subgraph membership');
      const served = inTrace.find((s) => s.service === 'subgraph-membership' && s.kind === 2);
      const find = inTrace.find((s) => s.service === 'subgraph-membership' && s.name === 'mongodb find');
      return call && served && find ? { root, call, served, find } : undefined;
    },
    FROM_CHILDREN,
  );
  // Parent links: the subgraph call sits under the gateway's request (Apollo Gateway's own
  // request/plan/execute spans may be in between), and across the process boundary (traceparent).
  const ancestors = (span: ReceivedSpan): string[] => {
    const parent = spans.find((s) => s.spanId === span.parentSpanId);
    return parent ? [parent.spanId, ...ancestors(parent)] : [];
  };
  expect(ancestors(trace.call)).toContain(trace.root.spanId);
  expect(ancestors(trace.find)).toContain(trace.served.spanId);
  expect(trace.served.parentSpanId).toBe(trace.call.spanId);
  expect(trace.call.kind).toBe(3);
  expect(trace.find.kind).toBe(3);
  expect(new Set([trace.root, trace.call, trace.served, trace.find].map((s) => s.traceId)).size).toBe(1);

  // Both processes logged the request under the client's id, with the trace id beside it.
  const gatewayLine = await until(
    "the gateway's request log line",
    () => gateway.lines.find((l) => l.requestId === requestId && l.msg === 'request'),
    FROM_CHILDREN,
  );
  expect(gatewayLine).toMatchObject({ service: 'gateway', level: 'info', method: 'POST', path: '/graphql', status: 200, traceId: trace.root.traceId });
  const subgraphLine = await until(
    "the subgraph's request log line",
    () => subgraph.lines.find((l) => l.requestId === requestId && l.msg === 'request'),
    FROM_CHILDREN,
  );
  expect(subgraphLine).toMatchObject({ service: 'subgraph-membership', status: 200, traceId: trace.root.traceId });
  expect(typeof gatewayLine.time).toBe('string');
});

test('SIGTERM during a slow request: the gateway answers it, refuses new connections and exits 0', async () => {
  const started = Date.now();
  const slow = fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query Slow { workshops(first: 1) { totalCount } }' }),
  });
  const before = slowReceived;
  await until('the slow request at the workshops stand-in', () => slowReceived > before, FROM_CHILDREN);
  gateway.child.kill('SIGTERM');
  const signalled = Date.now();
  // New connections are refused while the slow request is still being answered.
  await until('the gateway to refuse new connections', () => refused(Number(new URL(gateway.url).port)), FROM_CHILDREN);

  const response = await slow;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { workshops: { totalCount: 7 } } });
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  expect(await gateway.exited).toBe(0);
  // Promptly once the request is answered, not at the end of the grace period (SHUTDOWN_GRACE_MS).
  expect(Date.now() - signalled).toBeLessThan(6000);
  expect(gateway.lines.some((l) => l.msg === 'stopped')).toBe(true);
});

test('SIGTERM while a subgraph waits on its database: the request is answered, the database closed, exit 0', async () => {
  held = true;
  heldCityCommands = 0;
  const slow = fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ city(id: "seoul") { name } }' }),
  });
  await until("the request's lookup held at the database", () => heldCityCommands > 0, FROM_CHILDREN);
  subgraph.child.kill('SIGTERM');
  const signalled = Date.now();
  // The signal is taken (no new connections), yet the request is still waiting on the database:
  // nothing has been answered, and the process is still up.
  await until('the subgraph to refuse new connections', () => refused(Number(new URL(subgraph.url).port)), FROM_CHILDREN);
  expect(subgraph.child.exitCode).toBeNull();
  held = false;
  for (const release of waiting.splice(0)) release();

  const response = await slow;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { city: { name: 'Seoul' } } });
  expect(await subgraph.exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(6000);
  expect(subgraph.lines.some((l) => l.msg === 'stopped')).toBe(true);
});
