// The start page and what follows a run, in Debian's Chromium: three primary actions (check my
// site, prepare an application, verify a bundle) and the HAR export guide in Vietnamese and
// English; after a HAR (a real recording: tests/fixtures/recorded/playwright-embed.har) the report
// heading is focused and in view at 1366×768 and at 390×844; the summary bar shows the engine's
// grade and failing count and its links move the focus to targets that are in view, not under
// the bar; a paste also leads to the report heading, an opened bundle to its verdict, a failed run
// to the error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { ROOT, skipReason, launchBrowser, waitForReport, waitIdle, foreignRequests, engineReport, openDisclosure } from './harness.mjs';

const SKIP = skipReason();
const HAR = path.join(ROOT, 'tests/fixtures/recorded/playwright-embed.har');
const BAD = path.join(ROOT, 'tests/fixtures/bad-input/duplicate-in-entry.har');
const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
// Letters only Vietnamese uses (none is in the English UI, not even in a browser's menu names).
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
let app, browser, expected;

before(async () => {
  if (SKIP) return;
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
  expected = await engineReport(fs.readFileSync(HAR, 'utf8'), { profiles: ['tnm-website-basic'] });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function open(viewport, { locale = 'vi-VN', reducedMotion = 'no-preference' } = {}) {
  const context = await browser.newContext({ locale, viewport, reducedMotion });
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(String(e?.message || e)));
  await page.goto(app.url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  return { context, page, log };
}

// window.__focusedInView(selector), installed in the page: whether the element is the focused
// one and in the viewport, its top not under the summary bar.
async function installProbe(page) {
  await page.evaluate(() => {
    window.__focusedInView = (sel) => {
      const el = document.querySelector(sel);
      if (!el || document.activeElement !== el) return false;
      const r = el.getBoundingClientRect();
      const bar = document.getElementById('summary-bar');
      const barBottom = bar && !bar.hidden ? bar.getBoundingClientRect().bottom : 0;
      return r.top >= barBottom - 1 && r.top < innerHeight - 10;
    };
  });
}
const focusedInView = (page, selector) => page.evaluate((sel) => window.__focusedInView(sel), selector);
// Waits (smooth scrolling takes a moment) until focusedInView holds or 5 s passed.
const waitFocusedInView = (page, selector) => page.waitForFunction(
  (sel) => window.__focusedInView(sel), selector, { timeout: 5000, polling: 50 }).catch(() => null);

test('the start page: three actions, the portfolio link and the HAR guide, in Vietnamese and English', { skip: SKIP, timeout: 30000 }, async () => {
  const { context, page, log } = await open(SIZES.laptop);
  try {
    const headings = () => page.$$eval('#action-check h3, #action-prepare h3, #action-verify h3', (hs) => hs.map((h) => h.textContent));
    assert.deepEqual(await headings(), ['Kiểm tra trang của tôi', 'Chuẩn bị hồ sơ nhãn', 'Xác minh gói bằng chứng']);
    // One primary control per action in view at 1366×768: the HAR file, the profile, the bundle file.
    // (A file input is drawn as its label: the native control speaks the browser's language.)
    const primary = ['label[for="har-file"]', '#profile', 'label[for="bundle-file"]'];
    for (const sel of primary) assert.ok(await page.locator(sel).isVisible(), `${sel} visible`);
    for (const sel of primary) assert.ok(await page.locator(sel).evaluate((e) => e.getBoundingClientRect().bottom <= innerHeight), `${sel} above the fold`);
    assert.equal(await page.locator('#drop-zone .file-chosen').innerText(), 'Chưa chọn tệp');
    // Secondary inputs and key management are collapsed.
    for (const id of ['paste-details', 'self-details', 'keys']) assert.equal(await page.locator(`#${id}`).evaluate((d) => d.open), false, `${id} collapsed`);
    assert.equal(await page.locator('#key-create').isVisible(), false);
    assert.equal(await page.locator('#portfolio-link').getAttribute('href'), 'portfolio.html');
    const guide = await page.locator('#har-guide').innerText();
    for (const s of ['Preserve log', 'Allow to generate HAR with sensitive data', 'Export HAR (with sensitive data)', 'Export HAR (sanitized)', 'Persist Logs', 'Save All As HAR', 'Set-Cookie', 'Chrome và Edge', 'Firefox', 'không bao giờ tải nó lên']) {
      assert.ok(guide.includes(s), `guide names “${s}”`);
    }
    const figures = await page.$$eval('#har-guide svg[role="img"]', (ss) => ss.map((s) => s.getAttribute('aria-label')));
    assert.equal(figures.length, 2);
    for (const label of figures) assert.match(label, /Hình minh hoạ/);
    // The guide link leads to the guide.
    await page.click('.guide-link a');
    await page.waitForFunction(() => location.hash === '#har-guide');

    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await headings(), ['Check my site', 'Prepare an application', 'Verify a bundle']);
    const en = `${await page.locator('#inputs').innerText()}\n${await page.locator('#har-guide').innerText()}`;
    // “Tín Nhiệm Mạng” is the label's proper name (the criteria set's option), kept in English too.
    assert.doesNotMatch(en.replaceAll('Tín Nhiệm Mạng', ''), VIETNAMESE, 'no Vietnamese text in the English start page');
    for (const s of ['Allow to generate HAR with sensitive data', 'Save All As HAR', 'never uploads it', 'Portfolio']) assert.ok(en.includes(s), `English names “${s}”`);
    for (const label of await page.$$eval('#har-guide svg[role="img"]', (ss) => ss.map((s) => s.getAttribute('aria-label')))) {
      assert.match(label, /^Drawing of/);
      assert.doesNotMatch(label, VIETNAMESE);
    }
    assert.equal(await page.locator('#drop-zone .file-chosen').innerText(), 'No file chosen');
    // Opening the paste disclosure in English shows English controls.
    await page.click('#paste-details > summary');
    assert.match(await page.locator('#paste-run').innerText(), /Check/i);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(foreignRequests(log.requests), []);
  } finally {
    await context.close();
  }
});

for (const [name, viewport] of Object.entries(SIZES)) {
  test(`${name} ${viewport.width}×${viewport.height}: after a HAR the report heading is focused and in view; the summary bar's links lead to their targets`, { skip: SKIP, timeout: 60000 }, async () => {
    const { context, page, log } = await open(viewport, { reducedMotion: name === 'phone' ? 'reduce' : 'no-preference' });
    try {
      await installProbe(page);
      assert.equal(await page.locator('#summary-bar').isVisible(), false, 'no summary bar before a report');
      await page.setInputFiles('#har-file', HAR);
      await waitForReport(page);
      await waitIdle(page);
      await waitFocusedInView(page, '#report-heading');
      assert.equal(await page.locator('#drop-zone .file-chosen').innerText(), 'Đã chọn: playwright-embed.har');
      assert.ok(await focusedInView(page, '#report-heading'), 'the report heading is focused and in view');

      // The bar: the engine's grade and failing count.
      const bar = page.locator('#summary-bar');
      assert.ok(await bar.isVisible());
      const f = expected.summary.failed;
      const failing = f.high + f.medium + f.low;
      const status = await page.locator('#summary-status').innerText();
      assert.equal(status, `Hạng ${expected.grade.grade} · ${failing} kiểm tra không đạt`);
      // A link is shown exactly when its target (or fallback) is on the page.
      const links = await page.$$eval('#summary-bar a[data-target]', (as) => as.map((a) => {
        const shown = (id) => { const el = id && document.getElementById(id); return !!el && !el.closest('[hidden]') && el.getClientRects().length > 0; };
        return { text: a.textContent, target: shown(a.dataset.target) ? a.dataset.target : (shown(a.dataset.fallback) ? a.dataset.fallback : null), visible: !a.parentElement.hidden };
      }));
      assert.deepEqual(links.map((l) => l.text), ['Điểm', 'Tiêu chí', 'Kết quả', 'Hồ sơ', 'Xuất']);
      for (const l of links) assert.equal(l.visible, l.target !== null, `${l.text}: shown iff its target is`);
      for (const must of ['Điểm', 'Hồ sơ', 'Xuất']) assert.ok(links.find((l) => l.text === must).visible, `${must} shown`);
      for (const l of links.filter((x) => x.visible).reverse()) {
        await page.click(`#summary-bar a:text-is("${l.text}")`);
        await waitFocusedInView(page, `#${l.target}`);
        assert.ok(await focusedInView(page, `#${l.target}`), `${l.text} → #${l.target} focused, in view, not under the bar`);
        // The bar stays on screen (sticky) while the target is in view.
        const top = await bar.evaluate((b) => b.getBoundingClientRect().top);
        assert.ok(top >= -1 && top < 5, `bar at the top (${top})`);
      }
      // Both languages: the bar follows the switch.
      await page.click('#lang-switch');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await page.locator('#summary-status').innerText(), `Grade ${expected.grade.grade} · ${failing} failing checks`);
      assert.match(await bar.innerText(), /Grade[\s\S]*Dossier[\s\S]*Export/);
      if (name === 'phone') {
        const width = await bar.evaluate((b) => b.getBoundingClientRect().width);
        assert.ok(width <= viewport.width, `bar fits the phone (${width})`);
        assert.ok(await bar.evaluate((b) => b.getBoundingClientRect().height) < viewport.height / 5, 'bar stays compact');
      }
      assert.deepEqual(log.errors, []);
      assert.deepEqual(foreignRequests(log.requests), []);
    } finally {
      await context.close();
    }
  });
}

test('a failed run focuses the error, in view; the summary bar goes away', { skip: SKIP, timeout: 60000 }, async () => {
  const { context, page } = await open(SIZES.laptop, { reducedMotion: 'reduce' });
  try {
    await installProbe(page);
    await page.setInputFiles('#har-file', HAR);
    await waitForReport(page);
    await waitIdle(page);
    await page.setInputFiles('#har-file', BAD);
    await page.waitForFunction(() => !document.querySelector('#run-error').hidden, null, { timeout: 20000 });
    await waitIdle(page);
    await waitFocusedInView(page, '#run-error');
    assert.ok(await focusedInView(page, '#run-error'), 'the error is focused and in view');
    assert.equal(await page.locator('#summary-bar').isVisible(), false);
  } finally {
    await context.close();
  }
});

test('a paste leads to the report heading, an opened bundle to its verdict (1366×768)', { skip: SKIP, timeout: 90000 }, async () => {
  const golden = path.join(ROOT, 'tests/golden/demo-signed.json'); // committed with the repository
  const { context, page, log } = await open(SIZES.laptop, { reducedMotion: 'reduce' });
  try {
    await installProbe(page);
    await openDisclosure(page, 'paste-details');
    await page.fill('#paste-response', 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<!doctype html><title>x</title>');
    await page.fill('#paste-url', 'https://example.test/');
    await page.click('#paste-run');
    await waitForReport(page);
    await waitIdle(page);
    await waitFocusedInView(page, '#report-heading');
    assert.ok(await focusedInView(page, '#report-heading'), 'after a paste: the report heading');
    await page.setInputFiles('#bundle-file', golden);
    await page.waitForFunction(() => !document.querySelector('#verdict-section').hidden, null, { timeout: 60000 });
    await waitIdle(page, { timeout: 60000 });
    await waitFocusedInView(page, '#verdict-section');
    assert.ok(await focusedInView(page, '#verdict-section'), 'after opening a bundle: its verdict');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
