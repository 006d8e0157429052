// Paste mode in Chromium: a raw HTTP response and its URL → the same grade the engine gives for
// that response in Node, with the response's header value quoted as evidence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, gradePattern, engineReport } from './harness.mjs';

const SKIP = skipReason();
const URL_ = 'https://cong.lamgiang.gov.vn/dang-nhap';
const RAW = [
  'HTTP/1.1 200 OK',
  'Server: Apache/2.4.29 (Ubuntu)',
  'X-Powered-By: PHP/7.2.24',
  'Content-Type: text/html; charset=utf-8',
  "Content-Security-Policy: default-src * 'unsafe-inline'",
  'Set-Cookie: PHPSESSID=abc123; path=/',
  '',
  '<!doctype html><html lang="vi"><head><title>Đăng nhập</title>',
  '<script src="https://cdn.example.net/jquery-1.12.4.min.js"></script></head>',
  '<body><form method="post" action="http://cong.lamgiang.gov.vn/dang-nhap"><input name="u"><input type="password" name="p"></form></body></html>',
].join('\r\n');

let app, browser;
before(async () => {
  if (SKIP) return;
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('paste a raw response: grade and evidence from the pasted headers', { skip: SKIP, timeout: 40000 }, async () => {
  const { rawResponseToHar } = await import('../../web/app/inputs/raw-response.mjs');
  const expected = await engineReport(rawResponseToHar(RAW, { url: URL_, now: new Date(0) }));
  const { page, log } = await openApp(browser, app.url);
  await page.fill('#paste-response', RAW);
  await page.fill('#paste-url', URL_);
  await page.click('#paste-run');
  const text = await waitForReport(page);
  await waitIdle(page);
  assert.match(text, gradePattern(expected.grade.grade), `grade ${expected.grade.grade}`);
  assert.match(text, /cong\.lamgiang\.gov\.vn/);
  const all = await page.locator('#report').textContent();
  assert.match(all, /Apache\/2\.4\.29|PHP\/7\.2\.24/, 'the disclosed version is quoted as evidence');
  assert.deepEqual(foreignRequests(log.requests), [], 'the pasted page\'s third-party script is never fetched');
  assert.deepEqual(log.pageErrors, []);
});

test('an invalid paste shows an error, not a report', { skip: SKIP, timeout: 20000 }, async () => {
  const { page } = await openApp(browser, app.url);
  await page.fill('#paste-response', 'this is not an HTTP response');
  await page.click('#paste-run');
  await page.waitForFunction(() => {
    const e = document.querySelector('#run-error');
    return (e && !e.hidden && e.innerText.trim() !== '') || /lỗi|error|không/i.test(document.querySelector('#progress-text')?.innerText ?? '');
  }, null, { timeout: 10000 });
  assert.doesNotMatch(await page.locator('#report').innerText(), /Điểm tiêu đề bảo mật/);
});
