/**
 * Entity fetches ask for each distinct entity once (gateway/execution/representations.ts): the same
 * place reached at several positions of a list is sent to the subgraph once, and its answer and its
 * errors come back at every position.
 */
import { distinctRepresentations, expandEntities } from '../../gateway/execution/representations';
import { startMiniFederation, type MiniFederation } from '../cache/mini-federation';

describe('through the gateway', () => {
  let f: MiniFederation;
  beforeAll(async () => {
    // The cache off: every entity goes to the subgraph.
    f = await startMiniFederation({ cache: { enabled: false } });
  });
  afterAll(async () => {
    await f?.stop();
  });

  test('a list holding the same entities several times: each is fetched once, answered at every position, its errors too', async () => {
    f.received.length = 0;
    const { body } = await f.post('{ repeated { id name score fragile } }');
    expect(body.data).toEqual({
      repeated: [
        { id: 'p1', name: 'Alpha', score: 10, fragile: 1 },
        { id: 'p3', name: 'Gamma', score: 30, fragile: null },
        { id: 'p1', name: 'Alpha', score: 10, fragile: 1 },
        { id: 'p3', name: 'Gamma', score: 30, fragile: null },
        { id: 'p2', name: 'Beta', score: 20, fragile: 1 },
      ],
    });
    // p3's error at both of its positions, with its code.
    expect(body.errors.map((e: any) => [e.message, e.path, e.extensions.code])).toEqual([
      ['p3 is fragile', ['repeated', 1, 'fragile'], 'CONFLICT'],
      ['p3 is fragile', ['repeated', 3, 'fragile'], 'CONFLICT'],
    ]);
    const stats = f.received.filter((r) => r.subgraph === 'stats');
    expect(stats).toHaveLength(1);
    expect(stats[0].representations).toEqual([
      { __typename: 'Place', id: 'p1' },
      { __typename: 'Place', id: 'p3' },
      { __typename: 'Place', id: 'p2' },
    ]);
  });
});

describe('distinct representations', () => {
  const ask = (ids: string[], extra: Record<string, unknown> = {}) => ({ ...extra, representations: ids.map((id) => ({ __typename: 'Place', id })) });

  test('nothing to save: the variables are left as they are', () => {
    expect(distinctRepresentations(ask(['a', 'b', 'c']))).toBeUndefined();
    expect(distinctRepresentations(ask(['a']))).toBeUndefined();
    expect(distinctRepresentations({ year: 2020 })).toBeUndefined();
    expect(distinctRepresentations(undefined)).toBeUndefined();
  });

  test('repeats are asked once; the other variables stay', () => {
    const asked = distinctRepresentations(ask(['a', 'b', 'a', 'a', 'c', 'b'], { year: 2020 }))!;
    expect(asked.variables).toEqual({ year: 2020, ...ask(['a', 'b', 'c']) });
    expect(asked.positions).toEqual([0, 1, 0, 0, 2, 1]);
    expect(asked.distinct).toBe(3);
  });

  test('the answer is expanded to every position; entity errors follow their entity', () => {
    const asked = distinctRepresentations(ask(['a', 'b', 'a', 'c']))!;
    const response = expandEntities(
      {
        data: { _entities: [{ id: 'a', tags: ['x'], nested: { n: 1 } }, null, { id: 'c' }] },
        errors: [{ message: 'b is gone', path: ['_entities', 1] }, { message: 'a.tags failed', path: ['_entities', 0, 'tags', 0] }, { message: 'no path' }],
      },
      asked,
    );
    const entities = response.data!._entities as any[];
    expect(entities).toEqual([{ id: 'a', tags: ['x'], nested: { n: 1 } }, null, { id: 'a', tags: ['x'], nested: { n: 1 } }, { id: 'c' }]);
    expect(response.errors).toEqual([
      { message: 'b is gone', path: ['_entities', 1] },
      { message: 'a.tags failed', path: ['_entities', 0, 'tags', 0] },
      { message: 'a.tags failed', path: ['_entities', 2, 'tags', 0] },
      { message: 'no path' },
    ]);
  });

  test('an answer of another length is passed on as it came (the gateway reports it), its entity errors still placed', () => {
    const asked = distinctRepresentations(ask(['a', 'a', 'b']))!;
    const short = { data: { _entities: [{ id: 'a' }] } };
    expect(expandEntities(short, asked)).toBe(short);
    const failed = expandEntities({ data: null, errors: [{ message: 'down', path: ['_entities', 0] }] }, asked);
    expect(failed).toEqual({
      data: null,
      errors: [
        { message: 'down', path: ['_entities', 0] },
        { message: 'down', path: ['_entities', 1] },
      ],
    });
  });
});
