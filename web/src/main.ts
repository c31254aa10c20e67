/**
 * The reference dashboard: a single-page app under /dashboard/ (the gateway serves index.html for
 * every page path), routed with the History API.
 */
import './style.css';
import { destroyCharts } from './charts';
import { renderRegistry } from './pages/registry';
import { renderCity } from './pages/city';
import { renderGap } from './pages/gap';
import { h, link } from './dom';
import { BASE } from './paths';

const main = document.getElementById('main')!;

/** Bumped on every navigation, so a slow answer for a page already left is dropped. */
let generation = 0;
export interface PageContext {
  main: HTMLElement;
  params: URLSearchParams;
  /** True while the page is still the one shown. */
  current(): boolean;
  /** Updates the query string of this page without a new history entry. */
  setParams(params: Record<string, string | null>): void;
  /** Renders the page again (after setParams). */
  reload(): void;
}

function route(): void {
  destroyCharts();
  const gen = ++generation;
  const url = new URL(location.href);
  const path = url.pathname.replace(/\/+$/, '').slice(BASE.length) || '/';
  const ctx: PageContext = {
    main,
    params: url.searchParams,
    current: () => gen === generation,
    setParams(params) {
      const next = new URL(location.href);
      for (const [k, v] of Object.entries(params)) v === null || v === '' ? next.searchParams.delete(k) : next.searchParams.set(k, v);
      history.replaceState(null, '', next);
    },
    reload: () => route(),
  };
  main.replaceChildren();
  let m: RegExpMatchArray | null;
  if (path === '/') void renderRegistry(ctx);
  else if ((m = path.match(/^\/cities\/([a-z0-9-]+)$/))) void renderCity(ctx, m[1]);
  else if ((m = path.match(/^\/cities\/([a-z0-9-]+)\/gap$/))) void renderGap(ctx, m[1]);
  else {
    document.title = 'Not found · CityNet–WCCD dashboard';
    main.append(h('h1', {}, 'Page not found'), h('p', {}, 'There is no such page. ', link(`${BASE}/`, 'Back to the registry')));
  }
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  route();
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

document.addEventListener('click', (event) => {
  const a = (event.target as Element).closest?.('a[data-link]') as HTMLAnchorElement | null;
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', route);
route();
