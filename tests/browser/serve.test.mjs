// The app's static server (web/serve/static-server.mjs) and scripts/serve: MIME types, the tool's
// security headers on every response, no directory listing, path traversal refused, GET/HEAD only.
// No browser needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { startAppServer, CONTENT_SECURITY_POLICY } from '../../web/serve/static-server.mjs';
import { ROOT, tempDir } from './harness.mjs';

let dir;
let server;
before(async () => {
  dir = tempDir('pc-serve-');
  const put = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  put('root/app/index.html', '<!doctype html><title>t</title>');
  put('root/app/main.mjs', 'export {};');
  put('root/app/app.js', 'void 0;');
  put('root/app/app.css', 'body{}');
  put('root/app/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  put('root/app/.secret', 'hidden');
  put('root/app/sub/file.txt', 'text');
  put('root/wasm/portal_check.wasm', '\0asm\x01\0\0\0');
  put('root/wasm/portal_check.mjs', 'export default 1;');
  put('root/host/engine.mjs', 'export {};');
  put('outside.txt', 'outside the root');
  fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'root/app/link.txt'));
  server = await startAppServer({ port: 0, root: path.join(dir, 'root') });
});
after(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Raw request: the path is sent exactly as written (no client-side normalisation).
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

function assertSecurityHeaders(h, where) {
  assert.equal(h['content-security-policy'], CONTENT_SECURITY_POLICY, where);
  assert.match(h['content-security-policy'], /default-src 'none'/);
  assert.doesNotMatch(h['content-security-policy'], /unsafe-inline|'unsafe-eval'/);
  assert.equal(h['x-content-type-options'], 'nosniff', where);
  assert.equal(h['referrer-policy'], 'no-referrer', where);
  assert.equal(h['cross-origin-opener-policy'], 'same-origin', where);
  assert.equal(h['cross-origin-resource-policy'], 'same-origin', where);
  assert.match(h['permissions-policy'] ?? '', /camera=\(\).*geolocation=\(\).*microphone=\(\)/, where);
  assert.equal(h['strict-transport-security'], undefined, `${where}: no HSTS over plain http`);
}

test('serves the layout with the right MIME types and the security headers', async () => {
  const cases = [
    ['/app/', 'text/html; charset=utf-8'], ['/app/index.html', 'text/html; charset=utf-8'],
    ['/app/main.mjs', 'text/javascript; charset=utf-8'], ['/app/app.js', 'text/javascript; charset=utf-8'],
    ['/app/app.css', 'text/css; charset=utf-8'], ['/app/logo.svg', 'image/svg+xml'],
    ['/wasm/portal_check.wasm', 'application/wasm'], ['/wasm/portal_check.mjs', 'text/javascript; charset=utf-8'],
    ['/host/engine.mjs', 'text/javascript; charset=utf-8'],
  ];
  for (const [p, type] of cases) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['content-type'], type, p);
    assertSecurityHeaders(r.headers, p);
    assert.equal(r.headers['cache-control'], type.startsWith('text/html') ? 'no-store' : 'no-cache', p);
  }
  const head = await get('/app/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});

test('/ redirects to /app/; errors carry the headers too', async () => {
  const r = await get('/');
  assert.equal(r.status, 302);
  assert.equal(r.headers.location, '/app/');
  assertSecurityHeaders(r.headers, '/');
  const missing = await get('/app/nope.html');
  assert.equal(missing.status, 404);
  assertSecurityHeaders(missing.headers, '404');
  const post = await get('/app/index.html', 'POST');
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
  assertSecurityHeaders(post.headers, '405');
});

test('no directory listing, no dot-files, no way out of the root', async () => {
  for (const p of [
    '/app/sub/', '/app/sub', '/wasm/', '/app/.secret', '/app/%2esecret', '/app/../outside.txt',
    '/app/%2e%2e/%2e%2e/package.json', '/app/..%2f..%2foutside.txt', '/app/..%5c..%5coutside.txt',
    '/app/..\\..\\outside.txt', '/app/index.html%00.txt', '/app/link.txt', '/etc/passwd',
    '/app//etc/passwd', '/app/%', '/wasm/../app/index.html',
  ]) {
    const r = await get(p);
    assert.equal(r.status, 404, `${p} → ${r.status}`);
    assert.doesNotMatch(r.body, /outside the root|hidden|file\.txt/, p);
  }
});

test('scripts/serve prints the URL and serves the repository layout', { timeout: 20000 }, async () => {
  const probe = await startAppServer({ port: 0 });
  const port = probe.port;
  await probe.close();
  const child = spawn(process.execPath, [path.join(ROOT, 'web/serve/serve.mjs'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => { out += c; if (out.includes('\n')) resolve(out.trim()); });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    assert.equal(line, `portal-check app: http://127.0.0.1:${port}/app/`);
    if (fs.existsSync(path.join(ROOT, 'web/app/index.html'))) {
      const r = await new Promise((resolve) => http.get(`http://127.0.0.1:${port}/app/`, (res) => { res.resume(); resolve(res); }));
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    }
  } finally {
    child.kill('SIGTERM');
  }
  const bad = spawn(process.execPath, [path.join(ROOT, 'web/serve/serve.mjs'), '--port', 'x'], { stdio: 'ignore' });
  assert.equal(await new Promise((r) => bad.on('exit', r)), 2);
});
