/**
 * The city page's peer comparison: the dashboard ranks nothing itself any more; it shows the API's
 * `City.peerComparison` (ranked by each indicator's direction, the city never its own peer). These are
 * the pure helpers that word and tabulate that answer (web/src/peers.ts), and the check that the
 * comparison works where trusted documents are enforced (production), which the chart depends on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../gateway/trusted-documents/manifest';
import { PEER_CERTIFIED, PEER_CITIES } from '../../subgraphs/indicators/workflows/peers';
import { directionText, groupPhrase, headline, ordinal, paramOfPeerGroup, PEER_GROUPS, peerGroupOfParam, peerYears } from '../../web/src/peers';
import type { PeerStanding } from '../../web/src/types';

const unemployment: PeerStanding['indicator'] = {
  id: '5.1',
  name: "City's unemployment rate",
  unit: '%',
  theme: 'Economy',
  betterWhen: 'LOWER',
  betterWhenNote: null,
};

/** A standing as the API answers it (its peers best first). */
function standing(value: number | null, peers: [string, number][], rank: number | null, percentile: number | null, indicator = unemployment): PeerStanding {
  const values = peers.map(([, v]) => v).sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  return {
    indicator,
    value,
    peerCount: peers.length,
    rank,
    percentile,
    median: values.length ? (values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2) : null,
    min: values[0] ?? null,
    max: values[values.length - 1] ?? null,
    peers: peers.map(([id, v]) => ({ city: { id, name: id.toUpperCase() }, value: v })),
  };
}

describe('the peer table and headline, from the API answer', () => {
  test("rank out of the peers and the city, the API's percentile as an ordinal, the peers as dots", () => {
    const rows = peerYears(
      [2015, 2016],
      [
        standing(
          4.5,
          [
            ['a', 5],
            ['b', 6.5],
          ],
          1,
          100,
        ),
        standing(
          4.3,
          [
            ['c', 4.2],
            ['a', 4.7],
            ['b', 6],
            ['d', 6.2],
            ['e', 6.6],
          ],
          2,
          80,
        ),
      ],
    );
    expect(rows).toEqual([
      {
        year: 2015,
        own: 4.5,
        median: 5.75,
        peerCount: 2,
        rank: '1/3',
        percentile: '100th',
        peers: [
          { id: 'a', name: 'A', value: 5 },
          { id: 'b', name: 'B', value: 6.5 },
        ],
      },
      expect.objectContaining({ year: 2016, own: 4.3, median: 6, peerCount: 5, rank: '2/6', percentile: '80th' }),
    ]);
    expect(headline('Makati', unemployment, rows, 'South-East Asia peers')).toEqual({
      strong: '2016: rank 2 of 6',
      rest: ' among South-East Asia peers (lower is better) · 80th percentile',
    });
  });

  test('a year without an answer or without a value of its own has no rank; the headline takes the latest ranked year', () => {
    const rows = peerYears([2014, 2015, 2016], [null, standing(5, [['a', 6]], 1, 100), standing(null, [['a', 6]], null, null)]);
    expect(rows.map((r) => [r.year, r.own, r.rank, r.percentile])).toEqual([
      [2014, null, null, null],
      [2015, 5, '1/2', '100th'],
      [2016, null, null, null],
    ]);
    expect(headline('X', unemployment, rows, 'all other cities').strong).toBe('2015: rank 1 of 2');
  });

  test('percentiles are rounded (ties count half on the server)', () => {
    expect(
      peerYears(
        [2016],
        [
          standing(
            3,
            [
              ['a', 3],
              ['b', 4],
              ['c', 2],
            ],
            2,
            50,
          ),
        ],
      )[0].percentile,
    ).toBe('50th');
    expect(
      peerYears(
        [2016],
        [
          standing(
            3,
            [
              ['a', 3],
              ['b', 4],
              ['c', 5],
            ],
            1,
            83.33,
          ),
        ],
      )[0].percentile,
    ).toBe('83rd');
  });

  test('an indicator ranked neither way says why; no value at all says so', () => {
    const neither = {
      ...unemployment,
      id: '5.2',
      name: 'Commercial share',
      betterWhen: 'NEITHER' as const,
      betterWhenNote: 'Describes the structure of the local economy.',
    };
    const rows = peerYears(
      [2016],
      [
        standing(
          42.5,
          [
            ['a', 24.6],
            ['b', 31.3],
            ['c', 34.1],
          ],
          null,
          null,
          neither,
        ),
      ],
    );
    expect(headline('Makati', neither, rows, 'South-East Asia peers')).toEqual({
      strong: 'Not ranked',
      rest: ': for 5.2 Commercial share, neither higher nor lower is better, so it is not ranked (Describes the structure of the local economy.). 2016: Makati 42.5, the median of South-East Asia peers 31.3.',
    });
    const none = peerYears([2015, 2016], [standing(null, [['a', 1]], null, null), standing(null, [], null, null)]);
    expect(headline('Makati', unemployment, none, 'peers').rest).toBe(": Makati has no verified value for 5.1 City's unemployment rate in 2015, 2016.");
    const alone = peerYears([2016], [standing(4, [], null, null)]);
    expect(headline('Makati', unemployment, alone, 'South-East Asia peers').rest).toMatch(/none of South-East Asia peers has a verified value/);
  });

  test('directions, group phrases, the URL values of the peer groups, ordinals', () => {
    expect(['HIGHER', 'LOWER'].map((d) => directionText(d as 'HIGHER'))).toEqual(['higher is better', 'lower is better']);
    expect(groupPhrase('REGION', 'South-East Asia')).toBe('South-East Asia peers');
    expect(groupPhrase('POPULATION_BAND', '500 000 – 1 million')).toBe('peers of 500 000 – 1 million inhabitants');
    expect(groupPhrase('INCOME_GROUP', 'Lower middle income')).toBe('peers in lower middle income countries');
    expect(groupPhrase('ALL', null)).toBe('all other cities');
    for (const g of PEER_GROUPS) expect(peerGroupOfParam(paramOfPeerGroup(g.value))).toBe(g.value);
    expect(peerGroupOfParam(null)).toBe('REGION');
    expect(peerGroupOfParam('nonsense')).toBe('REGION');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 100].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '100th']);
  });
});

describe('the peer comparison works where trusted documents are enforced', () => {
  // The indicators subgraph reads the cities and the registry through the gateway without the caller's
  // token: the gateway runs those reads only because they are trusted documents, byte for byte.
  test.each([
    ['indicators-peer-cities.graphql', PEER_CITIES],
    ['indicators-peer-certified.graphql', PEER_CERTIFIED],
  ])('%s is the text the subgraph sends, and is in the manifest', (file, text) => {
    const dir = join(__dirname, '..', '..', 'trusted-documents');
    expect(readFileSync(join(dir, file), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).operations[sha256(text)]).toMatchObject({ file });
  });
});
