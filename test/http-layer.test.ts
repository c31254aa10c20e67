/**
 * The HTTP layer on its own (lib/http: the listener, the GraphQL route, bodies, JSON, media types), in
 * front of a tiny Apollo Server: no database, no gateway. What every process (gateway and subgraphs)
 * gets from it: bounded JSON, bodies every client can read a 413 from, Expect: 100-continue, the
 * CSRF modes, the media-type negotiation and the one status rule for request errors.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createGraphQLRequestListener, listen, type RunningHttpServer } from '../lib/http/graphql-http-server';
import type { CsrfPrevention } from '../lib/http/routes/graphql';
import { negotiateMediaType, requestErrorStatus } from '../lib/http/respond';
import { parseBoundedJson, scanJson } from '../lib/http/json';
import { refusal } from '../lib/http/refusal';
import { readBody } from '../lib/http/body';

const typeDefs = 'type Query { hello(name: String!): String }  type Mutation { poke: Boolean }';
const resolvers = { Query: { hello: (_: unknown, { name }: { name: string }) => `hello ${name}` }, Mutation: { poke: () => true } };

const servers: { server: ApolloServer; running: RunningHttpServer }[] = [];

async function start(csrfPrevention?: CsrfPrevention): Promise<string> {
  const server = new ApolloServer({ typeDefs, resolvers, csrfPrevention: false });
  await server.start();
  const listener = createGraphQLRequestListener({
    server,
    context: async () => ({}),
    maxBodyBytes: 10_000,
    maxBodyDrainBytes: 100_000,
    csrfPrevention,
    routes: [
      // A plain route reading its body (as the file exchange does), and one refusing bad input.
      async (req, res, url) => {
        if (url.pathname === '/echo') {
          const body = await readBody(req, 10_000);
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(Buffer.isBuffer(body) ? `${body.length}` : 'too large');
          return true;
        }
        if (url.pathname === '/plain-refusal') throw refusal(400, 'BAD_USER_INPUT', 'limit must be positive');
        return false;
      },
    ],
  });
  const running = await listen(listener, 0);
  servers.push({ server, running });
  return running.url;
}

afterAll(async () => {
  for (const { server, running } of servers) {
    await running.close();
    await server.stop();
  }
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** A request with Expect: 100-continue: whether the server asked for the body, and its answer. */
function expectContinue(url: string, size: number): Promise<{ status: number; continued: boolean; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = http.request(
      target,
      { method: 'POST', headers: { 'content-type': 'application/json', expect: '100-continue', 'content-length': String(size) } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, continued, body }));
      },
    );
    req.on('continue', () => {
      continued = true;
      req.end('x'.repeat(size));
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('media types', () => {
  test.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['application/json;q=0.5, application/graphql-response+json', 'application/graphql-response+json'],
    ['application/*', 'application/json'],
    ['text/html, application/graphql-response+json;q=0.1', 'application/graphql-response+json'],
    ['application/json;q=0', undefined],
    ['text/csv', undefined],
  ])('Accept %j gives %j', (accept, type) => {
    expect(negotiateMediaType(accept)).toBe(type);
  });

  test('the status rule: request errors are 200 under application/json, their 4xx under graphql-response+json; others keep theirs', () => {
    expect(requestErrorStatus(400, ['GRAPHQL_VALIDATION_FAILED'], 'application/json')).toBe(200);
    expect(requestErrorStatus(400, ['GRAPHQL_VALIDATION_FAILED'], 'application/graphql-response+json')).toBe(400);
    expect(requestErrorStatus(400, ['GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'], 'application/json')).toBe(400);
    expect(requestErrorStatus(429, ['RATE_LIMITED'], 'application/json')).toBe(429);
    expect(requestErrorStatus(401, ['UNAUTHENTICATED'], 'application/json')).toBe(401);
  });
});

describe('bounded JSON', () => {
  const limits = { maxDepth: 4, maxMembers: 8 };
  test.each([
    ['{"a":[1,2,{"b":[3]}]}', 'ok'],
    ['[[[[1]]]]', 'ok'],
    ['[[[[[1]]]]]', /MAX_JSON_DEPTH/],
    ['{"a":{"a":{"a":{"a":{"a":1}}}}}', /MAX_JSON_DEPTH/],
    ['["[[[[[[[[", "{{{{{{{{{{{"]', 'ok'],
    ['{"s":"\\"]]]]]]]]"}', 'ok'],
    ['[1,2,3,4,5,6,7,8]', 'ok'],
    ['[1,2,3,4,5,6,7,8,9]', /MAX_JSON_MEMBERS/],
    ['{"a":1,"b":2,"a":3}', /key "a" twice/],
    ['{"a":1,"\\u0061":2}', /key "a" twice/],
    ['{"a":{"x":1},"b":{"x":2}}', 'ok'],
    ['{"a" : 1 , "a" : 2}', /key "a" twice/],
    ['[{"a":1},{"a":2}]', 'ok'],
    ['{"a":1', /not valid JSON/],
    ['1e999', 'ok'],
  ])('%s', (text, expected) => {
    if (expected === 'ok') expect(() => parseBoundedJson(text, 'The body', limits)).not.toThrow();
    else expect(() => parseBoundedJson(text, 'The body', limits)).toThrow(expected as RegExp);
  });

  test('a million nesting levels are refused in linear time, without recursion', () => {
    const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const started = Date.now();
    expect(() => scanJson(text, 'The body')).toThrow(/MAX_JSON_DEPTH/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('bodies', () => {
  let url: string;
  beforeAll(async () => {
    url = await start();
  });

  test('over the limit but within the drain bound: read and discarded, then a 413 every client reads', async () => {
    const r = await post(url, 'x'.repeat(50_000));
    expect(r.status).toBe(413);
    expect(r.json.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 10_000 });
    expect(r.headers.get('connection')).toBe('close');
  });

  test('past the drain bound the connection is closed; the server stays up', async () => {
    const answer = await post(url, 'x'.repeat(2_000_000)).catch((error: Error) => error);
    if (!(answer instanceof Error)) expect(answer.status).toBe(413);
    expect((await fetch(url.replace(/\/graphql$/, '/health'))).status).toBe(200);
  });

  test('Expect: 100-continue: too large is refused before the body is sent; within the limit it is invited', async () => {
    expect(await expectContinue(url, 50_000)).toMatchObject({ status: 413, continued: false });
    const small = await expectContinue(url, 10);
    expect(small).toMatchObject({ status: 400, continued: true }); // 10 × "x" is no JSON, but it was read
  });

  test('Expect: 100-continue on a plain route: the 100 goes out when the route reads the body', async () => {
    expect(await expectContinue(url.replace(/\/graphql$/, '/echo'), 500)).toEqual({ status: 200, continued: true, body: '500' });
  });

  test('a plain route keeps its refusal status (the status rule is for GraphQL requests)', async () => {
    const r = await fetch(url.replace(/\/graphql$/, '/plain-refusal'));
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('CSRF prevention', () => {
  const GET = '?query=%7Bhello(name%3A%22x%22)%7D';

  test('cookies (the default): only requests carrying cookies need a preflight-forcing header', async () => {
    const url = await start();
    expect((await fetch(url + GET)).status).toBe(200);
    const withCookie = await fetch(url + GET, { headers: { cookie: 'session=1' } });
    expect(withCookie.status).toBe(400);
    expect(((await withCookie.json()) as any).errors[0].extensions.code).toBe('CSRF_PREVENTED');
    expect((await fetch(url + GET, { headers: { cookie: 'session=1', 'apollo-require-preflight': 'true' } })).status).toBe(200);
    // A JSON POST cannot be sent cross-site without a CORS preflight: fine with cookies.
    expect((await post(url, '{"query":"{ hello(name: \\"x\\") }"}', { cookie: 'session=1' })).status).toBe(200);
  });

  test('always: every simple request needs the header', async () => {
    const url = await start('always');
    const r = await fetch(url + GET);
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0].extensions.code).toBe('CSRF_PREVENTED');
    expect((await fetch(url + GET, { headers: { 'x-apollo-operation-name': 'Q' } })).status).toBe(200);
  });

  test('off: no check (a simple-content-type POST is still the wrong media type)', async () => {
    const url = await start('off');
    expect((await fetch(url + GET, { headers: { cookie: 'session=1' } })).status).toBe(200);
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', cookie: 'session=1' }, body: '{"query":"mutation { poke }"}' });
    expect(r.status).toBe(415);
  });

  test('a mutation over GET is refused whatever the mode (405)', async () => {
    const url = await start('off');
    const r = await fetch(`${url}?query=mutation%7Bpoke%7D`, { headers: { accept: 'application/graphql-response+json' } });
    expect(r.status).toBe(405);
  });
});

describe('the status rule on any GraphQL server built on this layer (subgraphs too)', () => {
  test('a validation error: 200 under application/json, 400 under graphql-response+json; data absent', async () => {
    const url = await start();
    const json = await post(url, '{"query":"{ nope }"}', { accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.json.data).toBeUndefined();
    expect(json.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const gr = await post(url, '{"query":"{ nope }"}', { accept: 'application/graphql-response+json' });
    expect(gr.status).toBe(400);
    const coercion = await post(url, '{"query":"query($n: String!) { hello(name: $n) }","variables":{"n":1}}', { accept: 'application/graphql-response+json' });
    expect(coercion.status).toBe(400);
    expect(coercion.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await post(url, '{"query":"query($n: String!) { hello(name: $n) }","variables":{"n":1}}')).status).toBe(200);
  });
});
