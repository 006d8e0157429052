// The portfolio page (web/app/portfolio.html) in Debian's Chromium: bundles made here with the
// CLI (keygen, bundle — signed and unsigned — from the recorded fixture HARs and, when present, a
// real HAR of ../shared/data/real-har/), a tampered copy (one byte changed in its evidence), a
// saved report (CLI audit --format json), a report whose site string is hostile and a garbage
// file, opened together: each row's state, signed rows verified once the public key is registered,
// a replay per row, sorting (mouse and keyboard, aria-sort), filtering (diacritics ignored, by
// state and grade), the CSV (content and the formula guard), the printable summary, the folder
// pick and drag and drop, the language switch, Cancel, MAX_PORTFOLIO_FILES at and past, and no
// request leaving loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { ROOT, skipReason, launchBrowser, openApp, foreignRequests, tempDir } from './harness.mjs';
import { MAX_PORTFOLIO_FILES } from '../../web/app/portfolio/limits.mjs';

const SKIP = skipReason();
const CLI = path.join(ROOT, 'web/cli/portal-check.mjs');
const REAL_HAR = path.join(ROOT, '..', 'shared', 'data', 'real-har', 'janodvarko__selenium_tests_hars_multiple-pages.har');
const HOSTILE_SITE = '=HYPERLINK("http://evil.example/","x")<img src=x id=pwned>';
let dir, app, browser, session, files, realBundle = null;

const cli = (...args) => execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-app-portfolio-');
  const f = (name) => path.join(dir, name);
  cli('keygen', '--out', f('key.jwk'));
  cli('bundle', path.join(ROOT, 'tests/fixtures/recorded/playwright-embed.har'), '--out', f('signed.json'), '--key', f('key.jwk'), '--profile', 'tnm-website-basic');
  cli('bundle', path.join(ROOT, 'tests/fixtures/recorded/mitmproxy.har'), '--out', f('unsigned.json'));
  // Tampered: one character of the evidence changed, the file otherwise byte for byte the same.
  const signed = fs.readFileSync(f('signed.json'), 'utf8');
  const at = signed.indexOf('"url": "https://127.0.0.1:47443/');
  assert.ok(at > 0);
  fs.writeFileSync(f('tampered.json'), `${signed.slice(0, at + 9)}H${signed.slice(at + 10)}`);
  cli('audit', path.join(ROOT, 'tests/fixtures/recorded/chrome-har.har'), '--format', 'json', '--out', f('report.json'), '--fail-on', 'none', '--profile', 'level-2');
  const hostile = JSON.parse(fs.readFileSync(f('report.json'), 'utf8'));
  hostile.target = HOSTILE_SITE;
  hostile.grade.grade = 'A+';
  fs.writeFileSync(f('hostile-report.json'), JSON.stringify(hostile));
  fs.writeFileSync(f('garbage.json'), 'not json at all \u0000\u202e');
  files = ['signed.json', 'unsigned.json', 'tampered.json', 'report.json', 'hostile-report.json', 'garbage.json'].map(f);
  if (fs.existsSync(REAL_HAR)) {
    realBundle = f('real.json');
    cli('bundle', REAL_HAR, '--out', realBundle, '--key', f('key.jwk'));
    files.push(realBundle);
  } else {
    console.log(`# real HAR absent (${REAL_HAR}): the portfolio runs on the fixture HARs only`);
  }
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
  session = await openApp(browser, `${app.url}portfolio.html`);
  await session.page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
});
after(async () => {
  await browser?.close();
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function openFiles(page, list, selector = '#pf-files') {
  await page.evaluate(() => { document.documentElement.dataset.portfolio = ''; });
  await page.setInputFiles(selector, list);
  await page.waitForFunction(() => ['done', 'refused'].includes(document.documentElement.dataset.portfolio), null, { timeout: 180000, polling: 100 });
}

const tableRows = (page) => page.evaluate(() => [...document.querySelectorAll('#pf-rows tbody tr')].map((tr) => {
  const cell = (k) => tr.querySelector(`[data-key="${k}"]`)?.innerText ?? '';
  return { state: tr.dataset.state, name: cell('name'), site: cell('site'), grade: cell('grade'), high: cell('high'), stateText: cell('state'), criteria: cell('criteria'), fingerprint: cell('fingerprint'), time: cell('captureTime') };
}));
const byName = (rows) => Object.fromEntries(rows.map((r) => [r.name, r]));

test('every file becomes a row with an honest state', { skip: SKIP, timeout: 240000 }, async () => {
  const { page, log } = session;
  await openFiles(page, files);
  const rows = byName(await tableRows(page));
  assert.equal(Object.keys(rows).length, files.length);
  assert.equal(rows['signed.json'].state, 'intact-signed', 'a signature by a key nobody registered proves integrity only');
  assert.match(rows['signed.json'].stateText, /chưa chạy lại/);
  assert.match(rows['signed.json'].fingerprint, /^SHA256:/);
  assert.match(rows['signed.json'].criteria, /tnm-website-basic: \d+ đạt · \d+ chưa đạt · \d+ cần tự khai/);
  assert.match(rows['signed.json'].grade, /^[A-F][+-]? \(-?\d+\)$/);
  assert.match(rows['signed.json'].time, /^2026-|^\d{4}-/);
  assert.equal(rows['unsigned.json'].state, 'intact-unsigned');
  assert.equal(rows['unsigned.json'].fingerprint, '—');
  assert.equal(rows['tampered.json'].state, 'failed');
  assert.match(rows['tampered.json'].stateText, /KHÔNG HỢP LỆ[\s\S]*evidence/);
  assert.equal(rows['tampered.json'].grade, '—', 'a failed bundle shows no grade');
  assert.equal(rows['tampered.json'].high, '—');
  assert.equal(rows['report.json'].state, 'report');
  assert.match(rows['report.json'].stateText, /không phải gói bằng chứng/);
  assert.match(rows['report.json'].criteria, /level-2:/);
  assert.equal(rows['garbage.json'].state, 'error');
  assert.match(rows['garbage.json'].stateText, /Không phải JSON/);
  if (realBundle) assert.equal(rows['real.json'].state, 'intact-signed');
  // The hostile site string is text: no element was made from it.
  assert.equal(rows['hostile-report.json'].site, HOSTILE_SITE);
  assert.equal(await page.locator('#pwned').count(), 0);
  // Expected high findings: the engine's own count in the saved report.
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
  assert.equal(Number(rows['report.json'].high), report.checks.filter((c) => c.pass === false && c.severity === 'high').length);
  assert.match(await page.locator('#pf-progress-text').innerText(), /Xong: \d+ tệp/);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, [], 'no CSP violation or other console error');
  assert.deepEqual(foreignRequests(log.requests), []);
});

test('a replay per row: the replayed bundle is identical', { skip: SKIP, timeout: 120000 }, async () => {
  const { page } = session;
  await page.evaluate(() => { document.documentElement.dataset.portfolio = ''; });
  await page.click('#pf-rows tbody tr[data-state="intact-unsigned"] button.pf-replay');
  await page.waitForFunction(() => document.documentElement.dataset.portfolio === 'done', null, { timeout: 60000 });
  const rows = byName(await tableRows(page));
  assert.match(rows['unsigned.json'].stateText, /đã chạy lại: giống hệt/);
  assert.match(rows['signed.json'].stateText, /chưa chạy lại/, 'the other rows are left as they were');
});

test('sorting: click and keyboard, aria-sort follows; rows without a value last', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  await page.click('#pf-rows th[data-key="high"] button');
  assert.equal(await page.getAttribute('#pf-rows th[data-key="high"]', 'aria-sort'), 'ascending');
  assert.equal(await page.getAttribute('#pf-rows th[data-key="site"]', 'aria-sort'), 'none');
  const highs = (await tableRows(page)).map((r) => r.high);
  const numbers = highs.filter((h) => h !== '—').map(Number);
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
  assert.deepEqual(highs.slice(numbers.length), highs.filter((h) => h === '—'), 'no value: last');
  // Keyboard: the header button keeps the focus; Enter sorts the other way.
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#pf-rows th[data-key="high"]', 'aria-sort'), 'descending');
  const down = (await tableRows(page)).map((r) => r.high).filter((h) => h !== '—').map(Number);
  assert.deepEqual(down, [...numbers].sort((a, b) => b - a));
  await page.click('#pf-rows th[data-key="state"] button');
  const states = (await tableRows(page)).map((r) => r.state);
  const order = ['verified', 'signer-verified', 'intact-signed', 'intact-unsigned', 'failed', 'report', 'error'];
  assert.deepEqual(states, [...states].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
});

test('filtering: a query without diacritics, the state and grade filters', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  await page.fill('#pf-query', 'KHONG DOC DUOC');
  assert.deepEqual((await tableRows(page)).map((r) => r.name), ['garbage.json']);
  await page.fill('#pf-query', 'khong phai goi');
  assert.deepEqual((await tableRows(page)).map((r) => r.name).sort(), ['hostile-report.json', 'report.json']);
  await page.fill('#pf-query', '');
  await page.selectOption('#pf-state', 'failed');
  assert.deepEqual((await tableRows(page)).map((r) => r.name), ['tampered.json']);
  await page.selectOption('#pf-state', 'all');
  await page.selectOption('#pf-grade', 'A');
  assert.deepEqual((await tableRows(page)).map((r) => r.name), ['hostile-report.json']);
  assert.match(await page.locator('#pf-count').innerText(), /Hiển thị 1 \/ \d+ dòng/);
  await page.selectOption('#pf-grade', 'all');
  assert.equal((await tableRows(page)).length, files.length);
});

test('CSV: every row, RFC 4180 quoting, the formula guard on the hostile site', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#pf-csv')]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  const csv = fs.readFileSync(file, 'utf8');
  assert.ok(csv.startsWith('\uFEFF'));
  assert.ok(csv.endsWith('\r\n'));
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  assert.ok(lines[0].startsWith('Tệp,Trang web (nguồn gốc),Hạng (điểm),Điểm,'), lines[0]);
  assert.equal(lines.filter((l) => /^(signed|unsigned|tampered|report|hostile-report|garbage|real)\.json,/.test(l)).length, files.length);
  const hostile = lines.find((l) => l.startsWith('hostile-report.json,'));
  assert.ok(hostile.startsWith(`hostile-report.json,"'=HYPERLINK(""http://evil.example/"",""x"")<img src=x id=pwned>",A+,`), hostile);
  assert.ok(!lines.some((l) => /(^|,)[=+@]/.test(l)), 'no cell starts a formula');
  assert.match(lines.find((l) => l.startsWith('tampered.json,')), /KHÔNG HỢP LỆ/);
});

test('printable summary: the print button, and print media shows the summary and table only', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.click('#pf-print');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  const summary = await page.locator('#pf-summary').innerText();
  assert.match(summary, /Tóm tắt để in/);
  assert.match(summary, new RegExp(`${files.length} tệp`));
  assert.match(summary, /KHÔNG HỢP LỆ\s+1/);
  assert.match(summary, /Chưa chạy lại kiểm tra trên bằng chứng: \d+ gói/);
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await page.locator('#pf-summary').isVisible(), true);
    assert.equal(await page.locator('#pf-rows').isVisible(), true);
    for (const hidden of ['#pf-inputs', '#run', '#pf-filters', '#pf-csv', '#lang-switch']) assert.equal(await page.locator(hidden).isVisible(), false, hidden);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

test('English switch: labels and states in English, Vietnamese again after a second press', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('h1').innerText(), 'Portfolio');
  assert.match(await page.locator('#pf-rows tbody tr[data-state="failed"]').innerText(), /NOT VALID/);
  assert.match(await page.locator('#pf-rows th[data-key="site"]').innerText(), /Site \(origin\)/);
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
});

test('a registered public key: the signed bundles\' signer is verified, and they are verified once replayed', { skip: SKIP, timeout: 240000 }, async () => {
  const { page } = session;
  await page.setInputFiles('#pf-trusted', path.join(dir, 'key.pub.jwk'));
  await page.waitForFunction(() => /1/.test(document.querySelector('#pf-trusted-status').textContent));
  await openFiles(page, files.filter((f) => !f.endsWith('garbage.json')));
  let rows = byName(await tableRows(page));
  assert.equal(rows['signed.json'].state, 'signer-verified', 'not "verified" before the replay');
  assert.equal(rows['unsigned.json'].state, 'intact-unsigned');
  assert.equal(rows['tampered.json'].state, 'failed');
  await page.evaluate(() => { document.documentElement.dataset.portfolio = ''; });
  await page.click('#pf-replay-all');
  await page.waitForFunction(() => document.documentElement.dataset.portfolio === 'done', null, { timeout: 180000 });
  rows = byName(await tableRows(page));
  assert.equal(rows['signed.json'].state, 'verified');
  assert.match(rows['signed.json'].stateText, /đã chạy lại: giống hệt/);
  assert.equal(await page.locator('button.pf-replay').count(), 0);
});

test('a folder pick and a drop of many files', { skip: SKIP, timeout: 120000 }, async () => {
  const { page } = session;
  const folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  for (const name of ['unsigned.json', 'report.json', 'garbage.json']) fs.copyFileSync(path.join(dir, name), path.join(folder, name));
  await openFiles(page, folder, '#pf-folder');
  assert.deepEqual((await tableRows(page)).map((r) => r.state).sort(), ['error', 'intact-unsigned', 'report']);
  await page.evaluate(() => { document.documentElement.dataset.portfolio = ''; });
  const report = fs.readFileSync(path.join(dir, 'report.json'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped-report.json', { type: 'application/json' }));
    dt.items.add(new File(['{}'], 'dropped-empty-object.json', { type: 'application/json' }));
    document.querySelector('#pf-drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, report);
  await page.waitForFunction(() => document.documentElement.dataset.portfolio === 'done', null, { timeout: 60000 });
  assert.deepEqual(byName(await tableRows(page))['dropped-report.json'].state, 'report');
  assert.deepEqual(byName(await tableRows(page))['dropped-empty-object.json'].state, 'error');
});

test('Cancel stops the pool; the rows finished so far stay', { skip: SKIP, timeout: 240000 }, async () => {
  const { page } = session;
  const many = path.join(dir, 'many');
  fs.mkdirSync(many);
  const list = Array.from({ length: 60 }, (_, i) => {
    const file = path.join(many, `copy-${i}.json`);
    fs.copyFileSync(path.join(dir, 'signed.json'), file);
    return file;
  });
  await page.evaluate(() => { document.documentElement.dataset.portfolio = ''; });
  await page.setInputFiles('#pf-files', list);
  await page.waitForFunction(() => Number(document.querySelector('#pf-progress').value) >= 1, null, { timeout: 60000, polling: 20 });
  await page.click('#cancel');
  await page.waitForFunction(() => document.documentElement.dataset.portfolio === 'cancelled', null, { timeout: 10000 });
  const text = await page.locator('#pf-progress-text').innerText();
  const [, done, total] = /Đã huỷ: (\d+) \/ (\d+)/.exec(text);
  assert.equal(Number(total), 60);
  assert.ok(Number(done) >= 1 && Number(done) < 60, text);
  assert.equal((await tableRows(page)).length, Number(done));
  assert.equal(await page.locator('#cancel').isDisabled(), true);
});

test('MAX_PORTFOLIO_FILES: at the limit every file is a row; one more is refused naming the limit', { skip: SKIP, timeout: 300000 }, async () => {
  const { page } = session;
  const lots = path.join(dir, 'lots');
  fs.mkdirSync(lots);
  const list = Array.from({ length: MAX_PORTFOLIO_FILES + 1 }, (_, i) => {
    const file = path.join(lots, `f-${i}.json`);
    fs.writeFileSync(file, i % 2 ? '{}' : 'x');
    return file;
  });
  await openFiles(page, list);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.portfolio), 'refused');
  const error = await page.locator('#pf-error').innerText();
  assert.match(error, new RegExp(`${MAX_PORTFOLIO_FILES + 1} tệp.*${MAX_PORTFOLIO_FILES} tệp.*MAX_PORTFOLIO_FILES`));
  await openFiles(page, list.slice(0, MAX_PORTFOLIO_FILES));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.portfolio), 'done');
  assert.equal(await page.locator('#pf-error').isHidden(), true);
  assert.equal((await tableRows(page)).length, MAX_PORTFOLIO_FILES);
  assert.deepEqual(session.log.pageErrors, []);
  assert.deepEqual(foreignRequests(session.log.requests), []);
});
