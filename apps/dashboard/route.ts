/**
 * Serves the reference dashboard (web/, built by `npm run build:web` into web/dist) at /dashboard:
 * static files from the build, index.html for every page path of the single-page app. The dashboard
 * itself reads only the public GraphQL API at /graphql.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import type http from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

export const DASHBOARD_PATH = '/dashboard';

/**
 * Where the build is: the repository's web/dist beside the sources (tsx), dist/web/dist in the image
 * (see the Dockerfile), or the repository's web/dist when the compiled gateway runs from dist/
 * (npm run build).
 */
export const DEFAULT_DASHBOARD_DIR =
  [resolve(__dirname, '..', '..', 'web', 'dist'), resolve(__dirname, '..', '..', '..', 'web', 'dist')].find((dir) => existsSync(join(dir, 'index.html'))) ??
  resolve(__dirname, '..', '..', 'web', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page may load only its own scripts and styles and talk only to its own origin; Chart.js draws
 * on a canvas and sets element styles through the CSSOM, which this policy allows.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };

function text(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * A route for the gateway's HTTP layer: answers (and resolves true) for /dashboard and everything
 * under it, leaves every other path to the next handler.
 */
export function createDashboardRoute(options: { dir?: string } = {}) {
  const root = resolve(options.dir ?? DEFAULT_DASHBOARD_DIR);

  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== DASHBOARD_PATH && !url.pathname.startsWith(`${DASHBOARD_PATH}/`)) return false;
    const method = req.method?.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      text(res, 405, `${method} is not supported here: the dashboard is read with GET.\n`, { allow: 'GET, HEAD' });
      return true;
    }

    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(DASHBOARD_PATH.length));
    } catch {
      text(res, 400, 'Malformed URL encoding.\n');
      return true;
    }
    // Dot segments are already resolved by URL parsing; an encoded one (%2e%2e, %2f, %5c) or a NUL
    // is refused here, and the resolved path is checked to stay inside the build folder anyway.
    const segments = relative.split('/').filter(Boolean);
    if (relative.includes('\0') || relative.includes('\\') || segments.some((s) => s === '..' || s === '.')) {
      text(res, 400, 'Bad path.\n');
      return true;
    }
    const last = segments[segments.length - 1] ?? '';
    // A path whose last segment has an extension names a file; any other is a page of the app.
    const isAsset = extname(last) !== '';
    const file = isAsset ? resolve(root, ...segments) : join(root, 'index.html');
    if (file !== root && !file.startsWith(root + sep)) {
      text(res, 400, 'Bad path.\n');
      return true;
    }

    let body: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      body = await fs.readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      if (!isAsset) text(res, 503, 'The dashboard is not built: run `npm run build:web`.\n');
      else text(res, 404, `Not found: ${url.pathname}\n`);
      return true;
    }

    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      ...COMMON_HEADERS,
      'content-type': type,
      etag,
      // Vite names every built asset by its content hash: cache it for good. The HTML names the
      // current assets, so it is revalidated each time.
      'cache-control': isAsset && segments[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = CSP;
      headers['x-frame-options'] = 'DENY';
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) });
    res.end(method === 'HEAD' ? undefined : body);
    return true;
  };
}
