/**
 * Certifications in progress: every city's certification that is open — enrolled, data submitted or
 * under verification — with what is verified so far and how long it has been at that step, for WCCD
 * staff following the round (the data is public).
 */
import { fetchCertifications, type InProgressCity } from '../api';
import { coverageBar, errorBox, h, levelBadge, link, loading, warningBox } from '../dom';
import { countryName, date, daysSince, enumLabel, levelLabel, nextLevel, number } from '../format';
import type { PageContext } from '../main';
import { cityPath, gapPath } from '../paths';
import type { CertificationStatus } from '../types';

/**
 * The open steps of the certification workflow (subgraphs/certification/schema.graphql,
 * CertificationStatus), furthest along first: the order of the table.
 */
export const IN_PROGRESS: CertificationStatus[] = ['UNDER_VERIFICATION', 'DATA_SUBMITTED', 'ENROLLED'];

interface Row {
  city: InProgressCity;
  certification: InProgressCity['certifications'][number];
  days: number | null;
}

export async function renderProgress(ctx: PageContext): Promise<void> {
  document.title = 'Certifications in progress · CityNet–WCCD dashboard';
  const { main } = ctx;
  main.append(
    h('h1', {}, 'Certifications in progress'),
    h(
      'p',
      { class: 'lede' },
      'Certifications that are open — enrolled, data submitted or under verification — with the indicators verified so far and how long each has been at its step. Certified cities are in the registry.',
    ),
  );
  const body = h('div', {}, loading('the certifications'));
  main.append(body);

  let cities: InProgressCity[];
  let warnings: string[];
  try {
    ({ cities, warnings } = await fetchCertifications());
  } catch (error) {
    if (ctx.current()) body.replaceChildren(errorBox((error as Error).message, () => ctx.reload()));
    return;
  }
  if (!ctx.current()) return;

  const now = new Date();
  const rows: Row[] = cities
    .flatMap((city) =>
      city.certifications
        .filter((x) => IN_PROGRESS.includes(x.status))
        .map((certification) => ({ city, certification, days: daysSince(certification.statusChangedAt, now) })),
    )
    .sort(
      (a, b) =>
        IN_PROGRESS.indexOf(a.certification.status) - IN_PROGRESS.indexOf(b.certification.status) ||
        (b.days ?? -1) - (a.days ?? -1) ||
        a.city.name.localeCompare(b.city.name) ||
        b.certification.year - a.certification.year,
    );

  const counts = IN_PROGRESS.map((s) => ({ status: s, n: rows.filter((r) => r.certification.status === s).length }));
  const summary = h(
    'ul',
    { class: 'counts', id: 'progress-counts', 'aria-label': 'Certifications per step' },
    ...counts.map((c) => h('li', {}, h('strong', {}, c.n), ` ${enumLabel(c.status).toLowerCase()}`)),
  );

  const cell = (verified: number, reported: number, total: number, cls = '') =>
    h('td', { class: `coverage ${cls}` }, h('span', { class: 'num' }, `${verified} / ${reported} / ${total}`), coverageBar(verified, reported, total));
  const table = h(
    'table',
    { class: 'data', id: 'progress-table' },
    h('caption', {}, `${rows.length} ${rows.length === 1 ? 'certification' : 'certifications'} in progress; indicators verified / reported / in the standard`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          ['City', ''],
          ['Data year', ''],
          ['Status', ''],
          ['Days in status', ''],
          ['Core', ''],
          ['Supporting', 'wide-only'],
          ['Earned by verified data', 'wide-only'],
          ['Verifier', 'wide-only'],
        ].map(([t, cls]) => h('th', { scope: 'col', class: cls || null }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map(({ city, certification: x, days }) =>
        h(
          'tr',
          { 'data-city': city.id, 'data-year': x.year, 'data-status': x.status },
          h('th', { scope: 'row' }, link(cityPath(city.id), city.name), h('span', { class: 'cell-note' }, countryName(city.country))),
          h('td', { class: 'num' }, x.year),
          h('td', { class: 'status' }, h('span', { class: 'status-chip' }, enumLabel(x.status))),
          h(
            'td',
            { class: 'num days' },
            days === null ? '—' : number(days, 0),
            x.statusChangedAt
              ? h('span', { class: 'cell-note wide-only' }, 'since ', h('time', { datetime: x.statusChangedAt }, date(x.statusChangedAt)))
              : null,
          ),
          cell(x.coverage.coreVerified, x.coverage.coreReported, x.coverage.coreTotal),
          cell(x.coverage.supportingVerified, x.coverage.supportingReported, x.coverage.supportingTotal, 'wide-only'),
          h(
            'td',
            { class: 'wide-only' },
            x.coverage.earnedLevel ? levelBadge(x.coverage.earnedLevel, levelLabel(x.coverage.earnedLevel)) : 'None yet',
            h(
              'span',
              { class: 'cell-note' },
              link(gapPath(city.id, x.year, nextLevel(x.coverage.earnedLevel)), `Gap to ${levelLabel(nextLevel(x.coverage.earnedLevel))}`),
            ),
          ),
          h('td', { class: 'wide-only' }, x.verifierOrganisation ?? '—'),
        ),
      ),
    ),
  );

  body.replaceChildren(
    ...[warningBox(warnings)].filter((x): x is HTMLElement => x !== null),
    summary,
    rows.length ? h('div', { class: 'table-scroll' }, table) : h('p', { class: 'empty', role: 'status' }, 'No certification is in progress.'),
    h('p', { class: 'legend-inline' }, h('span', { class: 'swatch verified' }), 'verified ', h('span', { class: 'swatch reported' }), 'reported, not verified'),
    h(
      'p',
      { class: 'note' },
      'Days in status count from when the certification reached its status (opened, data submitted, or the verifier’s first verdict) to today; every step is in the audit trail (WCCD staff). “Earned by verified data” is the level the verified indicators would earn now by the threshold table.',
    ),
    rows.some((r) => r.certification.sampleData)
      ? h('p', { class: 'note' }, 'Sample data: these certifications, their dates and values are generated, not WCCD records.')
      : '',
  );
}
