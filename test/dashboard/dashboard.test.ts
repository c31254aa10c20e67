/**
 * The reference dashboard end to end: Debian's Chromium (headless, no sandbox, no network beyond
 * 127.0.0.1) drives the built app served by the real gateway at /dashboard, over the real stack with
 * trusted documents enforced — so every operation the app sends must be a published one. Screenshots
 * (desktop and phone) are left in tmp/dashboard-screenshots/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { ordinal } from '../../web/src/peers';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(ROOT, 'tmp', 'dashboard-screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Builds web/ when web/dist is missing or older than a source (`npm test` builds it first anyway). */
function ensureBuilt(): void {
  const index = join(ROOT, 'web', 'dist', 'index.html');
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  const sources = Math.max(newest(join(ROOT, 'web', 'src')), statSync(join(ROOT, 'web', 'index.html')).mtimeMs, newest(join(ROOT, 'trusted-documents')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

let t: TestStack;
let origin: string;
/**
 * The test's own look-ups at the data: trusted documents are enforced for anonymous callers, so it
 * asks as WCCD staff (who may send any operation) and keeps to VERIFIED values as the public does.
 */
let staff: (query: string) => Promise<any>;
let context: BrowserContext;
let userDataDir: string;
/** Every request the browser tried that was not for 127.0.0.1 (aborted). */
const offHost: string[] = [];
/** GraphQL requests the app sent (signed in or not), with what the gateway answered. */
const graphql: { contentType: string | undefined; status: number; operation: string; signedIn: boolean }[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the dashboard tests need it. Install it with \`apt-get update && apt-get install -y chromium\` ` +
        '(.ci/run does), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  ensureBuilt();
  t = await startTestStack({ gateway: { trustedDocuments: 'enforce' } });
  origin = new URL(t.stack.gatewayUrl).origin;
  const token = await tokenFor('WCCD_STAFF');
  staff = async (query) => {
    const { data, errors } = await t.query(query, {}, { token });
    expect(errors).toBeUndefined();
    return data;
  };
  userDataDir = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: DESKTOP,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      offHost.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  context.on('response', async (response) => {
    const request = response.request();
    if (new URL(request.url()).pathname !== '/graphql') return;
    const body = request.postDataJSON() as { query?: string } | null;
    graphql.push({
      contentType: (await request.headerValue('content-type').catch(() => undefined)) ?? undefined,
      status: response.status(),
      operation: body?.query?.match(/query (\w+)/)?.[1] ?? '?',
      signedIn: /^Bearer ./.test((await request.headerValue('authorization').catch(() => null)) ?? ''),
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await t?.cleanup();
});

// The callbacks below run in the browser; the project's types have no DOM lib, hence `any` there.
/** Non-blank pixels of a canvas: Chart.js drew something. */
async function drawnPixels(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (c: any) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

const cellTexts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

test('registry → filter → Makati profile with its peer chart → gap view, on a desktop and a phone', async () => {
  const page = await context.newPage();

  // The registry: every certified city's latest certification, as the API lists it.
  await page.goto(`${origin}/dashboard/`);
  await page.waitForSelector('#registry-table tbody tr');
  expect(await page.isVisible('#sample-label')).toBe(true);
  expect(await page.textContent('#sample-label')).toMatch(/Sample data/);
  const all = await staff(`{ registry(first: 100) { totalCount edges { node { city { id name } level year } } } }`);
  const rows = await page.$$eval('#registry-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-city')));
  expect(rows.sort()).toEqual(all.registry.edges.map((e: any) => e.node.city.id).sort());
  expect(rows).toHaveLength(all.registry.totalCount);
  expect(await drawnPixels(page, '#level-chart')).toBeGreaterThan(500);
  expect(await page.getAttribute('#level-chart', 'aria-label')).toMatch(/Platinum \d+/);
  await shoot(page, 'desktop-registry');

  // Filtered by level: exactly the Platinum cities the API lists, each shown as Platinum.
  await page.selectOption('#f-level', 'PLATINUM');
  await page.waitForFunction(() => /level=PLATINUM/.test((globalThis as any).location.search));
  const platinum = await staff(`{ registry(first: 100, level: PLATINUM) { edges { node { city { id name } year } } } }`);
  const expected = platinum.registry.edges.map((e: any) => e.node.city.name);
  expect(expected.length).toBeGreaterThan(1);
  expect((await cellTexts(page, '#registry-table tbody th')).sort()).toEqual([...expected].sort());
  expect(new Set(await cellTexts(page, '#registry-table tbody td .badge'))).toEqual(new Set(['Platinum']));
  // Sorted by city name when that header is chosen.
  await page.click('#registry-table thead button:has-text("City")');
  expect(await cellTexts(page, '#registry-table tbody th')).toEqual([...expected].sort((a: string, b: string) => a.localeCompare(b)));
  expect(await page.getAttribute('#registry-table thead th:first-child', 'aria-sort')).toBe('ascending');
  await shoot(page, 'desktop-registry-platinum');

  // Makati's profile, reached by its link.
  await page.click('#registry-table a:has-text("Makati")');
  await page.waitForURL(/\/dashboard\/cities\/makati/);
  expect(await page.textContent('h1')).toBe('Makati');
  const history = await cellTexts(page, '#history-table tbody tr');
  expect(history[0]).toMatch(/^2016\s*Certified\s*Platinum/);
  expect(history).toHaveLength(3);
  const coverage = await staff(`{ city(id: "makati") { indicatorCoverage(year: 2016) { byTheme { theme coreVerified coreReported coreTotal } } } }`);
  const themes = coverage.city.indicatorCoverage.byTheme;
  expect(await cellTexts(page, '#coverage-table tbody th')).toEqual(themes.map((x: any) => x.theme));
  expect((await cellTexts(page, '#coverage-table tbody tr:first-child td'))[0]).toContain(
    `${themes[0].coreVerified} / ${themes[0].coreReported} / ${themes[0].coreTotal}`,
  );

  // Signed out, the peer comparison (WCCD and CityNet staff, a certified city's officers) is not asked
  // for: the section says who it is for and links to the sign-in.
  expect(await page.textContent('#peer-sign-in')).toMatch(/for WCCD and CityNet staff and the officers of currently certified cities/);
  expect(await page.isVisible('#peer-chart')).toBe(false);
  expect(graphql.filter((c) => c.operation === 'DashboardPeerComparison')).toEqual([]);
  expect(graphql.every((c) => !c.signedIn)).toBe(true);
  await shoot(page, 'desktop-city-makati-signed-out');

  // Signing in with a WCCD staff token (the form keeps it in sessionStorage) brings back the same page,
  // now with the API's peer comparison.
  await page.click('#peer-sign-in a:has-text("Sign in")');
  await page.waitForURL(/\/dashboard\/sign-in\?next=/);
  await page.fill('#staff-token', 'not a token');
  await page.click('form.sign-in button[type="submit"]');
  expect(await page.textContent('#sign-in-error')).toMatch(/not a token/);
  await shoot(page, 'desktop-sign-in');
  await page.fill('#staff-token', await tokenFor('WCCD_STAFF', { sub: 'staff:wccd-dashboard' }));
  await page.click('form.sign-in button[type="submit"]');
  await page.waitForURL(/\/dashboard\/cities\/makati$/);
  expect(await page.textContent('#signed-in')).toBe('Signed in: WCCD staff');

  // The peer chart: the first indicator (5.1, unemployment: lower is better) against the other
  // South-East Asian cities, ranked by the API by its direction, Makati never among its own peers.
  await page.waitForFunction(() => (globalThis as any).document.querySelector('#peer-chart')?.dataset.legend);
  expect(await drawnPixels(page, '#peer-chart')).toBeGreaterThan(2000);
  const comparison = await staff(`{ city(id: "makati") {
    y2014: peerComparison(year: 2014, indicatorIds: ["5.1"], peerGroup: REGION) { ...c }
    y2015: peerComparison(year: 2015, indicatorIds: ["5.1"], peerGroup: REGION) { ...c }
    y2016: peerComparison(year: 2016, indicatorIds: ["5.1"], peerGroup: REGION) { ...c } } }
    fragment c on PeerComparison { group indicators { betterWhen value peerCount rank percentile median peers { city { id } value } } }`);
  const byYear = ['y2014', 'y2015', 'y2016'].map((k) => comparison.city[k].indicators[0]);
  const s2016 = byYear[2];
  expect(s2016.betterWhen).toBe('LOWER');
  expect(s2016.peers.map((p: any) => p.city.id)).not.toContain('makati');
  expect(s2016.peerCount).toBeGreaterThan(3);
  // Lower is better: the rank counts the peers with a lower value (not, as before, a higher one).
  expect(s2016.rank).toBe(1 + s2016.peers.filter((p: any) => p.value < s2016.value).length);
  expect(await page.getAttribute('#peer-chart', 'data-legend')).toBe(
    `Makati | Peer median | Peer cities (${new Set(byYear.flatMap((x: any) => x.peers.map((p: any) => p.city.id))).size})`,
  );
  const headline = await page.textContent('#peer-standing');
  expect(headline).toContain(`2016: rank ${s2016.rank} of ${s2016.peerCount + 1} among ${comparison.city.y2016.group} peers (lower is better)`);
  expect(headline).toContain(`${ordinal(Math.round(s2016.percentile))} percentile`);
  expect(await cellTexts(page, '#peer-table thead th')).toEqual(['Data year', 'Makati', 'Peer median', 'Peers with a value', 'Rank', 'Percentile']);
  expect(await cellTexts(page, '#peer-table tbody th')).toEqual(['2014', '2015', '2016']);
  const ranks = await page.$$eval('#peer-table tbody tr', (trs) => trs.map((tr) => (tr.children[4].textContent ?? '').trim()));
  expect(ranks).toEqual(byYear.map((x: any) => (x.rank === null ? '—' : `${x.rank}/${x.peerCount + 1}`)));
  expect(graphql.filter((c) => c.operation === 'DashboardPeerComparison').every((c) => c.signedIn)).toBe(true);
  await shoot(page, 'desktop-city-makati');

  // The gap view: Makati is Platinum already, so its gap page says the target is met.
  await page.click('a:has-text("Gap to Platinum")');
  await page.waitForSelector('#gap-verdict');
  expect(await page.textContent('h1')).toBe('Makati: gap to Platinum');
  expect(await page.textContent('#gap-verdict')).toMatch(/already meets Platinum/);

  // A city with work to do: Kuala Lumpur (Silver) to Gold, with the workshops and mentors the API names.
  await page.goto(`${origin}/dashboard/cities/kuala-lumpur/gap`);
  await page.waitForSelector('#gap-verdict');
  expect(await page.textContent('h1')).toBe('Kuala Lumpur: gap to Gold');
  const gap = await staff(`{ city(id: "kuala-lumpur") { certificationGap(year: 2016, target: GOLD) {
    supportingNeeded upcomingWorkshops { title } mentorCandidates { city { name } } } } }`);
  const g = gap.city.certificationGap;
  expect(await page.textContent('#gap-verdict')).toContain(`${g.supportingNeeded} more verified supporting`);
  expect(await cellTexts(page, '#gap-workshops h3')).toEqual(g.upcomingWorkshops.map((w: any) => w.title));
  expect(await cellTexts(page, '#gap-mentors tbody th a')).toEqual(g.mentorCandidates.map((m: any) => m.city.name));
  expect(g.upcomingWorkshops.length).toBeGreaterThan(0);
  expect(g.mentorCandidates.length).toBeGreaterThan(0);
  await shoot(page, 'desktop-gap-kuala-lumpur');

  // A phone: the same pages fit the width (nothing wider than the screen) and still show the chart.
  await page.setViewportSize(PHONE);
  for (const [name, path, ready] of [
    ['phone-registry', '/dashboard/?level=PLATINUM', '#registry-table tbody tr'],
    ['phone-city-makati', '/dashboard/cities/makati', '#peer-chart[data-legend]'],
    ['phone-in-progress', '/dashboard/in-progress', '#progress-table tbody tr'],
    ['phone-gap-kuala-lumpur', '/dashboard/cities/kuala-lumpur/gap?year=2016&target=GOLD', '#gap-mentors'],
  ] as const) {
    await page.goto(`${origin}${path}`);
    await page.waitForSelector(ready);
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Nor do the tables need sideways scrolling: the less important columns are left out on a phone.
    const overflowing = await page.$$eval('.table-scroll', (boxes: any[]) =>
      boxes.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.querySelector('table')?.id),
    );
    expect(overflowing).toEqual([]);
    await shoot(page, name);
  }

  // Nothing left 127.0.0.1; every API call was a JSON POST the gateway accepted as a trusted document.
  expect(offHost).toEqual([]);
  expect(graphql.length).toBeGreaterThan(5);
  for (const call of graphql) {
    expect(call.contentType).toBe('application/json');
    expect(call).toMatchObject({ status: 200 });
    expect(call.operation).toMatch(/^Dashboard/);
  }
  expect(problems).toEqual([]);

  // Signing out: the token is gone and the peer comparison is not asked for again.
  await page.goto(`${origin}/dashboard/cities/makati`);
  await page.click('#sign-out');
  await page.waitForSelector('#peer-sign-in');
  expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
  expect(await page.textContent('#account')).toBe('Staff sign-in');
  await page.close();
}, 120_000);

test('certifications in progress, the city search, the export files and the cluster labels', async () => {
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);

  // Certifications in progress, reached from the header (anyone may see them: the data is public).
  await page.goto(`${origin}/dashboard/`);
  await page.click('header.site nav a:has-text("In progress")');
  await page.waitForURL(/\/dashboard\/in-progress$/);
  await page.waitForSelector('#progress-table tbody tr');
  expect(await page.getAttribute('header.site nav a:has-text("In progress")', 'aria-current')).toBe('page');
  const api = await staff(`{ cities(first: 100) { edges { node { id name certifications { year status statusChangedAt
    coverage { coreVerified coreReported coreTotal supportingVerified } } } } } }`);
  const open = api.cities.edges.flatMap((e: any) =>
    e.node.certifications
      .filter((x: any) => ['ENROLLED', 'DATA_SUBMITTED', 'UNDER_VERIFICATION'].includes(x.status))
      .map((x: any) => ({ id: e.node.id, name: e.node.name, ...x })),
  );
  // The sample's cities in progress, which the dashboard could reach only by a typed URL before.
  expect(open.map((x: any) => x.id).sort()).toEqual(['chennai', 'denpasar', 'iloilo-city', 'seoul']);
  const rows = await page.$$eval('#progress-table tbody tr', (trs: any[]) =>
    trs.map((tr) => ({
      id: tr.dataset.city,
      year: Number(tr.children[1].textContent.trim()),
      status: tr.dataset.status,
      statusText: tr.children[2].textContent.trim(),
      days: Number(tr.children[3].childNodes[0].textContent.replace(/,/g, '')),
      since: tr.children[3].querySelector('time')?.getAttribute('datetime'),
      core: tr.children[4].textContent.trim(),
      supporting: tr.children[5].textContent.trim(),
    })),
  );
  // Furthest along first: under verification, data submitted, enrolled.
  expect(rows.map((r) => r.status)).toEqual(['UNDER_VERIFICATION', 'DATA_SUBMITTED', 'ENROLLED', 'ENROLLED']);
  expect(rows.map((r) => r.id).sort()).toEqual(open.map((x: any) => x.id).sort());
  const now = Date.now();
  for (const row of rows) {
    const x = open.find((o: any) => o.id === row.id);
    expect(row).toMatchObject({ year: x.year, status: x.status, since: x.statusChangedAt });
    expect(row.statusText).toBe({ ENROLLED: 'Enrolled', DATA_SUBMITTED: 'Data submitted', UNDER_VERIFICATION: 'Under verification' }[x.status as string]);
    expect(row.core).toBe(`${x.coverage.coreVerified} / ${x.coverage.coreReported} / ${x.coverage.coreTotal}`);
    expect(row.supporting.startsWith(`${x.coverage.supportingVerified} / `)).toBe(true);
    // Whole days since the status was reached, by the browser's clock (read a moment before the test's).
    const days = Math.floor((now - Date.parse(x.statusChangedAt)) / 86_400_000);
    expect(row.days === days || row.days === days - 1).toBe(true);
  }
  expect((await cellTexts(page, '#progress-counts li')).join(' | ')).toBe('1 under verification | 1 data submitted | 2 enrolled');
  await shoot(page, 'desktop-in-progress');
  await page.click('#progress-table a:has-text("Seoul")');
  await page.waitForURL(/\/dashboard\/cities\/seoul$/);
  await page.waitForSelector('#history-table');
  expect((await cellTexts(page, '#history-table tbody tr'))[0]).toMatch(/^2016\s*Under verification/);

  // Cluster labels as CityNet writes them: Seoul is in the SDGs cluster.
  const facts = await page.$$eval('dl.facts dt', (dts: any[]) =>
    Object.fromEntries(dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])),
  );
  expect(facts.Clusters).toBe('Climate change, SDGs');
  expect(await page.textContent('main')).not.toMatch(/Sdgs/);

  // The city search: "mak" finds Makati as the user types; Enter opens its page.
  await page.fill('#city-search', 'mak');
  await page.waitForSelector('#city-search-results a[data-city="makati"]');
  const search = await staff(`{ cities(first: 8, filter: { search: "mak" }) { edges { node { id } } } }`);
  expect(await page.$$eval('#city-search-results a', (as: any[]) => as.map((a) => a.dataset.city))).toEqual(search.cities.edges.map((e: any) => e.node.id));
  expect(await page.textContent('#city-search-status')).toMatch(/^1 city$/);
  await shoot(page, 'desktop-search-mak');
  await page.press('#city-search', 'Enter');
  await page.waitForURL(/\/dashboard\/cities\/makati$/);
  await page.waitForSelector('h1:has-text("Makati")');
  expect(await page.inputValue('#city-search')).toBe('');
  expect(await page.isVisible('#city-search-results')).toBe(false);
  // A former name finds the city as it is called now; a typo gets the nearest names, to be chosen.
  await page.fill('#city-search', 'madras');
  await page.waitForSelector('#city-search-results a[data-city="chennai"]');
  expect(await page.textContent('#city-search-results a[data-city="chennai"]')).toContain('as Madras');
  await page.fill('#city-search', 'makatti');
  await page.waitForSelector('#city-search-status:has-text("nearest names")');
  await page.click('#city-search-results a[data-city="makati"]');
  await page.waitForURL(/\/dashboard\/cities\/makati$/);

  // The export files the gateway serves, linked from the city page (the year's verified values) and
  // the registry (with its filters): each downloads with the right type.
  await page.waitForSelector('#values-downloads a');
  const valueLinks = await page.$$eval('#values-downloads a', (as: any[]) => as.map((a) => a.getAttribute('href')));
  expect(valueLinks).toEqual(['/exports/cities/makati/values/2016.csv', '/exports/cities/makati/values/2016.json']);
  await page.goto(`${origin}/dashboard/?level=GOLD&country=CA`);
  await page.waitForSelector('#registry-downloads a');
  const registryLinks = await page.$$eval('#registry-downloads a', (as: any[]) => as.map((a) => a.getAttribute('href')));
  expect(registryLinks).toEqual(['/exports/registry.csv?level=GOLD&country=CA', '/exports/registry.json?level=GOLD&country=CA']);
  for (const href of [...valueLinks, ...registryLinks]) {
    const res = await context.request.get(`${origin}${href}`);
    expect([href, res.status()]).toEqual([href, 200]);
    expect(res.headers()['content-type']).toBe(href.includes('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="/);
  }
  const gold = JSON.parse(await (await context.request.get(`${origin}${registryLinks[1]}`)).text());
  const shown = await cellTexts(page, '#registry-table tbody th');
  expect(gold.map((r: any) => r.cityName).sort()).toEqual([...shown].sort());
  // Clicking a link is a download (the browser saves the file, the page stays).
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#registry-downloads a:has-text("CSV")')]);
  expect(download.suggestedFilename()).toBe('registry.csv');
  expect(await download.failure()).toBeNull();
  expect(page.url()).toMatch(/\/dashboard\/\?level=GOLD&country=CA$/);

  // On a phone the search box takes the header's width and its list fits the screen.
  await page.setViewportSize(PHONE);
  await page.goto(`${origin}/dashboard/in-progress`);
  await page.waitForSelector('#progress-table tbody tr');
  await page.fill('#city-search', 'ku');
  await page.waitForSelector('#city-search-results a[data-city="kuala-lumpur"]');
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-search-ku.png') });

  expect(offHost).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
}, 90_000);

test('an unknown city and an API refusal show their states instead of a blank page', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/dashboard/cities/atlantis`);
  await page.waitForSelector('h1:has-text("City not found")');
  // The API refusing (here: a trusted-documents refusal injected at the browser) is shown as an error.
  await page.route('**/graphql', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ errors: [{ message: 'Refused for the test', extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }] }),
    }),
  );
  await page.goto(`${origin}/dashboard/?year=2015`);
  await page.waitForSelector('[role="alert"]');
  expect(await page.textContent('[role="alert"]')).toContain('Refused for the test');
  expect(await page.isVisible('[role="alert"] button:has-text("Try again")')).toBe(true);
  await page.close();
  problems.length = 0; // the 403 above is logged by the browser on purpose
}, 30_000);

describe('GET /dashboard (static files from web/dist)', () => {
  const get = (path: string, init?: RequestInit) => fetch(`${origin}${path}`, { redirect: 'manual', ...init });

  test('pages get index.html (no-cache, CSP); hashed assets are cached for good with their content type', async () => {
    for (const path of ['/dashboard', '/dashboard/', '/dashboard/cities/makati', '/dashboard/cities/makati/gap?year=2016']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<main id="main"');
    }
    const html = await (await get('/dashboard/')).text();
    const js = html.match(/src="(\/dashboard\/assets\/[^"]+\.js)"/)![1];
    const css = html.match(/href="(\/dashboard\/assets\/[^"]+\.css)"/)![1];
    const script = await get(js);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get(css)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    // Revalidation by ETag.
    const etag = script.headers.get('etag')!;
    expect((await get(js, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await get(js, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  test('missing assets are 404, traversal and other methods are refused, /graphql is untouched', async () => {
    expect((await get('/dashboard/assets/nope.js')).status).toBe(404);
    expect((await get('/dashboard/favicon.ico')).status).toBe(404);
    for (const path of [
      '/dashboard/%2e%2e/package.json',
      '/dashboard/..%2f..%2fpackage.json',
      '/dashboard/assets/..%5c..%5cpackage.json',
      '/dashboard/%00.js',
    ]) {
      const res = await get(path);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('"name": "citynet-wccd-federation"');
    }
    expect((await get('/dashboard/%E0%A4%A.js')).status).toBe(400);
    const post = await get('/dashboard/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/dashboardx')).status).toBe(404);
    const api = await staff('{ certificationLevels { level } }');
    expect(api.certificationLevels).toHaveLength(5);
  });
});
