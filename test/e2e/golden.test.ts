import { writeFileSync } from 'node:fs';
import { GOLDEN_NOW, GOLDEN_OPERATION, GOLDEN_RESULT_FILE, GOLDEN_VARIABLES, goldenResult } from '../golden/golden';
import { startTestStack, TEST_NOW, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

test('the golden CityProfile operation returns exactly the expected result', async () => {
  expect(TEST_NOW.toISOString()).toBe(GOLDEN_NOW);
  const body = await t.query(GOLDEN_OPERATION, GOLDEN_VARIABLES);
  // UPDATE_GOLDEN=1 rewrites the file after a deliberate change; review its diff before committing.
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN_RESULT_FILE, `${JSON.stringify(body, null, 2)}\n`);
  expect(body).toEqual(goldenResult());
});

interface Profile {
  id: string;
  latestDataYear: number | null;
  indicatorCoverage: { year: number; coreVerified: number; supportingVerified: number; missingCore: { id: string }[] } | null;
  indicators: { indicator: { id: string; kind: string }; value: number; status: string }[] | null;
}

/**
 * Issue 13: the published profile was fixed to 2014 and Economy, so Taipei (certified for 2016) showed
 * `coreVerified: 0` and "missing" indicators it has. Now `$year` defaults to the city's latest data year
 * with values; for every sample city, the profile's year, counts, missing list and values are what the
 * sample data holds — nothing is reported missing that is present.
 */
describe('the profile for every sample city, by default and for each data year', () => {
  const sample = () => {
    const byCity = new Map<string, Map<number, Map<string, { status: string; value: number }>>>();
    for (const v of t.dataset.indicators.indicator_values) {
      const years = byCity.get(v.cityId) ?? new Map();
      const values = years.get(v.year) ?? new Map();
      values.set(v.indicatorId, { status: v.status, value: v.value });
      years.set(v.year, values);
      byCity.set(v.cityId, years);
    }
    return byCity;
  };

  test('the default year is the latest with values, and its coverage and values match the data', async () => {
    const data = sample();
    const catalogue = await import('../../data/catalogues/iso37120-2014.json');
    const core = catalogue.indicators.filter((i) => i.kind === 'core').map((i) => i.id);
    const economy = new Set(catalogue.indicators.filter((i) => i.theme === 'Economy').map((i) => i.id));
    expect(t.dataset.membership.cities.length).toBeGreaterThan(30);
    for (const city of t.dataset.membership.cities) {
      const years = data.get(city._id) ?? new Map();
      const latest = years.size ? Math.max(...years.keys()) : null;
      const { data: answer, errors } = await t.query<{ city: Profile }>(GOLDEN_OPERATION, { id: city._id });
      expect({ city: city._id, errors }).toEqual({ city: city._id, errors: undefined });
      const profile = answer!.city;
      expect([city._id, profile.latestDataYear]).toEqual([city._id, latest]);
      if (latest === null) continue;
      const values = years.get(latest)!;
      const present = new Set(values.keys());
      const coverage = profile.indicatorCoverage!;
      expect([city._id, coverage.year]).toEqual([city._id, latest]);
      // Nothing reported as missing is present; everything missing is absent.
      expect([city._id, coverage.missingCore.map((m) => m.id)]).toEqual([city._id, core.filter((id) => !present.has(id))]);
      expect([city._id, coverage.coreVerified]).toEqual([city._id, core.filter((id) => values.get(id)?.status === 'VERIFIED').length]);
      // Anonymous: the year's VERIFIED Economy values, as stored.
      const expected = [...values].filter(([id, v]) => economy.has(id) && v.status === 'VERIFIED').map(([id, v]) => [id, v.value]);
      expect([city._id, profile.indicators!.map((v) => [v.indicator.id, v.value])]).toEqual([city._id, expected]);
    }
  }, 120_000);

  test('Taipei, certified for 2016: its 2016 profile shows its verified core, nothing missing', async () => {
    const { data } = await t.query<{ city: Profile }>(GOLDEN_OPERATION, { id: 'taipei' });
    expect(data!.city.latestDataYear).toBe(2016);
    expect(data!.city.indicatorCoverage).toMatchObject({ year: 2016, coreVerified: 46, missingCore: [] });
  });

  test('$year and $theme: each data year of each city, every theme (null), as an officer sees it (every status)', async () => {
    const data = sample();
    for (const cityId of ['makati', 'seoul', 'iloilo-city', 'muntinlupa', 'suwon']) {
      const token = await tokenFor('CITY_OFFICER', { cityId, sub: `officer-${cityId}` });
      for (const [year, values] of data.get(cityId)!) {
        const { data: answer, errors } = await t.query<{ city: Profile }>(GOLDEN_OPERATION, { id: cityId, year, theme: null }, { token });
        expect(errors).toBeUndefined();
        const profile = answer!.city;
        expect(profile.indicatorCoverage!.year).toBe(year);
        expect(profile.indicatorCoverage!.missingCore.filter((m) => values.has(m.id))).toEqual([]);
        expect(profile.indicators!.map((v) => [v.indicator.id, v.status]).sort()).toEqual([...values].map(([id, v]) => [id, v.status]).sort());
      }
    }
  }, 120_000);

  test('a wrong $theme is refused before the query runs, with "did you mean"; a wrong $year nulls only the two year fields', async () => {
    const theme = await t.query(GOLDEN_OPERATION, { id: 'makati', theme: 'Economy' });
    expect(theme.data).toBeUndefined();
    expect(theme.errors![0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(theme.errors![0].message).toMatch(/Did you mean the enum value "ECONOMY"/);

    const year = await t.query(GOLDEN_OPERATION, { id: 'makati', year: 1999 });
    expect(year.data.city).toMatchObject({
      id: 'makati',
      name: 'Makati',
      latestDataYear: 2016,
      indicatorCoverage: null,
      indicators: null,
      certification: { level: 'PLATINUM' },
    });
    expect(year.errors!.map((e: any) => [e.path.join('.'), e.extensions.code]).sort()).toEqual([
      ['city.indicatorCoverage', 'BAD_USER_INPUT'],
      ['city.indicators', 'BAD_USER_INPUT'],
    ]);
  });
});
