/**
 * The GraphQL-over-HTTP audit of graphql-http (`serverAudits`: every MUST, SHOULD and MAY the spec's
 * reference implementation checks) against the real gateway process (gateway/index.ts, development
 * settings as `npm start` runs it). Every audit must pass: the media types, GET and POST, the request
 * parameters, and the status rule for request errors (200 under application/json, 400 under
 * application/graphql-response+json).
 */
import { serverAudits, type AuditResult } from 'graphql-http';
import { startProcess, type Proc } from './support/processes';

jest.setTimeout(120_000);

let gateway: Proc;

beforeAll(async () => {
  // The audits never reach a subgraph ({ __typename } and introspection): none needs to run.
  gateway = await startProcess(['gateway/index.ts'], { GATEWAY_CACHE: 'off' });
});

afterAll(async () => {
  gateway?.child.kill('SIGTERM');
  await gateway?.exited;
});

test('graphql-http serverAudits: all 61 pass', async () => {
  const audits = serverAudits({ url: gateway.url });
  expect(audits).toHaveLength(61);
  const results: AuditResult[] = [];
  for (const audit of audits) results.push(await audit.fn());
  const failed = results
    .filter((r) => r.status !== 'ok')
    .map((r) => ({ id: r.id, name: r.name, status: r.status, reason: 'reason' in r ? r.reason : undefined }));
  expect(failed).toEqual([]);
  expect(results.filter((r) => r.status === 'ok')).toHaveLength(61);
});
