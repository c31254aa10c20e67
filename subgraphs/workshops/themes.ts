import catalogue from '../../data/catalogues/iso37120-2014.json';

/** The 17 ISO 37120:2014 theme names (e.g. `Solid Waste`), from the indicator catalogue. */
export const ISO37120_THEMES: ReadonlySet<string> = new Set(catalogue.indicators.map((indicator) => indicator.theme));
