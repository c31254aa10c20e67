/**
 * The pure rules behind peer analytics, series and consistency warnings (subgraphs/indicators/domain),
 * on small hand-made cases where the right answer is plain.
 */
import { checkRule, type ConsistencyRule } from '../subgraphs/indicators/domain/consistency';
import { bestFirst, groupOf, incomeGroupOf, peersOf, populationBand, standing } from '../subgraphs/indicators/domain/peers';
import { seriesPoints } from '../subgraphs/indicators/domain/series';

describe('standing among peers (the city never among them)', () => {
  const peers = [2, 4, 4, 6, 8];

  test('LOWER is better: rank 1 is the lowest value; percentile is the share of peers the city beats, ties half', () => {
    // 3 beats 4, 4, 6, 8 and is beaten by 2: rank 2 of 6, percentile 80.
    expect(standing('LOWER', 3, peers)).toEqual({ peerCount: 5, rank: 2, percentile: 80, median: 4, min: 2, max: 8 });
    // A tie with two peers: they count half each (beats 6 and 8, ties 4 and 4: 3 of 5); the rank is shared (the better one).
    expect(standing('LOWER', 4, peers)).toMatchObject({ rank: 2, percentile: 60 });
    expect(standing('LOWER', 1, peers)).toMatchObject({ rank: 1, percentile: 100 });
    expect(standing('LOWER', 9, peers)).toMatchObject({ rank: 6, percentile: 0 });
  });

  test('HIGHER is better: the mirror image', () => {
    expect(standing('HIGHER', 3, peers)).toMatchObject({ rank: 5, percentile: 20 });
    expect(standing('HIGHER', 9, peers)).toMatchObject({ rank: 1, percentile: 100 });
  });

  test('no rank without a direction, a value of its own, or peers; statistics are of the peers only', () => {
    expect(standing('NEITHER', 3, peers)).toEqual({ peerCount: 5, rank: null, percentile: null, median: 4, min: 2, max: 8 });
    expect(standing('LOWER', null, peers)).toMatchObject({ rank: null, percentile: null, median: 4 });
    expect(standing('LOWER', 3, [])).toEqual({ peerCount: 0, rank: null, percentile: null, median: null, min: null, max: null });
    // The city's own value never moves the median: 100 among [1, 2] would make it 2.
    expect(standing('HIGHER', 100, [1, 2]).median).toBe(1.5);
  });

  test('peers are listed best first; by value for NEITHER; ties by city', () => {
    const values = [
      { cityId: 'b', value: 5 },
      { cityId: 'a', value: 5 },
      { cityId: 'c', value: 1 },
    ];
    expect(bestFirst('LOWER', values).map((v) => v.cityId)).toEqual(['c', 'a', 'b']);
    expect(bestFirst('HIGHER', values).map((v) => v.cityId)).toEqual(['a', 'b', 'c']);
    expect(bestFirst('NEITHER', values).map((v) => v.cityId)).toEqual(['c', 'a', 'b']);
  });
});

describe('peer groups', () => {
  const cities = [
    { id: 'makati', country: 'PH', region: 'SOUTH_EAST_ASIA', population: 629_616 },
    { id: 'iloilo', country: 'PH', region: 'SOUTH_EAST_ASIA', population: 457_626 },
    { id: 'colombo', country: 'LK', region: 'SOUTH_ASIA', population: 752_993 },
    { id: 'toronto', country: 'CA', region: 'NORTH_AMERICA', population: 2_794_356 },
    { id: 'nowhere', country: 'ZZ', region: 'OCEANIA', population: null },
  ];
  test('region, population band, income group (World Bank FY2017, data); the city itself is never a peer', () => {
    const [makati] = cities;
    expect(peersOf(makati, cities, 'REGION').map((c) => c.id)).toEqual(['iloilo']);
    expect(peersOf(makati, cities, 'POPULATION_BAND').map((c) => c.id)).toEqual(['colombo']);
    expect(peersOf(makati, cities, 'INCOME_GROUP').map((c) => c.id)).toEqual(['iloilo', 'colombo']);
    expect(peersOf(makati, cities, 'ALL').map((c) => c.id)).toEqual(['iloilo', 'colombo', 'toronto', 'nowhere']);
    expect(groupOf(makati, 'INCOME_GROUP')).toEqual({ key: 'LOWER_MIDDLE', label: 'Lower middle income', source: expect.stringMatching(/World Bank.*FY2017/) });
    expect([incomeGroupOf('NP'), incomeGroupOf('KR'), incomeGroupOf('TW'), incomeGroupOf('ZZ')]).toEqual(['LOW', 'HIGH', 'HIGH', null]);
  });

  test('a city that cannot be placed has no group and no peers (never everyone)', () => {
    const nowhere = cities[4];
    expect(groupOf(nowhere, 'POPULATION_BAND')).toBeNull();
    expect(groupOf(nowhere, 'INCOME_GROUP')).toBeNull();
    expect(peersOf(nowhere, cities, 'INCOME_GROUP')).toEqual([]);
    expect([499_999, 500_000, 999_999, 1_000_000, 5_000_000].map((p) => populationBand(p)!.id)).toEqual([
      'under-500k',
      '500k-1m',
      '500k-1m',
      '1m-5m',
      '5m-plus',
    ]);
  });
});

describe('series points', () => {
  const byYear = new Map([
    [2014, { value: 10, status: 'VERIFIED' as const }],
    [2015, { value: 8, status: 'VERIFIED' as const }],
    [2016, { value: 8, status: 'DRAFT' as const }],
    [2018, { value: 0.3, status: 'VERIFIED' as const }],
  ]);
  test('the change from the previous data year, its percentage and its trend by direction; none across a gap', () => {
    expect(seriesPoints('LOWER', [2015, 2016, 2017, 2018], byYear)).toEqual([
      { year: 2015, value: 8, status: 'VERIFIED', change: -2, changePercent: -20, trend: 'IMPROVED' },
      { year: 2016, value: 8, status: 'DRAFT', change: 0, changePercent: 0, trend: 'UNCHANGED' },
      { year: 2018, value: 0.3, status: 'VERIFIED', change: null, changePercent: null, trend: null },
    ]);
    expect(seriesPoints('HIGHER', [2015], byYear)[0].trend).toBe('WORSENED');
    expect(seriesPoints('NEITHER', [2015, 2016], byYear).map((p) => p.trend)).toEqual([null, 'UNCHANGED']);
  });
});

describe('consistency rules', () => {
  const rule = (r: Partial<ConsistencyRule>): ConsistencyRule => ({
    id: 'r',
    kind: 'AT_MOST',
    severity: 'WARNING',
    indicators: [],
    limit: null,
    tolerance: 0,
    min: null,
    max: null,
    description: 'd',
    ...r,
  });
  const values = (o: Record<string, number>) => new Map(Object.entries(o));

  test('shares of one whole: checked once two parts are there; 100.0000001 is still 100', () => {
    const shares = rule({ kind: 'SUM_AT_MOST', indicators: ['a', 'b', 'c'], limit: 100 });
    expect(checkRule(shares, values({ a: 60 }))).toEqual([]);
    expect(checkRule(shares, values({ a: 60, b: 40.0000000001 }))).toEqual([]);
    expect(checkRule(shares, values({ a: 60, c: 41 }))[0].message).toBe('a + c = 101, more than 100');
  });

  test('a part at most its total; between two bounds within a tolerance; whole numbers; plausible ranges', () => {
    expect(checkRule(rule({ indicators: ['part', 'total'] }), values({ part: 3, total: 2 }))[0].values).toEqual([
      { indicatorId: 'part', value: 3 },
      { indicatorId: 'total', value: 2 },
    ]);
    expect(checkRule(rule({ indicators: ['part', 'total'] }), values({ part: 2, total: 2 }))).toEqual([]);
    const between = rule({ kind: 'BETWEEN', indicators: ['all', 'f', 'm'], tolerance: 1 });
    expect(checkRule(between, values({ all: 91, f: 80, m: 90 }))).toEqual([]);
    expect(checkRule(between, values({ all: 91.5, f: 80, m: 90 }))).toHaveLength(1);
    expect(checkRule(between, values({ all: 78.9, f: 80, m: 90 }))).toHaveLength(1);
    expect(checkRule(rule({ kind: 'INTEGER', indicators: ['n'] }), values({ n: 2.5 }))[0].message).toBe('n = 2.5 is not a whole number');
    expect(checkRule(rule({ kind: 'RANGE', indicators: ['u'], min: 0, max: 35 }), values({ u: 55.98 }))[0].message).toBe('u = 55.98 is outside 0–35');
  });
});
