// The browser app's static server: serves the app layout with the tool's own security headers.
//
// Layout (URL path → folder):
//   /app/**   web/app/     (index.html, main.mjs, worker.mjs, ...)
//   /wasm/**  build/wasm/  (portal_check.mjs, portal_check.wasm); the worker imports
//             '../wasm/portal_check.mjs' relative to /app/.
//   /host/**  web/host/    (engine.mjs, the engine wrapper the worker shares with the CLI:
//             '../host/engine.mjs')
//   /host/bundle/vendor/**  node_modules/canonicalize/lib/ (the bundle code's RFC 8785 library,
//             imported by web/host/bundle/canonical-json.mjs in browsers; without `root` only —
//             a deployed copy ships host/bundle/vendor/canonicalize.js itself)
//   /         302 → /app/
// `root` (optional) is a folder that already holds app/, wasm/ and host/ (a deployed copy); without
// it the three folders of this repository are used.
//
// startAppServer({port = 8088, host = '127.0.0.1', root, tls}) → Promise<{url, origin, port, close()}>
//   tls = {key, cert} (PEM) serves https and adds Strict-Transport-Security; without it plain http.
//   Port 0 picks a free port.
// startRedirectServer({port, host, to}) → Promise<{url, port, close()}>: plain http answering every
//   request with 301 to `to` (an origin) + the same path, carrying the same security headers.
// createAppHandler({root, prefix = '/', https = false}) → (req, res) => boolean: answers requests
//   under `prefix` (e.g. '/portal-check/' when a portal mounts the app) and returns false for others.
//
// Rules: GET and HEAD only (405 otherwise); no directory listing (a folder answers with its
// index.html or 404); dot-files, "..", backslashes, NUL and encoded slashes are refused (404); the
// resolved real path must stay inside its folder (symlinks out are refused).
import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'", "form-action 'none'", "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen', 'geolocation',
  'gyroscope', 'hid', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture',
  'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
].map((f) => `${f}=()`).join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

export const MIME = {
  '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.json': 'application/json; charset=utf-8', '.png': 'image/png',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// The headers every response carries (errors and redirects too).
export function securityHeaders({ https: secure = false, html = false } = {}) {
  const h = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cache-Control': html ? 'no-store' : 'no-cache',
  };
  if (secure) h['Strict-Transport-Security'] = HSTS;
  return h;
}

function mounts(root) {
  const base = root ? path.resolve(root) : null;
  return [
    ...(base ? [] : [['host/bundle/vendor/', path.join(REPO, 'node_modules', 'canonicalize', 'lib')]]),
    ['app/', base ? path.join(base, 'app') : path.join(REPO, 'web', 'app')],
    ['wasm/', base ? path.join(base, 'wasm') : path.join(REPO, 'build', 'wasm')],
    ['host/', base ? path.join(base, 'host') : path.join(REPO, 'web', 'host')],
  ];
}

function reply(req, res, status, headers, body) {
  const buf = Buffer.from(body ?? '');
  res.writeHead(status, { ...headers, 'Content-Length': String(buf.length) });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

// Maps a URL path below the mount prefix to a file, or null. Never throws.
function resolveFile(folder, rest) {
  let decoded;
  try { decoded = decodeURIComponent(rest); } catch { return null; }
  if (/[\\\0]/.test(decoded) || /%2f|%5c/i.test(rest)) return null;
  const parts = decoded.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p.startsWith('.'))) return null;
  if (decoded === '' || decoded.endsWith('/')) parts[parts.length - 1] = 'index.html';
  let real;
  let top;
  try {
    top = fs.realpathSync(folder);
    real = fs.realpathSync(path.join(folder, ...parts));
  } catch { return null; }
  if (real !== top && !real.startsWith(top + path.sep)) return null;
  let st;
  try { st = fs.statSync(real); } catch { return null; }
  return st.isFile() ? real : null;
}

export function createAppHandler({ root, prefix = '/', https: secure = false } = {}) {
  const table = mounts(root);
  return (req, res) => {
    const pathname = (req.url || '/').split(/[?#]/, 1)[0];
    if (!pathname.startsWith(prefix)) return false;
    const plain = { ...securityHeaders({ https: secure }), 'Content-Type': 'text/plain; charset=utf-8' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(req, res, 405, { ...plain, Allow: 'GET, HEAD' }, 'method not allowed\n');
      return true;
    }
    const rest = pathname.slice(prefix.length);
    if (rest === '' || rest === 'app') {
      reply(req, res, 302, { ...plain, Location: `${prefix}app/` }, '');
      return true;
    }
    const mount = table.find(([p]) => rest.startsWith(p));
    const file = mount ? resolveFile(mount[1], rest.slice(mount[0].length)) : null;
    if (!file) {
      reply(req, res, 404, plain, 'not found\n');
      return true;
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const html = type.startsWith('text/html');
    let body;
    try { body = fs.readFileSync(file); } catch {
      reply(req, res, 404, plain, 'not found\n');
      return true;
    }
    reply(req, res, 200, { ...securityHeaders({ https: secure, html }), 'Content-Type': type }, body);
    return true;
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(server.address().port); });
  });
}

function closer(server) {
  const sockets = new Set();
  server.on(server instanceof https.Server ? 'secureConnection' : 'connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () => new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

export async function startAppServer({ port = 8088, host = '127.0.0.1', root, tls } = {}) {
  const handle = createAppHandler({ root, https: Boolean(tls) });
  const onRequest = (req, res) => { handle(req, res); };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, onRequest) : http.createServer(onRequest);
  const close = closer(server);
  const bound = await listen(server, port, host);
  const origin = `${tls ? 'https' : 'http'}://${host}:${bound}`;
  return { origin, url: `${origin}/app/`, port: bound, close };
}

export async function startRedirectServer({ port = 0, host = '127.0.0.1', to }) {
  const target = new URL(to).origin;
  const server = http.createServer((req, res) => {
    const plain = { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' };
    const pathname = (req.url || '/').startsWith('/') ? req.url : '/';
    reply(req, res, 301, { ...plain, Location: target + pathname }, '');
  });
  const close = closer(server);
  const bound = await listen(server, port, host);
  return { url: `http://${host}:${bound}/`, port: bound, close };
}
