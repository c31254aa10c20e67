/**
 * The colours of the WCCD levels: badges (label text on the colour) and the registry's bars. Chosen
 * so that an analyst tells every pair apart, also with protanopia, deuteranopia or tritanopia: they
 * differ in lightness as well as hue (dark indigo, light silver-grey, gold, dark bronze, teal), which
 * is what survives a missing cone type. test/dashboard/colours.test.ts checks, with the colour maths
 * of ./colour.ts, that every label reaches WCAG AA contrast on its colour and that every pair stays at
 * least 15 CIEDE2000 apart under each simulated deficiency (about 2.3 is just noticeable).
 */
import type { Level } from './types';

/** The page's text colour and the cards' background (style.css: --ink, --card). */
export const INK = '#1d2630';
export const CARD = '#ffffff';

export interface LevelColour {
  /** Badge background and bar fill. */
  fill: string;
  /** The badge's label on the fill: white or the page's ink, whichever the fill needs. */
  text: string;
}

export const LEVEL_COLOURS: Record<Level, LevelColour> = {
  PLATINUM: { fill: '#28306b', text: '#ffffff' },
  GOLD: { fill: '#e8b22e', text: INK },
  SILVER: { fill: '#c5ced8', text: INK },
  BRONZE: { fill: '#8a3b12', text: '#ffffff' },
  ASPIRATIONAL: { fill: '#2a7f6f', text: '#ffffff' },
};

/**
 * Bars are outlined in the ink, so that light fills (Silver, Gold) still stand out from the white
 * card by WCAG's 3:1 for graphics.
 */
export const BAR_OUTLINE = INK;
