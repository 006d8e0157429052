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
import { skipReason, tempDir, waitForReport } from './harness.mjs';
import {
  CHROMIUM_SERVICE_HOSTS, startRecordingProxy, launchExtension, cliCapture, reportOf, withErrorPageOf, shapeOf,
  assertSameReport,
} from './extension-harness.mjs';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';

const skip = skipReason();
let dir;
let portal;
let proxy;
let ext;
let worker;

before(async () => {
  if (skip) return;
  dir = tempDir('portal-check-extension-');
  portal = await startDemoPortal({ certDir: path.join(dir, 'cert') });
  proxy = await startRecordingProxy();
  ext = await launchExtension(dir, { trustedCerts: [path.join(dir, 'cert', 'cert.pem')], proxy });
  ({ worker } = ext);
});

after(async () => {
  await ext?.close();
  await portal?.close();
  await proxy?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const headerValues = (entry, name) => entry.response.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);

test('the extension captures the demo portal over http and https and the app inside it shows the report', { skip, timeout: 180000 }, async () => {
  const tabsBefore = await worker.evaluate(async () => (await chrome.tabs.query({})).length);
  // The user's own session on the portal (a webmaster logged in): never sent by the capture, and
  // still theirs afterwards although the portal sets PHPSESSID for the capture.
  await ext.context.addCookies([{ name: 'PHPSESSID', value: 'phien-cua-toi', url: portal.httpUrl }]);
  const requestsBefore = portal.requests.length;
  const { har, page } = await ext.capture(portal.httpUrl);
  assert.deepEqual(portal.requests.slice(requestsBefore).filter((r) => r.cookie !== ''), [], 'no cookie reached the portal');
  const jar = await ext.context.cookies([portal.httpUrl, portal.httpsUrl]);
  assert.deepEqual(jar.map((c) => `${c.name}=${c.value}`), ['PHPSESSID=phien-cua-toi']);
  const reportText = await waitForReport(page, { timeout: 60000 });
  assert.match(reportText, /Hạng|Grade/);

  // The capture tab is closed (the debugger with it).
  assert.equal(await worker.evaluate(async () => (await chrome.tabs.query({})).length), tabsBefore + 1);

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
  // (The error-page path is random per capture: the CLI's is renamed to the extension's.)
  const cli = withErrorPageOf(await cliCapture(portal.httpUrl, path.join(dir, 'cli.har'), { caFile: path.join(dir, 'cert', 'cert.pem') }), har);
  assert.deepEqual(shapeOf(har), shapeOf(cli));
  assertSameReport(await reportOf(har), await reportOf(cli));

  // Nothing the capture did left loopback. The proxy sees Chromium's own services only (updates,
  // network time, sign-in: there with or without the extension), never a host the portal's pages
  // reference (fonts.googleapis.com and the others: the capture tab never parses a page).
  const proxiedHosts = proxy.hosts();
  const referenced = new Set(entries.filter((e) => e._resourceType === 'document' && e.response.content.text)
    .flatMap((e) => [...e.response.content.text.matchAll(/(?:src|href)="https?:\/\/([^/":]+)/g)].map((m) => m[1])));
  assert.ok(referenced.has('fonts.googleapis.com'), `hosts the pages reference: ${[...referenced].join(', ')}`);
  for (const host of proxiedHosts) {
    assert.ok(CHROMIUM_SERVICE_HOSTS.includes(host), `a request left loopback for ${host}`);
    assert.ok(!referenced.has(host), host);
  }
});

// A site that accepts connections and never answers: a capture of it waits on its first request.
// → {url, close()}
async function silentSite() {
  const sockets = [];
  const silent = http.createServer(() => {});
  silent.on('connection', (s) => sockets.push(s));
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${silent.address().port}/`,
    close: () => { for (const s of sockets) s.destroy(); return new Promise((resolve) => silent.close(resolve)); },
  };
}

const tabCount = () => worker.evaluate(async () => (await chrome.tabs.query({})).length);
// Waits (at most 5 s) until the browser has `n` tabs. → the count then.
const tabsReach = (n) => worker.evaluate(async (want) => {
  for (let i = 0; i < 100 && (await chrome.tabs.query({})).length !== want; i++) await new Promise((r) => setTimeout(r, 50));
  return (await chrome.tabs.query({})).length;
}, n);

// Opens the capture page on a silent site and waits until its capture tab is open. → the page
async function captureUnderway(site, tabsBefore) {
  const page = await ext.openCapture(site.url);
  await page.waitForFunction(() => /\d/.test(document.querySelector('#capture-status')?.textContent ?? ''), null, { timeout: 15000 });
  assert.equal(await tabsReach(tabsBefore + 2), tabsBefore + 2, 'capture page and capture tab');
  return page;
}

test('Cancel stops the capture at once, detaches the debugger and closes the capture tab', { skip, timeout: 60000 }, async () => {
  const site = await silentSite();
  try {
    const tabsBefore = await tabCount();
    const page = await captureUnderway(site, tabsBefore);
    const t0 = Date.now();
    await page.click('#capture-cancel');
    await page.waitForFunction(() => /Đã hủy|Cancelled/.test(document.querySelector('#capture-status')?.textContent ?? ''), null, { timeout: 10000 })
      .catch(async (e) => { throw new Error(`${e.message}; the page says: ${await page.locator('main').innerText()}`); });
    assert.ok(Date.now() - t0 < 10000);
    assert.equal(await tabCount(), tabsBefore + 1, 'the capture tab is closed');
    assert.equal(await page.isVisible('#capture-again'), true);
    await page.close();
  } finally {
    await site.close();
  }
});

test('closing the capture page mid-capture closes the capture tab (the debugger with it)', { skip, timeout: 60000 }, async () => {
  const site = await silentSite();
  try {
    const tabsBefore = await tabCount();
    const page = await captureUnderway(site, tabsBefore);
    await page.close({ runBeforeUnload: false });
    assert.equal(await tabsReach(tabsBefore), tabsBefore, 'no capture tab is left behind');
  } finally {
    await site.close();
  }
});
