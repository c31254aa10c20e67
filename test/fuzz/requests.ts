/**
 * Random HTTP requests for the gateway, as fast-check arbitraries: methods, paths, headers (media
 * types, charsets, Accept, tokens, cookies, origins, request ids), and bodies of every shape — random
 * JSON values, GraphQL-request-shaped objects with wrong types, thousands of nesting levels, huge
 * numbers, unicode and invalid UTF-8, duplicate keys, truncated JSON, batches, now and then an
 * oversized body — plus GET query strings, and random GraphQL documents from the schema
 * (test/fuzz/documents.ts).
 */
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { Draw, randomOperation } from './documents';

/** A value drawn by the seeded PRNG from a seed fast-check draws: replayable, and cheap to generate. */
function drawn<T>(make: (d: Draw) => T): fc.Arbitrary<T> {
  return fc.integer().map((seed) => make(new Draw(seed)));
}

const anyJson = drawn((d) => d.json(3));
const unicodeText = (max: number) => drawn((d) => d.string(max, true));

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** What produced it (for the statistics and the failure report). */
  kind: string;
}

/** Header values fetch accepts: visible ASCII, not starting with a space. */
const headerText = drawn((d) => String.fromCharCode(d.int(0x21, 0x7e)) + d.string(40));

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset=latin1', 'APPLICATION/JSON'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/graphql',
      'application/xml',
      '',
    ),
  },
  { weight: 1, arbitrary: headerText },
);

const accept = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.constantFrom('application/graphql-response+json', 'application/json', '*/*', 'application/graphql-response+json, application/json;q=0.9'),
  },
  { weight: 1, arbitrary: fc.constantFrom('text/html', 'text/csv', 'application/json;q=0', 'multipart/mixed; deferSpec=20220824', '*/*;q=abc') },
  { weight: 1, arbitrary: headerText },
);

function headersArbitrary(tokens: string[]): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(
      {
        'content-type': contentType,
        accept,
        authorization: fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          { weight: 2, arbitrary: fc.constantFrom(...tokens.map((t) => `Bearer ${t}`)) },
          { weight: 1, arbitrary: fc.constantFrom('Bearer a.b.c', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer eyJhbGciOiJub25lIn0.e30.') },
          { weight: 1, arbitrary: headerText.map((s) => `Bearer ${s}`) },
        ),
        cookie: fc.oneof(
          { weight: 9, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: headerText.map((s) => `session=${s.replace(/[;,\s]/g, '')}`) },
        ),
        'x-request-id': fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: headerText }),
        origin: fc.oneof(
          { weight: 9, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom('https://evil.example', 'null', 'https://partner.example.org') },
        ),
        'apollo-require-preflight': fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('true') }),
        'x-timeout-ms': fc.oneof(
          { weight: 19, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom('0', '-1', '99999999', 'abc', '5') },
        ),
      },
      { requiredKeys: [] },
    )
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);
}

const SIMPLE_QUERIES = [
  '{ __typename }',
  '{ certificationLevels { level minCoreVerified } }',
  'query($id: ID!) { city(id: $id) { id name } }',
  '{ themes { name } }',
];

/** Deep nesting, balanced or not: `[[[...]]]` or `{"a":{"a":...}}`. */
const deepNesting = fc
  .record({
    depth: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }) }),
    object: fc.boolean(),
    balanced: fc.boolean(),
  })
  .map(({ depth, object, balanced }) => {
    const open = object ? '{"a":' : '[';
    const close = object ? '}' : ']';
    return `${open.repeat(depth)}1${balanced ? close.repeat(depth) : close.repeat(depth >> 1)}`;
  });

const hugeNumber = fc.oneof(
  fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '0.0000000000000000000001', '123456789012345678901234567890', '9007199254740993', '2147483648'),
  fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }).map(String),
  fc.integer({ min: 1, max: 400 }).map((n) => '9'.repeat(n)),
);

/** A body that is JSON text built by hand (duplicate keys, raw numbers, nesting inside variables). */
const handMadeJson = fc.oneof(
  fc
    .tuple(fc.constantFrom(...SIMPLE_QUERIES), fc.constantFrom(...SIMPLE_QUERIES))
    .map(([a, b]) => `{"query":${JSON.stringify(a)},"query":${JSON.stringify(b)}}`),
  fc
    .tuple(
      fc.constantFrom('id', 'a', 'query'),
      drawn((d) => d.json(1)),
    )
    .map(([k, v]) => `{"query":"query($id: ID!) { city(id: $id) { id } }","variables":{"${k}":"makati","${k}":${JSON.stringify(v) ?? 'null'}}}`),
  fc.constantFrom('{"query":"{ __typename }","\\u0071uery":"{ x }"}', '{"variables":{"a":{"b":1,"b":2}},"query":"{ __typename }"}'),
  hugeNumber.map((n) => `{"query":"query($n: Int) { cities(first: $n) { totalCount } }","variables":{"n":${n}}}`),
  hugeNumber.map((n) => `{"query":"query($x: Float) { __typename }","variables":{"x":${n}},"extensions":{"n":${n}}}`),
  deepNesting.map((d) => `{"query":"query($id: ID!) { city(id: $id) { id } }","variables":{"id":"makati","deep":${d}}}`),
  deepNesting,
  unicodeText(60).map((s) => `{"query":${JSON.stringify(`{ city(id: ${JSON.stringify(s)}) { id name } }`)}}`),
);

/** GraphQL-request-shaped objects whose members may be of any JSON type. */
function shapedObject(schema: GraphQLSchema): fc.Arbitrary<unknown> {
  return fc.record(
    {
      query: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...SIMPLE_QUERIES) },
        { weight: 3, arbitrary: fc.integer().map((seed) => randomOperation(schema, seed).query) },
        { weight: 1, arbitrary: anyJson },
        { weight: 1, arbitrary: unicodeText(80) },
      ),
      variables: fc.oneof(
        { weight: 3, arbitrary: fc.constant({ id: 'makati' }) },
        { weight: 2, arbitrary: anyJson },
        { weight: 1, arbitrary: drawn((d) => Object.fromEntries(Array.from({ length: d.nat(5) }, () => [d.string(8, true), d.json(2)]))) },
      ),
      operationName: fc.oneof(
        fc.constant(null),
        drawn((d) => d.string(10)),
        anyJson,
      ),
      extensions: fc.oneof(
        fc.constant({ persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } }),
        fc.record({ persistedQuery: fc.record({ version: anyJson, sha256Hash: anyJson }, { requiredKeys: [] }) }, { requiredKeys: [] }),
        anyJson,
      ),
      documentId: fc.oneof(fc.constant(`sha256:${'0'.repeat(64)}`), anyJson),
    },
    { requiredKeys: [] },
  );
}

/** Bodies for POST (and, now and then, for methods that take none). */
function bodyArbitrary(schema: GraphQLSchema): fc.Arbitrary<{ body: string | Uint8Array; kind: string }> {
  const shaped = shapedObject(schema);
  return fc.oneof(
    { weight: 6, arbitrary: shaped.map((o) => ({ body: JSON.stringify(o), kind: 'http:shaped' })) },
    { weight: 2, arbitrary: anyJson.map((v) => ({ body: JSON.stringify(v) ?? '', kind: 'http:json' })) },
    { weight: 2, arbitrary: fc.array(shaped, { maxLength: 7 }).map((a) => ({ body: JSON.stringify(a), kind: 'http:batch' })) },
    { weight: 3, arbitrary: handMadeJson.map((body) => ({ body, kind: 'http:handmade' })) },
    { weight: 1, arbitrary: unicodeText(200).map((body) => ({ body, kind: 'http:unicode' })) },
    { weight: 1, arbitrary: drawn((d) => Uint8Array.from({ length: d.nat(200) }, () => d.nat(255))).map((body) => ({ body, kind: 'http:bytes' })) },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, fc.nat()).map(([o, cut]) => {
        const text = JSON.stringify(o);
        return { body: text.slice(0, cut % (text.length + 1)), kind: 'http:truncated' };
      }),
    },
    { weight: 1, arbitrary: fc.constant({ body: '', kind: 'http:empty' }) },
  );
}

const PATHS = [
  '/graphql',
  '/graphql',
  '/graphql',
  '/graphql',
  '/graphql',
  '/graphql/',
  '/GRAPHQL',
  '/health',
  '/ready',
  '/dashboard/',
  '/dashboard/app.js',
  '/files/indicators/makati/2014.csv',
  '/nope',
  '/graphql?x=%',
  '//graphql',
];

/** A random HTTP request for the gateway (HTTP layer). */
export function httpRequest(schema: GraphQLSchema, tokens: string[]): fc.Arbitrary<FuzzRequest> {
  const headers = headersArbitrary(tokens);
  const post = fc
    .record({ headers, body: bodyArbitrary(schema), path: fc.constantFrom(...PATHS) })
    .map(({ headers, body, path }) => ({ method: 'POST', path, headers, body: body.body, kind: body.kind }));
  const search = fc
    .record(
      {
        query: fc.oneof(
          fc.constantFrom(...SIMPLE_QUERIES),
          fc.integer().map((seed) => randomOperation(schema, seed).query),
          unicodeText(40),
        ),
        variables: fc.oneof(
          anyJson.map((v) => JSON.stringify(v) ?? ''),
          deepNesting.filter((d) => d.length < 3000),
          drawn((d) => d.string(20)),
        ),
        operationName: drawn((d) => d.string(10)),
        extensions: drawn((d) => JSON.stringify(d.json(2)) ?? ''),
      },
      { requiredKeys: [] },
    )
    .map((params) => `?${new URLSearchParams(params as Record<string, string>).toString()}`);
  const get = fc
    .record({
      headers,
      search,
      raw: fc.oneof(
        { weight: 9, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom('&query=%zz', '&variables=%7B%22a%22%3A', '&query=a&query=b') },
      ),
    })
    .map(({ headers, search, raw }) => {
      const { 'content-type': _ct, ...rest } = headers;
      return { method: 'GET', path: `/graphql${search}${raw}`, headers: rest, kind: 'http:get' };
    });
  const other = fc
    .record({ method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), headers, body: bodyArbitrary(schema), path: fc.constantFrom(...PATHS) })
    .map(({ method, headers, body, path }) => ({
      method,
      path,
      headers,
      body: method === 'HEAD' || method === 'OPTIONS' ? undefined : body.body,
      kind: 'http:method',
    }));
  const oversized = fc.record({ size: fc.integer({ min: 1_000_001, max: 2_500_000 }), headers }).map(({ size, headers }) => ({
    method: 'POST',
    path: '/graphql',
    headers: { ...headers, 'content-type': 'application/json' },
    body: `{"query":"{ __typename }","pad":"${'x'.repeat(size)}"}`,
    kind: 'http:oversized',
  }));
  return fc.oneof({ weight: 70, arbitrary: post }, { weight: 18, arbitrary: get }, { weight: 8, arbitrary: other }, { weight: 1, arbitrary: oversized });
}

/** A random operation built from the schema, as a well-formed JSON POST (GraphQL layer). */
export function graphqlRequest(schema: GraphQLSchema, tokens: string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      seed: fc.integer(),
      accept: fc.constantFrom('application/graphql-response+json', 'application/json', '*/*'),
      token: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom(...tokens) }),
    })
    .map(({ seed, accept, token }) => {
      // Mutations anonymously only (refused by the subgraphs): with a token they would write, under locks.
      const operation = randomOperation(schema, seed, { mutations: !token });
      const headers: Record<string, string> = { 'content-type': 'application/json', accept };
      if (token) headers.authorization = `Bearer ${token}`;
      return {
        method: 'POST',
        path: '/graphql',
        headers,
        body: JSON.stringify(operation),
        kind: operation.query.startsWith('mutation') ? 'graphql:mutation' : 'graphql:query',
      };
    });
}

/** Raw bytes on a TCP connection: malformed request lines, headers and framing (Node's HTTP parser and ours). */
export function rawRequest(): fc.Arbitrary<{ bytes: Buffer; kind: string }> {
  const body = '{"query":"{ __typename }"}';
  const line = fc.oneof(
    fc.constantFrom(
      'POST /graphql HTTP/1.1',
      'GET /graphql?query=%7B__typename%7D HTTP/1.1',
      'POST /graphql HTTP/1.0',
      'POST  /graphql HTTP/1.1',
      'POST /graphql HTTP/9.9',
      'POST http://x/graphql HTTP/1.1',
      'PRI * HTTP/2.0',
      'GET * HTTP/1.1',
      'post /graphql HTTP/1.1',
      'POST /graphql',
    ),
    drawn((d) => d.string(60)),
    drawn((d) => `POST /${d.string(30)} HTTP/1.1`),
  );
  const headers = fc.oneof(
    fc.constantFrom(
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      `Content-Type: application/json\r\nContent-Length: -1\r\n\r\n${body}`,
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nContent-Length: 3\r\n\r\n${body}`,
      `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n1a\r\n${body}\r\n0\r\n\r\n`,
      `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
      `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      `Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n`,
      `Content-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n${body}`,
      `Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      `Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n`,
      `Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      `Content-Type: application/json\r\nExpect: 200-ok\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      `X-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `Host: a\r\nHost: b\r\n\r\n`,
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}POST /graphql HTTP/1.1\r\nContent-Length: 0\r\n\r\n`,
      `Content-Type: application/json\r\nBad Header\r\n\r\n`,
      `Content-Type: application/json\r\n X-Folded: continued\r\n\r\n`,
    ),
    drawn((d) => `${d.string(20)}: ${d.string(40)}\r\nContent-Length: 0\r\n\r\n`),
    drawn((d) => d.string(200, true)),
  );
  return fc.record({ line, headers, lf: fc.boolean() }).map(({ line, headers, lf }) => {
    const text = `${line}\r\nHost: 127.0.0.1\r\n${headers}`;
    return { bytes: Buffer.from(lf ? text.replace(/\r\n/g, '\n') : text, 'utf8'), kind: 'raw' };
  });
}
