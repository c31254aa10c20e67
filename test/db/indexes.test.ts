/**
 * On MongoDB every query the subgraphs issue while serving requests is served by an index (issue 10):
 * a representative workload runs through the gateway (profiles, registry, lists, gaps, audit trails,
 * and the writes of the certification journey), every data command the subgraphs send is recorded,
 * and `explain` must show no collection scan for any of them.
 *
 * On FerretDB (the development and CI database) this is skipped: FerretDB 1.24 pushes down only
 * `{_id: <string>}` filters and explains nothing useful about indexes, so the question only has an
 * answer on MongoDB. Run it with `MONGODB_URI=mongodb://… npx jest test/db/indexes.test.ts`.
 */
import { SUBGRAPH_NAMES } from '../../lib/config';
import type { CommandLogEntry } from '../../lib/db/mongo';
import { GOLDEN_OPERATION } from '../golden/golden';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';

const onMongo = process.env.TEST_DB_ENGINE === 'mongodb';
if (!onMongo) {
  // Printed so that a skipped run says why (the test list shows it as skipped).
  console.warn(
    `test/db/indexes.test.ts skipped: it needs MongoDB (the test database is ${process.env.TEST_DB_ENGINE ?? 'unknown'}; FerretDB has no index plans to explain).`,
  );
}

/** Commands whose plan can be explained, and the part of the command that is the query. */
const EXPLAINABLE = new Set(['find', 'aggregate', 'count', 'distinct', 'update', 'delete', 'findAndModify']);
const NOT_COMMAND = new Set([
  'lsid',
  'txnNumber',
  '$db',
  '$clusterTime',
  '$readPreference',
  'readConcern',
  'writeConcern',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
]);

function planStages(plan: unknown, out: string[] = []): string[] {
  if (!plan || typeof plan !== 'object') return out;
  const node = plan as Record<string, unknown>;
  if (typeof node.stage === 'string') out.push(node.stage);
  for (const value of Object.values(node)) {
    if (Array.isArray(value))
      value.forEach((v) => {
        planStages(v, out);
      });
    else if (value && typeof value === 'object') planStages(value, out);
  }
  return out;
}

(onMongo ? describe : describe.skip)('every query is served by an index (MongoDB)', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ gateway: { cache: { enabled: false } } });
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  test('explain shows no collection scan for any command of the workload', async () => {
    for (const name of SUBGRAPH_NAMES) t.recorders[name].reset();
    const staff = await tokenFor('WCCD_STAFF', { sub: 'indexes-staff' });
    const citynet = await tokenFor('CITYNET_STAFF', { sub: 'indexes-citynet' });
    for (const id of ['makati', 'seoul', 'toronto', 'kuala-lumpur']) await t.query(GOLDEN_OPERATION, { id });
    await t.query('{ registry(first: 50) { totalCount edges { node { city { id name } level coverage { coreVerified earnedLevel } } } } }');
    await t.query('{ registry(first: 10, year: 2016, level: GOLD) { totalCount edges { node { city { id } } } } }');
    await t.query('{ cities(first: 20) { totalCount edges { node { id name membership { status } certifications { year level } } } } }');
    await t.query('{ members(first: 20) { totalCount edges { node { id name } } } }', {}, { token: citynet });
    await t.query('{ workshops(first: 20) { totalCount edges { node { title hostCity { name } } } } }');
    await t.query(
      '{ city(id: "kuala-lumpur") { certificationGap(year: 2016, target: PLATINUM) { coreNeeded gapThemes upcomingWorkshops { title } mentorCandidates { city { id } } } } }',
    );
    await t.query('{ auditTrail(cityId: "makati", year: 2016) { valueChanges { action } certificationChanges { action } } }', {}, { token: staff });
    const commands: (CommandLogEntry & { subgraph: string })[] = SUBGRAPH_NAMES.flatMap((subgraph) =>
      t.recorders[subgraph].entries.map((e) => ({ ...e, subgraph })),
    );
    expect(commands.length).toBeGreaterThan(10);
    const scans: string[] = [];
    const seen = new Set<string>();
    for (const entry of commands) {
      if (!EXPLAINABLE.has(entry.command) || !entry.body || entry.byId) continue;
      const body = Object.fromEntries(Object.entries(entry.body).filter(([key]) => !NOT_COMMAND.has(key)));
      const shape = JSON.stringify(body, (_key, value) => (typeof value === 'string' || typeof value === 'number' ? '?' : value));
      if (seen.has(shape)) continue;
      seen.add(shape);
      const db = t.stack.subgraphs[entry.subgraph as (typeof SUBGRAPH_NAMES)[number]].service.db;
      const explained = await db.command({ explain: body, verbosity: 'queryPlanner' });
      const stages = planStages(explained.queryPlanner?.winningPlan ?? explained.stages ?? explained);
      if (stages.includes('COLLSCAN')) scans.push(`${entry.subgraph}.${entry.collection} ${entry.command} ${JSON.stringify(body).slice(0, 300)}`);
    }
    expect(scans).toEqual([]);
  });
});
