/**
 * Hostile and malformed requests against the real gateway over the real subgraphs and database:
 * each is answered with the expected status and code, before any subgraph or database work, the
 * process stays healthy, and the stored data is unchanged.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import { startTestStack, type TestStack } from '../support/stack';
import { post, raw, snapshot, JSON_HEADERS, GRAPHQL_RESPONSE_ACCEPT, type RawResponse } from './helpers';
import { SUBGRAPH_NAMES } from '../../lib/config';

let t: TestStack;
let url: string;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await startTestStack({ gateway: { corsOrigins: ['https://partner.example.org'], limits: { maxBatchSize: 5 } } });
  url = t.stack.gatewayUrl;
  before = await snapshot(t.stack);
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

function expectRefused(r: RawResponse, status: number, code: string, message?: RegExp) {
  expect({ status: r.status, code: r.json?.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  expect(r.json.data).toBeUndefined();
  if (message) expect(r.json.errors[0].message).toMatch(message);
}

const rep = (s: string, n: number) => Array.from({ length: n }, (_, i) => s.replace(/#/g, String(i))).join(' ');

describe('operation limits', () => {
  beforeAll(() => {
    for (const name of SUBGRAPH_NAMES) t.recorders[name].reset();
  });
  test('deep nesting through City <-> Certification', async () => {
    const query = `{ city(id: "makati") { ${'certifications { city { '.repeat(8)} id ${'} } '.repeat(8)} } }`;
    expectRefused(await post(url, { query }), 400, 'DEPTH_LIMIT_EXCEEDED', /levels deep; the most is 10/);
  });

  test('deep nesting of unknown fields is refused before validation', async () => {
    expectRefused(await post(url, { query: `{ ${'a { '.repeat(300)} b ${'} '.repeat(300)} }` }), 400, 'DEPTH_LIMIT_EXCEEDED');
  });

  test('alias bomb', async () => {
    expectRefused(await post(url, { query: `{ ${rep('a#: certificationLevels { level }', 100)} }` }), 400, 'ALIAS_LIMIT_EXCEEDED');
  });

  test('fragment bomb (exponential expansion)', async () => {
    const defs = ['fragment F0 on Query { a: __typename b: __typename }'];
    for (let i = 1; i <= 25; i++) defs.push(`fragment F${i} on Query { ...F${i - 1} x${i}: __typename ...F${i - 1} }`);
    const r = await post(url, { query: `query { ...F25 } ${defs.join(' ')}` });
    expectRefused(r, 400, 'ALIAS_LIMIT_EXCEEDED');
  });

  test('fragment cycle', async () => {
    const r = await post(url, { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' });
    expectRefused(r, 400, 'GRAPHQL_VALIDATION_FAILED', /fragment cycle/);
  });

  test('huge token count', async () => {
    expectRefused(await post(url, { query: `{ ${'a '.repeat(3000)} }` }), 400, 'TOKEN_LIMIT_EXCEEDED');
  });

  test('huge document (padding in a comment)', async () => {
    expectRefused(await post(url, { query: `# ${'x'.repeat(30_000)}\n{ certificationLevels { level } }` }), 400, 'DOCUMENT_TOO_LARGE');
  });

  test('too many root fields', async () => {
    const fields = [
      'certificationLevels { level }',
      'themes { name }',
      'catalogueEditions { standard }',
      'indicatorCatalogue { id }',
      'cities { totalCount }',
      'members { totalCount }',
      'workshops { totalCount }',
      'mentoringPairs { totalCount }',
      'registry { totalCount }',
      'city(id: "makati") { id }',
      'indicator(id: "5.1") { id }',
    ];
    expectRefused(await post(url, { query: `{ ${fields.join(' ')} }` }), 400, 'ROOT_FIELD_LIMIT_EXCEEDED');
  });

  test('too many directives', async () => {
    expectRefused(await post(url, { query: `{ certificationLevels { level ${'@include(if: true) '.repeat(30)} } }` }), 400, 'DIRECTIVE_LIMIT_EXCEEDED');
  });

  test('first above the cap, literal', async () => {
    const r = await post(url, { query: '{ cities(first: 500) { totalCount } }' });
    expectRefused(r, 400, 'BAD_USER_INPUT', /first on Query.cities is 500; the most is 100/);
    expect(r.json.errors[0].extensions.argumentName).toBe('first');
  });

  test('first above the cap, by variable', async () => {
    const r = await post(url, { query: 'query($n: Int) { registry(first: $n) { totalCount } }', variables: { n: 100000 } });
    expectRefused(r, 400, 'BAD_USER_INPUT', /registry is 100000/);
  });

  test('negative first', async () => {
    expectRefused(await post(url, { query: '{ cities(first: -1) { totalCount } }' }), 400, 'BAD_USER_INPUT', /negative/);
  });

  test('estimated cost from requested list sizes', async () => {
    const query = '{ cities(first: 100) { edges { node { upcomingWorkshops(first: 100) { hostCity { certifications { year } } } } } } }';
    const r = await post(url, { query });
    expectRefused(r, 400, 'COST_LIMIT_EXCEEDED');
    expect(r.json.errors[0].extensions.actual).toBeGreaterThan(r.json.errors[0].extensions.limit);
    // The refusal states the estimate, the limit and the most expensive path (list sizes from first and @listSize).
    expect(r.json.errors[0].extensions).toMatchObject({
      estimatedCost: 120_201,
      limit: 50_000,
      path: 'cities.edges×100.node.upcomingWorkshops×100.hostCity.certifications×10',
    });
    expect(r.json.errors[0].message).toMatch(/estimated cost is 120201; the most is 50000 \(MAX_COST\)\. The most expensive path is cities\.edges×100/);
  });

  test('estimated cost with default page sizes when first is omitted', async () => {
    // cities without first counts the default page size (20 edges); indicators its @listSize(assumedSize: 100).
    const query = '{ cities { edges { node { indicators(year: 2015) { city { indicators(year: 2014) { value } } } } } } }';
    const r = await post(url, { query });
    expectRefused(r, 400, 'COST_LIMIT_EXCEEDED');
    expect(r.json.errors[0].extensions.path).toBe('cities.edges×20.node.indicators×100.city.indicators×100');
  });

  test('a long string literal', async () => {
    expectRefused(await post(url, { query: `{ city(id: "${'m'.repeat(5000)}") { id } }` }), 400, 'BAD_USER_INPUT', /MAX_STRING_LENGTH/);
  });

  test('a deeply nested list literal', async () => {
    const r = await post(url, { query: `{ city(id: ${'['.repeat(600)}1${']'.repeat(600)}) { id } }` });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|TOKEN_LIMIT_EXCEEDED|GRAPHQL_VALIDATION_FAILED/);
  });

  test('none of these reached a database', () => {
    for (const name of SUBGRAPH_NAMES) expect(t.recorders[name].count()).toBe(0);
  });
});

describe('demand control', () => {
  test('a slicing argument given by a variable counts its value', async () => {
    const query = 'query($n: Int) { cities(first: $n) { edges { node { indicators(year: 2015) { city { indicators(year: 2014) { value } } } } } } }';
    const r = await post(url, { query, variables: { n: 1 } });
    expect(r.status).toBe(200);
    expectRefused(await post(url, { query, variables: { n: 5 } }), 400, 'COST_LIMIT_EXCEEDED');
  });
});

describe('input hardening (injection attempts)', () => {
  const CITY = 'query($id: ID!) { city(id: $id) { id name } }';

  test('an operator object in place of an id: {"$gt": ""}', async () => {
    expectRefused(await post(url, { query: CITY, variables: { id: { $gt: '' } } }), 400, 'BAD_USER_INPUT', /\$gt/);
  });

  test('$where in a filter object', async () => {
    const r = await post(url, { query: 'query($f: CityFilter) { cities(filter: $f) { totalCount } }', variables: { f: { $where: 'sleep(5000) || true' } } });
    expectRefused(r, 400, 'BAD_USER_INPUT', /\$where/);
  });

  test('a dotted key in a filter object', async () => {
    const r = await post(url, { query: 'query($f: CityFilter) { cities(filter: $f) { totalCount } }', variables: { f: { 'country.x': 'PH' } } });
    expectRefused(r, 400, 'BAD_USER_INPUT', /dots/);
  });

  test('an operator nested inside a filter field', async () => {
    const r = await post(url, { query: 'query($f: CityFilter) { cities(filter: $f) { totalCount } }', variables: { f: { country: { $ne: null } } } });
    expectRefused(r, 400, 'BAD_USER_INPUT');
  });

  test('an operator object in a mutation argument', async () => {
    const r = await post(url, { query: 'mutation($c: ID!) { openCertification(cityId: $c, year: 2020) { id } }', variables: { c: { $ne: 'x' } } });
    expectRefused(r, 400, 'BAD_USER_INPUT');
  });

  test('a $-prefixed variable name', async () => {
    expectRefused(await post(url, { query: CITY, variables: { id: 'makati', $where: '1' } }), 400, 'BAD_USER_INPUT');
  });

  test('operator-looking strings are plain strings: nothing matches', async () => {
    for (const id of ['{"$gt": ""}', '$where', '{"$ne": null}', 'makati\u0000', '.*']) {
      const r = await post(url, { query: CITY, variables: { id } });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ data: { city: null } });
    }
  });

  test('an operator-looking country in a filter finds nothing or is refused as bad input', async () => {
    const r = await post(url, { query: '{ cities(filter: { country: "$regex" }) { totalCount } }' });
    if (r.json.errors) expect(r.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    else expect(r.json.data.cities.totalCount).toBe(0);
  });

  test('a long string variable', async () => {
    expectRefused(await post(url, { query: CITY, variables: { id: 'x'.repeat(5000) } }), 400, 'BAD_USER_INPUT', /MAX_STRING_LENGTH/);
  });

  test('a long list variable', async () => {
    const r = await post(url, { query: 'query($ids: [ID!]) { __typename }', variables: { ids: Array.from({ length: 500 }, (_, i) => `c${i}`) } });
    expectRefused(r, 400, 'BAD_USER_INPUT', /MAX_INPUT_LIST_LENGTH/);
  });

  test('deeply nested variables', async () => {
    let v: unknown = 'x';
    for (let i = 0; i < 50; i++) v = { a: v };
    expectRefused(await post(url, { query: CITY, variables: { id: 'makati', deep: v } }), 400, 'BAD_USER_INPUT', /nested/);
  });

  test('enormous variables', async () => {
    const variables: Record<string, string> = { id: 'makati' };
    for (let i = 0; i < 3000; i++) variables[`v${i}`] = 'xxxxxxxx';
    expectRefused(await post(url, { query: CITY, variables }), 400, 'VARIABLES_TOO_LARGE');
  });
});

describe('HTTP and GraphQL-over-HTTP', () => {
  test('oversized body (declared length)', async () => {
    const r = await post(url, { query: '{ __typename }', pad: 'x'.repeat(2_000_000) });
    expectRefused(r, 413, 'PAYLOAD_TOO_LARGE');
  });

  test('oversized body sent chunked, without a length', async () => {
    const target = new URL(url);
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(target, { method: 'POST', headers: JSON_HEADERS }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('an oversized body sent with Expect: 100-continue is refused before it is sent', async () => {
    const target = new URL(url);
    const result = await new Promise<{ status: number; body: string; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = http.request(target, { method: 'POST', headers: { ...JSON_HEADERS, expect: '100-continue', 'content-length': String(5_000_000) } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, continued }));
      });
      req.on('continue', () => {
        continued = true;
        req.end('x'.repeat(5_000_000));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(result).toMatchObject({ status: 413, continued: false });
    expect(JSON.parse(result.body).errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 1_000_000 });
  });

  test('a body within the limit sent with Expect: 100-continue is invited and served', async () => {
    const target = new URL(url);
    const body = JSON.stringify({ query: '{ __typename }' });
    const result = await new Promise<{ status: number; body: string; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = http.request(
        target,
        { method: 'POST', headers: { ...JSON_HEADERS, expect: '100-continue', 'content-length': String(Buffer.byteLength(body)) } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: text, continued }));
        },
      );
      req.on('continue', () => {
        continued = true;
        req.end(body);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(result).toEqual({ status: 200, body: `${JSON.stringify({ data: { __typename: 'Query' } })}\n`, continued: true });
  });

  test('an oversized body is read and discarded so that fetch reads the 413 (no broken pipe)', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await raw(url, { headers: JSON_HEADERS, body: Buffer.alloc(3_000_000, 0x20) });
      expectRefused(r, 413, 'PAYLOAD_TOO_LARGE', /MAX_BODY_BYTES/);
      expect(r.headers.get('connection')).toBe('close');
    }
  });

  test('thousands of nesting levels in variables: a 400 naming the limit, never a 500', async () => {
    const deep = `{"query":"query($id: ID!) { city(id: $id) { id } }","variables":{"id":"makati","deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
    expectRefused(await raw(url, { headers: JSON_HEADERS, body: deep }), 400, 'BAD_REQUEST', /nested more than 64 levels deep.*MAX_JSON_DEPTH/);
    const deepArray = `{"query":"{ __typename }","variables":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    expectRefused(await raw(url, { headers: JSON_HEADERS, body: deepArray }), 400, 'BAD_REQUEST', /MAX_JSON_DEPTH/);
    const search = `?query=%7B__typename%7D&variables=${encodeURIComponent(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`)}`;
    expectRefused(await raw(url, { method: 'GET', search }), 400, 'BAD_REQUEST', /variables parameter is nested/);
  });

  test('too many JSON members: a 400 naming the limit', async () => {
    const body = `{"query":"{ __typename }","variables":{"x":[${Array.from({ length: 20_000 }, () => '0').join(',')}]}}`;
    expectRefused(await raw(url, { headers: JSON_HEADERS, body }), 400, 'BAD_REQUEST', /MAX_JSON_MEMBERS/);
  });

  test('duplicate keys are refused (no parser differential between the gateway and a subgraph)', async () => {
    const body = '{"query":"query($id: ID!) { city(id: $id) { id } }","variables":{"id":"makati","id":"toronto"}}';
    expectRefused(await raw(url, { headers: JSON_HEADERS, body }), 400, 'BAD_REQUEST', /key "id" twice/);
    const escaped = '{"query":"{ __typename }","\\u0071uery":"{ city(id: \\"makati\\") { id } }"}';
    expectRefused(await raw(url, { headers: JSON_HEADERS, body: escaped }), 400, 'BAD_REQUEST', /key "query" twice/);
  });

  test('huge numbers are a coercion error, not a crash', async () => {
    for (const n of ['1e400', '-1e400', '123456789012345678901234567890', '1.5', '-0']) {
      const body = `{"query":"query($n: Int) { cities(first: $n) { totalCount } }","variables":{"n":${n}}}`;
      const r = await raw(url, { headers: { ...JSON_HEADERS, ...GRAPHQL_RESPONSE_ACCEPT }, body });
      expect(r.status).toBeGreaterThanOrEqual(200);
      expect(r.status).toBeLessThan(500);
      if (r.status !== 200) expect(r.json.errors[0].extensions.code).toMatch(/BAD_USER_INPUT/);
    }
  });

  test('a request target that is not a path', async () => {
    const result = await new Promise<number>((resolve, reject) => {
      const target = new URL(url);
      const req = http.request({ host: target.hostname, port: target.port, method: 'GET', path: 'http://[::1' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(result).toBeGreaterThanOrEqual(400);
    expect(result).toBeLessThan(500);
  });

  test('batch flood', async () => {
    const batch = Array.from({ length: 200 }, () => ({ query: '{ certificationLevels { level } }' }));
    expectRefused(await post(url, batch), 400, 'BATCH_LIMIT_EXCEEDED', /200 operations; the most is 5/);
  });

  test('an empty batch', async () => {
    expectRefused(await post(url, []), 400, 'BAD_REQUEST');
  });

  test('a small batch is answered in order, each operation checked on its own', async () => {
    const r = await post(url, [
      { query: '{ certificationLevels { level } }' },
      { query: '{ cities(first: 500) { totalCount } }' },
      { query: '{ __typename }' },
    ]);
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(3);
    expect(r.json[0].data.certificationLevels.length).toBeGreaterThan(0);
    expect(r.json[1].errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.json[2].data).toEqual({ __typename: 'Query' });
  });

  // CSRF rides on ambient credentials: by default (CSRF_PREVENTION=cookies) requests carrying cookies are checked.
  const COOKIE = { cookie: 'session=stolen-by-the-browser' };

  test('text/plain POST with cookies and without a preflight header is a CSRF attempt', async () => {
    expectRefused(await raw(url, { headers: { ...COOKIE, 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }), 400, 'CSRF_PREVENTED');
  });

  test('form-encoded POST with cookies is a CSRF attempt', async () => {
    expectRefused(
      await raw(url, { headers: { ...COOKIE, 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' }),
      400,
      'CSRF_PREVENTED',
    );
  });

  test('multipart POST with cookies is a CSRF attempt', async () => {
    expectRefused(await raw(url, { headers: { ...COOKIE, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' }), 400, 'CSRF_PREVENTED');
  });

  test('POST with cookies and without a content type', async () => {
    expectRefused(await raw(url, { headers: COOKIE, body: Buffer.from('{"query":"{ __typename }"}') }), 400, 'CSRF_PREVENTED');
  });

  test('without cookies the same requests are simply the wrong media type', async () => {
    expectRefused(await raw(url, { headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectRefused(
      await raw(url, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectRefused(await raw(url, { body: Buffer.from('{"query":"{ __typename }"}') }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a mutation in a text/plain POST is never run, with or without cookies', async () => {
    const body = '{"query":"mutation { openCertification(cityId: \\"makati\\", year: 2020) { id } }"}';
    expectRefused(await raw(url, { headers: { 'content-type': 'text/plain' }, body }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectRefused(await raw(url, { headers: { ...COOKIE, 'content-type': 'text/plain' }, body }), 400, 'CSRF_PREVENTED');
  });

  test('text/plain with a preflight header is still the wrong media type', async () => {
    const r = await raw(url, { headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }, body: '{"query":"{ __typename }"}' });
    expectRefused(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('application/xml', async () => {
    expectRefused(await raw(url, { headers: { 'content-type': 'application/xml' }, body: '<query/>' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a charset other than UTF-8', async () => {
    const r = await raw(url, { headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ __typename }"}' });
    expectRefused(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('invalid JSON', async () => {
    expectRefused(await raw(url, { headers: JSON_HEADERS, body: '{"query": "{ __typename }"' }), 400, 'BAD_REQUEST', /not valid JSON/);
  });

  test('invalid UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ city(id: \\"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\\") { id } }"}')]);
    expectRefused(await raw(url, { headers: JSON_HEADERS, body }), 400, 'BAD_REQUEST', /UTF-8/);
  });

  test('a JSON string instead of an object', async () => {
    expectRefused(await post(url, '{ __typename }'), 400, 'BAD_REQUEST');
  });

  test('a query that is not a string', async () => {
    expectRefused(await post(url, { query: { kind: 'Document' } }), 400, 'BAD_REQUEST');
  });

  test('variables as a JSON-encoded string', async () => {
    expectRefused(await post(url, { query: '{ __typename }', variables: '{"id":"makati"}' }), 400, 'BAD_REQUEST');
  });

  test('an empty body', async () => {
    expectRefused(await raw(url, { headers: JSON_HEADERS, body: '' }), 400, 'BAD_REQUEST');
  });

  test('GET with cookies and without a preflight header (CSRF)', async () => {
    expectRefused(await raw(url, { method: 'GET', search: '?query=%7B__typename%7D', headers: COOKIE }), 400, 'CSRF_PREVENTED');
  });

  test('a GET query without cookies needs no preflight header', async () => {
    const r = await raw(url, { method: 'GET', search: '?query=%7B__typename%7D' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { __typename: 'Query' } });
  });

  test('a GET query with a preflight header works', async () => {
    const r = await raw(url, { method: 'GET', search: '?query=%7B__typename%7D', headers: { 'apollo-require-preflight': 'true' } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { __typename: 'Query' } });
  });

  test('a mutation over GET', async () => {
    const search = `?query=${encodeURIComponent('mutation { openCertification(cityId: "makati", year: 2020) { id } }')}`;
    const r = await raw(url, { method: 'GET', search, headers: { 'apollo-require-preflight': 'true' } });
    expectRefused(r, 405, 'METHOD_NOT_ALLOWED');
    expect(r.headers.get('allow')).toBe('POST');
  });

  test('a subscription over GET', async () => {
    const r = await raw(url, { method: 'GET', search: `?query=${encodeURIComponent('subscription { x }')}`, headers: { 'apollo-require-preflight': 'true' } });
    expectRefused(r, 405, 'METHOD_NOT_ALLOWED');
  });

  test('PUT and DELETE', async () => {
    expectRefused(await raw(url, { method: 'PUT', headers: JSON_HEADERS, body: '{"query":"{ __typename }"}' }), 405, 'METHOD_NOT_ALLOWED');
    expectRefused(await raw(url, { method: 'DELETE' }), 405, 'METHOD_NOT_ALLOWED');
  });

  test('an unknown operationName', async () => {
    expectRefused(await post(url, { query: 'query A { __typename }', operationName: 'DropDatabase' }), 400, 'OPERATION_RESOLUTION_FAILURE', /DropDatabase/);
  });

  test('several operations without an operationName', async () => {
    expectRefused(await post(url, { query: 'query A { __typename } query B { __typename }' }), 400, 'OPERATION_RESOLUTION_FAILURE');
  });

  test('a syntax error', async () => {
    expectRefused(await post(url, { query: '{ city(id: "makati" { id }' }), 400, 'GRAPHQL_PARSE_FAILED');
  });

  test('a validation error, under both response media types (the one status rule)', async () => {
    // application/json: the GraphQL-over-HTTP spec's 200 for a well-formed request, the error without data.
    const json = await post(url, { query: '{ city(id: "makati") { password } }' }, { accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(json.json.data).toBeUndefined();
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const gr = await post(url, { query: '{ city(id: "makati") { password } }' }, { accept: 'application/graphql-response+json' });
    expectRefused(gr, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(gr.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  test('every request error follows the same rule: 4xx under graphql-response+json, 200 under application/json', async () => {
    const cases: [unknown, string][] = [
      [{ query: '{ city(id: "makati" { id }' }, 'GRAPHQL_PARSE_FAILED'],
      [{ query: '{ city(id: "makati") { password } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      [{ query: 'query($id: ID!) { city(id: $id) { id } }', variables: {} }, 'BAD_USER_INPUT'],
      [{ query: 'query($id: ID!) { city(id: $id) { id } }', variables: { id: null } }, 'BAD_USER_INPUT'],
      [{ query: 'query A { __typename }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
      [{ query: `{ ${'a { '.repeat(30)} b ${'} '.repeat(30)} }` }, 'DEPTH_LIMIT_EXCEEDED'],
      [
        { query: '{ cities(first: 100) { edges { node { upcomingWorkshops(first: 100) { id hostCity { certifications { year } } } } } } }' },
        'COST_LIMIT_EXCEEDED',
      ],
      [{ query: '{ cities(first: 500) { totalCount } }' }, 'BAD_USER_INPUT'],
      [{ query: '{ workshops(from: "2027-03-01") { totalCount } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      [{ query: 'query($from: DateTime) { workshops(from: $from) { totalCount } }', variables: { from: '2027-03-01' } }, 'BAD_USER_INPUT'],
      [{ documentId: `sha256:${'0'.repeat(64)}` }, 'PERSISTED_QUERY_NOT_FOUND'],
    ];
    for (const [body, code] of cases) {
      const gr = await post(url, body, GRAPHQL_RESPONSE_ACCEPT);
      expect({ body, status: gr.status, code: gr.json?.errors?.[0]?.extensions?.code, data: gr.json?.data }).toEqual({
        body,
        status: 400,
        code,
        data: undefined,
      });
      for (const accept of ['application/json', '*/*']) {
        const json = await post(url, body, { accept });
        expect({ body, accept, status: json.status, code: json.json?.errors?.[0]?.extensions?.code, data: json.json?.data }).toEqual({
          body,
          accept,
          status: 200,
          code,
          data: undefined,
        });
      }
    }
    // HTTP-level refusals keep their status under both.
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      expectRefused(await raw(url, { headers: { ...JSON_HEADERS, accept }, body: '{"query": ' }), 400, 'BAD_REQUEST');
      expectRefused(await post(url, { query: '{ __typename }' }, { accept, authorization: 'Bearer a.b.c' }), 401, 'UNAUTHENTICATED');
    }
  });

  test('a malformed DateTime literal is refused before any subgraph is called (issue 13)', async () => {
    t.recorders.workshops.reset();
    const r = await post(url, { query: '{ workshops(from: "2027-03-01") { totalCount } }' });
    expectRefused(r, 400, 'GRAPHQL_VALIDATION_FAILED', /DateTime/);
    expect(t.recorders.workshops.count()).toBe(0);
    const ok = await post(url, { query: '{ workshops(from: "2027-03-01T00:00:00Z", first: 1) { totalCount } }' });
    expect(ok.status).toBe(200);
    expect(ok.json.errors).toBeUndefined();
  });

  test('a variable coercion error', async () => {
    const r = await post(url, { query: 'query($id: ID!) { city(id: $id) { id } }', variables: {} }, { accept: 'application/graphql-response+json' });
    expectRefused(r, 400, 'BAD_USER_INPUT');
  });

  test('an Accept header no GraphQL media type satisfies', async () => {
    const r = await post(url, { query: '{ __typename }' }, { accept: 'text/csv' });
    expect(r.status).toBe(406);
  });

  test('an invalid token', async () => {
    expectRefused(await post(url, { query: '{ __typename }' }, { authorization: 'Bearer a.b.c' }), 401, 'UNAUTHENTICATED');
  });

  test('an unknown documentId', async () => {
    expectRefused(await post(url, { documentId: `sha256:${'0'.repeat(64)}` }), 400, 'PERSISTED_QUERY_NOT_FOUND');
  });

  test('an empty operationName names no operation (found by the fuzz suite: it was a 500)', async () => {
    const r = await post(url, { query: '{ __typename }', operationName: '' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { __typename: 'Query' } });
    const get = await raw(url, { method: 'GET', search: '?query=%7B__typename%7D&operationName=' });
    expect(get.json).toEqual({ data: { __typename: 'Query' } });
  });

  test('a malformed persisted-query extension is a 400 BAD_REQUEST, not an internal error (found by the fuzz suite)', async () => {
    for (const persistedQuery of [{ version: 2, sha256Hash: '0'.repeat(64) }, { version: 1, sha256Hash: 'xyz' }, { version: 1 }, 'abc', null]) {
      const r = await post(url, { query: '{ __typename }', extensions: { persistedQuery } });
      expectRefused(r, 400, 'BAD_REQUEST', /persisted|sha256/i);
    }
  });

  test('an APQ hash that does not match its query', async () => {
    const r = await post(url, {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('other').digest('hex') } },
    });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toMatch(/sha does not match/);
  });

  test('CORS: a preflight from an origin not on the list', async () => {
    const r = await raw(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expectRefused(r, 403, 'CORS_ORIGIN_NOT_ALLOWED');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('CORS: the listed origin gets its preflight and headers', async () => {
    const r = await raw(url, { method: 'OPTIONS', headers: { origin: 'https://partner.example.org', 'access-control-request-method': 'POST' } });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://partner.example.org');
    const q = await post(url, { query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(q.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('every answer carries a request id', async () => {
    const r = await post(url, { query: '{ __typename }' }, { 'x-request-id': 'hostile-test-1' });
    expect(r.headers.get('x-request-id')).toBe('hostile-test-1');
    const bad = await post(url, { query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces' });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('afterwards', () => {
  test('the gateway is healthy, answers a normal query, and the stored data is unchanged', async () => {
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const r = await post(url, { query: 'query($id: ID!) { city(id: $id) { name certification { level } } }', variables: { id: 'makati' } });
    expect(r.json).toEqual({ data: { city: { name: 'Makati', certification: { level: 'PLATINUM' } } } });
    for (const name of SUBGRAPH_NAMES) expect(t.stack.gateway.dataSources.get(name)?.breaker.currentState).toBe('closed');
    expect(await snapshot(t.stack)).toEqual(before);
  });
});
