/**
 * The gateway reloads schema/supergraph.graphql when the file changes: a valid new supergraph is
 * served without dropping requests, a broken one is rejected (logged) and the old one kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeSupergraph, subgraphSdls, SUPERGRAPH_FILE } from '../../scripts/compose';
import { createLogger } from '../../lib/observability/logger';
import { until } from '../support/poll';
import { startTestStack, type TestStack } from '../support/stack';

const AREA = '{ city(id: "makati") { name areaKm2 } }';
const dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
const file = join(dir, 'supergraph.graphql');
const logLines: Record<string, any>[] = [];
const logger = createLogger('gateway', {
  level: 'info',
  destination: new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  }),
});

// The served membership subgraph has City.areaKm2; this supergraph was composed without it.
const withoutArea = composeSupergraph(
  subgraphSdls().map((s) => (s.name === 'membership' ? { ...s, sdl: s.sdl.replace(/^\s*areaKm2: Float[^\n]*$/m, '') } : s)),
);
const current = readFileSync(SUPERGRAPH_FILE, 'utf8');

let t: TestStack;
beforeAll(async () => {
  expect(withoutArea).not.toMatch(/type City\b[^}]*areaKm2/);
  writeFileSync(file, withoutArea);
  t = await startTestStack({ gateway: { supergraphPath: file, supergraphPollMs: 50, logger } });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const REJECTED = 'The changed supergraph was rejected';
const rejections = () => logLines.filter((l) => l.msg.startsWith(REJECTED)).length;

test('a changed supergraph file is picked up without dropping requests in flight', async () => {
  const before = await t.query(AREA);
  expect(before.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

  // Keep a steady stream of requests going while the file changes; every one must succeed.
  let stop = false;
  const answers: { errors?: any[]; data?: any }[] = [];
  const traffic = (async () => {
    while (!stop) {
      const batch = await Promise.all(Array.from({ length: 4 }, () => t.query('{ city(id: "makati") { id name country } }')));
      answers.push(...batch);
    }
  })();
  // The file changes while requests are flowing: once the first batch is answered.
  await until('the first batch of traffic answered', () => answers.length, { accept: (n) => n >= 4 });
  writeFileSync(file, current);
  await until('the gateway to serve City.areaKm2 (the watcher picked up the new file)', async () => (await t.query(AREA)).errors === undefined);
  // Traffic goes on after the switch: two more batches answered means one was sent entirely on the new schema.
  const switched = answers.length;
  await until('two batches of traffic answered after the switch', () => answers.length, { accept: (n) => n >= switched + 8 });
  stop = true;
  await traffic;

  expect(answers.length).toBeGreaterThan(4);
  for (const answer of answers) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data.city).toEqual({ id: 'makati', name: 'Makati', country: 'PH' });
  }
  const after = await t.query(AREA);
  expect(after.data.city.name).toBe('Makati');
  expect(typeof after.data.city.areaKm2).toBe('number');
  // The cache follows the new schema's hints: the new field is PUBLIC there, so the answer may be
  // kept by a CDN (with the old hints it was unknown, hence private).
  const response = await fetch(t.stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: AREA }) });
  expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  expect(logLines.some((l) => l.msg === 'Supergraph reloaded')).toBe(true);
}, 60_000);

test.each([
  ['not a supergraph at all', 'type Query { hello: String }\n'],
  ['a supergraph that does not validate', current.replace(/type City\b/, 'type City implements Nothing')],
  ['an unparsable file', current.slice(0, Math.floor(current.length / 2))],
])(
  '%s is rejected and the previous supergraph keeps serving',
  async (_what, broken) => {
    const rejectionsBefore = rejections();
    writeFileSync(file, broken);
    await until('the changed file to be rejected (logged)', rejections, { accept: (n) => n > rejectionsBefore });
    const rejected = logLines.filter((l) => l.msg.startsWith(REJECTED)).at(-1)!;
    expect(rejected.level).toBe('error');
    expect(rejected.err.message).toBeTruthy();

    const served = await t.query(AREA);
    expect(served.errors).toBeUndefined();
    expect(served.data.city.name).toBe('Makati');
    expect(await t.stack.gateway.ready()).toBe(true);
    // Restore the good file for the next case (no reload: it is what is served). Checked now rather
    // than after a pause for the watcher: every check reads the file as it is at that moment (after
    // this write), so a late one from the watcher finds this same text and does nothing, or, once the
    // next case has written its broken file, rejects that one, which that case counts only from then.
    const linesBefore = logLines.length;
    writeFileSync(file, current);
    t.stack.gateway.reloadSupergraph();
    expect(logLines.slice(linesBefore).filter((l) => l.msg === 'Supergraph reloaded' || l.msg.startsWith(REJECTED))).toEqual([]);
  },
  30_000,
);
