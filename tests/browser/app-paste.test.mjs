// Paste mode in Chromium: a raw HTTP response and its URL → the same grade the engine gives for
// that response in Node, with the response's header value quoted as evidence; a curl -sIL
// transcript (a 301 then a 200) → the redirect chain audited and the final page graded; the report
// search ignores case and Vietnamese diacritics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, gradePattern, engineReport, expandReport, openDisclosure } from './harness.mjs';
import { HOLBERTON, HOLBERTON_URL } from '../fixtures/pasted/curl-transcripts.mjs';
import { foldForSearch } from '../../web/app/report/search-fold.mjs';

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

// A login page answering on http:// whose form sends the password with GET: its findings'
// Vietnamese texts hold "mật khẩu" and "đăng nhập".
const LOGIN_URL = 'http://cong.lamgiang.gov.vn/dang-nhap';
const LOGIN = [
  'HTTP/1.1 200 OK',
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
  await openDisclosure(page, 'paste-details');
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

test('paste a raw response: grade and evidence from the pasted headers', { skip: SKIP, timeout: 40000 }, async () => {
  const { rawResponseToHar } = await import('../../web/app/inputs/raw-response.mjs');
  const expected = await engineReport(rawResponseToHar(RAW, { url: URL_, now: new Date(0) }));
  const { page, log } = await openApp(browser, app.url);
  const text = await paste(page, RAW, URL_);
  assert.match(text, gradePattern(expected.grade.grade), `grade ${expected.grade.grade}`);
  assert.match(text, /cong\.lamgiang\.gov\.vn/);
  await expandReport(page); // groups and evidence are built when opened
  const all = await page.locator('#report').textContent();
  assert.match(all, /Apache\/2\.4\.29|PHP\/7\.2\.24/, 'the disclosed version is quoted as evidence');
  assert.deepEqual(foreignRequests(log.requests), [], 'the pasted page\'s third-party script is never fetched');
  assert.deepEqual(log.pageErrors, []);
});

test('an invalid paste shows an error, not a report', { skip: SKIP, timeout: 20000 }, async () => {
  const { page } = await openApp(browser, app.url);
  await openDisclosure(page, 'paste-details');
  await page.fill('#paste-response', 'this is not an HTTP response');
  await page.click('#paste-run');
  await page.waitForFunction(() => {
    const e = document.querySelector('#run-error');
    return (e && !e.hidden && e.innerText.trim() !== '') || /lỗi|error|không/i.test(document.querySelector('#progress-text')?.innerText ?? '');
  }, null, { timeout: 10000 });
  assert.doesNotMatch(await page.locator('#report').innerText(), /Điểm tiêu đề bảo mật/);
});

test('a pasted curl -sIL chain (301 then 200): a grade, the redirect result, the final page graded', { skip: SKIP, timeout: 40000 }, async () => {
  const { rawResponseToHar } = await import('../../web/app/inputs/raw-response.mjs');
  const expected = await engineReport(rawResponseToHar(HOLBERTON, { url: HOLBERTON_URL, now: new Date(0) }));
  assert.equal(typeof expected.grade.grade, 'string', 'the engine grades the chain');
  const { page, log } = await openApp(browser, app.url);
  const text = await paste(page, HOLBERTON, HOLBERTON_URL);
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
  await openDisclosure(page, 'paste-details');
  await page.fill('#paste-response', HOLBERTON.replace('https://www.holberton.online/', 'http://[::1'));
  await page.fill('#paste-url', HOLBERTON_URL);
  await page.click('#paste-run');
  await page.waitForFunction(() => !document.querySelector('#run-error').hidden, null, { timeout: 10000 });
  assert.match(await page.locator('#run-error').innerText(), /Tiêu đề Location của phản hồi ở dòng 1 không phải là URL http:\/\/ hoặc https:\/\/ \(nhận được: “http:\/\/\[::1”\)/);
});

test('search ignores case and diacritics: "mat khau" finds "mật khẩu", "DANG NHAP" finds "đăng nhập"', { skip: SKIP, timeout: 40000 }, async () => {
  const { page, log } = await openApp(browser, app.url);
  await paste(page, LOGIN, LOGIN_URL);
  // The report shows a finding about the password (cards come in batches).
  await page.waitForFunction(() => /mật khẩu/i.test(document.querySelector('#report .pc-results')?.innerText ?? ''), null, { timeout: 10000 });
  const found = await search(page, 'mat khau');
  assert.match(found, /mật khẩu/i);
  const upper = await search(page, 'DANG NHAP');
  assert.match(foldForSearch(upper), /dang nhap/);
  assert.doesNotMatch(await search(page, 'khong-co-tu-nay-xyz'), /mật khẩu/i);
  assert.deepEqual(log.pageErrors, []);
});
