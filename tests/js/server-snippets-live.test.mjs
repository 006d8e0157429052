// The nginx and Apache snippets of rules/fixes do what they say on real servers: each fix is put
// into a real nginx (and a real Apache httpd with mod_proxy) on loopback, in front of a small
// application in this process that sends what the checks fail on (no security headers, cookies
// without attributes, version and timing headers, deprecated headers, text/html without charset);
// the answers through the server must then carry what the check wants, on a 200 and, for
// headers, on a 404 too. The servers run in the foreground, on 127.0.0.1 only, as children of
// this process, and are stopped by their pid. A missing server skips its test with a message.
// transport.tls-version needs a certificate and is only syntax-checked (server-snippets.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { readFixes } from '../../scripts/generate-server-snippets.mjs';
import { missingTool, nginxConf, apacheConf } from './server-config-check.mjs';

const FIXES = readFixes();
const COOKIES = ['JSESSIONID=abc123; Path=/', 'pref=1; Path=/'];

let upstream;
let upstreamPort;
before(async () => {
  upstream = http.createServer((req, res) => {
    res.setHeader('Set-Cookie', COOKIES);
    res.setHeader('X-Powered-By', 'PHP/8.1.2');
    res.setHeader('X-AspNet-Version', '4.0.30319');
    res.setHeader('Server-Timing', 'db;dur=53');
    res.setHeader('X-XSS-Protection', '1; mode=block');
    res.setHeader('Content-Type', 'text/html');
    res.statusCode = req.url === '/missing' ? 404 : 200;
    res.end('<!doctype html><p>ok</p>');
  });
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = upstream.address().port;
});
after(() => upstream.close());

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForPort(port, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return false;
    const ok = await new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => { c.destroy(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

// Runs `cmd args` until `fn()` settles, then stops it by its pid.
async function withServer(cmd, args, port, fn) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    assert.ok(await waitForPort(port, child), `${cmd} did not start: ${stderr}`);
    return await fn();
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => { const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 5000); child.on('exit', () => { clearTimeout(t); resolve(); }); });
    }
  }
}

// Runs nginx in the foreground on 127.0.0.1:`port` with `code` in its `file` context, proxying
// to the application, until `fn()` settles.
function withNginx(dir, port, file, code, fn) {
  const conf = nginxConf(dir, file, code)
    .replace('listen 127.0.0.1:8080;', `listen 127.0.0.1:${port};`)
    .replace('proxy_pass http://127.0.0.1:9;', `proxy_pass http://127.0.0.1:${upstreamPort};`);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `daemon off;\nmaster_process off;\n${conf}`);
  return withServer('nginx', ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')], port, fn);
}

// GET through the server with the site's Host → {status, headers (node:http's: a field sent twice
// is joined by ", ", so an equality check also catches a duplicate), cookies}.
function get(port, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers: { host: 'portal.example.gov.vn' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, cookies: res.headers['set-cookie'] ?? [] }));
    });
    req.setTimeout(10000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

const header = (res, name) => res.headers[name] ?? null;
const cookie = (res, name) => res.cookies.find((c) => c.startsWith(`${name}=`)) ?? '';

// What each check wants from a response through the server, on the page ("/") and, for
// response headers, on an error page ("/missing"). `server`: 'nginx' | 'apache'.
const EXPECT = {
  'transport.hsts': (r) => assert.equal(header(r, 'strict-transport-security'), 'max-age=31536000'),
  'header.content-type-options': (r) => assert.equal(header(r, 'x-content-type-options'), 'nosniff'),
  'header.clickjacking missing': (r) => {
    assert.equal(header(r, 'x-frame-options'), 'SAMEORIGIN');
    assert.equal(header(r, 'content-security-policy'), "frame-ancestors 'self'");
  },
  'header.clickjacking frame-ancestors-permissive': (r) => assert.equal(header(r, 'content-security-policy'), "frame-ancestors 'self'"),
  'header.csp': (r) => assert.match(header(r, 'content-security-policy') ?? '', /^default-src 'self'; object-src 'none'; /),
  'header.permissions-policy': (r) => assert.equal(header(r, 'permissions-policy'), 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'),
  'header.referrer-policy': (r) => assert.equal(header(r, 'referrer-policy'), 'strict-origin-when-cross-origin'),
  'header.cross-origin-isolation': (r) => assert.equal(header(r, 'cross-origin-resource-policy'), 'same-origin'),
  'transport.mixed-content': (r) => assert.equal(header(r, 'content-security-policy'), 'upgrade-insecure-requests'),
  'header.deprecated': (r) => assert.equal(header(r, 'x-xss-protection'), null),
  'header.server-timing': (r) => assert.equal(header(r, 'server-timing'), null),
  'header.version-disclosure': (r) => {
    assert.equal(header(r, 'x-powered-by'), null);
    assert.doesNotMatch(header(r, 'server') ?? '', /\d/, 'no version in Server');
  },
  'header.content-type': (r) => assert.match(header(r, 'content-type') ?? '', /^text\/html; charset=utf-8$/i),
  'header.cache-control': (r, server) => {
    if (server === 'nginx') assert.equal(header(r, 'cache-control'), 'no-store');
  },
  'cookie.flags': (r) => {
    assert.match(cookie(r, 'JSESSIONID'), /; Secure/i);
    assert.match(cookie(r, 'JSESSIONID'), /; HttpOnly/i);
    assert.match(cookie(r, 'JSESSIONID'), /; SameSite=Lax/i);
    assert.match(cookie(r, 'pref'), /; Secure/i);
    assert.match(cookie(r, 'pref'), /; SameSite=Lax/i);
    assert.doesNotMatch(cookie(r, 'pref'), /HttpOnly/i, 'HttpOnly only on the session cookie');
    assert.equal(r.cookies.length, 2);
  },
};
const COOKIE_ONLY = new Set(['cookie.flags']);

// The fixes to run: [{key, id, code, file}] for `server`, each fix once.
function liveFixes(server) {
  const out = [];
  for (const [id, fixes] of Object.entries(FIXES)) {
    for (const fix of fixes) {
      const key = EXPECT[`${id} ${fix.outcomes[0]}`] ? `${id} ${fix.outcomes[0]}` : id;
      for (const s of fix.snippets.filter((x) => x.server === server)) {
        if (id === 'transport.tls-version' || id === 'transport.redirect' || id === 'cookie.session-in-url') continue;
        out.push({ key, id, code: s.code, file: s.file });
      }
    }
  }
  return out;
}

async function checkThrough(port, fix, server) {
  const page = await get(port, '/');
  assert.equal(page.status, 200);
  EXPECT[fix.key](page, server);
  if (!COOKIE_ONLY.has(fix.id) && fix.file !== 'location') EXPECT[fix.key](await get(port, '/missing'), server);
}

test('nginx: every fix does what its check wants, through a real nginx', async (t) => {
  if (missingTool('nginx', 'server')) { t.skip(missingTool('nginx', 'server')); return; }
  const fixes = liveFixes('nginx');
  assert.ok(fixes.length >= 14);
  for (const fix of fixes) {
    assert.ok(EXPECT[fix.key], `no expectation for ${fix.key}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-nginx-live-'));
    try {
      const port = await freePort();
      await withNginx(dir, port, fix.file, fix.code,
        () => checkThrough(port, fix, 'nginx'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  t.diagnostic(`${fixes.length} nginx fixes checked live`);
});

test('nginx: the http → https redirect answers 301 to https on the same host', async (t) => {
  if (missingTool('nginx', 'http')) { t.skip(missingTool('nginx', 'http')); return; }
  const [fix] = FIXES['transport.redirect'][0].snippets.filter((s) => s.server === 'nginx');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-nginx-live-'));
  try {
    const port = await freePort();
    const code = fix.code.replace('listen 80;', `listen 127.0.0.1:${port};`).replace(/\n\s*listen \[::\]:80;/, '')
      .replace('server_name example.gov.vn;', 'server_name portal.example.gov.vn;');
    await withNginx(dir, port, 'http', code, async () => {
      const r = await get(port, '/dich-vu?id=1');
      assert.equal(r.status, 301);
      assert.equal(header(r, 'location'), 'https://portal.example.gov.vn/dich-vu?id=1');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Apache as a reverse proxy (mod_proxy_http) in front of the same application, one process (-X).
function apacheLiveConf(dir, port, fix) {
  return apacheConf(dir, fix.file, fix.code)
    .replaceAll('127.0.0.1:8081', `127.0.0.1:${port}`)
    .replace('LoadModule ssl_module', 'LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so\nLoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so\nLoadModule ssl_module')
    .replace('</VirtualHost>', `    ProxyPass "/" "http://127.0.0.1:${upstreamPort}/"\n</VirtualHost>`);
}

test('Apache: every fix does what its check wants, through a real Apache httpd', async (t) => {
  if (missingTool('apache', 'virtualhost')) { t.skip(missingTool('apache', 'virtualhost')); return; }
  if (!fs.existsSync('/usr/lib/apache2/modules/mod_proxy_http.so')) { t.skip('mod_proxy_http is missing'); return; }
  const fixes = liveFixes('apache');
  assert.ok(fixes.length >= 14);
  for (const fix of fixes) {
    assert.ok(EXPECT[fix.key], `no expectation for ${fix.key}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-apache-live-'));
    fs.chmodSync(dir, 0o755);
    try {
      const port = await freePort();
      fs.writeFileSync(path.join(dir, 'httpd.conf'), apacheLiveConf(dir, port, fix));
      await withServer('apache2', ['-X', '-f', path.join(dir, 'httpd.conf')], port, () => checkThrough(port, fix, 'apache'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  t.diagnostic(`${fixes.length} Apache fixes checked live`);
});

test('Apache: the http → https redirect answers 301 to https on the same host', async (t) => {
  if (missingTool('apache', 'server')) { t.skip(missingTool('apache', 'server')); return; }
  const [fix] = FIXES['transport.redirect'][0].snippets.filter((s) => s.server === 'apache');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-apache-live-'));
  fs.chmodSync(dir, 0o755);
  try {
    const port = await freePort();
    const code = fix.code.replace('<VirtualHost *:80>', `<VirtualHost 127.0.0.1:${port}>`);
    fs.writeFileSync(path.join(dir, 'httpd.conf'), apacheLiveConf(dir, port, { file: fix.file, code }));
    await withServer('apache2', ['-X', '-f', path.join(dir, 'httpd.conf')], port, async () => {
      const r = await get(port, '/dich-vu?id=1');
      assert.equal(r.status, 301);
      assert.equal(header(r, 'location'), 'https://portal.example.gov.vn/dich-vu?id=1');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The live check can fail: without "always", nginx drops the header from the 404 page, and
// without the HttpOnly rule the session cookie stays readable by scripts.
test('a weakened snippet fails the live check', async (t) => {
  if (missingTool('nginx', 'server')) { t.skip(missingTool('nginx', 'server')); return; }
  const hsts = FIXES['transport.hsts'][0].snippets.find((s) => s.server === 'nginx');
  const cookies = FIXES['cookie.flags'][0].snippets.find((s) => s.server === 'nginx');
  const weakened = [
    { key: 'transport.hsts', id: 'transport.hsts', file: hsts.file, code: hsts.code.replace(' always;', ';') },
    { key: 'cookie.flags', id: 'cookie.flags', file: cookies.file, code: cookies.code.replace(/^proxy_cookie_flags JSESSIONID .*$/m, '') },
  ];
  for (const fix of weakened) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-nginx-live-'));
    try {
      const port = await freePort();
      await withNginx(dir, port, fix.file, fix.code,
        () => assert.rejects(checkThrough(port, fix, 'nginx'), assert.AssertionError, `${fix.id}: the weakened snippet passed`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
});
