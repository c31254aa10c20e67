/**
 * The city search box in the header: as the user types, the API's `cities(filter: { search })` (names,
 * native-script, former and alternative names; ranked exact, prefix, word) lists matching cities as
 * links to their pages; when none matches, `citySuggestions` offers the nearest names. Enter opens
 * the first match; the arrow keys move through the list; Escape closes it.
 */
import { searchCities } from './api';
import { h } from './dom';
import { countryName } from './format';
import { cityPath } from './paths';

/** The API's limit for `filter.search`. */
const MAX_LENGTH = 100;
/** Answers while typing, without one request per key. */
const DEBOUNCE_MS = 150;

export function mountSearch(host: HTMLElement, navigate: (href: string) => void): void {
  const input = h('input', {
    id: 'city-search',
    type: 'search',
    name: 'q',
    placeholder: 'Find a city',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: MAX_LENGTH,
    'aria-controls': 'city-search-results',
    'aria-expanded': 'false',
    'aria-describedby': 'city-search-status',
  });
  const status = h('p', { id: 'city-search-status', class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { id: 'city-search-results', class: 'search-results' });
  const panel = h('div', { class: 'search-panel', hidden: true }, status, list);
  const form = h(
    'form',
    { role: 'search', class: 'search', 'aria-label': 'Find a city', onsubmit: (e: Event) => e.preventDefault() },
    h('label', { for: 'city-search', class: 'visually-hidden' }, 'Find a city by name'),
    input,
    panel,
  );
  host.replaceChildren(form);

  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first: string | null = null;

  const open = (on: boolean) => {
    panel.hidden = !on;
    input.setAttribute('aria-expanded', String(on));
  };
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const close = () => {
    open(false);
    list.replaceChildren();
    status.textContent = '';
    first = null;
  };

  const entry = (id: string, name: string, country: string, note: string | null) =>
    h(
      'li',
      {},
      h(
        'a',
        { href: cityPath(id), 'data-link': true, 'data-city': id },
        h('span', { class: 'search-name' }, name),
        h('span', { class: 'search-meta' }, `${countryName(country)}${note ? ` · ${note}` : ''}`),
      ),
    );

  const search = async () => {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) return close();
    let answer: Awaited<ReturnType<typeof searchCities>>;
    try {
      answer = await searchCities(q);
    } catch (error) {
      if (mine !== asked) return;
      list.replaceChildren();
      first = null;
      status.textContent = `Search failed: ${(error as Error).message}`;
      open(true);
      return;
    }
    // A newer search was started (or the box emptied) while this one ran.
    if (mine !== asked) return;
    const { cities, citySuggestions } = answer.data;
    if (cities.edges.length) {
      list.replaceChildren(
        ...cities.edges.map((e) => entry(e.node.id, e.node.name, e.node.country, e.match && e.match.name !== e.node.name ? `as ${e.match.name}` : null)),
      );
      first = cityPath(cities.edges[0].node.id);
      status.textContent =
        cities.totalCount > cities.edges.length
          ? `${cities.edges.length} of ${cities.totalCount} cities: type more to narrow`
          : `${cities.totalCount} ${cities.totalCount === 1 ? 'city' : 'cities'}`;
    } else {
      list.replaceChildren(...citySuggestions.map((s) => entry(s.id, s.name, s.city.country, s.matchedName !== s.name ? `as ${s.matchedName}` : null)));
      first = null;
      status.textContent = citySuggestions.length ? `No city is called “${q}”. The nearest names:` : `No city is called “${q}”.`;
    }
    open(true);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (!input.value.trim()) {
      asked++;
      close();
      return;
    }
    timer = setTimeout(() => void search(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      // The first match (a suggestion is only a suggestion: it is chosen, not taken).
      if (first) go(first);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Escape') {
      close();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at <= 0) input.focus();
      else all[at - 1].focus();
    } else if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  // A result chosen (the router follows the link): the box is done.
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) {
      input.value = '';
      open(false);
    }
  });
  // Clicking or tabbing elsewhere closes the list.
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (list.childElementCount || status.textContent) open(true);
  });

  function go(href: string) {
    input.value = '';
    close();
    navigate(href);
  }
}
