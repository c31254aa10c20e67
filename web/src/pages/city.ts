/** A city's profile: membership, certification history, coverage by theme, and one indicator against its peers. */
import { fetchCatalogue, fetchCity, fetchFacets, fetchPeerValues, type PeerCity } from '../api';
import { Chart, track } from '../charts';
import { errorBox, h, link, loading, select, warningBox } from '../dom';
import { countryName, date, enumLabel, levelLabel, nextLevel, number, regionLabel } from '../format';
import type { PageContext } from '../main';
import { gapPath, registryPath } from '../paths';
import { median, ordinal, populationBand, standing } from '../peers';
import type { CatalogueIndicator, CityData } from '../types';

type City = NonNullable<CityData['city']>;

export async function renderCity(ctx: PageContext, id: string): Promise<void> {
  const { main, params } = ctx;
  main.append(loading('the city profile'));
  let city: City | null;
  let warnings: string[];
  let years: number[];
  const coverageYear = () => Number(params.get('year')) || undefined;
  try {
    years = (await fetchFacets()).years;
    // Coverage defaults to the data year of the latest certification (or the latest year there is).
    const first = await fetchCity(id, coverageYear() ?? years[years.length - 1]);
    city = first.data.city;
    warnings = first.warnings;
    const latest = city?.certifications[0]?.year;
    if (city && !coverageYear() && latest && latest !== city.indicatorCoverage.year) {
      const again = await fetchCity(id, latest);
      city = again.data.city;
      warnings = again.warnings;
    }
  } catch (error) {
    if (ctx.current()) main.replaceChildren(errorBox((error as Error).message, () => ctx.reload()));
    return;
  }
  if (!ctx.current()) return;
  if (!city) {
    document.title = 'City not found · CityNet–WCCD dashboard';
    main.replaceChildren(h('h1', {}, 'City not found'), h('p', {}, `No city has the id “${id}”. `, link(registryPath(), 'Back to the registry')));
    return;
  }
  const c = city;
  document.title = `${c.name} · CityNet–WCCD dashboard`;
  const latest = c.certifications.find((x) => x.status === 'CERTIFIED');

  main.replaceChildren(
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, link(registryPath(), 'Registry'), ' › ', h('span', { 'aria-current': 'page' }, c.name)),
    h('h1', {}, c.name),
    h(
      'p',
      { class: 'lede' },
      `${countryName(c.country)} · ${regionLabel(c.region)}`,
      c.population ? ` · population ${number(c.population, 0)}` : '',
      latest ? h('span', { class: `badge level-${latest.level!.toLowerCase()}` }, `${levelLabel(latest.level)} ${latest.year}`) : null,
    ),
    h('p', {}, link(gapPath(c.id, latest?.year ?? years[years.length - 1], nextLevel(latest?.level)), `Gap to ${levelLabel(nextLevel(latest?.level))} →`)),
    warningBox(warnings) ?? '',
    membershipSection(c),
    historySection(c),
    coverageSection(ctx, c, years),
    peersSection(ctx, c, years),
  );
}

function membershipSection(c: City): HTMLElement {
  const m = c.membership;
  const e = c.programmeEnrolment;
  const rows: [string, string][] = m
    ? [
        ['CityNet membership', `${enumLabel(m.category)} member, ${enumLabel(m.status).toLowerCase()}`],
        ['Member since', date(m.since)],
        ['Clusters', m.clusters.map(enumLabel).join(', ') || '—'],
        ['National chapter', m.nationalChapter ?? '—'],
      ]
    : [['CityNet membership', 'Not a CityNet member (WCCD network)']];
  rows.push(['ISO 37120 joint programme', e ? `${e.programme}, round ${e.round} (enrolled ${date(e.enrolledOn)})` : 'Not enrolled']);
  rows.push(['Time zone', c.timezone]);
  return h(
    'section',
    { 'aria-labelledby': 'h-membership' },
    h('h2', { id: 'h-membership' }, 'Membership'),
    h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
}

function historySection(c: City): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'h-history' },
    h('h2', { id: 'h-history' }, 'Certification history'),
    c.certifications.length
      ? h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'data', id: 'history-table' },
            h('caption', {}, `${c.name}'s certifications, latest data year first`),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['Data year', 'Status', 'Level', 'Earned by verified data', 'Verified core / supporting', 'Verifier', 'Awarded'].map((t, i) =>
                  h('th', { scope: 'col', class: i === 3 || i >= 5 ? 'wide-only' : null }, t),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              ...c.certifications.map((x) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, x.year),
                  h('td', {}, enumLabel(x.status)),
                  h('td', {}, x.level ? h('span', { class: `badge level-${x.level.toLowerCase()}` }, levelLabel(x.level)) : '—'),
                  h('td', { class: 'wide-only' }, levelLabel(x.coverage.earnedLevel)),
                  h('td', { class: 'num' }, `${x.coverage.coreVerified} / ${x.coverage.supportingVerified}`),
                  h('td', { class: 'wide-only' }, x.verifierOrganisation ?? '—'),
                  h('td', { class: 'wide-only' }, date(x.awardedAt)),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, 'No certification yet.'),
  );
}

function bar(verified: number, reported: number, total: number): HTMLElement {
  const pct = (n: number) => (total ? `${(100 * n) / total}%` : '0%');
  return h(
    'span',
    { class: 'coverage-bar', 'aria-hidden': 'true' },
    h('span', { class: 'reported', style: `width:${pct(reported)}` }),
    h('span', { class: 'verified', style: `width:${pct(verified)}` }),
  );
}

function coverageSection(ctx: PageContext, c: City, years: number[]): HTMLElement {
  const cov = c.indicatorCoverage;
  const cell = (verified: number, reported: number, total: number) =>
    h('td', { class: 'coverage' }, h('span', { class: 'num' }, `${verified} / ${reported} / ${total}`), bar(verified, reported, total));
  return h(
    'section',
    { 'aria-labelledby': 'h-coverage' },
    h('h2', { id: 'h-coverage' }, 'Indicator coverage by theme'),
    h(
      'div',
      { class: 'filters' },
      select('coverage-year', 'Data year', years.map((y) => ({ value: String(y), label: String(y) })), String(cov.year), (v) => {
        ctx.setParams({ year: v });
        ctx.reload();
      }),
    ),
    h(
      'p',
      {},
      `${cov.edition}, data year ${cov.year}: core ${cov.coreVerified} verified of ${cov.coreReported} reported (${cov.coreTotal} in the standard); ` +
        `supporting ${cov.supportingVerified} verified of ${cov.supportingReported} reported (${cov.supportingTotal}).`,
    ),
    h('p', { class: 'legend-inline' }, h('span', { class: 'swatch verified' }), 'verified ', h('span', { class: 'swatch reported' }), 'reported, not verified'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data', id: 'coverage-table' },
        h('caption', {}, `Indicators per theme for ${cov.year}: verified / reported / in the standard`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Theme'), h('th', { scope: 'col' }, 'Core'), h('th', { scope: 'col' }, 'Supporting'))),
        h(
          'tbody',
          {},
          ...cov.byTheme.map((t) =>
            h('tr', {}, h('th', { scope: 'row' }, t.theme), cell(t.coreVerified, t.coreReported, t.coreTotal), t.supportingTotal ? cell(t.supportingVerified, t.supportingReported, t.supportingTotal) : h('td', {}, '—')),
          ),
        ),
      ),
    ),
  );
}

type PeerGroup = 'region' | 'size';
/** A peer city's value, drawn as a dot at its data year. */
interface PeerPoint {
  x: string;
  y: number;
  name: string;
}

function peersSection(ctx: PageContext, c: City, years: number[]): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'h-peers' }, h('h2', { id: 'h-peers' }, 'Compared with peer cities'));
  const controls = h('div', { class: 'filters' });
  const out = h('div', { 'aria-live': 'polite' });
  section.append(
    h('p', {}, 'The city’s value for one indicator in each data year against its peers. Only VERIFIED values are public, so cities whose value is not verified are left out.'),
    controls,
    out,
  );
  const band = populationBand(c.population);
  let chart: Chart<'line', (number | PeerPoint | null)[], string> | undefined;
  let catalogue: CatalogueIndicator[] = [];

  const state = {
    indicator: ctx.params.get('indicator') ?? '',
    peers: (ctx.params.get('peers') === 'size' && band ? 'size' : 'region') as PeerGroup,
  };

  const drawControls = () => {
    const indicator = catalogue.find((i) => i.id === state.indicator)!;
    const themes = [...new Set(catalogue.map((i) => i.theme))];
    controls.replaceChildren(
      select('peer-theme', 'Theme', themes.map((t) => ({ value: t, label: t })), indicator.theme, (theme) => {
        state.indicator = catalogue.find((i) => i.theme === theme)!.id;
        drawControls();
        void compare();
      }),
      select(
        'peer-indicator',
        'Indicator',
        catalogue.filter((i) => i.theme === indicator.theme).map((i) => ({ value: i.id, label: `${i.id} ${i.name}` })),
        indicator.id,
        (v) => {
          state.indicator = v;
          void compare();
        },
        true,
      ),
      select(
        'peer-group',
        'Peers',
        [{ value: 'region', label: `Same region (${regionLabel(c.region)})` }, ...(band ? [{ value: 'size', label: `Same population band (${band.label})` }] : [])],
        state.peers,
        (v) => {
          state.peers = v as PeerGroup;
          void compare();
        },
      ),
    );
  };

  const compare = async () => {
    ctx.setParams({ indicator: state.indicator, peers: state.peers === 'region' ? null : state.peers });
    const indicator = catalogue.find((i) => i.id === state.indicator)!;
    const asked = `${state.indicator}|${state.peers}`;
    out.replaceChildren(loading('peer values'));
    let perYear: { cities: PeerCity[]; warnings: string[] }[];
    try {
      perYear = await Promise.all(years.map((y) => fetchPeerValues(y, indicator.theme, state.peers === 'region' ? c.region : null)));
    } catch (error) {
      if (ctx.current()) out.replaceChildren(errorBox((error as Error).message, () => void compare()));
      return;
    }
    // A newer choice was made while this one loaded.
    if (!ctx.current() || asked !== `${state.indicator}|${state.peers}`) return;
    drawComparison(indicator, perYear);
  };

  const drawComparison = (indicator: CatalogueIndicator, perYear: { cities: PeerCity[]; warnings: string[] }[]) => {
    const inGroup = (p: PeerCity) => state.peers === 'region' || populationBand(p.population) === band;
    const groupLabel = state.peers === 'region' ? `${regionLabel(c.region)} peers` : `peers of ${band!.label} inhabitants`;
    const series = perYear.map(({ cities }, i) => {
      const values = cities
        .filter(inGroup)
        .map((p) => ({ city: p, value: p.indicators.find((v) => v.indicator.id === indicator.id && v.status === 'VERIFIED')?.value }))
        .filter((x): x is { city: PeerCity; value: number } => x.value !== undefined);
      const own = values.find((x) => x.city.id === c.id)?.value;
      return { year: years[i], values, own, standing: standing(own, values.map((x) => x.value)) };
    });
    const warnings = perYear.flatMap((p) => p.warnings);
    const last = [...series].reverse().find((s) => s.standing);
    const headline = last
      ? h(
          'p',
          { class: 'standing', id: 'peer-standing' },
          h('strong', {}, `${last.year}: rank ${last.standing!.rank}/${last.standing!.count}`),
          ` among ${groupLabel} (1 = highest value) · `,
          h('strong', {}, `${ordinal(last.standing!.percentile)} percentile`),
        )
      : h('p', { class: 'standing', id: 'peer-standing' }, `${c.name} has no verified value for ${indicator.id} ${indicator.name} in ${years.join(', ')}.`);

    const canvas = h('canvas', {
      id: 'peer-chart',
      role: 'img',
      'aria-label': `${indicator.name} (${indicator.unit}) for ${c.name} and ${groupLabel}, ${years.join('–')}; the table below has the figures.`,
    });
    const table = h(
      'table',
      { class: 'data', id: 'peer-table' },
      h('caption', {}, `${indicator.id} ${indicator.name} (${indicator.unit}): ${c.name} against ${groupLabel}`),
      h('thead', {}, h('tr', {}, ...['Data year', c.name, 'Peer median', 'Peers with a value', 'Rank', 'Percentile'].map((t, i) => h('th', { scope: 'col', class: i === 3 ? 'wide-only' : null }, t)))),
      h(
        'tbody',
        {},
        ...series.map((s) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, s.year),
            h('td', { class: 'num' }, s.own === undefined ? '—' : number(s.own)),
            h('td', { class: 'num' }, s.values.length ? number(median(s.values.map((x) => x.value))) : '—'),
            h('td', { class: 'num wide-only' }, s.values.length),
            h('td', { class: 'num' }, s.standing ? `${s.standing.rank}/${s.standing.count}` : '—'),
            h('td', { class: 'num' }, s.standing ? ordinal(s.standing.percentile) : '—'),
          ),
        ),
      ),
    );
    out.replaceChildren(
      ...[warningBox(warnings)].filter((x): x is HTMLElement => x !== null),
      headline,
      h('figure', { class: 'chart' }, h('div', { class: 'canvas-box tall' }, canvas), h('figcaption', {}, `${indicator.name}, ${indicator.unit}: ${c.name}, the peer median and each peer city (VERIFIED values only)`)),
      h('div', { class: 'table-scroll' }, table),
      perYear.some((p) => p.cities.some((x) => x.indicators.some((v) => v.sampleData))) ? h('p', { class: 'note' }, 'Sample data: these values are generated, not reported by the cities.') : '',
    );
    const labels = series.map((s) => String(s.year));
    chart?.destroy();
    chart = track(
      new Chart<'line', (number | PeerPoint | null)[], string>(canvas, {
        type: 'line',
        data: {
          labels,
          datasets: [
            {
              label: c.name,
              data: series.map((s) => s.own ?? null),
              borderColor: '#c0392b',
              backgroundColor: '#c0392b',
              borderWidth: 3,
              pointRadius: 5,
              order: 0,
            },
            {
              label: 'Peer median',
              data: series.map((s) => (s.values.length ? median(s.values.map((x) => x.value)) : null)),
              borderColor: '#1f4e79',
              backgroundColor: '#1f4e79',
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 3,
              order: 1,
            },
            {
              label: `Peer cities (${new Set(series.flatMap((s) => s.values.filter((x) => x.city.id !== c.id).map((x) => x.city.id))).size})`,
              data: series.flatMap((s) => s.values.filter((x) => x.city.id !== c.id).map((x) => ({ x: String(s.year), y: x.value, name: x.city.name }))),
              showLine: false,
              borderColor: '#7f8c99',
              backgroundColor: '#7f8c9980',
              pointRadius: 4,
              order: 2,
            },
          ],
        },
        options: {
          maintainAspectRatio: false,
          interaction: { mode: 'nearest', intersect: true },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: {
              callbacks: {
                label: (item) => {
                  const raw = item.raw as { name?: string; y?: number } | number;
                  return typeof raw === 'object' && raw?.name ? `${raw.name}: ${number(raw.y!)}` : `${item.dataset.label}: ${number(item.parsed.y ?? 0)}`;
                },
              },
            },
          },
          scales: {
            // Room either side of the first and last year, so their dots are not cut in half.
            x: { offset: true, title: { display: true, text: 'Data year' } },
            y: { title: { display: true, text: indicator.unit } },
          },
        },
      }),
    );
  };

  void (async () => {
    try {
      catalogue = await fetchCatalogue();
    } catch (error) {
      if (ctx.current()) out.replaceChildren(errorBox((error as Error).message));
      return;
    }
    if (!ctx.current()) return;
    if (!catalogue.some((i) => i.id === state.indicator)) state.indicator = catalogue[0].id;
    drawControls();
    await compare();
  })();
  return section;
}
