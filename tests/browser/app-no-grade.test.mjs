// The app in Debian's Chromium, fed a HAR in which the engine audited no HTML document (a JSON API
// only) and one whose main document has no body (Playwright's "attach" export): the report view
// shows no letter and no score, but the engine's reason, in the UI's language; the status line
// shows no grade either.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, skipReason, startAppSession, waitIdle, engineReport } from './harness.mjs';

const SKIP = skipReason();
let run, dir, session;

const API_ONLY = JSON.stringify({
  log: {
    version: '1.2', creator: { name: 'test', version: '1' },
    entries: [{
      request: { method: 'GET', url: 'https://api.example.gov.vn/v1/status', headers: [] },
      response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: '{"ok":true}' } },
    }],
  },
});

before(async () => {
  if (SKIP) return;
  run = await startAppSession('pc-app-no-grade-');
  ({ dir, session } = run);
});
after(async () => { await run?.close(); });

async function openHar(page, name, text) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  await page.setInputFiles('#har-file', file);
  await page.waitForSelector('#report .pc-no-grade', { timeout: 30000 });
  await waitIdle(page);
  return page.locator('#report .pc-grade-box').innerText();
}

test('no document: no letter, no score, the reason in Vietnamese then English', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  const expected = await engineReport(API_ONLY);
  assert.equal(expected.grade.grade, null);
  const vi = await openHar(page, 'api.har', API_ONLY);
  assert.match(vi, /Không có điểm tiêu đề/);
  assert.ok(vi.includes(expected.grade.reason.vi), vi);
  assert.equal(await page.locator('#report .pc-grade-letter').count(), 0, 'no grade letter');
  assert.doesNotMatch(vi, /\/ 100|null|undefined/);
  assert.doesNotMatch(await page.locator('#progress-text').innerText(), /null|undefined/);
  await page.click('#lang-switch');
  await page.waitForFunction(() => /No header grade/.test(document.querySelector('#report').innerText), null, { timeout: 10000 });
  assert.ok((await page.locator('#report .pc-grade-box').innerText()).includes(expected.grade.reason.en));
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
});

test("a main document recorded without its body (Playwright 'attach'): no grade, the reason says so", { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  const har = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'recorded', 'playwright-attach.har'), 'utf8');
  const expected = await engineReport(har);
  assert.equal(expected.grade.reason?.code, 'body-not-captured');
  const vi = await openHar(page, 'attach.har', har);
  assert.ok(vi.includes(expected.grade.reason.vi), vi);
  assert.equal(await page.locator('#report .pc-grade-letter').count(), 0);
});
