// Cancel in Chromium: a ~100 MB HAR is audited in the worker; while it runs the page answers within
// 200 ms and no long main-thread task happens; Cancel stops it, the UI is idle again, and the next
// audit works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, tempDir, openDisclosure } from './harness.mjs';

const SKIP = skipReason();
const TARGET_BYTES = 100 * 1024 * 1024;

// A HAR of many ~50 KB HTML pages, written entry by entry (never whole in memory).
function writeBigHar(file) {
  const para = '<p>Tin tức hoạt động của Sở — nội dung thử nghiệm để làm tệp HAR lớn.</p>\n'.repeat(600);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '{"log":{"version":"1.2","creator":{"name":"big-har-test","version":"1"},"pages":[],"entries":[');
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const body = `<!doctype html><html lang="vi"><head><title>Trang ${i}</title></head><body>${para}<a href="/trang-${i + 1}">tiếp</a></body></html>`;
    const entry = JSON.stringify({
      startedDateTime: '2026-01-01T00:00:00.000Z', time: 1,
      request: { method: 'GET', url: `https://big.example.test/trang-${i}`, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
      response: {
        status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [],
        headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Server', value: 'nginx/1.14.0' }],
        content: { size: body.length, mimeType: 'text/html; charset=utf-8', text: body }, redirectURL: '', headersSize: -1, bodySize: -1,
      },
      cache: {}, timings: { send: 0, wait: 1, receive: 0 }, _resourceType: 'document',
    });
    bytes += fs.writeSync(fd, (i ? ',' : '') + entry);
  }
  fs.writeSync(fd, ']}}');
  fs.closeSync(fd);
  return bytes;
}

let dir, app, browser, bigHar;
before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-cancel-');
  bigHar = path.join(dir, 'big.har');
  writeBigHar(bigHar);
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('cancel a 100 MB audit: responsive while running, idle after, next audit works', { skip: SKIP, timeout: 55000 }, async () => {
  assert.ok(fs.statSync(bigHar).size >= TARGET_BYTES);
  const { page, log } = await openApp(browser, app.url);
  await page.evaluate(() => {
    window.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.setInputFiles('#har-file', bigHar);
  await page.waitForFunction(() => document.querySelector('#cancel')?.disabled === false, null, { timeout: 10000 });
  await page.waitForFunction(() => Number(document.querySelector('#progress')?.value) > 0, null, { timeout: 20000, polling: 50 });
  // The audit runs in the worker: the main thread answers quickly throughout.
  const delays = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await page.evaluate(() => document.querySelector('#progress-text').textContent.length);
    delays.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Each round trip includes CDP and process scheduling on a small machine: 9 of 10 within 200 ms,
  // none over 1 s; the main-thread long-task measure below is the strict one.
  const sorted = [...delays].sort((a, b) => a - b);
  const shown = delays.map((d) => d.toFixed(0)).join(', ');
  assert.ok(sorted[8] < 200 && sorted[9] < 1000, `page.evaluate answered in ${shown} ms`);
  const progressBefore = await page.evaluate(() => Number(document.querySelector('#progress').value));
  assert.ok(progressBefore < Number(await page.evaluate(() => document.querySelector('#progress').max)), 'still running when cancelled');
  const running = await page.locator('#progress-text').innerText();
  await page.click('#cancel');
  await waitIdle(page, { timeout: 5000 });
  const t0 = performance.now();
  await page.evaluate(() => 1);
  assert.ok(performance.now() - t0 < 200, 'responsive after cancel');
  assert.notEqual(await page.locator('#progress-text').innerText(), running, 'the status line changed');
  assert.doesNotMatch(await page.locator('#report').innerText(), /Điểm tiêu đề bảo mật/, 'no report from a cancelled audit');
  const longest = await page.evaluate(() => window.__longestTask);
  assert.ok(longest < 200, `longest main-thread task ${longest} ms`);
  // The app is usable again: a small audit completes.
  await openDisclosure(page, 'paste-details');
  await page.fill('#paste-response', 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<!doctype html><title>x</title>');
  await page.fill('#paste-url', 'https://example.test/');
  await page.click('#paste-run');
  await waitForReport(page, { timeout: 20000 });
  assert.deepEqual(log.pageErrors, []);
});
