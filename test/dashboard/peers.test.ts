import { ordinal, populationBand, standing } from '../../web/src/peers';

describe('peer standing (the dashboard computes it in the browser)', () => {
  test('rank counts the peers above (1 = highest value); percentile counts those below, ties half', () => {
    // 11 peers, the city's value 7 has 3 above it and 7 below.
    const peers = [1, 2, 3, 4, 5, 6, 6.5, 7, 8, 9, 10];
    expect(standing(7, peers)).toEqual({ count: 11, rank: 4, percentile: Math.round((100 * 7.5) / 11), median: 6, min: 1, max: 10 });
  });

  test('ties share the better rank; the only value is rank 1/1 at the 50th percentile', () => {
    expect(standing(5, [5, 5, 3])).toMatchObject({ rank: 1, count: 3, percentile: 67, median: 5 });
    expect(standing(4, [4])).toMatchObject({ rank: 1, count: 1, percentile: 50 });
  });

  test('no value of its own: no standing', () => {
    expect(standing(undefined, [1, 2])).toBeNull();
    expect(standing(3, [])).toBeNull();
  });

  test('population bands and ordinals', () => {
    expect(populationBand(629_616)?.label).toBe('500 000 – 1 million');
    expect(populationBand(1_000_000)?.label).toBe('1 – 5 million');
    expect(populationBand(null)).toBeUndefined();
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 100].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '100th']);
  });
});
