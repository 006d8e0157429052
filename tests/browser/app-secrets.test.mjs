// The app never shows a secret: a HAR captured live from the demo portal, seeded with secrets in
// its URLs (userinfo, an access_token parameter, a ;jsessionid= path parameter), cookies and
// Authorization headers (tests/js/seed-secrets.mjs), is opened in the app in both languages; the
// page's whole DOM (text, attributes, collapsed details) holds none of them, while the report
// still shows the session id the evidence held as a finding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { skipReason, waitForReport, waitIdle, captureDemoHar, engineReport, startAppSession, expandReport } from './harness.mjs';
import { SEED, seedUrl, withSessionPath, seedHar } from '../js/seed-secrets.mjs';

const SKIP = skipReason();
let portal, app, harFile, expected;

before(async () => {
  if (SKIP) return;
  portal = await startDemoPortal();
  app = await startAppSession('pc-app-secrets-');
  const plainFile = await captureDemoHar(portal, path.join(app.dir, 'demo.har'));
  const har = JSON.parse(fs.readFileSync(plainFile, 'utf8'));
  const seeded = seedHar(har, (u) => withSessionPath(seedUrl(u)), true);
  harFile = path.join(app.dir, 'seeded.har');
  fs.writeFileSync(harFile, JSON.stringify(seeded));
  expected = await engineReport(JSON.stringify(seeded));
});
after(async () => {
  await app?.close();
  await portal?.close();
});

test('a HAR with seeded secrets: the app shows none of them, in either language', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = app.session;
  const session = expected.checks.filter((c) => c.id === 'cookie.session-in-url' && c.outcome === 'present');
  assert.ok(session.length > 0, 'the engine found the seeded session id');
  await page.setInputFiles('#har-file', harFile);
  await waitForReport(page);
  await waitIdle(page);
  // The checks that did not fail too, then every collapsed part opened (groups and evidence are
  // built when opened) so nothing is left unrendered.
  await page.check('#report .pc-filters .pc-inline input[type=checkbox]');
  for (const lang of ['vi', 'en']) {
    if (lang === 'en') {
      await page.click('#lang-switch');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.waitForFunction(() => /Security header grade/.test(document.querySelector('#report').innerText), null, { timeout: 10000 });
    }
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await expandReport(page, { root: 'body' });
    assert.ok(await page.locator('#report .pc-evidence[open]').count() > 20, `${lang}: the evidence is rendered`);
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of Object.values(SEED)) {
      assert.ok(!dom.includes(s), `${lang}: seeded secret ${s} in the DOM`);
      assert.ok(!text.includes(s), `${lang}: seeded secret ${s} in the page text`);
    }
    assert.match(dom, /REDACTED-[0-9a-f]{8}/, `${lang}: the redacted URLs are shown with their markers`);
  }
});
