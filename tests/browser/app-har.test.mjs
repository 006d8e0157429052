// The app in Debian's Chromium, fed a HAR captured live from the demo portal: the report shows the
// engine's header grade and the criteria table; the language switch changes the texts; the print
// view renders; and no request leaves 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { startAppServer } from '../../web/serve/static-server.mjs';
import {
  ROOT, skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, gradePattern, tempDir,
  captureDemoHar, engineReport,
} from './harness.mjs';

const SKIP = skipReason();
let dir, portal, app, browser, harFile, expected, session;

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-app-har-');
  portal = await startDemoPortal();
  harFile = await captureDemoHar(portal, path.join(dir, 'demo.har'));
  expected = await engineReport(fs.readFileSync(harFile, 'utf8'), { profiles: ['tnm-website-basic'] });
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
  session = await openApp(browser, app.url);
});
after(async () => {
  await browser?.close();
  await app?.close();
  await portal?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('open the demo HAR: the grade and the criteria table appear', { skip: SKIP, timeout: 40000 }, async () => {
  const { page } = session;
  await page.setInputFiles('#har-file', harFile);
  const text = await waitForReport(page);
  await waitIdle(page);
  assert.match(text, /Điểm tiêu đề bảo mật/);
  assert.match(text, gradePattern(expected.grade.grade), `grade ${expected.grade.grade} shown`);
  assert.match(text, new RegExp(`\\b${expected.grade.score}\\b`), `score ${expected.grade.score} shown`);
  // The criteria table of the default profile (tnm-website-basic): one row per criterion, named.
  const criteria = expected.profiles['tnm-website-basic'].criteria;
  const profile = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/profiles/tnm-website-basic.json'), 'utf8'));
  const rows = await page.locator('#report table tr').evaluateAll((trs) => trs.map((tr) => tr.innerText));
  for (const c of profile.criteria) {
    assert.ok(rows.some((r) => r.includes(c.title.vi) || r.includes(c.id)), `criterion ${c.id} has a table row`);
  }
  const statuses = {
    met: 'Đã đáp ứng đầy đủ', 'not-met': 'Chưa đáp ứng đầy đủ — có kiểm tra không đạt', 'not-assessed': 'Chưa đáp ứng đầy đủ — chưa đánh giá được',
    'needs-declaration': 'Chưa đáp ứng đầy đủ — cần tự khai', 'not-applicable': 'Không áp dụng',
  };
  for (const c of criteria) assert.match(text, new RegExp(statuses[c.status]), `status ${c.status} shown`);
  assert.match(await page.locator('#progress-text').innerText(), /\S/);
});

test('the language switch changes the texts and back', { skip: SKIP, timeout: 20000 }, async () => {
  const { page } = session;
  const heading = page.locator('#inputs-heading');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  const viHeading = await heading.innerText();
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.notEqual(await heading.innerText(), viHeading);
  assert.match(await page.locator('#lang-switch').innerText(), /Tiếng Việt/);
  await page.waitForFunction(() => /Security header grade/.test(document.querySelector('#report').innerText), null, { timeout: 10000 });
  const en = await page.locator('#report').innerText();
  assert.match(en, gradePattern(expected.grade.grade));
  assert.doesNotMatch(en, /Điểm tiêu đề bảo mật/);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.equal(await heading.innerText(), viHeading);
  await page.waitForFunction(() => /Điểm tiêu đề bảo mật/.test(document.querySelector('#report').innerText), null, { timeout: 10000 });
});

// PNG decoding (zlib inflate + the five scanline filters) to count non-white pixels.
function nonWhitePixels(png) {
  let at = 8;
  let width = 0, height = 0, bpp = 4;
  const idat = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth 8');
      bpp = { 2: 3, 6: 4 }[data[9]];
      assert.ok(bpp, `colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  let prev = Buffer.alloc(stride);
  let count = 0;
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const add = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][f];
      line[x] = (line[x] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const i = x * bpp;
      if (line[i] < 240 || line[i + 1] < 240 || line[i + 2] < 240) count++;
    }
    prev = line;
  }
  return { width, height, count };
}

test('the print view renders (print media screenshot, not blank)', { skip: SKIP, timeout: 20000 }, async () => {
  const { page } = session;
  await page.emulateMedia({ media: 'print' });
  const png = await page.screenshot({ fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  fs.writeFileSync(path.join(dir, 'print.png'), png);
  assert.ok(png.length > 1000, `PNG of ${png.length} bytes`);
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  const { width, height, count } = nonWhitePixels(png);
  assert.ok(width > 0 && height > 0);
  assert.ok(count > 500, `${count} non-white pixels`);
});

test('every request went to 127.0.0.1 only; no page error, no dialog', { skip: SKIP }, async () => {
  const { log } = session;
  assert.ok(log.requests.length > 0);
  assert.deepEqual(foreignRequests(log.requests), []);
  assert.ok(log.requests.some((u) => u.endsWith('/wasm/portal_check.wasm')), 'the engine was loaded from /wasm/');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.consoleErrors.filter((m) => /Content Security Policy/i.test(m)), [], 'no CSP violation');
});
