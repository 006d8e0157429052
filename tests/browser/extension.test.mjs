// The Chromium extension (web/extension/, packed by scripts/build-extension) loaded unpacked into
// Debian's Chromium (a persistent context with --load-extension): the toolbar button's action
// captures the demo portal over http and https through chrome.debugger, the app page inside the
// extension audits the HAR, and the HAR is the CLI capture's in everything both can see.
//
// The demo portal's self-signed certificate is trusted on both sides, so that both captures see
// the same TLS verdict: Chromium by its key (--ignore-certificate-errors-spki-list), the CLI by
// NODE_EXTRA_CA_CERTS. Every request Chromium would send off loopback goes to a recording proxy
// (--proxy-server; loopback bypasses it), which must see none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync, execSync } from 'node:child_process';
import { ROOT, CHROMIUM, CHROMIUM_ARGS, skipReason, tempDir, waitForReport } from './harness.mjs';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';

const skip = skipReason();
const EXTENSION = path.join(ROOT, 'build', 'extension');
let dir;
let portal;
let proxy;
let proxied = [];
let context;
let worker;

function startRecordingProxy() {
  const server = http.createServer((req, res) => { proxied.push(`${req.method} ${req.url}`); res.writeHead(502); res.end(); });
  server.on('connect', (req, socket) => { proxied.push(`CONNECT ${req.url}`); socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'); });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function spkiHash(certFile) {
  return execSync(`openssl x509 -in '${certFile}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`)
    .toString().trim();
}

before(async () => {
  if (skip) return;
  execFileSync('bash', [path.join(ROOT, 'scripts', 'build-extension')], { stdio: 'pipe' });
  dir = tempDir('portal-check-extension-');
  portal = await startDemoPortal({ certDir: path.join(dir, 'cert') });
  proxy = await startRecordingProxy();
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      ...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--headless=new',
      `--ignore-certificate-errors-spki-list=${spkiHash(path.join(dir, 'cert', 'cert.pem'))}`,
      `--proxy-server=http://127.0.0.1:${proxy.address().port}`,
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`,
    ],
  });
  [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });
});

after(async () => {
  await context?.close();
  await portal?.close();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve()));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// The toolbar button's action for a tab showing `url` (a test cannot click the toolbar; the
// service worker's handler is the same function). → the capture page.
async function clickExtension(url) {
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/extension/capture.html'), timeout: 20000 });
  await worker.evaluate((u) => globalThis.portalCheckOpenCapture({ id: 1, url: u }), url);
  return opened;
}

function cliCapture(url, file) {
  execFileSync(process.execPath, [path.join(ROOT, 'web/cli/portal-check.mjs'), 'capture', url, '--out', file], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(dir, 'cert', 'cert.pem') }, stdio: 'pipe',
  });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function reportOf(har) {
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { auditHar } = await import('../../web/host/engine.mjs');
  return JSON.parse((await auditHar(await loadNodeEngine(), JSON.stringify(har), {})).reportText);
}

const headerValues = (entry, name) => entry.response.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);

test('the extension captures the demo portal over http and https and the app inside it shows the report', { skip, timeout: 180000 }, async () => {
  const tabsBefore = await worker.evaluate(async () => (await chrome.tabs.query({})).length);
  const page = await clickExtension(portal.httpUrl);
  await page.waitForURL(/\/app\/index\.html/, { timeout: 90000 });
  const reportText = await waitForReport(page, { timeout: 60000 });
  assert.match(reportText, /Hạng|Grade/);

  // The capture tab is closed (the debugger with it).
  assert.equal(await worker.evaluate(async () => (await chrome.tabs.query({})).length), tabsBefore + 1);

  const download = page.waitForEvent('download');
  await page.click('#capture-har-download');
  const harFile = path.join(dir, 'extension.har');
  await (await download).saveAs(harFile);
  const har = JSON.parse(fs.readFileSync(harFile, 'utf8'));
  const { entries } = har.log;
  assert.equal(har.log.creator.name, 'portal-check');
  assert.equal(har.log._portalCheck.captureMethod, 'extension-live');

  // The redirect chain, hop by hop: http / → 301 → https /, each its own entry.
  const first = entries[0];
  assert.equal(first.request.url, portal.httpUrl);
  assert.equal(first.response.status, 301);
  assert.equal(first.response.redirectURL, portal.httpsUrl);
  assert.equal(entries[1].request.url, portal.httpsUrl);
  assert.equal(entries[1].response.status, 200);
  // A redirect off the site is recorded, not followed.
  const offSite = entries.find((e) => e.response.redirectURL.startsWith('https://localhost:'));
  assert.ok(offSite, 'the /gioi-thieu redirect to another host is recorded');
  assert.equal(offSite._portalCheck.redirectNotFollowed, 'off-site');

  // Cookies: the raw Set-Cookie lines (DevTools' own export drops them).
  const setCookies = entries.flatMap((e) => headerValues(e, 'set-cookie'));
  assert.ok(setCookies.some((c) => /^PHPSESSID=/.test(c)), `Set-Cookie lines: ${setCookies.join(' | ')}`);
  // No cookie of this browser was sent or recorded.
  assert.ok(entries.every((e) => e.request.headers.every((h) => h.name.toLowerCase() !== 'cookie')));

  // TLS details on every https response.
  const httpsAnswers = entries.filter((e) => e.request.url.startsWith('https:') && e.response.status > 0);
  assert.ok(httpsAnswers.length > 5);
  for (const e of httpsAnswers) {
    const tls = e.response._securityDetails;
    assert.ok(tls, `TLS details of ${e.request.url}`);
    assert.match(tls.protocol, /^TLS 1\.[23]$/);
    assert.equal(tls._trusted, true);
    assert.ok(tls.sanList.includes('127.0.0.1'));
    assert.ok(tls.validTo > tls.validFrom);
  }
  // Bodies of documents, scripts and stylesheets.
  for (const kind of ['document', 'script', 'stylesheet']) {
    const withBody = entries.filter((e) => e._resourceType === kind && e.response.status === 200 && e.response.content.size > 0);
    assert.ok(withBody.length > 0 && withBody.every((e) => typeof e.response.content.text === 'string'), kind);
  }
  // Only the site was contacted.
  for (const e of entries) assert.match(new URL(e.request.url).hostname, /^(127\.0\.0\.1|localhost)$/);

  // The CLI capture of the same portal: same requests in the same order, same report on every
  // check both can see (all of them here: both see cookies, TLS, redirects and bodies).
  const cli = cliCapture(portal.httpUrl, path.join(dir, 'cli.har'));
  const shape = (h) => h.log.entries.map((e) => `${e.request.url} ${e.response.status} ${e._portalCheck.purpose} ${e.response.redirectURL}`);
  assert.deepEqual(shape(har), shape(cli));
  const [fromExtension, fromCli] = [await reportOf(har), await reportOf(cli)];
  assert.deepEqual(fromExtension.grade, fromCli.grade);
  assert.deepEqual(fromExtension.summary, fromCli.summary);
  const byId = (r) => new Map(r.checks.map((c) => [`${c.id} ${c.page ?? ''} ${c.outcome}`, c]));
  assert.deepEqual([...byId(fromExtension).keys()].sort(), [...byId(fromCli).keys()].sort());
  for (const [key, c] of byId(fromCli)) assert.deepEqual(byId(fromExtension).get(key).details, c.details, key);

  assert.deepEqual(proxied, [], 'no request left loopback');
});

test('Cancel stops the capture at once, detaches the debugger and closes the capture tab', { skip, timeout: 60000 }, async () => {
  // A site that accepts connections and never answers: the capture waits on its first request.
  const sockets = [];
  const silent = http.createServer(() => {});
  silent.on('connection', (s) => sockets.push(s));
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const tabsBefore = await worker.evaluate(async () => (await chrome.tabs.query({})).length);
    const page = await clickExtension(`http://127.0.0.1:${silent.address().port}/`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('#capture-status')?.textContent ?? ''), null, { timeout: 15000 });
    await worker.evaluate(async (n) => {
      for (let i = 0; i < 100 && (await chrome.tabs.query({})).length < n; i++) await new Promise((r) => setTimeout(r, 50));
    }, tabsBefore + 2);
    assert.equal(await worker.evaluate(async () => (await chrome.tabs.query({})).length), tabsBefore + 2, 'capture page and capture tab');
    const t0 = Date.now();
    await page.click('#capture-cancel');
    await page.waitForFunction(() => /Đã hủy|Cancelled/.test(document.querySelector('#capture-status')?.textContent ?? ''), null, { timeout: 10000 });
    assert.ok(Date.now() - t0 < 10000);
    assert.equal(await worker.evaluate(async () => (await chrome.tabs.query({})).length), tabsBefore + 1, 'the capture tab is closed');
    assert.equal(await page.isVisible('#capture-again'), true);
    await page.close();
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});
