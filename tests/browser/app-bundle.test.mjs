// Evidence bundles in the app (Debian's Chromium): a signing key is created in the app, a bundle is
// made through the app's own "create evidence bundle" flow (or a golden bundle is opened when
// tests/golden/ has one), verified (every section, signature, byte-identical replay), tampered
// (one byte in two sections → those sections named), checked against a wrong key; the key's
// export/import round trip keeps its fingerprint; the print view shows the fingerprint and digest;
// without a trusted key a good bundle is "intact, signer not verified", with the right key verified;
// a ~50 MB bundle verifies while the page stays responsive (round trips and long tasks < 200 ms).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { ROOT, skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, tempDir, captureDemoHar, openDisclosure } from './harness.mjs';

const SKIP = skipReason() || (fs.existsSync(path.join(ROOT, 'web/host/bundle/index.mjs')) ? false : 'web/host/bundle/index.mjs is missing');
let dir, portal, app, browser, session, harFile, bundleFile, goldenFile, fingerprint;

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(selector)]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

async function openBundle(page, file) {
  await page.evaluate(() => document.querySelector('#bundle-panel').replaceChildren());
  await page.setInputFiles('#bundle-file', file);
  await page.waitForFunction(() => /Gói bằng chứng|bundle/i.test(document.querySelector('#bundle-panel')?.innerText || '')
    && document.querySelector('#bundle-summary') && document.querySelector('#cancel').disabled, null, { timeout: 120000, polling: 100 });
  return page.evaluate(() => ({
    summary: document.querySelector('#bundle-summary').innerText,
    ok: document.querySelector('#bundle-summary').classList.contains('bp-ok'),
    state: document.querySelector('#bundle-summary').dataset.state,
    verdict: document.querySelector('#bundle-verdict')?.dataset.state ?? null,
    sections: [...document.querySelectorAll('#bundle-sections tbody tr')].map((tr) => ({ name: tr.dataset.key, ok: tr.classList.contains('bp-row-ok') })),
    signature: document.querySelector('#bundle-signature')?.innerText || '',
    replay: document.querySelector('#bundle-replay')?.innerText || '',
    error: document.querySelector('#run-error').hidden ? '' : document.querySelector('#run-error').innerText,
  }));
}

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-app-bundle-');
  portal = await startDemoPortal();
  harFile = await captureDemoHar(portal, path.join(dir, 'demo.har'));
  app = await startAppServer({ port: 0, root: process.env.PC_APP_ROOT || undefined }); // PC_APP_ROOT: a deployed copy
  browser = await launchBrowser();
  session = await openApp(browser, app.url);
  session.page.on('console', (m) => { if (process.env.PC_DEBUG) console.log('[page]', m.type(), m.text()); });
});
after(async () => {
  await browser?.close();
  await app?.close();
  await portal?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('create a key pair: the fingerprint is shown', { skip: SKIP, timeout: 30000 }, async () => {
  const { page } = session;
  await openDisclosure(page, 'keys');
  await page.click('#key-create');
  await page.waitForFunction(() => /^SHA256:/.test(document.querySelector('#key-fingerprint').textContent), null, { timeout: 10000 });
  fingerprint = await page.locator('#key-fingerprint').innerText();
  assert.match(fingerprint, /^SHA256:([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
});

test('key export → forget → import round trip keeps the fingerprint', { skip: SKIP, timeout: 30000 }, async () => {
  const { page } = session;
  const file = await download(page, '#key-export');
  const jwk = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(jwk.kty, 'EC');
  assert.equal(typeof jwk.d, 'string');
  await page.click('#key-forget');
  await page.waitForFunction(() => document.querySelector('#key-fingerprint').textContent === '—');
  await page.setInputFiles('#key-import', file);
  await page.waitForFunction((fp) => document.querySelector('#key-fingerprint').textContent === fp, fingerprint, { timeout: 10000 });
  // The key survives a reload (IndexedDB).
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction((fp) => document.querySelector('#key-fingerprint').textContent === fp, fingerprint, { timeout: 10000 });
});

test('audit, then create a signed evidence bundle through the app (or use a golden bundle)', { skip: SKIP, timeout: 120000 }, async () => {
  const { page } = session;
  await page.setInputFiles('#har-file', harFile);
  await waitForReport(page);
  await waitIdle(page);
  await page.click('#bundle-create');
  await page.waitForFunction(() => document.querySelector('#bundle-summary') && document.querySelector('#cancel').disabled
    && !document.querySelector('#bundle-download').disabled, null, { timeout: 60000, polling: 100 });
  assert.equal(await page.locator('#run-error').isHidden(), true, await page.locator('#run-error').innerText());
  bundleFile = await download(page, '#bundle-download');
  const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8'));
  assert.ok(bundle.signatures && JSON.stringify(bundle.signatures).length > 10, 'signed');
  // The print view shows the key fingerprint and the report digest.
  const dossier = await page.locator('#pc-d-bundle').innerText();
  assert.ok(dossier.includes(fingerprint), `fingerprint on the dossier: ${dossier}`);
  assert.match(dossier, /[0-9a-f]{64}/i);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#pc-d-bundle').isVisible(), true, 'the digest block is printed');
  await page.emulateMedia({ media: 'screen' });
  const golden = fs.existsSync(path.join(ROOT, 'tests/golden')) ? fs.readdirSync(path.join(ROOT, 'tests/golden')).filter((f) => f.endsWith('.json')) : [];
  if (golden.length) goldenFile = path.join(ROOT, 'tests/golden', golden[0]);
});

test('open the bundle: every section verified, replay identical (the app\'s own and a golden bundle)', { skip: SKIP, timeout: 120000 }, async () => {
  // The app's own bundle last: the tests below work on the bundle opened last.
  for (const file of [goldenFile, bundleFile].filter(Boolean)) {
    const r = await openBundle(session.page, file);
    assert.equal(r.error, '', file);
    assert.ok(r.sections.length >= 5, JSON.stringify(r.sections));
    for (const s of r.sections) assert.ok(s.ok, `${file}: section ${s.name} verified`);
    // No key is trusted yet: intact, its signer not verified (never plain "valid").
    assert.equal(r.state, 'intact', r.summary);
    assert.equal(r.verdict, 'intact');
    assert.equal(r.ok, false, r.summary);
    assert.match(r.replay, /giống hệt|identical/i);
    await waitForReport(session.page);
  }
});

test('the application dossier download holds the bundle and the printable report', { skip: SKIP, timeout: 60000 }, async () => {
  const file = await download(session.page, '#dossier-download');
  const zip = fs.readFileSync(file);
  assert.equal(zip.readUInt32LE(0), 0x04034b50, 'a ZIP');
  const text = zip.toString('utf8');
  const bundleText = fs.readFileSync(bundleFile, 'utf8');
  assert.ok(text.includes(bundleText), 'the bundle bytes, unchanged');
  assert.match(text, /<!doctype html>[\s\S]*class="pc-dossier/);
  assert.doesNotMatch(text.slice(text.indexOf('<!doctype html>')), /<script/i);
});

test('re-audit with the current rules shows the diff', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = session;
  await page.click('#bundle-rules-current');
  await page.waitForFunction(() => document.querySelector('#bundle-diff-new') && document.querySelector('#cancel').disabled, null, { timeout: 60000 });
  const text = await page.locator('#bundle-diff').innerText();
  assert.match(text, /mới|new/i);
  assert.match(text, /khắc phục|resolved/i);
});

function tamper(text, section) {
  const b = JSON.parse(text);
  // Find one string value inside the section and change one character of it.
  const walk = (v, depth) => {
    if (typeof v === 'string' && v.length > 0) return null;
    if (v && typeof v === 'object') for (const k of Object.keys(v)) {
      if (typeof v[k] === 'string' && v[k].length > 0) {
        const s = v[k];
        v[k] = (s[0] === 'x' ? 'y' : 'x') + s.slice(1);
        return true;
      }
      if (walk(v[k], depth + 1)) return true;
    }
    return null;
  };
  if (typeof b[section] === 'string') {
    const s = b[section];
    const i = s.lastIndexOf('"') > 0 ? s.lastIndexOf('"') - 1 : 0;
    b[section] = s.slice(0, i) + (s[i] === 'x' ? 'y' : 'x') + s.slice(i + 1);
  } else assert.ok(walk(b[section], 0), `something to change in ${section}`);
  return JSON.stringify(b, null, 2);
}

test('one byte changed in two sections: those sections are named as failing', { skip: SKIP, timeout: 120000 }, async () => {
  let text = fs.readFileSync(bundleFile, 'utf8');
  text = tamper(tamper(text, 'evidence'), 'ruleset');
  const file = path.join(dir, 'tampered.json');
  fs.writeFileSync(file, text);
  const r = await openBundle(session.page, file);
  assert.equal(r.ok, false);
  assert.equal(r.verdict, 'failed');
  const failing = r.sections.filter((s) => !s.ok).map((s) => s.name).sort();
  assert.deepEqual(failing, ['evidence', 'ruleset']);
  assert.match(r.summary, /evidence/);
  assert.match(r.summary, /ruleset/);
});

test('a trusted key that did not sign leaves the bundle intact, not verified; the right key verifies it', { skip: SKIP, timeout: 120000 }, async () => {
  const { page } = session;
  const { generateSigningKey } = await import('../../web/host/bundle/index.mjs');
  const other = await generateSigningKey();
  const file = path.join(dir, 'other.public.jwk');
  fs.writeFileSync(file, JSON.stringify(other.publicJwk));
  await page.setInputFiles('#trusted-key-file', file);
  await page.waitForFunction(() => /SHA256:/.test(document.querySelector('#trusted-key-status').textContent));
  const r = await openBundle(page, bundleFile);
  assert.equal(r.ok, false, r.summary);
  assert.equal(r.state, 'intact', 'intact, but not signed by the trusted key');
  assert.match(r.signature, /không khớp|does not match/i);
  // The right key: verified and trusted.
  const right = path.join(dir, 'right.public.jwk');
  await openDisclosure(page, 'keys');
  await download(page, '#key-export-public').then((f) => fs.copyFileSync(f, right));
  await page.setInputFiles('#trusted-key-file', right);
  await page.waitForFunction((fp) => document.querySelector('#trusted-key-status').textContent.includes(fp), fingerprint);
  const r2 = await openBundle(page, bundleFile);
  assert.equal(r2.ok, true, `${r2.summary} ${r2.signature} ${await page.locator('#bundle-panel').innerText()}`);
  assert.equal(r2.verdict, 'verified');
  assert.match(r2.signature, /khớp với khoá|matches the registered/i);
});

test('a ~50 MB bundle verifies without freezing the page', { skip: SKIP, timeout: 300000 }, async () => {
  const { page } = session;
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { createBundle, serializeBundle } = await import('../../web/host/bundle/index.mjs');
  const engine = await loadNodeEngine();
  const har = JSON.parse(fs.readFileSync(harFile, 'utf8'));
  const base = har.log.entries[0];
  const filler = 'portal-check '.repeat(Math.ceil((1 << 20) / 13)).slice(0, 1 << 20);
  for (let i = 0; i < 50; i++) {
    const e = structuredClone(base);
    e.request.url = new URL(`/big/${i}.txt`, base.request.url).href;
    e.response.content = { size: filler.length, mimeType: 'text/plain', text: filler };
    har.log.entries.push(e);
  }
  const bundle = await createBundle({ engine, harText: JSON.stringify(har), options: { profiles: ['tnm-website-basic'] }, capture: { method: 'har-file', time: '2026-01-01T00:00:00Z', tool: 'test' } });
  const file = path.join(dir, 'big.json');
  fs.writeFileSync(file, serializeBundle(bundle));
  const size = fs.statSync(file).size;
  assert.ok(size > 50e6, `${size} bytes`);
  await page.setInputFiles('#trusted-key-file', []);
  await page.waitForFunction(() => !/SHA256:/.test(document.querySelector('#trusted-key-status').textContent));
  // What a freeze would cost on this machine under its present load (the machine is shared): parsing
  // a text of the bundle's size on the page's thread. The page must never block for a third of it
  // (and never for 200 ms when the machine is idle enough for that to be the larger bound).
  const freezeMs = await page.evaluate((bytes) => {
    const text = `[${'"portal-check",'.repeat(Math.floor(bytes / 15))}0]`;
    const t0 = performance.now();
    JSON.parse(text);
    return performance.now() - t0;
  }, size);
  const bound = Math.max(200, freezeMs / 3);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: false });
  });
  await page.setInputFiles('#bundle-file', file);
  let maxRoundTrip = 0;
  const started = Date.now();
  await page.waitForFunction(() => !document.querySelector('#cancel').disabled, null, { timeout: 10000, polling: 20 }).catch(() => {});
  for (;;) {
    const t0 = Date.now();
    const busy = await page.evaluate(() => !document.querySelector('#cancel').disabled);
    maxRoundTrip = Math.max(maxRoundTrip, Date.now() - t0);
    if (!busy) break;
    assert.ok(Date.now() - started < 240000, 'verification finished in time');
    await new Promise((r) => setTimeout(r, 50));
  }
  const longTasks = await page.evaluate(() => window.__longTasks);
  const r = await page.evaluate(() => ({ state: document.querySelector('#bundle-summary')?.dataset.state, summary: document.querySelector('#bundle-summary')?.innerText, error: document.querySelector('#run-error').hidden ? '' : document.querySelector('#run-error').innerText }));
  assert.equal(r.error, '');
  assert.equal(r.state, 'intact', r.summary); // unsigned: every integrity step passed
  assert.ok(maxRoundTrip < bound, `page.evaluate round trip ${maxRoundTrip} ms (bound ${Math.round(bound)} ms; parsing on the page: ${Math.round(freezeMs)} ms)`);
  assert.ok(longTasks.every((d) => d < bound), `long tasks: ${longTasks.join(', ')} (bound ${Math.round(bound)} ms; parsing on the page: ${Math.round(freezeMs)} ms)`);
});

test('no foreign request, no page error, no CSP violation', { skip: SKIP }, async () => {
  const { log } = session;
  assert.deepEqual(foreignRequests(log.requests), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors.filter((m) => /Content Security Policy/i.test(m)), []);
});
