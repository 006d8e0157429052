// The XSS corpus (tests/fixtures/xss-corpus/) packed into a HAR and audited in Chromium: nothing
// from the audited site executes or becomes markup, and the hostile strings show up as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { buildXssHar, MARKERS } from '../fixtures/xss-corpus/pack.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, tempDir, expandReport } from './harness.mjs';

const SKIP = skipReason();
let dir, app, browser, harFile;
before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-xss-');
  harFile = path.join(dir, 'xss-corpus.har');
  fs.writeFileSync(harFile, JSON.stringify(buildXssHar()));
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Everything in the DOM that could only come from injected markup. The page's own drawings (the
// HAR guide's inline SVG, index.html #har-guide) are the only svg allowed.
function injected() {
  const appScripts = new Set([...document.scripts].filter((s) => s.type === 'module' && new URL(s.src, location.href).pathname.startsWith('/app/')));
  const found = [];
  for (const s of document.scripts) if (!appScripts.has(s)) found.push(`script: ${s.outerHTML.slice(0, 80)}`);
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name)) found.push(`${e.tagName} ${a.name}`);
      if (/^\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction|data|xlink:href)$/i.test(a.name)) found.push(`${e.tagName} ${a.name}=${a.value.slice(0, 40)}`);
    }
  }
  for (const sel of ['iframe', 'object', 'embed', 'svg:not(#har-guide svg)', 'math', 'base', 'meta[http-equiv]', '#report img', '#report form', '#report input[name^="ho_ten"]', '[data-x]']) {
    for (const e of document.querySelectorAll(sel)) found.push(`${sel}: ${e.outerHTML.slice(0, 80)}`);
  }
  return found;
}

test('the XSS corpus: no dialog, no injected element, nothing executed, payloads shown as text', { skip: SKIP, timeout: 50000 }, async () => {
  const { page, context, log } = await openApp(browser, app.url);
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload({ waitUntil: 'load' });
  for (const lang of ['vi', 'en']) {
    if (lang === 'en') await page.click('#lang-switch');
    await page.setInputFiles('#har-file', harFile);
    await waitForReport(page);
    await waitIdle(page);
    // Expand everything collapsible so hidden evidence gets rendered too.
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    await page.check('#report .pc-filters .pc-inline input[type=checkbox]'); // the checks that did not fail too
    await expandReport(page, { root: 'body' });
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(injected), [], `${lang}: injected markup`);
  }
  assert.deepEqual(log.dialogs, [], 'no dialog fired');
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  assert.equal(await page.evaluate(() => typeof parent.__pwned), 'undefined');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'nothing even tried to run (no CSP violation)');
  const all = await page.locator('#report').textContent();
  for (const m of MARKERS) assert.ok(all.includes(m), `payload ${JSON.stringify(m)} shown as text`);
  const visible = await page.locator('#report').innerText();
  assert.ok(MARKERS.some((m) => visible.includes(m)), 'at least one payload is visible');
  assert.deepEqual(foreignRequests(log.requests), [], 'no request to the payloads\' hosts');
  assert.deepEqual(log.pageErrors, []);
});
