import type { CatalogueIndicator } from './catalogue';

/**
 * Indicators of an edition whose percentages are shares of one whole and so must not exceed 100
 * together: solid-waste disposal shares (16.4–16.8) and wastewater treatment shares (20.2–20.5) of
 * ISO 37120:2014. The sample data generator follows the same rule (data/sample/indicator-values.ts).
 */
export const SHARE_GROUPS: Record<string, readonly (readonly string[])[]> = {
  'ISO 37120:2014': [
    ['16.4', '16.5', '16.6', '16.7', '16.8'],
    ['20.2', '20.3', '20.4', '20.5'],
  ],
};

/** A percentage: the unit is '%' or starts with it ('% of city area', ...). */
export function isPercentage(indicator: CatalogueIndicator): boolean {
  return indicator.unit.trim().startsWith('%');
}

/** At most this many values (or verdicts) in one save, so a save stays one bounded document write. */
export const MAX_VALUES_PER_SAVE = 100;
/** Longest source, note or verifier note. */
export const MAX_TEXT = 2000;
