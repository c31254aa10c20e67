/** Gap to the next level: what is missing for a target level, and the workshops and mentors that would help. */
import { fetchFacets, fetchGap } from '../api';
import { errorBox, h, link, loading, select, warningBox } from '../dom';
import { countryName, levelLabel, LEVELS, nextLevel } from '../format';
import type { PageContext } from '../main';
import { cityPath, registryPath } from '../paths';
import type { GapData, GapIndicator, Level } from '../types';

export async function renderGap(ctx: PageContext, id: string): Promise<void> {
  const { main, params } = ctx;
  main.append(loading('the gap to the next level'));
  let years: number[];
  let data: GapData;
  let warnings: string[];
  let year: number;
  let target: Level;
  try {
    years = (await fetchFacets()).years;
    const askedYear = Number(params.get('year')) || undefined;
    const askedTarget = LEVELS.find((l) => l === params.get('target'));
    year = askedYear ?? years[years.length - 1];
    target = askedTarget ?? 'PLATINUM';
    ({ data, warnings } = await fetchGap(id, year, target));
    // Not chosen (a bare link): the data year of the latest certification, and the level above it.
    if (data.city && (!askedYear || !askedTarget)) {
      const latest = data.city.certifications.find((x) => x.status === 'CERTIFIED');
      const wantYear = askedYear ?? latest?.year ?? year;
      const wantTarget = askedTarget ?? nextLevel(latest?.level);
      if (wantYear !== year || wantTarget !== target) {
        year = wantYear;
        target = wantTarget;
        ({ data, warnings } = await fetchGap(id, year, target));
      }
    }
  } catch (error) {
    if (ctx.current()) main.replaceChildren(errorBox((error as Error).message, () => ctx.reload()));
    return;
  }
  if (!ctx.current()) return;
  const city = data.city;
  if (!city) {
    main.replaceChildren(h('h1', {}, 'City not found'), h('p', {}, `No city has the id “${id}”. `, link(registryPath(), 'Back to the registry')));
    return;
  }
  document.title = `${city.name}: gap to ${levelLabel(target)} · CityNet–WCCD dashboard`;
  const gap = city.certificationGap;
  const latest = city.certifications.find((x) => x.status === 'CERTIFIED');
  const change = (changes: Record<string, string>) => {
    ctx.setParams({ year: String(year), target, ...changes });
    ctx.reload();
  };

  const indicatorTable = (tableId: string, caption: string, items: GapIndicator[]) =>
    items.length
      ? h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'data', id: tableId },
            h('caption', {}, caption),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Clause'), h('th', { scope: 'col' }, 'Indicator'), h('th', { scope: 'col' }, 'Theme'))),
            h('tbody', {}, ...items.map((i) => h('tr', {}, h('th', { scope: 'row' }, i.id), h('td', {}, i.name), h('td', {}, i.theme)))),
          ),
        )
      : null;

  main.replaceChildren(
    h(
      'nav',
      { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      link(registryPath(), 'Registry'),
      ' › ',
      link(cityPath(city.id), city.name),
      ' › ',
      h('span', { 'aria-current': 'page' }, 'Gap to the next level'),
    ),
    h('h1', {}, `${city.name}: gap to ${levelLabel(target)}`),
    h('p', { class: 'lede' }, latest ? `Latest certification: ${levelLabel(latest.level)} for data year ${latest.year}.` : 'Not certified yet.'),
    warningBox(warnings) ?? '',
    h(
      'form',
      { class: 'filters', 'aria-label': 'Choose the data year and target level', onsubmit: (e: Event) => e.preventDefault() },
      select(
        'gap-year',
        'Data year',
        years.map((y) => ({ value: String(y), label: String(y) })),
        String(year),
        (v) => change({ year: v }),
      ),
      select(
        'gap-target',
        'Target level',
        data.certificationLevels.map((l) => ({
          value: l.level,
          label: `${levelLabel(l.level)} (${l.minCoreVerified} core, ${l.minSupportingVerified} supporting)`,
        })),
        target,
        (v) => change({ target: v }),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-missing' },
      h('h2', { id: 'h-missing' }, 'What is missing'),
      h(
        'p',
        { class: gap.reached ? 'verdict reached' : 'verdict', id: 'gap-verdict' },
        gap.reached
          ? `The verified ${gap.year} data already meets ${levelLabel(gap.target)}.`
          : `For ${levelLabel(gap.target)}, the ${gap.year} data needs ${[
              gap.coreNeeded ? `${gap.coreNeeded} more verified core` : '',
              gap.supportingNeeded ? `${gap.supportingNeeded} more verified supporting` : '',
            ]
              .filter(Boolean)
              .join(' and ')} indicators${gap.coreNeeded ? '' : ' (every core indicator it needs is verified)'}.`,
      ),
      h(
        'table',
        { class: 'data compact', id: 'gap-summary' },
        h('caption', {}, `VERIFIED indicators for ${gap.year} against the ${levelLabel(gap.target)} threshold`),
        h(
          'thead',
          {},
          h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'Verified'), h('th', { scope: 'col' }, 'Required'), h('th', { scope: 'col' }, 'Still needed')),
        ),
        h(
          'tbody',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, 'Core'),
            h('td', { class: 'num' }, gap.coreVerified),
            h('td', { class: 'num' }, gap.requiredCoreVerified),
            h('td', { class: 'num' }, gap.coreNeeded),
          ),
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, 'Supporting'),
            h('td', { class: 'num' }, gap.supportingVerified),
            h('td', { class: 'num' }, gap.requiredSupportingVerified),
            h('td', { class: 'num' }, gap.supportingNeeded),
          ),
        ),
      ),
      gap.gapThemes.length ? h('p', {}, 'Themes where the gap lies: ', h('strong', {}, gap.gapThemes.join(', ')), '.') : null,
      indicatorTable('missing-core', 'Core indicators with no value', gap.missingCore),
      indicatorTable('unverified-core', 'Core indicators reported but not verified yet', gap.unverifiedCore),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-workshops' },
      h('h2', { id: 'h-workshops' }, 'Upcoming workshops on these themes'),
      gap.upcomingWorkshops.length
        ? h(
            'ul',
            { class: 'cards', id: 'gap-workshops' },
            ...gap.upcomingWorkshops.map((w) =>
              h(
                'li',
                {},
                h('h3', {}, w.title),
                h('p', {}, `${w.localStartsAt.slice(0, 16).replace('T', ' ')} (${w.timezone}) · ${w.format.toLowerCase()} · ${w.seatsAvailable} seats left`),
                h(
                  'p',
                  { class: 'muted' },
                  `Themes: ${w.themes.join(', ')}`,
                  w.hostCity ? ` · hosted by ${w.hostCity.name}, ${countryName(w.hostCity.country)}` : ' · online',
                ),
              ),
            ),
          )
        : h('p', {}, gap.reached ? 'Nothing to close for this target.' : 'No upcoming workshop covers these themes.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-mentors' },
      h('h2', { id: 'h-mentors' }, 'Mentor candidates'),
      h('p', {}, 'Cities certified Silver or higher whose latest certified data is verified in the themes of the gap.'),
      gap.mentorCandidates.length
        ? h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'data', id: 'gap-mentors' },
              h('caption', {}, 'Mentor candidates, best match first'),
              h(
                'thead',
                {},
                h('tr', {}, h('th', { scope: 'col' }, 'City'), h('th', { scope: 'col' }, 'Certified data year'), h('th', { scope: 'col' }, 'Verified in')),
              ),
              h(
                'tbody',
                {},
                ...gap.mentorCandidates.map((m) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, link(cityPath(m.city.id), m.city.name), h('span', { class: 'muted' }, ` · ${countryName(m.city.country)}`)),
                    h('td', { class: 'num' }, m.dataYear),
                    h('td', {}, m.verifiedThemes.join(', ')),
                  ),
                ),
              ),
            ),
          )
        : h('p', {}, gap.reached ? 'No mentoring needed for this target.' : 'No mentor candidate yet.'),
    ),
  );
}
