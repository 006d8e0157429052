// Shared plumbing of the browser tests (not a test file itself): Debian's Chromium through
// playwright-core, the app served by web/serve/static-server.mjs on 127.0.0.1, a request log and
// the waits on the report view.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// false when everything a browser test needs is there, else the reason to skip.
export function skipReason() {
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is missing (scripts/setup installs Debian's chromium)`;
  for (const f of ['build/wasm/portal_check.mjs', 'build/wasm/portal_check.wasm']) {
    if (!fs.existsSync(path.join(ROOT, f))) return `${f} is missing (run scripts/build)`;
  }
  if (!fs.existsSync(path.join(ROOT, 'web/app/index.html'))) return 'web/app/index.html is missing';
  if (!fs.existsSync(path.join(ROOT, 'node_modules/playwright-core'))) return 'playwright-core is not installed (npm ci)';
  return false;
}

// A fresh browser (Playwright's launch uses a new temporary profile each time).
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Opens `url` in a new context and records what a test asserts on: every request URL, dialogs
// (dismissed), page errors and console errors. `locale` sets navigator.language. The context
// prefers reduced motion: the app then scrolls to a run's result at once (no smooth scrolling),
// so positions measured one after another are of the same layout.
export async function openApp(browser, url, { locale = 'vi-VN' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const log = { requests: [], dialogs: [], pageErrors: [], consoleErrors: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, log };
}

// Opens the <details> disclosure `id` (the start page's secondary inputs: paste-details,
// self-details, keys) by clicking its summary, as a user would; no-op when already open.
export async function openDisclosure(page, id) {
  if (!(await page.locator(`#${id}`).evaluate((d) => d.open))) await page.click(`#${id} > summary`);
}

// Requests other than to the loopback host (data:/blob: URLs stay in the browser).
export function foreignRequests(urls) {
  return urls.filter((u) => {
    if (/^(data|blob):/.test(u)) return false;
    try {
      const { hostname } = new URL(u);
      return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
    } catch { return true; }
  });
}

// Waits until the report view shows a finished audit (the grade block) and returns its text.
export async function waitForReport(page, { timeout = 30000 } = {}) {
  await page.waitForFunction(() => {
    const r = document.querySelector('#report');
    const t = r ? r.innerText : '';
    return /Điểm tiêu đề bảo mật|Security header grade/.test(t) && /Hạng|Grade/.test(t);
  }, null, { timeout, polling: 100 });
  return page.locator('#report').innerText();
}

// Waits until no audit runs: the Cancel button is disabled again.
export async function waitIdle(page, { timeout = 15000 } = {}) {
  await page.waitForFunction(() => document.querySelector('#cancel')?.disabled === true, null, { timeout, polling: 50 });
}

// Matches a grade letter as a word (A+ is not A).
export function gradePattern(grade) {
  const g = grade.replace(/[+]/g, '\\+');
  return new RegExp(`(^|[^A-Za-z0-9+-])${g}(?![A-Za-z0-9+-])`);
}

// Captures the demo portal (already started) into a HAR file; returns the file path.
export async function captureDemoHar(portal, file, { pages = 5 } = {}) {
  const { capture } = await import('../../web/host/capture.mjs');
  const har = await capture(portal.httpUrl, { pages });
  fs.writeFileSync(file, JSON.stringify(har));
  return file;
}

// The engine's own report for a HAR (what the app must show), through the Node host.
export async function engineReport(harText, options = {}) {
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { auditHar } = await import('../../web/host/engine.mjs');
  const engine = await loadNodeEngine();
  const { reportText } = await auditHar(engine, harText, options);
  return JSON.parse(reportText);
}

// A temporary folder, the app served on a free loopback port (from `root`, default web/app/) and
// one page opened on it in a fresh browser. close() ends all of it. → {dir, app, browser, session, close}
export async function startAppSession(prefix, { root } = {}) {
  const { startAppServer } = await import('../../web/serve/static-server.mjs');
  const dir = tempDir(prefix);
  const app = await startAppServer({ port: 0, root });
  const browser = await launchBrowser();
  const session = await openApp(browser, app.url);
  return {
    dir, app, browser, session,
    async close() {
      await browser.close();
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Opens every <details> in the report view, again and again until none is closed (group and
// evidence contents are built when first opened, holding more <details>), then waits a little
// for the contents to be in. → the number of passes.
export async function expandReport(page, { root = '#report', passes = 6 } = {}) {
  let n = 0;
  for (; n < passes; n++) {
    const closed = await page.evaluate((sel) => {
      const list = [...document.querySelectorAll(`${sel} details:not([open])`)];
      for (const d of list) d.open = true;
      return list.length;
    }, root);
    if (!closed) break;
    await page.waitForTimeout(100);
  }
  return n;
}

// The tabbable elements in DOM order strictly between two elements (radio buttons of one name
// count once, as the Tab key visits one of them), skipping what is hidden or inside a closed
// <details> (other than its own summary).
export function tabStopsBetween(page, fromSelector, toSelector) {
  return page.evaluate(([fromSel, toSel]) => {
    const from = document.querySelector(fromSel);
    const to = document.querySelector(toSel);
    const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const radios = new Set();
    const stops = [];
    for (const node of document.querySelectorAll(focusable)) {
      if (!(from.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      if (!(to.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)) continue;
      if (node.disabled || node.tabIndex < 0 || node.type === 'hidden') continue;
      if (node.tagName === 'SUMMARY' && node.parentElement.tagName !== 'DETAILS') continue;
      if (!node.getClientRects().length) continue;
      let closed = false;
      for (let d = node.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) {
        if (!d.open && !(node.tagName === 'SUMMARY' && node.parentElement === d)) { closed = true; break; }
      }
      if (closed) continue;
      if (node.type === 'radio') { if (radios.has(node.name)) continue; radios.add(node.name); }
      stops.push(node.tagName.toLowerCase());
    }
    return stops;
  }, [fromSelector, toSelector]);
}

// A HAR of `pages` small pages with the same findings on each (plain-http form, password over a
// form without CSRF token, an inline handler, a disclosed server version, a session cookie
// without flags).
export function syntheticHar(pages, creator = 'portal-check tests') {
  const entries = [];
  for (let i = 0; i < pages; i++) {
    const html = `<!doctype html><html lang="vi"><head><title>Trang ${i}</title><script src="http://cdn.example.com/jquery-1.12.4.js"></script></head>`
      + `<body><form action="http://example.gov.vn/search" method="get"><input name="q"></form><form method="post" action="/login">`
      + `<input type="password" name="p"></form><a href="/p${i + 1}">tiếp</a><p onclick="x()">Trang số ${i}</p></body></html>`;
    entries.push({
      startedDateTime: '2026-11-29T00:00:00.000Z', time: 10,
      request: { method: 'GET', url: `https://example.gov.vn/p${i}`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: {
        status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Server', value: 'Apache/2.4.29' }, { name: 'Set-Cookie', value: `ASP.NET_SessionId=s${i}; path=/` }],
        cookies: [], content: { size: html.length, mimeType: 'text/html; charset=utf-8', text: html }, redirectURL: '', headersSize: -1, bodySize: html.length,
      },
      cache: {}, timings: { send: 0, wait: 10, receive: 0 },
    });
  }
  return JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, pages: [], entries } });
}
