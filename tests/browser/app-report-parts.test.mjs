// A report big enough to cross from the worker in several parts (worker.mjs postReport: checks as
// JSON texts of ≈ 512 K characters, the exact texts as Blobs): the page shows every result of the
// engine's report, and the report JSON and SARIF downloads are byte-identical to the engine's own
// texts for the same HAR (Node host).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, tempDir } from './harness.mjs';

const SKIP = skipReason();
const PAGES = 120;
let dir, app, browser, harFile, expected;

// PAGES small pages with findings on each (plain-http form, password over a form without CSRF
// token, an inline handler, a disclosed server version, a session cookie without flags).
function syntheticHar() {
  const entries = [];
  for (let i = 0; i < PAGES; i++) {
    const html = `<!doctype html><html lang="vi"><head><title>Trang ${i}</title><script src="http://cdn.example.com/jquery-1.12.4.js"></script></head>`
      + `<body><form action="http://example.gov.vn/search" method="get"><input name="q"></form><form method="post" action="/login">`
      + `<input type="password" name="p"></form><a href="/p${i + 1}">tiếp</a><p onclick="x()">Trang số ${i}</p></body></html>`;
    entries.push({
      startedDateTime: '2026-11-29T00:00:00.000Z', time: 10,
      request: { method: 'GET', url: `https://example.gov.vn/p${i}`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: {
        status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Server', value: 'Apache/2.4.29' }, { name: 'Set-Cookie', value: `ASP.NET_SessionId=s${i}; path=/` }],
        cookies: [], content: { size: html.length, mimeType: 'text/html; charset=utf-8', text: html }, redirectURL: '', headersSize: -1, bodySize: html.length,
      },
      cache: {}, timings: { send: 0, wait: 10, receive: 0 },
    });
  }
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'app-report-parts', version: '1' }, pages: [], entries } });
}

async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByRole('button', { name }).click()]);
  return fs.readFileSync(await dl.path());
}

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-app-parts-');
  harFile = path.join(dir, 'many-findings.har');
  const har = syntheticHar();
  fs.writeFileSync(harFile, har);
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { auditHar } = await import('../../web/host/engine.mjs');
  // The app's default criteria profile (#profile).
  expected = await auditHar(await loadNodeEngine(), har, { profiles: ['tnm-website-basic'] });
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a report sent in parts: every result shown, downloads byte-identical to the engine', { skip: SKIP, timeout: 60000 }, async () => {
  assert.ok(expected.reportText.length > 2 * 512 * 1024, `the report (${expected.reportText.length} characters) spans several parts`);
  const { page, log } = await openApp(browser, app.url);
  await page.setInputFiles('#har-file', harFile);
  await waitForReport(page);
  await waitIdle(page);
  const checks = expected.report.checks;
  const failing = checks.filter((c) => c.pass === false).length;
  const line = await page.locator('#report .pc-shown').innerText();
  assert.match(line, new RegExp(`\\b${failing}\\b.*\\b${checks.length}\\b`), `"${line}" counts ${failing} failing of ${checks.length} results`);
  assert.equal(await page.locator('#report .pc-finding').count(), Math.min(150, failing), 'the first page of finding cards is complete');
  assert.ok((await download(page, 'Tải báo cáo JSON')).equals(Buffer.from(expected.reportText, 'utf8')), 'report JSON byte-identical');
  assert.ok((await download(page, 'Tải SARIF')).equals(Buffer.from(expected.sarifText, 'utf8')), 'SARIF byte-identical');
  assert.deepEqual(foreignRequests(log.requests), []);
  assert.deepEqual(log.pageErrors, []);
});
