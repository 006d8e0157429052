// Paste mode with a curl -sIL transcript (several responses in a row) in Chromium: the app audits
// the redirect chain, shows a grade (not a blank grade box) and the http:// redirect's result; the
// report search ignores case and Vietnamese diacritics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, gradePattern, engineReport } from './harness.mjs';

const SKIP = skipReason();

// `curl -sIL http://www.holberton.online`, the example of task 2 of Holberton School's
// 0x10-https_ssl project, as quoted in github.com/Alexoat76/holberton-system_engineering-devops
// 0x10-https_ssl/README.md (a 301 from http:// to https://, then the 200 page).
const HOLBERTON = [
  'HTTP/1.1 301 Moved Permanently',
  'Content-length: 0',
  'Location: https://www.holberton.online/',
  'Connection: close',
  '',
  'HTTP/1.1 200 OK',
  'Server: nginx/1.4.6 (Ubuntu)',
  'Date: Tue, 28 Feb 2017 02:19:18 GMT',
  'Content-Type: text/html',
  'Content-Length: 30',
  'Last-Modified: Tue, 21 Feb 2017 07:21:32 GMT',
  'ETag: "58abea7c-1e"',
  'X-Served-By: 03-web-01',
  'Accept-Ranges: bytes',
  '',
].join('\n');

// A login page answering on http:// with a password field: its findings' Vietnamese titles hold
// "mật khẩu" and "đăng nhập".
const LOGIN_URL = 'http://cong.lamgiang.gov.vn/dang-nhap';
const LOGIN = [
  'HTTP/1.1 200 OK',
  'Server: Apache/2.4.29 (Ubuntu)',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<!doctype html><html lang="vi"><head><title>Đăng nhập</title></head>',
  '<body><form method="get" action="/dang-nhap"><input name="u"><input type="password" name="p"></form></body></html>',
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

async function paste(page, text, url) {
  await page.fill('#paste-response', text);
  await page.fill('#paste-url', url);
  await page.click('#paste-run');
  const report = await waitForReport(page);
  await waitIdle(page);
  return report;
}

async function search(page, query) {
  await page.fill('#report .pc-search input', query);
  await page.waitForTimeout(400); // the search waits 150 ms after the last key
  return page.locator('#report .pc-results').innerText();
}

test('a pasted curl -sIL chain (301 then 200): a grade, the redirect result, the final page graded', { skip: SKIP, timeout: 40000 }, async () => {
  const { rawResponseToHar } = await import('../../web/app/inputs/raw-response.mjs');
  const expected = await engineReport(rawResponseToHar(HOLBERTON, { url: 'http://www.holberton.online', now: new Date(0) }));
  assert.equal(typeof expected.grade.grade, 'string', 'the engine grades the chain');
  const { page, log } = await openApp(browser, app.url);
  const text = await paste(page, HOLBERTON, 'http://www.holberton.online');
  assert.match(text, gradePattern(expected.grade.grade), `grade ${expected.grade.grade}`);
  assert.doesNotMatch(text, /Không có điểm tiêu đề/);
  assert.doesNotMatch(text, /\bnull\b|undefined/);
  const grade = await page.locator('#report .pc-grade-box').innerText();
  assert.match(grade, /Trang được chấm điểm: https:\/\/www\.holberton\.online\//);
  await page.check('#report .pc-filters .pc-inline input[type=checkbox]');
  const found = await search(page, 'transport.redirect');
  assert.match(found, /transport\.redirect/);
  assert.match(found, /to-https/, 'the http:// → https:// redirect is judged from the pasted chain');
  assert.deepEqual(foreignRequests(log.requests), []);
  assert.deepEqual(log.pageErrors, []);
});

test('a chain that cannot be followed shows the error, not a report', { skip: SKIP, timeout: 20000 }, async () => {
  const { page } = await openApp(browser, app.url);
  await page.fill('#paste-response', HOLBERTON.replace('https://www.holberton.online/', 'http://[::1'));
  await page.fill('#paste-url', 'http://www.holberton.online');
  await page.click('#paste-run');
  await page.waitForFunction(() => !document.querySelector('#run-error').hidden, null, { timeout: 10000 });
  assert.match(await page.locator('#run-error').innerText(), /Tiêu đề Location của phản hồi ở dòng 1 không phải là URL http:\/\/ hoặc https:\/\/ \(nhận được: “http:\/\/\[::1”\)/);
});

test('search ignores case and diacritics: "mat khau" finds "mật khẩu", "DANG NHAP" finds "đăng nhập"', { skip: SKIP, timeout: 40000 }, async () => {
  const { page, log } = await openApp(browser, app.url, { locale: 'vi-VN' });
  await paste(page, LOGIN, LOGIN_URL);
  const all = await page.locator('#report .pc-results').innerText();
  assert.match(all, /mật khẩu/i, 'the report shows a finding about the password');
  const found = await search(page, 'mat khau');
  assert.match(found, /mật khẩu/i);
  const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const upper = await search(page, 'DANG NHAP');
  assert.match(fold(upper), /dang nhap/);
  assert.doesNotMatch(await search(page, 'khong-co-tu-nay-xyz'), /mật khẩu/i);
  assert.deepEqual(log.pageErrors, []);
});
