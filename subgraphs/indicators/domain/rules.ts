import type { CatalogueEdition, CatalogueIndicator } from './catalogue';
import { isPercentUnit } from './catalogue';

/**
 * Indicators of an edition whose percentages are shares of one whole and so must not exceed 100
 * together (ISO 37120:2014: solid-waste disposal shares 16.4–16.8 and wastewater treatment shares
 * 20.2–20.5): the edition's `sumAtMost` consistency rules of severity `error` (data, in the catalogue).
 * A save breaking one is refused; the `warning` rules are returned with the report instead.
 */
export function shareGroups(edition: CatalogueEdition): string[][] {
  return edition.rules.filter((r) => r.severity === 'ERROR' && r.kind === 'SUM_AT_MOST').map((r) => r.indicators);
}

/** A percentage: the unit is '%' or starts with it ('% of city area', ...). */
export function isPercentage(indicator: CatalogueIndicator): boolean {
  return isPercentUnit(indicator.unit);
}

/** At most this many values (or verdicts) in one save, so a save stays one bounded document write. */
export const MAX_VALUES_PER_SAVE = 100;
/** Longest source, note or verifier note. */
export const MAX_TEXT = 2000;
