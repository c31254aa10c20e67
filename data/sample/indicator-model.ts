/**
 * The generation model of the sample values: one entry per ISO 37120:2014 indicator, saying how a
 * plausible value is drawn for a city of a given size, region and country income group (World Bank
 * FY2017, subgraphs/indicators/domain/peer-groups.json), and how it relates to other indicators.
 *
 * The values are illustrative, not any city's real figures: the bands are typical of cities of each
 * income group (orders of magnitude from WHO, ILO, UNESCO, UN-Habitat and the World Bank's development
 * indicators), wide enough to differ between cities, narrow enough that nothing absurd comes out.
 * The relations the catalogue states as consistency rules (data/catalogues, `consistencyRules`) hold
 * by construction: a part is drawn as a fraction of its total, shares of a whole are drawn together,
 * overall enrolment is a weighted mean of female and male enrolment. test/sample-data.test.ts checks
 * the generated data against every rule and 10 sentinel indicators against realistic ranges.
 */
import type { CityDoc } from './types';

export type IncomeGroup = 'HIGH' | 'UPPER_MIDDLE' | 'LOWER_MIDDLE' | 'LOW';
export type Region = CityDoc['region'];
export type Band = readonly [number, number];
export type ByIncome = Readonly<Record<IncomeGroup, Band>>;

/** Bands per income group: high, upper middle, lower middle, low. */
export const by = (high: Band, upperMiddle: Band, lowerMiddle: Band, low: Band): ByIncome => ({
  HIGH: high,
  UPPER_MIDDLE: upperMiddle,
  LOWER_MIDDLE: lowerMiddle,
  LOW: low,
});
/** The same band whatever the income group. */
export const any = (band: Band): ByIncome => by(band, band, band, band);

export type IndicatorModel =
  /**
   * Drawn within the income group's band: where in the band follows the city's latent performance
   * (in the indicator's better direction) mixed with noise; `size` is the elasticity to population
   * (value × (population / 1 million)^size); `skew` > 1 puts most cities near the low end (rare events);
   * `region` overrides the band for a region; `absentBelow` gives 0 to smaller cities with a probability.
   */
  | {
      kind: 'band';
      band: ByIncome;
      size?: number;
      skew?: number;
      region?: Partial<Record<Region, ByIncome>>;
      absentBelow?: { population: number; probability: number };
    }
  /** A fraction (or multiple) of another indicator of the same year: value = parent × factor. */
  | { kind: 'times'; of: string; factor: ByIncome; cap?: number }
  /** Another percentage plus a gap: value = parent + gap (clamped to 0–100). */
  | { kind: 'plus'; of: string; gap: Band }
  /** A larger share than another: value = parent + (100 − parent) × factor. */
  | { kind: 'towards100'; of: string; factor: ByIncome }
  /** Drawn in a band, and at least a multiple of another indicator (a total at least its part). */
  | { kind: 'atLeastTimes'; of: string; factor: Band; band: ByIncome; size?: number }
  /** A weighted mean of two others: value = w × a + (1 − w) × b. */
  | { kind: 'weighted'; of: readonly [string, string]; weight: Band }
  /** Part of a group of shares of one whole, drawn together (see SHARE_MODELS). */
  | { kind: 'share'; group: keyof typeof SHARE_MODELS }
  /** Elected officials: a whole number that grows slowly with population, per 100 000 residents. */
  | { kind: 'officials' }
  /** Non-stop air destinations: a whole number that grows with population and income. */
  | { kind: 'destinations' };

const band = (b: ByIncome, extra: Omit<Extract<IndicatorModel, { kind: 'band' }>, 'kind' | 'band'> = {}): IndicatorModel => ({
  kind: 'band',
  band: b,
  ...extra,
});

export const INDICATOR_MODELS: Readonly<Record<string, IndicatorModel>> = {
  // Economy
  '5.1': band(by([3, 9], [3, 8], [2.5, 8], [3, 10])),
  '5.2': band(any([20, 55])),
  '5.3': band(by([5, 15], [2, 12], [5, 25], [15, 35])),
  '5.4': band(by([45, 65], [40, 60], [35, 55], [30, 50])),
  // ILO: youth unemployment runs at about 2–3 times the overall rate.
  '5.5': { kind: 'times', of: '5.1', factor: any([1.6, 3]), cap: 60 },
  '5.6': band(by([3000, 7000], [1500, 5000], [800, 3500], [400, 2000])),
  '5.7': band(by([20, 150], [3, 40], [0.2, 5], [0.02, 1]), { size: 0.15 }),
  // Education
  '6.1': band(by([95, 99.5], [88, 98], [80, 96], [70, 92])),
  '6.2': band(by([97, 99.8], [90, 99], [80, 97], [65, 90])),
  '6.3': { kind: 'times', of: '6.2', factor: by([0.9, 0.99], [0.8, 0.97], [0.72, 0.95], [0.6, 0.9]) },
  '6.4': band(by([11, 18], [15, 22], [20, 35], [28, 45])),
  '6.5': { kind: 'plus', of: '6.1', gap: [-4, 3] },
  '6.6': { kind: 'weighted', of: ['6.1', '6.5'], weight: [0.47, 0.5] },
  '6.7': band(by([20000, 40000], [10000, 25000], [6000, 18000], [2000, 8000])),
  // Energy
  '7.1': band(by([1500, 3500], [500, 1500], [150, 700], [60, 250])),
  '7.2': band(by([99.5, 100], [97, 100], [88, 100], [70, 97])),
  '7.3': band(by([150, 300], [120, 280], [80, 220], [60, 180])),
  '7.4': band(any([2, 40])),
  // Households use 30–50 % of a city's electricity.
  '7.5': { kind: 'times', of: '7.1', factor: any([2, 3.5]) },
  '7.6': band(by([0.2, 1.5], [0.5, 4], [2, 15], [8, 40])),
  '7.7': band(by([0.5, 2], [0.5, 3], [1, 5], [2, 8])),
  // Environment (WHO urban air quality database: orders of magnitude by income and size)
  '8.1': band(by([6, 25], [20, 60], [15, 80], [30, 90]), { size: 0.08 }),
  // PM2.5 is 45–70 % of PM10.
  '8.2': { kind: 'times', of: '8.1', factor: any([1.45, 2.2]) },
  '8.3': band(by([4, 12], [3, 9], [0.8, 3.5], [0.2, 1.2])),
  '8.4': band(by([15, 45], [15, 50], [10, 45], [10, 40]), { size: 0.12 }),
  '8.5': band(by([2, 10], [5, 30], [4, 25], [3, 20])),
  '8.6': band(any([20, 70])),
  '8.7': band(any([8, 40])),
  '8.8': band(by([-3, 2], [-5, 1], [-6, 1], [-8, 1])),
  // Finance
  '9.1': band(by([2, 12], [3, 15], [2, 18], [1, 15])),
  '9.2': band(by([10, 30], [15, 35], [15, 40], [10, 35])),
  '9.3': band(by([40, 80], [30, 70], [20, 60], [10, 40])),
  '9.4': band(by([93, 99.5], [80, 98], [60, 95], [45, 85])),
  // Fire and emergency response
  '10.1': band(by([60, 150], [20, 80], [5, 30], [2, 15]), { size: -0.05 }),
  '10.2': band(by([0.2, 1.2], [0.3, 1.5], [0.2, 2], [0.3, 3])),
  '10.3': band(by([0, 0.5], [0, 1], [0, 2], [0, 3]), { skew: 3 }),
  '10.4': band(by([0, 60], [0, 40], [0, 30], [0, 20]), { skew: 1.5 }),
  '10.5': band(by([5, 10], [7, 15], [8, 20], [10, 30])),
  '10.6': band(by([4, 8], [6, 12], [7, 16], [10, 25])),
  // Governance
  '11.1': band(any([35, 80])),
  '11.2': band(by([15, 45], [10, 35], [10, 35], [10, 40])),
  '11.3': band(any([30, 60])),
  '11.4': band(any([0, 2]), { skew: 2.5 }),
  '11.5': { kind: 'officials' },
  '11.6': band(by([85, 98], [75, 95], [70, 95], [65, 90])),
  // Health (WHO)
  '12.1': band(by([80, 85], [74, 79], [67, 75], [63, 71])),
  '12.2': band(by([300, 1300], [200, 600], [80, 300], [30, 150])),
  '12.3': band(by([200, 400], [100, 250], [40, 150], [10, 60])),
  '12.4': band(by([2, 5], [6, 18], [15, 45], [30, 60])),
  '12.5': band(by([700, 1300], [200, 600], [100, 400], [30, 200])),
  '12.6': band(by([10, 50], [2, 15], [0.3, 5], [0.1, 2])),
  '12.7': band(by([8, 25], [5, 15], [3, 15], [3, 12])),
  // Recreation
  '13.1': band(by([0.2, 1.5], [0.1, 0.8], [0.05, 0.4], [0.02, 0.2])),
  '13.2': band(by([5, 30], [3, 15], [1, 8], [0.5, 5]), { size: -0.1 }),
  // Safety (UNODC)
  '14.1': band(by([150, 300], [150, 400], [100, 350], [80, 250])),
  '14.2': band(by([0.3, 2.5], [1, 8], [2, 10], [2, 8])),
  '14.3': band(by([1000, 4000], [500, 3000], [200, 1500], [100, 1000]), { size: 0.05 }),
  '14.4': band(by([5, 15], [8, 20], [10, 30], [15, 40])),
  '14.5': { kind: 'atLeastTimes', of: '14.2', factor: [15, 40], band: by([200, 1200], [150, 900], [100, 700], [80, 500]), size: 0.05 },
  // Shelter (UN-Habitat)
  '15.1': band(by([0, 0.5], [0, 10], [5, 35], [10, 50])),
  '15.2': band(by([20, 300], [10, 150], [20, 400], [30, 500])),
  '15.3': band(by([0, 2], [2, 15], [10, 40], [20, 60])),
  // Solid waste (World Bank, What a Waste 2.0)
  '16.1': band(by([99, 100], [90, 100], [70, 98], [40, 85])),
  '16.2': band(by([0.35, 0.75], [0.25, 0.55], [0.15, 0.45], [0.1, 0.3])),
  '16.3': { kind: 'share', group: 'solidWaste' },
  '16.4': { kind: 'share', group: 'solidWaste' },
  '16.5': { kind: 'share', group: 'solidWaste' },
  '16.6': { kind: 'share', group: 'solidWaste' },
  '16.7': { kind: 'share', group: 'solidWaste' },
  '16.8': { kind: 'share', group: 'solidWaste' },
  '16.9': { kind: 'times', of: '16.2', factor: any([0.004, 0.05]) },
  '16.10': band(by([10, 50], [5, 30], [2, 20], [0, 10])),
  // Telecommunication (ITU)
  '17.1': band(by([25000, 45000], [10000, 30000], [2000, 10000], [200, 3000])),
  '17.2': band(by([110000, 150000], [100000, 150000], [80000, 140000], [60000, 120000])),
  '17.3': band(by([30000, 55000], [8000, 25000], [2000, 10000], [500, 3000])),
  // Transportation
  '18.1': band(by([1, 8], [0.5, 5], [0.2, 3], [0.1, 1]), { size: 0.1, absentBelow: { population: 1_000_000, probability: 0.7 } }),
  '18.2': band(by([50, 300], [20, 200], [10, 150], [5, 80]), { size: -0.1 }),
  '18.3': band(by([100, 500], [80, 300], [40, 250], [20, 150]), { size: 0.15 }),
  '18.4': band(by([0.25, 0.6], [0.1, 0.35], [0.03, 0.2], [0.01, 0.06])),
  '18.5': band(any([25, 80])),
  '18.6': band(by([0.02, 0.1], [0.05, 0.2], [0.1, 0.35], [0.05, 0.25]), {
    region: {
      SOUTH_EAST_ASIA: by([0.05, 0.2], [0.3, 0.6], [0.25, 0.7], [0.2, 0.5]),
      NORTH_AMERICA: any([0.005, 0.02]),
      WEST_ASIA: any([0.01, 0.05]),
      EUROPE: any([0.02, 0.08]),
    },
  }),
  '18.7': band(by([10, 80], [2, 30], [0.5, 10], [0.1, 5])),
  '18.8': band(by([1.5, 5], [5, 15], [5, 20], [8, 25])),
  '18.9': { kind: 'destinations' },
  // Urban planning
  '19.1': band(by([100, 500], [50, 300], [10, 150], [10, 100]), { size: -0.15 }),
  '19.2': band(any([50, 1500])),
  // Informal settlements cover a smaller share of the area than of the population (they are dense).
  '19.3': { kind: 'times', of: '15.1', factor: any([0.2, 0.6]) },
  '19.4': band(any([0.7, 2])),
  // Wastewater
  '20.1': band(by([90, 100], [60, 95], [10, 60], [2, 30])),
  '20.2': { kind: 'share', group: 'wastewater' },
  '20.3': { kind: 'share', group: 'wastewater' },
  '20.4': { kind: 'share', group: 'wastewater' },
  '20.5': { kind: 'share', group: 'wastewater' },
  // Water and sanitation (WHO/UNICEF JMP)
  '21.1': band(by([99, 100], [85, 100], [60, 95], [30, 80])),
  '21.2': { kind: 'towards100', of: '21.1', factor: any([0.3, 0.95]) },
  // A sewer connection is improved sanitation; so are septic tanks and improved latrines.
  '21.3': { kind: 'towards100', of: '20.1', factor: by([0.5, 0.95], [0.4, 0.9], [0.3, 0.85], [0.2, 0.6]) },
  '21.4': band(by([150, 300], [120, 250], [80, 200], [40, 120])),
  '21.5': { kind: 'times', of: '21.4', factor: any([1.25, 2.1]) },
  '21.6': band(by([0.5, 5], [2, 30], [10, 300], [50, 500])),
  '21.7': band(by([5, 20], [15, 35], [20, 50], [30, 60])),
};

/**
 * Groups of shares of one whole, drawn together so that they never add up to more than 100 %.
 * Solid waste: what is recycled (16.3) and how the rest is disposed of (16.4–16.8), weights by income
 * group (What a Waste 2.0: open dumping and burning in poorer cities, incineration in East Asia's
 * richer ones). Wastewater: what is treated follows what is collected (20.1); untreated is the rest.
 */
export const SHARE_MODELS = {
  solidWaste: {
    recycled: '16.3',
    recycledBand: by([15, 45], [5, 25], [3, 20], [1, 10]),
    /** Landfill, incinerator, burned openly, open dump, other means. */
    disposal: ['16.4', '16.5', '16.6', '16.7', '16.8'],
    weights: {
      HIGH: [
        [0.2, 0.9],
        [0.05, 0.9],
        [0, 0],
        [0, 0],
        [0, 0.1],
      ],
      UPPER_MIDDLE: [
        [0.5, 0.9],
        [0, 0.3],
        [0, 0.05],
        [0, 0.2],
        [0, 0.1],
      ],
      LOWER_MIDDLE: [
        [0.3, 0.8],
        [0, 0.05],
        [0.02, 0.15],
        [0.1, 0.5],
        [0, 0.1],
      ],
      LOW: [
        [0.1, 0.4],
        [0, 0.02],
        [0.1, 0.3],
        [0.3, 0.7],
        [0, 0.1],
      ],
    } as Record<IncomeGroup, Band[]>,
    /** East Asia's high-income cities burn most of what they do not recycle; North America's landfill it. */
    regionWeights: {
      EAST_ASIA: {
        HIGH: [
          [0.05, 0.3],
          [0.6, 1],
          [0, 0],
          [0, 0],
          [0, 0.05],
        ],
      },
      NORTH_AMERICA: {
        HIGH: [
          [0.7, 1],
          [0, 0.08],
          [0, 0],
          [0, 0],
          [0, 0.1],
        ],
      },
    } as Partial<Record<Region, Partial<Record<IncomeGroup, Band[]>>>>,
    /** Part of the waste not accounted for by any of the shares (percentage points). */
    unaccounted: [0.5, 5] as Band,
  },
  wastewater: {
    collected: '20.1',
    /** Share of the collected wastewater that is treated at all. */
    treatedOfCollected: by([0.95, 1], [0.6, 0.95], [0.3, 0.8], [0.1, 0.5]),
    none: '20.2',
    /** Primary, secondary, tertiary. */
    levels: ['20.3', '20.4', '20.5'],
    weights: {
      HIGH: [
        [0, 0.1],
        [0.3, 0.7],
        [0.3, 0.7],
      ],
      UPPER_MIDDLE: [
        [0.1, 0.4],
        [0.4, 0.8],
        [0, 0.3],
      ],
      LOWER_MIDDLE: [
        [0.3, 0.7],
        [0.2, 0.6],
        [0, 0.1],
      ],
      LOW: [
        [0.5, 0.9],
        [0.1, 0.4],
        [0, 0.05],
      ],
    } as Record<IncomeGroup, Band[]>,
    unaccounted: [0, 3] as Band,
  },
} as const;

/** Air destinations at 1 million residents by income group (scaled by population^0.55). */
export const DESTINATIONS_AT_1M: Record<IncomeGroup, number> = { HIGH: 45, UPPER_MIDDLE: 35, LOWER_MIDDLE: 25, LOW: 12 };
