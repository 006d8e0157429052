// Shared plumbing of the browser tests that capture through the extension (not a test file
// itself): the packed extension (scripts/build-extension into a temporary folder) loaded unpacked
// into Debian's Chromium, with chosen certificates trusted by their key
// (--ignore-certificate-errors-spki-list) and every request that would leave loopback sent to a
// recording proxy (--proxy-server; loopback bypasses it); the toolbar button's action; the HAR
// the app page offers; the CLI capture of the same site; and the report comparison.
//
// launchExtension(dir, {trustedCerts, proxy, extraArgs}) → Promise<{context, worker, downloads, capture(url,
//   {pages, timeout}) → Promise<{har, page}>, openCapture(url, {pages}) → Promise<page>, close()}>
//   dir: a temporary folder of the test (the package and the profile go there). trustedCerts: PEM
//   files whose keys Chromium trusts. proxy: a startRecordingProxy() result. extraArgs: more
//   Chromium switches (e.g. --host-resolver-rules for a host name on loopback). downloads: every
//   download any page of the context started, as {url, page} (the app's "Download HAR" is one).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFile, execFileSync, execSync } from 'node:child_process';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { ROOT, CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

// Chromium's own services, which it contacts with or without any extension (connectivitycheck:
// its captive-portal check, run when a certificate error could be a portal's interception).
export const CHROMIUM_SERVICE_HOSTS = [
  'update.googleapis.com', 'clients2.google.com', 'accounts.google.com', 'content-autofill.googleapis.com',
  'connectivitycheck.gstatic.com',
];

// An HTTP proxy that answers 502 to everything and records what was asked of it.
// → Promise<{port, requests: ["METHOD url" | "CONNECT host:port"], hosts() → Set, close()}>
export function startRecordingProxy() {
  const requests = [];
  const server = http.createServer((req, res) => { requests.push(`${req.method} ${req.url}`); res.writeHead(502); res.end(); });
  server.on('connect', (req, socket) => { requests.push(`CONNECT ${req.url}`); socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'); });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port,
    requests,
    hosts: () => new Set(requests.map((line) => new URL(line.startsWith('CONNECT ') ? `https://${line.slice(8)}` : line.split(' ')[1]).hostname)),
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  })));
}

// The base64 SHA-256 of a certificate's public key (what --ignore-certificate-errors-spki-list takes).
export function spkiHash(certFile) {
  return execSync(`openssl x509 -in '${certFile}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`)
    .toString().trim();
}

export async function launchExtension(dir, { trustedCerts = [], proxy, extraArgs = [] }) {
  execFileSync('bash', [path.join(ROOT, 'scripts', 'build-extension'), '--out', path.join(dir, 'package')], { stdio: 'pipe' });
  const extension = path.join(dir, 'package', 'extension');
  const { chromium } = await import('playwright-core');
  // Extensions load in the new headless mode only; the persistent context is the profile they live in.
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      ...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--headless=new',
      ...(trustedCerts.length ? [`--ignore-certificate-errors-spki-list=${trustedCerts.map(spkiHash).join(',')}`] : []),
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter', '--disable-domain-reliability',
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...extraArgs,
    ],
  });
  const downloads = [];
  const watch = (page) => page.on('download', (d) => downloads.push({ url: d.url(), page: page.url() }));
  context.pages().forEach(watch);
  context.on('page', watch);
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20000 });

  // The capture page for a tab showing `url`: the toolbar button's action (a test cannot click the
  // toolbar; the service worker's handler is the same function), or with `pages` the same page
  // opened with ?pages=N.
  async function openCapture(url, { pages } = {}) {
    const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/extension/capture.html'), timeout: 20000 });
    if (pages === undefined) {
      await worker.evaluate((u) => globalThis.portalCheckOpenCapture({ id: 1, url: u }), url);
    } else {
      await worker.evaluate(([u, n]) => chrome.tabs.create({
        url: chrome.runtime.getURL(`extension/capture.html?tab=1&url=${encodeURIComponent(u)}&pages=${n}`),
      }), [url, pages]);
    }
    return opened;
  }

  // Captures `url` through the extension, waits for the app's audit to be on screen ("Download
  // HAR" is shown with the report) and downloads the HAR. Fails with the capture page's error when
  // the capture fails. → {har, page} (the app page).
  async function capture(url, { pages, timeout = 90000 } = {}) {
    const page = await openCapture(url, { pages });
    const failed = page.waitForFunction(() => !document.querySelector('#capture-error')?.hidden
      && document.querySelector('#capture-error')?.textContent, null, { timeout, polling: 200 })
      .then(async () => { throw new Error(`the capture failed: ${await page.locator('#capture-error').innerText()}`); }, () => {});
    await Promise.race([page.waitForURL(/\/app\/index\.html/, { timeout }), failed]);
    await page.waitForSelector('#capture-har-download', { state: 'visible', timeout: 60000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#capture-har-download')]);
    const file = path.join(dir, `extension-${Date.now()}.har`);
    await download.saveAs(file);
    return { har: JSON.parse(fs.readFileSync(file, 'utf8')), page };
  }

  return { context, worker, downloads, openCapture, capture, close: () => context.close() };
}

// The CLI capture of `url` into `file` → the HAR. caFile: a certificate Node trusts besides its
// own store (NODE_EXTRA_CA_CERTS, read at start: hence a child process; asynchronous, as the site
// usually answers from this very process).
export async function cliCapture(url, file, { caFile, pages } = {}) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  if (caFile) env.NODE_EXTRA_CA_CERTS = caFile;
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'web/cli/portal-check.mjs'), 'capture', url, '--out', file,
    ...(pages ? ['--pages', String(pages)] : [])], { env, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// The engine's report of a HAR object (web/host/engine.mjs auditHar, default options).
export async function reportOf(har) {
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { auditHar } = await import('../../web/host/engine.mjs');
  return JSON.parse((await auditHar(await loadNodeEngine(), JSON.stringify(har), {})).reportText);
}

// `other` with its random error-page path renamed to the one of `har` (each capture draws its own).
export function withErrorPageOf(other, har) {
  const token = (h) => /portal-check-([0-9a-f]{16})-khong-ton-tai/.exec(JSON.stringify(h.log.entries))[1];
  return JSON.parse(JSON.stringify(other).replaceAll(token(other), token(har)));
}

// Each entry as "url status purpose redirectURL": the two captures' requests, in order.
export const shapeOf = (har) => har.log.entries.map((e) => `${e.request.url} ${e.response.status} ${e._portalCheck.purpose} ${e.response.redirectURL}`);

// Asserts that two reports agree on the grade, the summary and every check (outcome and details),
// but for checked_at (when each capture ran: in the grade and in the certificate's details).
export function assertSameReport(actual, expected) {
  const graded = ({ checked_at: _, ...grade }) => grade;
  assert.deepEqual(graded(actual.grade), graded(expected.grade));
  assert.deepEqual(actual.summary, expected.summary);
  const byId = (r) => new Map(r.checks.map((c) => [`${c.id} ${c.page ?? ''} ${c.outcome}`, c]));
  assert.deepEqual([...byId(actual).keys()].sort(), [...byId(expected).keys()].sort());
  const details = (c) => (c.details && 'checked_at' in c.details ? graded(c.details) : c.details);
  for (const [key, c] of byId(expected)) assert.deepEqual(details(byId(actual).get(key)), details(c), key);
}

// Asserts that the proxy saw Chromium's own services only. → the hosts it saw.
export function assertStayedOnLoopback(proxy) {
  const hosts = proxy.hosts();
  for (const host of hosts) assert.ok(CHROMIUM_SERVICE_HOSTS.includes(host), `a request left loopback for ${host}`);
  return hosts;
}
