/**
 * The level colours of the dashboard (web/src/palette.ts) for every analyst, colour-blind ones included:
 * each badge's label is readable on its colour (WCAG 2 AA), and every two levels stay clearly apart
 * under normal vision and simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009,
 * complete deficiencies), measured with CIEDE2000. The colour maths (web/src/colour.ts) is checked
 * against published reference values first.
 */
import { contrast, deltaE2000, deltaE2000Lab, lab, luminance, simulate, VISIONS } from '../../web/src/colour';
import { BAR_OUTLINE, CARD, LEVEL_COLOURS } from '../../web/src/palette';
import type { Level } from '../../web/src/types';

/** Clearly different as small marks (a badge, a bar), not merely noticeable (about 2.3). */
const MIN_DELTA_E = 15;
/** Badge labels are small (0.8rem, bold): the AA contrast for normal text. */
const MIN_TEXT_CONTRAST = 4.5;

const LEVELS = Object.keys(LEVEL_COLOURS) as Level[];
const pairs = LEVELS.flatMap((a, i) => LEVELS.slice(i + 1).map((b) => [a, b] as const));

/** The smallest difference between two of `fills` under one kind of vision, and which pair. */
function closest(fills: Record<string, string>, vision: (typeof VISIONS)[number]): { delta: number; pair: string } {
  const names = Object.keys(fills);
  let best = { delta: Infinity, pair: '' };
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const delta = deltaE2000(simulate(fills[names[i]], vision), simulate(fills[names[j]], vision));
      if (delta < best.delta) best = { delta, pair: `${names[i]}/${names[j]}` };
    }
  }
  return best;
}

describe('the colour maths', () => {
  test('CIEDE2000 gives the values of Sharma, Wu and Dalal (2005), table 1', () => {
    const cases: [number[], number[], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [61, -5, 29], 22.8977],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
    ];
    for (const [a, b, expected] of cases) expect(deltaE2000Lab(a, b)).toBeCloseTo(expected, 4);
  });

  test('CIELAB of white, black and sRGB red; WCAG contrast and luminance', () => {
    lab('#ffffff').forEach((v, i) => {
      expect(v).toBeCloseTo([100, 0, 0][i], 2);
    });
    lab('#000000').forEach((v) => {
      expect(v).toBeCloseTo(0, 6);
    });
    const [L, a, b] = lab('#ff0000');
    expect([L, a, b].map((v) => Math.round(v * 10) / 10)).toEqual([53.2, 80.1, 67.2]);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
    // The WCAG example: #767676 on white is just above 4.5:1.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
  });

  test('the simulations keep neutral greys and confuse what each deficiency confuses', () => {
    for (const vision of VISIONS) {
      for (const grey of ['#ffffff', '#808080', '#000000']) expect(deltaE2000(simulate(grey, vision), grey)).toBeLessThan(1);
    }
    // Colour pairs far apart for normal vision that each deficiency all but merges.
    const confused: [(typeof VISIONS)[number], string, string, number][] = [
      ['protanopia', '#fc3017', '#436f0b', 2], // a bright red and an olive green
      ['deuteranopia', '#ee6c46', '#31ba33', 2], // an orange-red and a green
      ['tritanopia', '#3a6586', '#26761e', 10], // a steel blue and a green
    ];
    for (const [vision, a, b, within] of confused) {
      expect(deltaE2000(a, b)).toBeGreaterThan(40);
      expect(deltaE2000(simulate(a, vision), simulate(b, vision))).toBeLessThan(within);
    }
  });

  test('the check fails the old palette, whose Platinum and Silver were near-identical greys', () => {
    const old = { PLATINUM: '#5b6b7a', GOLD: '#9a6f00', SILVER: '#6b7078', BRONZE: '#8b4513', ASPIRATIONAL: '#2f7d6d' };
    expect(closest(old, 'normal')).toMatchObject({ pair: 'PLATINUM/SILVER' });
    expect(closest(old, 'normal').delta).toBeLessThan(MIN_DELTA_E);
    for (const vision of VISIONS.slice(1)) expect(closest(old, vision).delta).toBeLessThan(MIN_DELTA_E);
  });
});

describe('the level colours', () => {
  test.each(LEVELS)('%s: the badge label reaches WCAG AA contrast on its colour', (level) => {
    const { fill, text } = LEVEL_COLOURS[level];
    expect(contrast(text, fill)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  test.each(VISIONS)('every two levels stay at least 15 CIEDE2000 apart (%s)', (vision) => {
    for (const [a, b] of pairs) {
      const delta = deltaE2000(simulate(LEVEL_COLOURS[a].fill, vision), simulate(LEVEL_COLOURS[b].fill, vision));
      expect([`${a}/${b}`, delta >= MIN_DELTA_E, Math.round(delta)]).toEqual([`${a}/${b}`, true, expect.any(Number)]);
    }
  });

  test('bars are outlined in a colour that stands out from the card (3:1 for graphics)', () => {
    expect(contrast(BAR_OUTLINE, CARD)).toBeGreaterThanOrEqual(3);
  });
});
