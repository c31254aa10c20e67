/**
 * Plausible sample values: every ISO 37120:2014 indicator of a city over the data years, drawn by the
 * generation model (data/sample/indicator-model.ts) for the city's size, region and country income
 * group. Reproducible: the same seed (and city) always gives the same values.
 *
 * How a value comes about:
 * - each city has a latent performance (0–1); an indicator's value lies in its income group's band,
 *   towards the better end (the catalogue's `betterWhen`) for better-performing cities, mixed with
 *   noise, so that indicators correlate as they do between real cities (life expectancy with child
 *   mortality, poverty with slums);
 * - a series drifts from year to year: a small trend, more often an improvement, plus noise; in
 *   logit space for percentages (they stay within 0–100), in log space for rates (they stay positive);
 * - parts are drawn as fractions of their totals, shares of one whole together, counts as integers,
 *   so the catalogue's consistency rules hold by construction.
 */
import peerGroups from '../../subgraphs/indicators/domain/peer-groups.json';
import { DESTINATIONS_AT_1M, INDICATOR_MODELS, SHARE_MODELS, type Band, type IncomeGroup, type IndicatorModel, type Region } from './indicator-model';
import { Random } from './random';

/** One catalogue entry as the generator reads it (data/catalogues/*.json). */
export interface CatalogueIndicator {
  id: string;
  theme: string;
  name: string;
  kind: 'core' | 'supporting';
  unit: string;
  betterWhen?: string;
  min?: number;
  integer?: boolean;
}

/** What the model needs to know about a city (membership's data). */
export interface CityTraits {
  id: string;
  country: string;
  region: Region;
  population: number;
}

/** The seed of the sample values; another seed gives other (equally plausible) values. */
export const DEFAULT_VALUE_SEED = 'iso37120-sample-2';

const INCOME_GROUPS = peerGroups.incomeGroups.countries as Record<string, IncomeGroup>;

/** The country's income group (World Bank FY2017); countries not listed are taken as lower middle income. */
export function incomeGroupOf(country: string): IncomeGroup {
  return INCOME_GROUPS[country] ?? 'LOWER_MIDDLE';
}

const isPercent = (indicator: CatalogueIndicator) => indicator.unit.trim().startsWith('%');
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const within = (rng: Random, [lo, hi]: Band) => rng.between(lo, hi);

/** Rounds as a city would report: whole counts, percentages to 0.1 (0.01 below 1), rates to 3 significant digits. */
export function roundValue(indicator: CatalogueIndicator, value: number): number {
  const places = indicator.integer
    ? 0
    : isPercent(indicator)
      ? Math.abs(value) < 1
        ? 2
        : 1
      : Math.abs(value) >= 100
        ? 0
        : Math.abs(value) >= 10
          ? 1
          : Math.abs(value) >= 1
            ? 2
            : 3;
  const f = 10 ** places;
  return Math.round(value * f) / f + 0; // + 0: no -0
}

/** Rounds down to the same places (shares of a whole: their sum never grows past the whole). */
function floorShare(value: number): number {
  const f = value < 1 ? 100 : 10;
  return Math.floor(value * f) / f + 0;
}

type Series = number[];

/** Values of every indicator of one city for `years` (ascending), unrounded until the end. */
class CityGenerator {
  private readonly series = new Map<string, Series>();
  private readonly income: IncomeGroup;
  /** The city's latent performance: 1 = does well on every indicator with a direction. */
  private readonly performance: number;
  private readonly byId: Map<string, CatalogueIndicator>;

  constructor(
    private readonly city: CityTraits,
    catalogue: readonly CatalogueIndicator[],
    private readonly years: readonly number[],
    private readonly seed: string,
  ) {
    this.income = incomeGroupOf(city.country);
    this.performance = this.rng('performance').next();
    this.byId = new Map(catalogue.map((i) => [i.id, i]));
  }

  private rng(what: string): Random {
    return new Random(`${this.seed}|${this.city.id}|${what}`);
  }

  private indicator(id: string): CatalogueIndicator {
    const indicator = this.byId.get(id);
    if (!indicator) throw new Error(`The generation model refers to ${id}, which the catalogue lacks`);
    return indicator;
  }

  /** The valid range of an indicator's values (catalogue `min`, 100 for percentages). */
  private bounds(indicator: CatalogueIndicator): [number, number] {
    return [indicator.min ?? 0, isPercent(indicator) ? 100 : Infinity];
  }

  private direction(indicator: CatalogueIndicator): 1 | -1 | 0 {
    return indicator.betterWhen === 'higher' ? 1 : indicator.betterWhen === 'lower' ? -1 : 0;
  }

  /** The series of one indicator, computing what it depends on first. */
  get(id: string): Series {
    const known = this.series.get(id);
    if (known) return known;
    const model = INDICATOR_MODELS[id];
    if (!model) throw new Error(`No generation model for indicator ${id}`);
    if (model.kind === 'share') {
      this.shares(model.group);
      return this.series.get(id)!;
    }
    const values = this.compute(id, model);
    this.series.set(id, values);
    return values;
  }

  private compute(id: string, model: Exclude<IndicatorModel, { kind: 'share' }>): Series {
    const indicator = this.indicator(id);
    const rng = this.rng(id);
    const [lo, hi] = this.bounds(indicator);
    const fit = (v: number) => clamp(v, lo, hi);
    const sizeFactor = (elasticity = 0) => (this.city.population / 1_000_000) ** elasticity;
    // A factor drawn once for the city, with a little jitter from year to year (kept in its band).
    const factorSeries = (band: Band) => {
      const f = within(rng, band);
      return this.years.map(() => clamp(f * Math.exp(0.01 * rng.normal()), band[0], band[1]));
    };
    switch (model.kind) {
      case 'band': {
        const band = (model.region?.[this.city.region] ?? model.band)[this.income];
        if (model.absentBelow && this.city.population < model.absentBelow.population && rng.next() < model.absentBelow.probability)
          return this.years.map(() => 0);
        const d = this.direction(indicator);
        const own = d === 1 ? this.performance : d === -1 ? 1 - this.performance : rng.next();
        let position = clamp(0.5 * own + 0.5 * rng.next(), 0, 1);
        if (model.skew) position **= model.skew;
        const [a, b] = band;
        // Wide bands of positive values are spread evenly in ratio, not in difference.
        const start = a > 0 && b / a >= 8 ? a * (b / a) ** position : a + (b - a) * position;
        // A series may drift a little beyond its band over the years, not far (life expectancy stays human).
        const size = sizeFactor(model.size);
        const margin = 0.1 * (b - a);
        return this.evolve(indicator, rng, fit(start * size), [(a - margin) * size, (b + margin) * size]);
      }
      case 'times': {
        const parent = this.get(model.of);
        const factors = factorSeries(model.factor[this.income]);
        return parent.map((p, i) => fit(Math.min(p * factors[i], Math.max(model.cap ?? Infinity, p))));
      }
      case 'plus': {
        const gap = within(rng, model.gap);
        return this.get(model.of).map((p) => fit(p + gap + 0.2 * rng.normal()));
      }
      case 'towards100': {
        const factors = factorSeries(model.factor[this.income]);
        return this.get(model.of).map((p, i) => fit(p + (100 - p) * factors[i]));
      }
      case 'atLeastTimes': {
        const parent = this.get(model.of);
        const factors = factorSeries(model.factor);
        const [a, b] = model.band[this.income];
        const d = this.direction(indicator);
        const own = d === -1 ? 1 - this.performance : this.performance;
        const start = (a + (b - a) * clamp(0.5 * own + 0.5 * rng.next(), 0, 1)) * sizeFactor(model.size);
        const drawn = this.evolve(indicator, rng, start);
        return drawn.map((v, i) => fit(Math.max(v, parent[i] * factors[i])));
      }
      case 'weighted': {
        const [a, b] = model.of.map((of) => this.get(of));
        const w = within(rng, model.weight);
        return a.map((x, i) => fit(w * x + (1 - w) * b[i]));
      }
      case 'officials': {
        // Councils grow slowly with population (about population^0.3): 10 seats for 40 000, 35 for 3 million.
        const seats = Math.max(5, Math.round(0.42 * this.city.population ** 0.3 * rng.between(0.7, 1.5)));
        return this.years.map(() => (seats / this.city.population) * 100_000);
      }
      case 'destinations': {
        const start = DESTINATIONS_AT_1M[this.income] * sizeFactor(0.55) * rng.between(0.6, 1.5);
        return this.evolve(indicator, rng, Math.min(250, start)).map((v) => Math.min(250, v));
      }
    }
  }

  /**
   * A series starting at `start` for the first year: a trend (an improvement 70 % of the time, in the
   * indicator's better direction) and noise; in logit space for percentages, log space for rates and
   * amounts, plain for signed values (a percentage change).
   */
  private evolve(indicator: CatalogueIndicator, rng: Random, start: number, limits: Band = [-Infinity, Infinity]): Series {
    const d = this.direction(indicator);
    const [lo, hi] = this.bounds(indicator);
    const signed = lo < 0;
    const percent = isPercent(indicator) && !signed;
    const step = signed ? 0.3 : percent ? 0.08 : 0.02;
    const noise = signed ? 0.2 : percent ? 0.04 : 0.012;
    const trend = d === 0 ? rng.between(-step / 3, step / 3) : d * (rng.next() < 0.7 ? rng.between(0, step) : -rng.between(0, step / 2));
    const out: Series = [];
    let v = start;
    for (let i = 0; i < this.years.length; i++) {
      if (i > 0) {
        const change = trend + noise * rng.normal();
        if (signed) v = v + change;
        else if (percent) {
          const p = clamp(v / 100, 0.0005, 0.9995);
          const logit = Math.log(p / (1 - p)) + change;
          v = 100 / (1 + Math.exp(-logit));
        } else v = v * Math.exp(change);
      }
      v = clamp(clamp(v, limits[0], limits[1]), lo, hi);
      out.push(v);
    }
    return out;
  }

  /** Draws a group of shares of one whole for every year (see SHARE_MODELS). */
  private shares(group: keyof typeof SHARE_MODELS): void {
    const rng = this.rng(`shares:${group}`);
    const jitter = (weights: number[]) => weights.map((w) => w * Math.exp(0.05 * rng.normal()));
    if (group === 'solidWaste') {
      const m = SHARE_MODELS.solidWaste;
      const recycledIndicator = this.indicator(m.recycled);
      const [a, b] = m.recycledBand[this.income];
      const recycled = this.evolve(recycledIndicator, rng, a + (b - a) * clamp(0.5 * this.performance + 0.5 * rng.next(), 0, 1));
      const bands = m.regionWeights[this.city.region]?.[this.income] ?? m.weights[this.income];
      const weights = bands.map((band) => within(rng, band));
      const unaccounted = within(rng, m.unaccounted);
      const out = new Map<string, Series>([m.recycled, ...m.disposal].map((id) => [id, []]));
      this.years.forEach((_, i) => {
        const w = jitter(weights);
        const total = w.reduce((s, x) => s + x, 0) || 1;
        const rest = 100 - unaccounted - recycled[i];
        out.get(m.recycled)!.push(floorShare(recycled[i]));
        m.disposal.forEach((id, k) => {
          out.get(id)!.push(floorShare((w[k] / total) * rest));
        });
      });
      for (const [id, values] of out) this.series.set(id, values);
      return;
    }
    const m = SHARE_MODELS.wastewater;
    const collected = this.get(m.collected);
    const treatedShare = within(rng, m.treatedOfCollected[this.income]);
    const weights = m.weights[this.income].map((band) => within(rng, band));
    const unaccounted = within(rng, m.unaccounted);
    const out = new Map<string, Series>([m.none, ...m.levels].map((id) => [id, []]));
    this.years.forEach((_, i) => {
      const treated = Math.min(100 - unaccounted, collected[i] * clamp(treatedShare * Math.exp(0.02 * rng.normal()), 0, 1));
      const w = jitter(weights);
      const total = w.reduce((s, x) => s + x, 0) || 1;
      out.get(m.none)!.push(floorShare(100 - unaccounted - treated));
      m.levels.forEach((id, k) => {
        out.get(id)!.push(floorShare((w[k] / total) * treated));
      });
    });
    for (const [id, values] of out) this.series.set(id, values);
  }
}

const SHARED = new Set<string>(Object.entries(INDICATOR_MODELS).flatMap(([id, m]) => (m.kind === 'share' ? [id] : [])));

/** Values for every indicator of the catalogue for one city over the given years: id -> year -> value. */
export function generateCityValues(
  city: CityTraits,
  catalogue: readonly CatalogueIndicator[],
  years: readonly number[],
  seed = DEFAULT_VALUE_SEED,
): Map<string, Map<number, number>> {
  const ordered = [...years].sort((a, b) => a - b);
  const generator = new CityGenerator(city, catalogue, ordered, seed);
  const result = new Map<string, Map<number, number>>();
  for (const indicator of catalogue) {
    const series = generator.get(indicator.id);
    // Shares are already rounded down (so that they never add up to more than their whole).
    const round = (v: number) => (SHARED.has(indicator.id) ? v : roundValue(indicator, v));
    result.set(indicator.id, new Map(ordered.map((year, i) => [year, round(series[i])])));
  }
  return result;
}
