import { defaultCatalogue } from '../subgraphs/indicators/domain/catalogue';
import { computeGap, verifiedThemes, type ValueStatusView } from '../subgraphs/indicators/domain/gap';

const edition = defaultCatalogue().default;
const core = edition.indicators.filter((i) => i.kind === 'CORE');
const supporting = edition.indicators.filter((i) => i.kind === 'SUPPORTING');
const v = (ids: { id: string }[], status: ValueStatusView['status']) => ids.map((i) => ({ indicatorId: i.id, status }));

describe('computeGap', () => {
  test('all core and 40 supporting verified: nothing missing for Platinum (46/34)', () => {
    const gap = computeGap(edition, [...v(core, 'VERIFIED'), ...v(supporting.slice(0, 40), 'VERIFIED')], 46, 34);
    expect(gap).toMatchObject({ missingCore: [], unverifiedCore: [], coreNeeded: 0, supportingNeeded: 0, gapThemes: [] });
  });

  test('missing and unverified core are listed, and their themes lead', () => {
    const values = [...v(core.slice(2), 'VERIFIED'), ...v([core[1]], 'SUBMITTED'), ...v(supporting.slice(0, 30), 'VERIFIED')];
    const gap = computeGap(edition, values, 46, 34);
    expect(gap.missingCore.map((i) => i.id)).toEqual([core[0].id]);
    expect(gap.unverifiedCore.map((i) => i.id)).toEqual([core[1].id]);
    expect(gap.coreVerified).toBe(44);
    expect(gap.coreNeeded).toBe(2);
    expect(gap.supportingNeeded).toBe(4);
    expect(gap.gapThemes[0]).toBe(core[0].theme); // 5.1 and 5.2: Economy, two core gaps
    // Enough themes to cover the 4 supporting indicators still needed.
    const open = new Set(supporting.slice(30).map((i) => i.theme));
    for (const theme of gap.gapThemes.slice(1)) expect(open.has(theme) || theme === core[0].theme).toBe(true);
  });

  test('a lower target needs less', () => {
    const values = v(core.slice(0, 35), 'VERIFIED');
    expect(computeGap(edition, values, 30, 0)).toMatchObject({ coreNeeded: 0, supportingNeeded: 0, gapThemes: [] });
    expect(computeGap(edition, values, 46, 0).coreNeeded).toBe(11);
  });
});

describe('verifiedThemes', () => {
  test('a theme counts when all its core indicators are verified', () => {
    const economyCore = core.filter((i) => i.theme === 'Economy');
    expect(verifiedThemes(edition, v(economyCore, 'VERIFIED'), ['Economy', 'Education'])).toEqual(['Economy']);
    expect(verifiedThemes(edition, v(economyCore.slice(1), 'VERIFIED'), ['Economy'])).toEqual([]);
  });
});
