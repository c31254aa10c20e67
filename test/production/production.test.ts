/**
 * Production mode (explicit settings, not process.env): introspection off, internal errors masked
 * with a request id (and logged with it), trusted documents enforced for anonymous and PARTNER_APP
 * callers (staff may send any operation, APQ cannot smuggle a document in), and subgraphs serving
 * only requests the gateway signed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createGateway, type Gateway } from '../../gateway/server';
import { resolveGatewaySettings } from '../../gateway/config';
import { buildManifest, manifestText, sha256 } from '../../gateway/trusted-documents/manifest';
import { listen, type RunningHttpServer } from '../../lib/http/graphql-http-server';
import { sign } from '../../lib/subgraph/signature';
import { GOLDEN_OPERATION, goldenResult } from '../golden/golden';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';

const SECRET = 'test-subgraph-signing-secret-0123456789abcdef';
const PROFILE_TEXT = readFileSync(join(__dirname, '..', '..', 'trusted-documents', 'city-profile.graphql'), 'utf8');
const PROFILE_HASH = sha256(PROFILE_TEXT);
const logLines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });

let t: TestStack;
let url: string;
let staff: string;
let partner: string;

beforeAll(async () => {
  t = await startTestStack({ gateway: { nodeEnv: 'production', subgraphSigningSecret: SECRET, logger }, subgraphHttp: { signingSecret: SECRET } });
  url = t.stack.gatewayUrl;
  staff = await tokenFor('WCCD_STAFF');
  partner = await tokenFor('PARTNER_APP');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

async function post(target: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as { data?: any; errors?: any[] } };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('settings', () => {
  test('production refuses to start without a subgraph signing secret', () => {
    expect(() =>
      resolveGatewaySettings({ port: 0, host: '127.0.0.1', supergraphPath: 'x', subgraphUrls: {}, maxBodyBytes: 1e6, nodeEnv: 'production' }),
    ).toThrow(/SUBGRAPH_SIGNING_SECRET/);
    const resolved = resolveGatewaySettings({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: 'x',
      subgraphUrls: {},
      maxBodyBytes: 1e6,
      nodeEnv: 'production',
      subgraphSigningSecret: SECRET,
    });
    expect(resolved).toMatchObject({ allowIntrospection: false, trustedDocuments: 'enforce', corsOrigins: [] });
  });

  test('the committed trusted-documents manifest is up to date (npm run trusted-documents)', () => {
    const dir = join(__dirname, '..', '..', 'trusted-documents');
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(manifestText(buildManifest(dir)));
    // The golden profile partner apps use is one of them, byte for byte.
    expect(PROFILE_TEXT).toBe(GOLDEN_OPERATION);
  });
});

describe('introspection', () => {
  test('is off, even for staff', async () => {
    // A request error: 400 under application/graphql-response+json (200 under application/json, the spec's rule).
    const r = await post(url, { query: '{ __schema { types { name } } }' }, { ...bearer(staff), accept: 'application/graphql-response+json' });
    expect(r.status).toBe(400);
    expect(r.json.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.json.errors![0].message).toMatch(/introspection/i);
  });

  test('validation errors do not suggest schema names', async () => {
    const r = await post(url, { query: '{ city(id: "makati") { nam } }' }, bearer(staff));
    expect(r.json.errors![0].message).not.toMatch(/Did you mean/);
  });

  test('can be enabled (ALLOW_INTROSPECTION=true)', async () => {
    const g = await createGateway({ ...t.stack.gateway.settings, logger, allowIntrospection: true, port: 0, host: '127.0.0.1' });
    const running = await listen(g.listener, 0);
    try {
      const r = await post(running.url, { query: '{ __schema { queryType { name } } }' }, bearer(staff));
      expect(r.json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    } finally {
      await running.close(100);
      await g.stop();
    }
  });
});

describe('trusted documents', () => {
  test('anonymous: an arbitrary operation is refused before anything runs', async () => {
    const r = await post(url, { query: '{ cities(first: 100) { edges { node { name } } } }' });
    expect(r.status).toBe(403);
    expect(r.json.errors![0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(r.json.data).toBeUndefined();
  });

  test('PARTNER_APP: an arbitrary operation is refused', async () => {
    const r = await post(url, { query: '{ certificationLevels { level } }' }, bearer(partner));
    expect(r.status).toBe(403);
    expect(r.json.errors![0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  test('anonymous: the profile by hash (APQ extension), by documentId and as its exact text', async () => {
    const expected = goldenResult() as { data: { city: Record<string, unknown> } };
    const byHash = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: PROFILE_HASH } }, variables: { id: 'makati' } });
    expect(byHash.status).toBe(200);
    expect(byHash.json.errors).toBeUndefined();
    expect(byHash.json.data.city.name).toBe('Makati');
    expect(byHash.json.data.city.certification).toEqual(expected.data.city.certification);
    const byId = await post(url, { documentId: `sha256:${PROFILE_HASH}`, variables: { id: 'makati' } }, bearer(partner));
    expect(byId.json).toEqual(byHash.json);
    const byText = await post(url, { query: PROFILE_TEXT, variables: { id: 'makati' } });
    expect(byText.json).toEqual(byHash.json);
  });

  test('staff may send any operation', async () => {
    const r = await post(url, { query: '{ certificationLevels { level } }' }, bearer(staff));
    expect(r.status).toBe(200);
    expect(r.json.data.certificationLevels.length).toBeGreaterThan(0);
  });

  test('APQ cannot smuggle a document in for anonymous callers', async () => {
    const query = '{ members(first: 100) { edges { node { name } } } }';
    const hash = sha256(query);
    // Anonymous registration is refused...
    const register = await post(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(register.status).toBe(403);
    // ...staff may register it (APQ works for them)...
    const staffRegister = await post(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, bearer(staff));
    expect(staffRegister.json.errors).toBeUndefined();
    const staffHit = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, bearer(staff));
    expect(staffHit.json).toEqual(staffRegister.json);
    // ...but the cached hash does not let anonymous or partner callers run it.
    const anonymousHit = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(anonymousHit.status).toBe(403);
    expect(anonymousHit.json.errors![0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect((await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, bearer(partner))).status).toBe(403);
  });
});

async function fakeSubgraph(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function gatewayWithCertification(fakeUrl: string): Promise<{ g: Gateway; running: RunningHttpServer }> {
  const g = await createGateway({
    ...t.stack.gateway.settings,
    logger,
    subgraphUrls: { ...t.stack.subgraphUrls, certification: fakeUrl },
    port: 0,
    host: '127.0.0.1',
  });
  return { g, running: await listen(g.listener, 0) };
}

describe('error masking', () => {
  test('an internal subgraph error: generic message, INTERNAL_SERVER_ERROR, the request id (header too), logged with that id', async () => {
    const leaky = await fakeSubgraph((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: null,
          errors: [
            {
              message: 'MongoServerError: connection 5 to 10.0.0.7:27017 closed (http://certification.internal:4003/graphql)',
              extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at /srv/app/subgraphs/certification/data/certifications.ts:42'] },
            },
          ],
        }),
      );
    });
    const { g, running } = await gatewayWithCertification(leaky.url);
    try {
      const r = await post(running.url, { query: PROFILE_TEXT, variables: { id: 'makati' } }, { 'x-request-id': 'masking-test-42' });
      expect(r.headers.get('x-request-id')).toBe('masking-test-42');
      expect(r.json.data.city.name).toBe('Makati');
      const error = r.json.errors!.find((e) => e.extensions.code === 'INTERNAL_SERVER_ERROR');
      expect(error).toBeDefined();
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'masking-test-42' });
      expect(r.text).not.toMatch(/Mongo|10\.0\.0\.7|certification\.internal|stacktrace|\/srv\//);
      const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'masking-test-42' && l.level >= 50);
      expect(logged).toBeDefined();
      expect(JSON.stringify(logged)).toMatch(/MongoServerError/);
    } finally {
      await running.close(100);
      await g.stop();
      await leaky.close();
    }
  });

  test('a subgraph answering HTTP 500 with an HTML page: no body, URL or socket detail reaches the client', async () => {
    const broken = await fakeSubgraph((req, res) => {
      req.resume();
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>Internal error at http://certification.internal:4003 ECONNREFUSED</h1>');
    });
    const { g, running } = await gatewayWithCertification(broken.url);
    try {
      const r = await post(running.url, { query: PROFILE_TEXT, variables: { id: 'makati' } });
      expect(r.json.data.city.name).toBe('Makati');
      expect(r.json.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'certification' });
      expect(r.text).not.toMatch(/certification\.internal|ECONNREFUSED|127\.0\.0\.1|stacktrace/);
    } finally {
      await running.close(100);
      await g.stop();
      await broken.close();
    }
  });

  test('known errors keep their code and message', async () => {
    const r = await post(url, { query: '{ registry(year: 1850) { totalCount } }' }, bearer(staff));
    expect(r.json.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.json.errors![0].message).toMatch(/year/);
    expect(r.json.errors![0].extensions.stacktrace).toBeUndefined();
  });
});

describe('only the gateway may call the subgraphs', () => {
  const QUERY = JSON.stringify({ query: '{ _service { sdl } }' });

  test('a direct unsigned call is refused with 403', async () => {
    for (const name of ['membership', 'indicators', 'certification', 'workshops'] as const) {
      const r = await fetch(t.stack.subgraphUrls[name], { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
      expect(r.status).toBe(403);
      const body = (await r.json()) as { errors: { extensions: { code: string }; message: string }[] };
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toMatch(/not signed/);
    }
  });

  test('a wrong secret, a tampered body and a stale timestamp are refused', async () => {
    const target = new URL(t.stack.subgraphUrls.membership);
    const call = (headers: Record<string, string>, body = QUERY) =>
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then((r) => r.status);
    expect(await call(sign('another-secret-another-secret-another!!', 'POST', target.pathname, QUERY))).toBe(403);
    expect(await call(sign(SECRET, 'POST', target.pathname, QUERY), QUERY.replace('sdl', '__typename'))).toBe(403);
    expect(await call(sign(SECRET, 'POST', target.pathname, QUERY, Date.now() - 10 * 60_000))).toBe(403);
    expect(await call(sign(SECRET, 'POST', target.pathname, QUERY))).toBe(200);
  });

  test("the gateway's signed calls work; health probes stay open", async () => {
    const r = await post(url, { query: PROFILE_TEXT, variables: { id: 'makati' } });
    expect(r.json.errors).toBeUndefined();
    expect(r.json.data.city.certification.level).toBe('PLATINUM');
    expect((await fetch(t.stack.subgraphUrls.membership.replace(/\/graphql$/, '/ready'))).status).toBe(200);
    expect((await fetch(url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
  });
});
