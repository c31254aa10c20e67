/**
 * Data in and out as files: CSV/JSON downloads match the GraphQL data under the same authorisation,
 * and a CSV upload is validated like the mutation, all or nothing, with every bad row reported.
 */
import { parse } from 'csv-parse/sync';
import { startTestStack, type TestStack } from './support/stack';
import { tokenFor } from './support/tokens';

let t: TestStack;
let base: string;
beforeAll(async () => {
  t = await startTestStack();
  base = t.stack.gatewayUrl.replace('/graphql', '');
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

/** fetch's json() is typed unknown; these tests assert on the shape themselves. */
const asJson = (response: Response): Promise<any> => response.json();

/** Rows of a CSV download; it starts with a UTF-8 BOM so spreadsheets read names right. */
async function csvRows(response: Response): Promise<Record<string, string>[]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Record<string, string>[];
}

describe('downloads', () => {
  test('the registry as CSV and JSON matches registry() through GraphQL', async () => {
    const { data } = await t.query(
      '{ registry(first: 100) { totalCount edges { node { city { id name country } year level coverage { coreVerified earnedLevel } } } } }',
    );
    const expected = data.registry.edges.map((e: any) => e.node);
    expect(expected.length).toBe(data.registry.totalCount);

    const csv = await fetch(`${base}/exports/registry.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('registry.csv');
    const rows = await csvRows(csv);
    expect(rows.map((r) => [r.cityId, r.cityName, r.country, Number(r.year), r.level, Number(r.coreVerified), r.earnedLevel])).toEqual(
      expected.map((n: any) => [n.city.id, n.city.name, n.city.country, n.year, n.level, n.coverage.coreVerified, n.coverage.earnedLevel]),
    );

    const json = (await (await fetch(`${base}/exports/registry.json?year=2014&level=PLATINUM`)).json()) as { cityId: string }[];
    const filtered = await t.query('{ registry(first: 100, year: 2014, level: PLATINUM) { edges { node { city { id } } } } }');
    expect(json.map((r: any) => r.cityId)).toEqual(filtered.data.registry.edges.map((e: any) => e.node.city.id));
    expect(json.length).toBeGreaterThan(0);
  });

  test("a city's verified values as CSV and JSON match City.indicators through GraphQL", async () => {
    const { data } = await t.query('{ city(id: "makati") { indicators(year: 2016) { indicator { id unit } value status } } }');
    const verified = data.city.indicators.filter((v: any) => v.status === 'VERIFIED');
    const rows = await csvRows(await fetch(`${base}/exports/cities/makati/values/2016.csv`));
    expect(rows.map((r) => [r.indicatorId, r.unit, Number(r.value), r.status])).toEqual(
      verified.map((v: any) => [v.indicator.id, v.indicator.unit, v.value, 'VERIFIED']),
    );
    const json = (await (await fetch(`${base}/exports/cities/makati/values/2016.json`)).json()) as { value: number }[];
    expect(json.map((r: any) => r.value)).toEqual(verified.map((v: any) => v.value));
  });

  test('the same rules as GraphQL: unknown city 404, bad year 400, bad token 401', async () => {
    expect((await fetch(`${base}/exports/cities/atlantis/values/2016.csv`)).status).toBe(404);
    const badYear = await fetch(`${base}/exports/cities/makati/values/1850.json`);
    expect(badYear.status).toBe(400);
    expect((await asJson(badYear)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${base}/exports/registry.csv`, { headers: { authorization: 'Bearer not.a.token' } })).status).toBe(401);
  });
});

describe('CSV upload of a year of indicator values', () => {
  const url = () => `${base}/imports/cities/suwon/values/2016`;
  const REPORT = '{ city(id: "suwon") { indicatorReport(year: 2016) { version values { indicator { id } value status source note } } } }';
  let officer: string;
  beforeAll(async () => {
    officer = await tokenFor('CITY_OFFICER', { cityId: 'suwon', sub: 'suwon-officer' });
  });
  const report = async () => {
    const { data, errors } = await t.query(REPORT, {}, { token: officer });
    expect(errors).toBeUndefined();
    return data.city.indicatorReport;
  };
  const upload = (body: string, token: string | null = officer, query = '') =>
    fetch(url() + query, { method: 'POST', headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

  test('bad rows: nothing is imported, and every bad row is reported with its line and reason', async () => {
    const before = await report();
    const csv = [
      'id,value,source,note',
      '5.1,7.5,Labour force survey,',
      '5.2,abc,,', // line 3: not a number
      '99.9,1,,', // line 4: unknown indicator
      '6.1,120,,', // line 5: a percentage above 100
      '5.6,-3,,', // line 6: negative
      '16.4,60,,',
      '16.5,60,,', // lines 7-8: disposal shares over 100 together
      '7.1,12,Utility,metered',
    ].join('\n');
    const response = await upload(csv, officer, `?expectedVersion=${before.version}`);
    expect(response.status).toBe(400);
    const body = await asJson(response);
    expect(body.imported).toBe(false);
    expect(body.rejected.map((r: any) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(body.rejected[0].problem).toMatch(/not a number/);
    expect(body.rejected[1].problem).toMatch(/not an indicator/);
    expect(body.rejected[2].problem).toMatch(/between 0 and 100/);
    expect(body.rejected[3].problem).toMatch(/negative/);
    expect(body.rejected[4].problem).toMatch(/shares of one whole/);
    expect(await report()).toEqual(before); // stored data exactly as it was
  });

  test('all rows good: imported as DRAFT values, with source and note', async () => {
    const before = await report();
    const csv = 'id,value,source,note\n5.1,7.5,Labour force survey,2016 estimate\n7.1,12.25,Utility,\n';
    const response = await upload(csv, officer, `?expectedVersion=${before.version}`);
    expect(response.status).toBe(200);
    const body = await asJson(response);
    expect(body).toMatchObject({ imported: true, rows: 2, report: { version: before.version + 1 } });
    const after = await report();
    expect(after.values.find((v: any) => v.indicator.id === '5.1')).toMatchObject({
      value: 7.5,
      status: 'DRAFT',
      source: 'Labour force survey',
      note: '2016 estimate',
    });
    expect(after.values.find((v: any) => v.indicator.id === '7.1')).toMatchObject({ value: 12.25, status: 'DRAFT' });
  });

  test("a stale version is 409; another city's officer 403; no token 401; not CSV 415; too big 413", async () => {
    expect((await upload('id,value\n5.1,8\n', officer, '?expectedVersion=0')).status).toBe(409);
    const other = await tokenFor('CITY_OFFICER', { cityId: 'makati' });
    expect((await upload('id,value\n5.1,8\n', other)).status).toBe(403);
    expect((await upload('id,value\n5.1,8\n', null)).status).toBe(401);
    const json = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` }, body: '{}' });
    expect(json.status).toBe(415);
    expect((await upload(`id,value\n${'5.1,8\n'.repeat(200_000)}`)).status).toBe(413);
  });

  test('a file without the id and value columns is refused with the header named', async () => {
    const response = await upload('indicator;amount\n5.1;8\n');
    expect(response.status).toBe(400);
    expect((await asJson(response)).rejected[0]).toMatchObject({ line: 1, problem: expect.stringMatching(/missing: id, value/) });
  });
});
