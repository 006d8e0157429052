// The app inside the packed extension (scripts/build-extension into a temporary folder, loaded
// unpacked into Debian's Chromium): a HAR stored by extension/handoff.mjs in one extension page is opened by
// app/index.html#extension-capture=<key> in another, audited as an opened HAR file (the engine's
// grade, capture method "extension-live" in a bundle made from it), offered as "Download HAR", and
// taken only once. The handoff's own contract (unknown keys, non-Blob HAR, old leftovers) runs in
// an extension page too: IndexedDB of the extension's origin is what it is written for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  ROOT, CHROMIUM, CHROMIUM_ARGS, skipReason, tempDir, waitForReport, waitIdle, gradePattern, engineReport,
} from './harness.mjs';

const SKIP = skipReason() || (spawnSync('sh', ['-c', 'command -v zip']).status === 0 ? false : 'zip is not installed (scripts/setup)');
// A HAR Chromium itself exported (tests/fixtures/recorded/README.md): the capture's stand-in.
const HAR_FILE = path.join(ROOT, 'tests', 'fixtures', 'recorded', 'chrome-har.har');
const TARGET = 'https://127.0.0.1:47443/';
const STARTED = '2026-12-05T07:30:00.000Z';

let dir, context, origin, expected;
const log = { requests: [], pageErrors: [], consoleErrors: [] };

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-ext-app-');
  const built = spawnSync('bash', [path.join(ROOT, 'scripts', 'build-extension'), '--out', path.join(dir, 'package')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  expected = await engineReport(fs.readFileSync(HAR_FILE, 'utf8'), { profiles: ['tnm-website-basic'] });
  const extension = path.join(dir, 'package', 'extension');
  const { chromium } = await import('playwright-core');
  // Extensions load in the new headless mode only; the persistent context is the profile they live in.
  context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM, headless: true, locale: 'vi-VN', acceptDownloads: true, timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce',
    args: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--headless=new',
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 15000 });
  origin = `chrome-extension://${new URL(worker.url()).host}`; // (URL.origin is "null" for this scheme)
  context.on('request', (r) => log.requests.push(r.url()));
});
after(async () => {
  await context?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function extensionPage(rel) {
  const page = await context.newPage();
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  if (rel) await page.goto(`${origin}/${rel}`, { waitUntil: 'load' });
  return page;
}

// Stores the HAR file's bytes through handoff.mjs in an extension page → the key.
async function putHar(page, meta) {
  const har = fs.readFileSync(HAR_FILE, 'utf8');
  return page.evaluate(async ([url, text, m]) => {
    const { putCapture } = await import(url);
    return putCapture(new Blob([text], { type: 'application/json' }), m);
  }, [`${origin}/extension/handoff.mjs`, har, meta]);
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(selector)]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

let appPage;
test('a handed-over capture is audited like an opened HAR file and offered as "Tải HAR"', { skip: SKIP, timeout: 90000 }, async () => {
  const capturePage = await extensionPage('app/index.html');
  const meta = { target: TARGET, started: STARTED, finished: '2026-12-05T07:30:09.000Z', pages: 2, requests: 9, bytes: 43547, stopped: null };
  const key = await putHar(capturePage, meta);
  assert.match(key, /^[0-9a-f-]{36}$/);
  await capturePage.close();

  appPage = await extensionPage(null);
  await appPage.goto(`${origin}/app/index.html#extension-capture=${key}`, { waitUntil: 'load' });
  const text = await waitForReport(appPage, { timeout: 60000 });
  await waitIdle(appPage);
  assert.match(text, gradePattern(expected.grade.grade), `grade ${expected.grade.grade} shown`);
  assert.match(text, new RegExp(`\\b${expected.grade.score}\\b`), `score ${expected.grade.score} shown`);
  assert.equal(await appPage.evaluate(() => location.hash), '', 'the hash is cleared');
  assert.equal(await appPage.locator('#run-error').isHidden(), true);

  assert.equal(await appPage.locator('#capture-har-download').isVisible(), true);
  assert.equal(await appPage.locator('#capture-har-download').innerText(), 'Tải HAR');
  const har = await download(appPage, '#capture-har-download');
  assert.equal(har.name, 'portal-check-127.0.0.1-20261205-1430.har');
  assert.ok(fs.readFileSync(har.file).equals(fs.readFileSync(HAR_FILE)), 'the HAR as it was handed over, byte for byte');
  await appPage.click('#lang-switch');
  await appPage.waitForFunction(() => document.querySelector('#capture-har-download').textContent === 'Download HAR');
  await appPage.click('#lang-switch');

  // The report JSON is the engine's own for that HAR.
  const report = JSON.parse(fs.readFileSync((await download(appPage, '#exports .pc-export-list li:first-child button')).file, 'utf8'));
  assert.deepEqual(report.grade, expected.grade);
});

test('a bundle made from it says how it was captured: extension-live, portal-check-extension', { skip: SKIP, timeout: 90000 }, async () => {
  await appPage.click('#bundle-create');
  await appPage.waitForFunction(() => document.querySelector('#cancel').disabled && !document.querySelector('#bundle-download').disabled,
    null, { timeout: 60000, polling: 100 });
  assert.equal(await appPage.locator('#run-error').isHidden(), true, await appPage.locator('#run-error').innerText());
  const bundle = JSON.parse(fs.readFileSync((await download(appPage, '#bundle-download')).file, 'utf8'));
  assert.equal(bundle.manifest.capture.method, 'extension-live');
  assert.equal(bundle.manifest.capture.tool, 'portal-check-extension');
  assert.ok(!Number.isNaN(Date.parse(bundle.manifest.capture.time)));
});

test('an ordinary HAR file opened afterwards has no "Download HAR"', { skip: SKIP, timeout: 60000 }, async () => {
  await appPage.setInputFiles('#har-file', HAR_FILE);
  await waitIdle(appPage, { timeout: 60000 });
  await waitForReport(appPage);
  assert.equal(await appPage.locator('#capture-har-row').isHidden(), true);
});

test('a key already taken (or unknown) shows the error, in Vietnamese and English', { skip: SKIP, timeout: 60000 }, async () => {
  const page = await extensionPage('app/index.html');
  const key = await putHar(page, { target: TARGET, started: STARTED });
  await page.goto(`${origin}/app/index.html#extension-capture=${key}`, { waitUntil: 'load' });
  await waitForReport(page, { timeout: 60000 });
  await waitIdle(page);
  // The same key again (a reload of the tab, a second click on an old link): taken already.
  await page.goto(`${origin}/app/index.html#extension-capture=${key}`, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.querySelector('#run-error').hidden, null, { timeout: 30000 });
  assert.equal(await page.locator('#run-error').innerText(), 'Không tìm thấy bản ghi từ tiện ích; hãy bấm nút tiện ích lại.');
  assert.equal(await page.locator('#report-section').isHidden(), true);
  assert.equal(await page.locator('#capture-har-row').isHidden(), true);
  await page.click('#lang-switch');
  await page.waitForFunction(() => /not found/.test(document.querySelector('#run-error').textContent));
  assert.equal(await page.locator('#run-error').innerText(), 'The extension\'s capture was not found; click the extension\'s button again.');
  await page.click('#lang-switch');
  await page.close();
});

test('handoff.mjs: take reads and deletes; unknown and malformed keys; a non-Blob HAR; old leftovers dropped', { skip: SKIP, timeout: 30000 }, async () => {
  const page = await extensionPage('app/index.html');
  const r = await page.evaluate(async (url) => {
    const h = await import(url);
    const out = {};
    const blob = new Blob(['{"log":{"entries":[]}}']);
    const key = await h.putCapture(blob, { target: 'https://a.vn/', pages: 1, drop: () => 1, nothing: undefined });
    const first = await h.takeCapture(key);
    out.first = { text: await first.har.text(), meta: first.meta, isBlob: first.har instanceof Blob };
    out.second = await h.takeCapture(key);
    out.malformed = await Promise.all([undefined, 42, '', 'x'.repeat(h.MAX_KEY_LENGTH + 1), 'no-such-key'].map((k) => h.takeCapture(k)));
    out.notBlob = await h.putCapture('{"log":{}}', {}).then(() => 'stored', (e) => e.name);
    out.badMeta = await h.putCapture(blob, { n: 1n }).then(() => 'stored', (e) => e.name);
    out.badAge = await Promise.all([-1, NaN, Infinity, '5'].map((a) => h.dropOldCaptures(a).then(() => 'ran', (e) => e.name)));
    const old = await h.putCapture(blob, { which: 'old' });
    await new Promise((res) => setTimeout(res, 1500));
    const recent = await h.putCapture(blob, { which: 'recent' });
    out.dropped = await h.dropOldCaptures(1000);
    out.old = await h.takeCapture(old);
    out.recent = (await h.takeCapture(recent))?.meta;
    out.none = await h.dropOldCaptures(0);
    return out;
  }, `${origin}/extension/handoff.mjs`);
  assert.deepEqual(r.first, { text: '{"log":{"entries":[]}}', meta: { target: 'https://a.vn/', pages: 1 }, isBlob: true });
  assert.equal(r.second, null, 'taken once only');
  assert.deepEqual(r.malformed, [null, null, null, null, null]);
  assert.equal(r.notBlob, 'TypeError');
  assert.equal(r.badMeta, 'TypeError', 'a BigInt has no JSON form');
  assert.deepEqual(r.badAge, ['RangeError', 'RangeError', 'RangeError', 'RangeError']);
  assert.equal(r.dropped, 1);
  assert.equal(r.old, null);
  assert.deepEqual(r.recent, { which: 'recent' });
  assert.equal(r.none, 0, 'nothing left');
  await page.close();
});

test('nothing left the extension; no page error, no CSP violation', { skip: SKIP }, () => {
  assert.ok(log.requests.some((u) => u === `${origin}/wasm/portal_check.wasm`), 'the engine was loaded from the package');
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u)), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors.filter((m) => /Content Security Policy|Refused/i.test(m)), []);
});
