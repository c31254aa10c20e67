/**
 * The gap between a city's data year and a target level: what is still missing or unverified, and
 * which themes to work on. Pure functions over coverage summaries (domain/coverage.ts): the thresholds
 * come from the certification subgraph (through federation, @requires), the summaries from this
 * subgraph's database.
 */
import type { ValueStatus } from '../data/types';
import type { CatalogueEdition, CatalogueIndicator } from './catalogue';
import { summarize, type CoverageSummary } from './coverage';
import { Catalogue } from './catalogue';

export interface ValueStatusView {
  indicatorId: string;
  status: ValueStatus;
}

export interface Gap {
  missingCore: CatalogueIndicator[];
  unverifiedCore: CatalogueIndicator[];
  coreVerified: number;
  supportingVerified: number;
  /** More VERIFIED core indicators needed for the target (0 when met). */
  coreNeeded: number;
  /** More VERIFIED supporting indicators needed for the target (0 when met). */
  supportingNeeded: number;
  /** Themes where the gap lies, most work first. */
  gapThemes: string[];
}

/** What the gap reads of a summary. */
export type GapSummary = Pick<CoverageSummary, 'missingCore' | 'unverifiedCore' | 'coreVerified' | 'supportingVerified' | 'byTheme'>;

/** The gap of a summary (of `edition`) to the thresholds of a target level. */
export function gapOfSummary(edition: CatalogueEdition, summary: GapSummary, requiredCore: number, requiredSupporting: number): Gap {
  const indicators = (ids: readonly string[]) => ids.flatMap((id) => edition.byId.get(id) ?? []);
  const coreNeeded = Math.max(0, requiredCore - summary.coreVerified);
  const supportingNeeded = Math.max(0, requiredSupporting - summary.supportingVerified);

  // Core gaps come first (every level above Aspirational needs all core), then supporting work.
  const coreWork = new Map<string, number>();
  if (coreNeeded > 0) {
    for (const t of summary.byTheme) if (t.coreTotal > t.coreVerified) coreWork.set(t.theme, t.coreTotal - t.coreVerified);
  }
  const supportingWork = new Map<string, number>();
  if (supportingNeeded > 0) {
    // The themes with the most unverified supporting indicators, until they could cover the need.
    const open = new Map<string, number>();
    for (const t of summary.byTheme) if (t.supportingTotal > t.supportingVerified) open.set(t.theme, t.supportingTotal - t.supportingVerified);
    let covered = 0;
    for (const [theme, n] of byWork(edition, open)) {
      if (covered >= supportingNeeded) break;
      supportingWork.set(theme, n);
      covered += n;
    }
  }
  const gapThemes = [...byWork(edition, coreWork), ...byWork(edition, supportingWork)]
    .map(([theme]) => theme)
    .filter((theme, i, all) => all.indexOf(theme) === i);
  return {
    missingCore: indicators(summary.missingCore),
    unverifiedCore: indicators(summary.unverifiedCore),
    coreVerified: summary.coreVerified,
    supportingVerified: summary.supportingVerified,
    coreNeeded,
    supportingNeeded,
    gapThemes,
  };
}

/** Most work first; ties in clause order. */
function byWork(edition: CatalogueEdition, work: Map<string, number>): [string, number][] {
  return [...work].sort((a, b) => b[1] - a[1] || themeOrder(edition, a[0]) - themeOrder(edition, b[0]));
}

function themeOrder(edition: CatalogueEdition, theme: string): number {
  return edition.themes.findIndex((t) => t.name === theme);
}

/**
 * Themes in which a possible mentor has every core indicator VERIFIED (for the themes that have
 * core indicators) or, for themes without core indicators, every supporting one.
 */
export function verifiedThemesOfSummary(summary: Pick<CoverageSummary, 'byTheme'>, themes: readonly string[]): string[] {
  const byName = new Map(summary.byTheme.map((t) => [t.theme, t]));
  return themes.filter((theme) => {
    const t = byName.get(theme);
    if (!t) return false;
    if (t.coreTotal > 0) return t.coreVerified === t.coreTotal;
    return t.supportingTotal > 0 && t.supportingVerified === t.supportingTotal;
  });
}

/** Summarises plain values against one edition (for the value-based forms below). */
function summaryOfValues(edition: CatalogueEdition, values: readonly ValueStatusView[]): CoverageSummary {
  const catalogue = new Catalogue([edition], edition.edition);
  return summarize(
    values.map((v) => ({ ...v, edition: edition.edition })),
    catalogue,
  );
}

/** The gap computed from a report's values (as `gapOfSummary` on their summary). */
export function computeGap(edition: CatalogueEdition, values: readonly ValueStatusView[], requiredCore: number, requiredSupporting: number): Gap {
  return gapOfSummary(edition, summaryOfValues(edition, values), requiredCore, requiredSupporting);
}

/** The verified themes computed from a report's values (as `verifiedThemesOfSummary` on their summary). */
export function verifiedThemes(edition: CatalogueEdition, values: readonly ValueStatusView[], themes: readonly string[]): string[] {
  return verifiedThemesOfSummary(summaryOfValues(edition, values), themes);
}
