/**
 * Keyset pagination (lib/graphql/keyset.ts) on the real test database: paging through a list while
 * rows are inserted and removed between pages neither skips nor repeats a row that was there all
 * along; cursors of another list or tampered cursors are refused naming `after`.
 */
import type { Collection } from 'mongodb';
import { openTestMongo, type TestMongo } from './support/mongo';
import {
  keysetFilter,
  keysetSort,
  resolveKeysetPage,
  toKeysetConnection,
  isAfter,
  compareKeyset,
  encodeKeysetCursor,
  type KeysetSpec,
} from '../lib/graphql/keyset';

interface Row {
  _id: string;
  level: number;
  name: string;
  at: Date;
}

const SPEC: KeysetSpec<Row> = {
  name: 'rows',
  keys: [
    { field: 'level', direction: -1 },
    { field: 'name', direction: 1 },
    { field: 'at', direction: 1 },
  ],
  valuesOf: (r) => [r.level, r.name, r.at],
  idOf: (r) => r._id,
};

let mongo: TestMongo;
let rows: Collection<Row>;
beforeAll(async () => {
  mongo = await openTestMongo();
  rows = mongo.client.db(`${mongo.prefix}keyset`).collection<Row>('rows');
  const docs: Row[] = [];
  for (let i = 0; i < 40; i++)
    docs.push({ _id: `r${String(i).padStart(2, '0')}`, level: i % 4, name: `n${i % 7}`, at: new Date(Date.UTC(2026, 0, 1 + (i % 3))) });
  await rows.insertMany(docs);
});
afterAll(async () => {
  await mongo?.cleanup();
});

async function page(after?: string) {
  const p = resolveKeysetPage(SPEC, { first: 6, after }, 20, 100);
  const found = await rows
    .find(keysetFilter(SPEC, p))
    .sort(keysetSort(SPEC))
    .limit(p.limit + 1)
    .toArray();
  return toKeysetConnection(SPEC, found, p, await rows.countDocuments());
}

test('inserting and removing rows between pages neither skips nor repeats the rows that stay', async () => {
  const original = (await rows.find().sort(keysetSort(SPEC)).toArray()).map((r) => r._id);
  const seen: string[] = [];
  let after: string | undefined;
  for (let n = 0; ; n++) {
    const connection = await page(after);
    seen.push(...connection.edges.map((e) => e.node._id));
    // Changes between pages: a row before the position, one after it, and a removal ahead.
    await rows.insertOne({ _id: `new-before-${n}`, level: 9, name: 'a', at: new Date(0) });
    await rows.insertOne({ _id: `new-after-${n}`, level: -1, name: 'z', at: new Date(0) });
    if (n === 1) await rows.deleteOne({ _id: original.at(-1)! });
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor!;
  }
  const stayed = original.slice(0, -1);
  const listed = seen.filter((id) => !id.startsWith('new-'));
  expect(listed).toEqual(stayed);
  expect(new Set(seen).size).toBe(seen.length);
});

test('in-memory order and filter agree with the database', async () => {
  const all = await rows.find().toArray();
  const sorted = [...all].sort((a, b) => compareKeyset(SPEC, a, b)).map((r) => r._id);
  expect(sorted).toEqual((await rows.find().sort(keysetSort(SPEC)).toArray()).map((r) => r._id));
  const middle = all.find((r) => r._id === sorted[10])!;
  const p = resolveKeysetPage(SPEC, { first: 5, after: encodeKeysetCursor('rows', SPEC.valuesOf(middle), middle._id) }, 20, 100);
  expect(
    all
      .filter((r) => isAfter(SPEC, p, r))
      .map((r) => r._id)
      .sort(),
  ).toEqual([...sorted.slice(11)].sort());
});

test.each([
  ['another list', encodeKeysetCursor('cities', [1, 'a', new Date(0)], 'x')],
  ['a wrong number of keys', encodeKeysetCursor('rows', [1], 'x')],
  ['not base64url', 'abc$%'],
  ['not JSON', Buffer.from('{oops').toString('base64url')],
  ['an old offset cursor', Buffer.from('offset:4').toString('base64url')],
])('a cursor of %s is refused naming after', (_name, cursor) => {
  expect(() => resolveKeysetPage(SPEC, { first: 5, after: cursor }, 20, 100)).toThrow(
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
  );
});
