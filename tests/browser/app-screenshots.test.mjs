// Screenshots of the app kept as test artifacts: the start page and a finished report (a real
// recording: tests/fixtures/recorded/playwright-embed.har), at 1366×768 and at 390×844, the
// viewport and the full page, as PNG files in build/test-artifacts/screenshots/ (left there after
// the run, for review and for a CI job to keep). Each file must exist, be a PNG and be more than MIN_BYTES: a blank or broken page
// compresses to far less. The paths are printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { ROOT, skipReason, launchBrowser, waitForReport, waitIdle } from './harness.mjs';

const SKIP = skipReason();
const OUT = path.join(ROOT, 'build/test-artifacts/screenshots');
const HAR = path.join(ROOT, 'tests/fixtures/recorded/playwright-embed.har');
const SIZES = { '1366x768': { width: 1366, height: 768 }, '390x844': { width: 390, height: 844 } };
// A screenshot smaller than this is taken as empty (a blank page compresses to a few KB).
const MIN_BYTES = 5 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let app, browser;

before(async () => {
  if (SKIP) return;
  fs.mkdirSync(OUT, { recursive: true });
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

function checkPng(file) {
  assert.ok(fs.existsSync(file), `${file} exists`);
  const bytes = fs.readFileSync(file);
  assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is a PNG`);
  assert.ok(bytes.length > MIN_BYTES, `${file}: ${bytes.length} bytes > ${MIN_BYTES}`);
  console.log(`screenshot: ${path.relative(ROOT, file)} (${bytes.length} bytes)`);
}

async function shoot(page, name) {
  for (const [kind, fullPage] of [['viewport', false], ['full', true]]) {
    const file = path.join(OUT, `${name}-${kind}.png`);
    fs.rmSync(file, { force: true });
    await page.screenshot({ path: file, fullPage, timeout: 120000 });
    checkPng(file);
  }
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`screenshots at ${size}: the start page and a finished report`, { skip: SKIP, timeout: 300000 }, async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.goto(app.url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await shoot(page, `start-${size}`);
      await page.setInputFiles('#har-file', HAR);
      await waitForReport(page);
      await waitIdle(page);
      await shoot(page, `report-${size}`);
    } finally {
      await context.close();
    }
  });
}
