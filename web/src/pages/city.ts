/** A city's profile: membership, certification history, coverage by theme, and one indicator against its peers. */
import { fetchCatalogue, fetchCity, fetchFacets, fetchPeerComparison } from '../api';
import { token } from '../auth';
import { Chart, track } from '../charts';
import { coverageBar, downloads, errorBox, h, levelBadge, link, loading, select, warningBox } from '../dom';
import { clusterLabel, countryName, date, enumLabel, levelLabel, nextLevel, number, regionLabel } from '../format';
import type { PageContext } from '../main';
import { gapPath, registryPath, signInPath, valuesExport } from '../paths';
import { groupPhrase, headline, paramOfPeerGroup, PEER_GROUPS, peerGroupOfParam, peerYears, type PeerYear } from '../peers';
import type { CatalogueIndicator, CityData, PeerGroup, PeerStanding } from '../types';

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
      latest ? levelBadge(latest.level!, `${levelLabel(latest.level)} ${latest.year}`) : null,
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
        ['Clusters', m.clusters.map(clusterLabel).join(', ') || '—'],
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
                  h('td', {}, x.level ? levelBadge(x.level, levelLabel(x.level)) : '—'),
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

function coverageSection(ctx: PageContext, c: City, years: number[]): HTMLElement {
  const cov = c.indicatorCoverage;
  const cell = (verified: number, reported: number, total: number) =>
    h('td', { class: 'coverage' }, h('span', { class: 'num' }, `${verified} / ${reported} / ${total}`), coverageBar(verified, reported, total));
  return h(
    'section',
    { 'aria-labelledby': 'h-coverage' },
    h('h2', { id: 'h-coverage' }, 'Indicator coverage by theme'),
    h(
      'div',
      { class: 'filters' },
      select(
        'coverage-year',
        'Data year',
        years.map((y) => ({ value: String(y), label: String(y) })),
        String(cov.year),
        (v) => {
          ctx.setParams({ year: v });
          ctx.reload();
        },
      ),
    ),
    h(
      'p',
      {},
      `${cov.edition}, data year ${cov.year}: core ${cov.coreVerified} verified of ${cov.coreReported} reported (${cov.coreTotal} in the standard); ` +
        `supporting ${cov.supportingVerified} verified of ${cov.supportingReported} reported (${cov.supportingTotal}).`,
    ),
    downloads(`${c.name}'s verified values for ${cov.year}:`, 'values-downloads', {
      csv: valuesExport(c.id, cov.year, 'csv'),
      json: valuesExport(c.id, cov.year, 'json'),
    }),
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
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, t.theme),
              cell(t.coreVerified, t.coreReported, t.coreTotal),
              t.supportingTotal ? cell(t.supportingVerified, t.supportingReported, t.supportingTotal) : h('td', {}, '—'),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A peer city's value, drawn as a dot at its data year. */
interface PeerPoint {
  x: string;
  y: number;
  name: string;
}

/**
 * One indicator over the data years against the city's peers, as the API compares them
 * (`City.peerComparison`: ranked by the indicator's direction, the city never its own peer). The API
 * gives it to WCCD and CityNet staff and to the officers of a certified city: anyone else is asked to
 * sign in, and nothing is ranked in the browser.
 */
function peersSection(ctx: PageContext, c: City, years: number[]): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'h-peers' }, h('h2', { id: 'h-peers' }, 'Compared with peer cities'));
  const here = `${location.pathname}${location.search}`;
  if (!token()) {
    section.append(
      h(
        'p',
        { id: 'peer-sign-in' },
        `Where ${c.name} stands among its peers — rank and percentile by each indicator's direction — is for WCCD and CityNet staff and the officers of currently certified cities. `,
        link(signInPath(here), 'Sign in'),
        ' to see it. Its verified values stay public: download them above.',
      ),
    );
    return section;
  }
  const controls = h('div', { class: 'filters' });
  const out = h('div', { 'aria-live': 'polite' });
  section.append(
    h(
      'p',
      {},
      `${c.name}'s value of one indicator in each data year against its peers', ranked by the API by the indicator's direction; the city is never among its own peers. Only VERIFIED values are compared.`,
    ),
    controls,
    out,
  );
  let chart: Chart<'line', (number | PeerPoint | null)[], string> | undefined;
  let catalogue: CatalogueIndicator[] = [];

  const state = {
    indicator: ctx.params.get('indicator') ?? '',
    peers: peerGroupOfParam(ctx.params.get('peers')),
  };

  const drawControls = () => {
    const indicator = catalogue.find((i) => i.id === state.indicator)!;
    const themes = [...new Set(catalogue.map((i) => i.theme))];
    controls.replaceChildren(
      select(
        'peer-theme',
        'Theme',
        themes.map((t) => ({ value: t, label: t })),
        indicator.theme,
        (theme) => {
          state.indicator = catalogue.find((i) => i.theme === theme)!.id;
          drawControls();
          void compare();
        },
      ),
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
        PEER_GROUPS.map((g) => ({ value: g.value, label: g.value === 'REGION' ? `${g.label} (${regionLabel(c.region)})` : g.label })),
        state.peers,
        (v) => {
          state.peers = v as PeerGroup;
          void compare();
        },
      ),
    );
  };

  const compare = async () => {
    ctx.setParams({ indicator: state.indicator, peers: state.peers === 'REGION' ? null : paramOfPeerGroup(state.peers) });
    const asked = `${state.indicator}|${state.peers}`;
    out.replaceChildren(loading('the peer comparison'));
    let answers: Awaited<ReturnType<typeof fetchPeerComparison>>[];
    try {
      answers = await Promise.all(years.map((y) => fetchPeerComparison(c.id, y, [state.indicator], state.peers)));
    } catch (error) {
      if (ctx.current() && asked === `${state.indicator}|${state.peers}`) out.replaceChildren(errorBox((error as Error).message, () => void compare()));
      return;
    }
    // A newer choice was made while this one loaded.
    if (!ctx.current() || asked !== `${state.indicator}|${state.peers}`) return;
    const comparisons = answers.map((a) => a.data.city?.peerComparison ?? null);
    const warnings = answers.flatMap((a) => a.warnings);
    const first = comparisons.find((x) => x !== null);
    if (!first) {
      out.replaceChildren(errorBox(warnings[0] ?? 'The API gave no peer comparison.', () => void compare()));
      return;
    }
    const standings = comparisons.map((x) => x?.indicators[0] ?? null);
    drawComparison(first.indicators[0].indicator, peerYears(years, standings), groupPhrase(first.peerGroup, first.group), first.groupSource, warnings);
  };

  const drawComparison = (indicator: PeerStanding['indicator'], rows: PeerYear[], phrase: string, source: string | null, warnings: string[]) => {
    const top = headline(c.name, indicator, rows, phrase);
    const peerIds = new Set(rows.flatMap((r) => r.peers.map((p) => p.id)));
    const canvas = h('canvas', {
      id: 'peer-chart',
      role: 'img',
      'aria-label': `${indicator.name} (${indicator.unit}) for ${c.name} and ${phrase}, ${years.join('–')}; the table below has the figures.`,
    });
    const table = h(
      'table',
      { class: 'data', id: 'peer-table' },
      h('caption', {}, `${indicator.id} ${indicator.name} (${indicator.unit}): ${c.name} against ${phrase}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Data year', c.name, 'Peer median', 'Peers with a value', 'Rank', 'Percentile'].map((t, i) =>
            h('th', { scope: 'col', class: i === 3 ? 'wide-only' : null }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.year),
            h('td', { class: 'num' }, r.own === null ? '—' : number(r.own)),
            h('td', { class: 'num' }, r.median === null ? '—' : number(r.median)),
            h('td', { class: 'num wide-only' }, r.peerCount),
            h('td', { class: 'num' }, r.rank ?? '—'),
            h('td', { class: 'num' }, r.percentile ?? '—'),
          ),
        ),
      ),
    );
    out.replaceChildren(
      ...[warningBox(warnings)].filter((x): x is HTMLElement => x !== null),
      h('p', { class: 'standing', id: 'peer-standing' }, h('strong', {}, top.strong), top.rest),
      h(
        'figure',
        { class: 'chart' },
        h('div', { class: 'canvas-box tall' }, canvas),
        h('figcaption', {}, `${indicator.name}, ${indicator.unit}: ${c.name}, the peer median and each peer city (VERIFIED values only)`),
      ),
      h('div', { class: 'table-scroll' }, table),
      h(
        'p',
        { class: 'note' },
        `Rank 1 is the best by the indicator's direction, out of the peers with a verified value and ${c.name}; the percentile is the share of those peers ${c.name} does better than. The direction is the catalogue's reading: ISO 37120 states none.`,
        source ? ` Income groups: ${source}.` : '',
      ),
    );
    chart?.destroy();
    chart = track(
      new Chart<'line', (number | PeerPoint | null)[], string>(canvas, {
        type: 'line',
        data: {
          labels: rows.map((r) => String(r.year)),
          datasets: [
            {
              label: c.name,
              data: rows.map((r) => r.own),
              borderColor: '#c0392b',
              backgroundColor: '#c0392b',
              borderWidth: 3,
              pointRadius: 5,
              order: 0,
            },
            {
              label: 'Peer median',
              data: rows.map((r) => r.median),
              borderColor: '#1f4e79',
              backgroundColor: '#1f4e79',
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 3,
              order: 1,
            },
            {
              label: `Peer cities (${peerIds.size})`,
              data: rows.flatMap((r) => r.peers.map((p) => ({ x: String(r.year), y: p.value, name: p.name }))),
              showLine: false,
              borderColor: '#5a6672',
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
