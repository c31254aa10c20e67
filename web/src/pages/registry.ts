/** The Global Cities Registry: certified cities, filters, sorting, and the count per level as a chart. */
import { fetchFacets, fetchRegistry, type Facets } from '../api';
import { Chart, track } from '../charts';
import { downloads, errorBox, h, levelBadge, link, loading, select, warningBox } from '../dom';
import { countryName, date, levelLabel, levelRank, LEVELS, regionLabel } from '../format';
import type { PageContext } from '../main';
import { BAR_OUTLINE, LEVEL_COLOURS } from '../palette';
import { cityPath, registryExport } from '../paths';
import type { Level, RegistryEntry } from '../types';

type SortKey = 'city' | 'country' | 'region' | 'level' | 'year' | 'core';
/** Columns that matter less are left out on a phone (`wide`), so the table fits without scrolling. */
const SORTS: { key: SortKey; label: string; wide?: boolean }[] = [
  { key: 'city', label: 'City' },
  { key: 'country', label: 'Country' },
  { key: 'region', label: 'Region', wide: true },
  { key: 'level', label: 'Level' },
  { key: 'year', label: 'Data year' },
  { key: 'core', label: 'Verified core / supporting', wide: true },
];

function compare(a: RegistryEntry, b: RegistryEntry, key: SortKey): number {
  switch (key) {
    case 'city':
      return a.city.name.localeCompare(b.city.name);
    case 'country':
      return countryName(a.city.country).localeCompare(countryName(b.city.country)) || a.city.name.localeCompare(b.city.name);
    case 'region':
      return regionLabel(a.city.region).localeCompare(regionLabel(b.city.region)) || a.city.name.localeCompare(b.city.name);
    case 'level':
      return levelRank(a.level) - levelRank(b.level) || b.city.name.localeCompare(a.city.name);
    case 'year':
      return a.year - b.year || a.city.name.localeCompare(b.city.name);
    case 'core':
      return a.coverage.coreVerified - b.coverage.coreVerified || a.coverage.supportingVerified - b.coverage.supportingVerified;
  }
}

export async function renderRegistry(ctx: PageContext): Promise<void> {
  document.title = 'Global Cities Registry · CityNet–WCCD dashboard';
  const { main, params } = ctx;
  const state = {
    year: params.get('year') ?? '',
    level: params.get('level') ?? '',
    country: params.get('country') ?? '',
    region: params.get('region') ?? '',
    sort: (params.get('sort') as SortKey | null) ?? 'level',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
  };

  main.append(
    h('h1', {}, 'Global Cities Registry'),
    h(
      'p',
      { class: 'lede' },
      "Cities certified under ISO 37120 by the World Council on City Data, each with its latest certification (or one data year's), highest level first.",
    ),
  );
  const body = h('div', {}, loading('the registry'));
  main.append(body);

  let facets: Facets;
  let entries: RegistryEntry[];
  let warnings: string[];
  let chart: Chart | undefined;
  const load = async () => {
    // After the first load the filters stay (and keep the focus); only the results wait.
    const waiting = filtersBox.firstChild ? results : body;
    waiting.replaceChildren(loading('the registry'));
    try {
      [facets, { entries, warnings }] = await Promise.all([fetchFacets(), fetchRegistry(state.year ? Number(state.year) : null)]);
    } catch (error) {
      if (ctx.current()) waiting.replaceChildren(errorBox((error as Error).message, load));
      return;
    }
    if (!ctx.current()) return;
    if (!filtersBox.firstChild) drawFilters();
    body.replaceChildren(filtersBox, results);
    draw();
  };

  const filtersBox = h('div', {});
  const results = h('div', { 'aria-live': 'polite' });
  const update = (changes: Partial<typeof state>, reload = false) => {
    Object.assign(state, changes);
    for (const key of ['level', 'country', 'year', 'region'] as const) {
      const control = filtersBox.querySelector<HTMLSelectElement>(`#f-${key}`);
      if (control) control.value = state[key];
    }
    ctx.setParams({ ...state, sort: state.sort === 'level' ? null : state.sort, dir: state.dir === 'desc' ? null : state.dir });
    if (reload) void load();
    else draw();
  };
  const levelOptions = () => LEVELS.filter((l) => facets.levels.some((t) => t.level === l));

  /** Built once: redrawing the results must not take the focus away from the control in use. */
  const drawFilters = () => {
    const filters = h(
      'form',
      { class: 'filters', 'aria-label': 'Filter the registry', onsubmit: (e: Event) => e.preventDefault() },
      select('f-level', 'Level', [{ value: '', label: 'All levels' }, ...levelOptions().map((l) => ({ value: l, label: levelLabel(l) }))], state.level, (v) =>
        update({ level: v }),
      ),
      select(
        'f-country',
        'Country',
        [
          { value: '', label: 'All countries' },
          ...facets.countries.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label)),
        ],
        state.country,
        (v) => update({ country: v }),
      ),
      select('f-year', 'Data year', [{ value: '', label: 'Latest' }, ...facets.years.map((y) => ({ value: String(y), label: String(y) }))], state.year, (v) =>
        update({ year: v }, true),
      ),
      select(
        'f-region',
        'Region',
        [{ value: '', label: 'All regions' }, ...facets.regions.map((r) => ({ value: r, label: regionLabel(r) }))],
        state.region,
        (v) => update({ region: v }),
      ),
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: () => update({ level: '', country: '', year: '', region: '' }, !!state.year) },
        'Clear filters',
      ),
    );

    filtersBox.replaceChildren(filters);
  };

  const draw = () => {
    const levels = levelOptions();
    // Level is left out of the chart's filter, so the chart keeps showing the whole distribution.
    const inScope = entries.filter((e) => (!state.country || e.city.country === state.country) && (!state.region || e.city.region === state.region));
    const rows = inScope.filter((e) => !state.level || e.level === state.level);
    const sign = state.dir === 'asc' ? 1 : -1;
    rows.sort((a, b) => sign * compare(a, b, state.sort));

    const counts = levels.map((l) => inScope.filter((e) => e.level === l).length);
    const canvas = h('canvas', {
      id: 'level-chart',
      role: 'img',
      'aria-label': `Certified cities per level: ${levels.map((l, i) => `${levelLabel(l)} ${counts[i]}`).join(', ')}`,
    });
    const chartBox = h(
      'figure',
      { class: 'chart chart-small' },
      h('div', { class: 'canvas-box' }, canvas),
      h('figcaption', {}, 'Certified cities per level (current country, year and region filters; click a bar to filter)'),
    );

    const header = (s: (typeof SORTS)[number]) => {
      const active = state.sort === s.key;
      return h(
        'th',
        { scope: 'col', class: s.wide ? 'wide-only' : null, 'aria-sort': active ? (state.dir === 'asc' ? 'ascending' : 'descending') : null },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            onclick: () =>
              update({
                sort: s.key,
                dir: active ? (state.dir === 'desc' ? 'asc' : 'desc') : s.key === 'city' || s.key === 'country' || s.key === 'region' ? 'asc' : 'desc',
              }),
          },
          s.label,
          h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''),
        ),
      );
    };
    const table = h(
      'table',
      { class: 'data', id: 'registry-table' },
      h(
        'caption',
        {},
        `${rows.length} certified ${rows.length === 1 ? 'city' : 'cities'}${state.year ? ` for data year ${state.year}` : ' (latest certification)'}`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...SORTS.map(header),
          h('th', { scope: 'col', class: 'wide-only' }, 'Earned by verified data'),
          h('th', { scope: 'col', class: 'wide-only' }, 'Awarded'),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((e) =>
          h(
            'tr',
            { 'data-city': e.city.id },
            h('th', { scope: 'row' }, link(cityPath(e.city.id), e.city.name)),
            h('td', {}, countryName(e.city.country)),
            h('td', { class: 'wide-only' }, regionLabel(e.city.region)),
            h('td', {}, levelBadge(e.level, levelLabel(e.level))),
            h('td', { class: 'num' }, e.year),
            h('td', { class: 'num wide-only' }, `${e.coverage.coreVerified} / ${e.coverage.supportingVerified}`),
            h('td', { class: 'wide-only' }, levelLabel(e.coverage.earnedLevel)),
            h('td', { class: 'wide-only' }, date(e.awardedAt)),
          ),
        ),
      ),
    );

    // The files the gateway exports, with the filters the export takes (year, level, country).
    const exportFilters = { year: state.year, level: state.level, country: state.country };
    const files = downloads(
      state.region ? `Download the registry (year, level and country filters; the files do not filter by region):` : 'Download this list:',
      'registry-downloads',
      { csv: registryExport('csv', exportFilters), json: registryExport('json', exportFilters) },
    );

    results.replaceChildren(
      ...[warningBox(warnings)].filter((x): x is HTMLElement => x !== null),
      files,
      h(
        'div',
        { class: 'registry-layout' },
        chartBox,
        rows.length ? h('div', { class: 'table-scroll' }, table) : h('p', { class: 'empty', role: 'status' }, 'No certified city matches these filters.'),
      ),
      entries.some((e) => e.sampleData)
        ? h('p', { class: 'note' }, 'Sample data: these certifications are generated for the demonstration and are not WCCD records.')
        : '',
    );

    chart?.destroy();
    chart = track(
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: levels.map(levelLabel),
          datasets: [
            {
              label: 'Certified cities',
              data: counts,
              // With a level chosen, the other bars fade (their outline stays, so they remain visible).
              backgroundColor: levels.map((l) => (state.level && state.level !== l ? `${LEVEL_COLOURS[l].fill}59` : LEVEL_COLOURS[l].fill)),
              borderColor: BAR_OUTLINE,
              borderWidth: levels.map((l) => (state.level === l ? 3 : 1)),
            },
          ],
        },
        options: {
          maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Cities' } } },
          onClick: (_event, elements) => {
            const hit = elements[0];
            if (hit) update({ level: state.level === levels[hit.index] ? '' : (levels[hit.index] as Level) });
          },
        },
      }),
    );
  };

  await load();
}
