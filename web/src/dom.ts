/** A tiny element builder: text goes in as text nodes, never as HTML, so API strings cannot inject markup. */
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (key === 'class') el.className = String(value);
    // Through the CSSOM: the page's Content-Security-Policy refuses inline style attributes.
    else if (key === 'style') el.style.cssText = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A link inside the app (the router intercepts it; it still works as a plain link). */
export const link = (href: string, ...children: Child[]) => h('a', { href, 'data-link': true }, ...children);

export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`);
}

export function errorBox(message: string, retry?: () => void): HTMLElement {
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', {}, 'Could not load this page. '),
    message,
    retry ? h('button', { type: 'button', onclick: () => retry() }, 'Try again') : null,
  );
}

export function warningBox(warnings: string[]): HTMLElement | null {
  if (!warnings.length) return null;
  return h('div', { class: 'warning', role: 'status' }, h('strong', {}, 'Some data is missing: '), warnings.join('; '));
}

/** A labelled <select>; `value` is selected when present. */
export function select(
  id: string,
  label: string,
  options: { value: string; label: string }[],
  value: string,
  onChange: (value: string) => void,
  grow = false,
): HTMLElement {
  const sel = h('select', { id, name: id }, ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
  sel.addEventListener('change', () => onChange(sel.value));
  return h('div', { class: grow ? 'field grow' : 'field' }, h('label', { for: id }, label), sel);
}

/** A thin bar: verified (dark) over reported (light) out of `total`; decorative (the figures are beside it). */
export function coverageBar(verified: number, reported: number, total: number): HTMLElement {
  const pct = (n: number) => (total ? `${(100 * n) / total}%` : '0%');
  return h(
    'span',
    { class: 'coverage-bar', 'aria-hidden': 'true' },
    h('span', { class: 'reported', style: `width:${pct(reported)}` }),
    h('span', { class: 'verified', style: `width:${pct(verified)}` }),
  );
}

/** A level as a coloured badge (the colours: ./palette.ts, set as CSS variables by main.ts). */
export function levelBadge(level: string, text: string): HTMLElement {
  return h('span', { class: `badge level-${level.toLowerCase()}` }, text);
}

/** Links to one file in two formats, e.g. "CSV · JSON", each saved as a download. */
export function downloads(label: string, id: string, hrefs: { csv: string; json: string }): HTMLElement {
  return h(
    'p',
    { class: 'downloads', id },
    h('span', { class: 'downloads-label' }, label),
    ' ',
    h('a', { href: hrefs.csv, download: true, type: 'text/csv' }, 'CSV'),
    ' · ',
    h('a', { href: hrefs.json, download: true, type: 'application/json' }, 'JSON'),
  );
}
