/**
 * The reference dashboard: a single-page app under /dashboard/ (the gateway serves index.html for
 * every page path), routed with the History API.
 */
import './style.css';
import { claims, onAuthChange, signOut, token, whoLabel } from './auth';
import { destroyCharts } from './charts';
import { renderRegistry } from './pages/registry';
import { renderCity } from './pages/city';
import { renderGap } from './pages/gap';
import { renderProgress } from './pages/progress';
import { renderSignIn } from './pages/signin';
import { h, link } from './dom';
import { LEVEL_COLOURS } from './palette';
import { BASE, signInPath } from './paths';
import { mountSearch } from './search';

const main = document.getElementById('main')!;

// The level colours (./palette.ts, checked for contrast and colour-blind distinctness) as CSS variables
// for the badges; set through the CSSOM, which the page's Content-Security-Policy allows.
for (const [level, colour] of Object.entries(LEVEL_COLOURS)) {
  document.documentElement.style.setProperty(`--level-${level.toLowerCase()}`, colour.fill);
  document.documentElement.style.setProperty(`--level-${level.toLowerCase()}-text`, colour.text);
}

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
  markCurrent(path);
  let m: RegExpMatchArray | null;
  if (path === '/') void renderRegistry(ctx);
  else if (path === '/in-progress') void renderProgress(ctx);
  else if (path === '/sign-in') renderSignIn(ctx, navigate);
  else if ((m = path.match(/^\/cities\/([a-z0-9-]+)$/))) void renderCity(ctx, m[1]);
  else if ((m = path.match(/^\/cities\/([a-z0-9-]+)\/gap$/))) void renderGap(ctx, m[1]);
  else {
    document.title = 'Not found · CityNet–WCCD dashboard';
    main.append(h('h1', {}, 'Page not found'), h('p', {}, 'There is no such page. ', link(`${BASE}/`, 'Back to the registry')));
  }
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  drawAccount();
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

/** The main navigation marks the page shown. */
function markCurrent(path: string): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header.site nav a')) {
    const target = new URL(a.href).pathname.replace(/\/+$/, '').slice(BASE.length) || '/';
    if (target === path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Who is signed in, with a way out; or the way in. */
function drawAccount(): void {
  const account = document.getElementById('account')!;
  if (token()) {
    account.replaceChildren(
      h('span', { id: 'signed-in' }, h('span', { class: 'wide-only' }, 'Signed in: '), whoLabel(claims())),
      ' ',
      h('button', { type: 'button', class: 'link-button', id: 'sign-out', onclick: () => signOut() }, 'Sign out'),
    );
  } else {
    const a = link(signInPath(), 'Staff sign-in');
    // Back to the page as it is when clicked (its query string changes without a navigation).
    a.addEventListener('click', () => {
      a.href = location.pathname.startsWith(signInPath()) ? location.href : signInPath(`${location.pathname}${location.search}`);
    });
    account.replaceChildren(a);
  }
}
// Signing in or out changes what the API shows: the page is drawn again.
onAuthChange(() => {
  drawAccount();
  route();
});
window.addEventListener('popstate', drawAccount);

mountSearch(document.getElementById('search')!, navigate);
drawAccount();
route();
