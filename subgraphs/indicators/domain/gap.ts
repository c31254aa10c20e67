/**
 * The gap between a city's data year and a target level: what is still missing or unverified, and
 * which themes to work on. Pure functions: the thresholds come from the certification subgraph
 * (through federation, @requires), the values from this subgraph's database.
 */
import type { CatalogueEdition, CatalogueIndicator } from './catalogue';

export interface ValueStatusView {
  indicatorId: string;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';
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

export function computeGap(edition: CatalogueEdition, values: ValueStatusView[], requiredCore: number, requiredSupporting: number): Gap {
  const status = new Map(values.map((v) => [v.indicatorId, v.status]));
  const core = edition.indicators.filter((i) => i.kind === 'CORE');
  const supporting = edition.indicators.filter((i) => i.kind === 'SUPPORTING');
  const missingCore = core.filter((i) => !status.has(i.id));
  const unverifiedCore = core.filter((i) => status.has(i.id) && status.get(i.id) !== 'VERIFIED');
  const coreVerified = core.length - missingCore.length - unverifiedCore.length;
  const supportingVerified = supporting.filter((i) => status.get(i.id) === 'VERIFIED').length;
  const coreNeeded = Math.max(0, requiredCore - coreVerified);
  const supportingNeeded = Math.max(0, requiredSupporting - supportingVerified);

  // Core gaps come first (every level above Aspirational needs all core), then supporting work.
  const coreWork = new Map<string, number>();
  if (coreNeeded > 0) for (const i of [...missingCore, ...unverifiedCore]) coreWork.set(i.theme, (coreWork.get(i.theme) ?? 0) + 1);
  const supportingWork = new Map<string, number>();
  if (supportingNeeded > 0) {
    // The themes with the most unverified supporting indicators, until they could cover the need.
    const open = new Map<string, number>();
    for (const i of supporting) if (status.get(i.id) !== 'VERIFIED') open.set(i.theme, (open.get(i.theme) ?? 0) + 1);
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
  return { missingCore, unverifiedCore, coreVerified, supportingVerified, coreNeeded, supportingNeeded, gapThemes };
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
export function verifiedThemes(edition: CatalogueEdition, values: ValueStatusView[], themes: string[]): string[] {
  const verified = new Set(values.filter((v) => v.status === 'VERIFIED').map((v) => v.indicatorId));
  return themes.filter((theme) => {
    const inTheme = edition.indicators.filter((i) => i.theme === theme);
    const core = inTheme.filter((i) => i.kind === 'CORE');
    const required = core.length ? core : inTheme;
    return required.length > 0 && required.every((i) => verified.has(i.id));
  });
}
