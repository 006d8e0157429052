// The printable dossier as an office files it, printed to PDF by Debian's Chromium (Playwright's
// page.pdf(), the print stylesheet) and read back with poppler's pdftotext / pdfinfo: the audit of
// the demo portal (which loads jQuery 1.12.4: the real npm file when tests/library-files is
// installed), the checklist's answers changing the criteria at once (no "needs declaration" left,
// in the report and the dossier, without a bundle), then a signed evidence bundle: the PDF has the
// national name and motto, "Số: …", place and date, "Trang 1/N … Trang N/N" with N the PDF's page
// count, the evidence capture time, every section digest of the downloaded bundle, the key
// fingerprint, a library row with its advisory id, the signature and seal space; an unsigned
// bundle's dossier says it is not signed; the English dossier says "Page 1/N".
// Then the records per site: two sites audited in one browser keep their own organisation, a
// reload keeps both, the list shows both, deletes one and copies one's organisation to another
// site, and the one record kept before records
// were per site is taken over by the first site opened. Last, the library table at and past its
// limits, and hostile organisation fields and library names rendered as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { ROOT, skipReason, launchBrowser, openApp, waitForReport, waitIdle, tempDir, captureDemoHar, openDisclosure } from './harness.mjs';

function haveTool(name) {
  try { execFileSync(name, ['-v'], { stdio: 'ignore' }); return true; } catch (e) { return e.code !== 'ENOENT'; }
}
const SKIP = skipReason() || (haveTool('pdftotext') && haveTool('pdfinfo') ? false : 'pdftotext/pdfinfo are missing (scripts/setup installs poppler-utils)');
const REAL_JQUERY = path.join(ROOT, 'tests/library-files/node_modules/jquery-1.12.4/dist/jquery.min.js');
const ORG = { name: 'Sở Khoa học và Công nghệ tỉnh Thử Nghiệm', doc_number: '15/BC-SKHCN', place: 'Hà Nội', signatory: 'Nguyễn Văn Ký', signatory_title: 'Giám đốc' };
let dir, portal, portal2, app, browser, harFile, harFile2;

// The demo capture with jQuery's real 1.12.4 file in place of the portal's stand-in, when present.
function withRealJquery(file) {
  if (!fs.existsSync(REAL_JQUERY)) return file;
  const har = JSON.parse(fs.readFileSync(file, 'utf8'));
  const real = fs.readFileSync(REAL_JQUERY, 'utf8');
  let n = 0;
  for (const e of har.log.entries) {
    if (/jquery-1\.12\.4\.min\.js$/.test(e.request.url)) { e.response.content = { ...e.response.content, text: real, size: Buffer.byteLength(real) }; delete e.response.content.encoding; n++; }
  }
  assert.ok(n > 0, 'the demo capture loads jQuery');
  fs.writeFileSync(file, JSON.stringify(har));
  return file;
}

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-app-dossier-');
  portal = await startDemoPortal();
  portal2 = await startDemoPortal();
  harFile = withRealJquery(await captureDemoHar(portal, path.join(dir, 'site-a.har')));
  harFile2 = await captureDemoHar(portal2, path.join(dir, 'site-b.har'));
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await portal?.close();
  await portal2?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(selector)]);
  const file = path.join(dir, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return file;
}

async function audit(page, file) {
  await page.setInputFiles('#har-file', file);
  await waitForReport(page);
  await waitIdle(page);
  // Attached, not visible: the organisation form is folded once the organisation has a name.
  await page.waitForSelector('#checklist .pc-org-name input', { state: 'attached' });
}

async function fillOrg(page, org) {
  for (const [k, v] of Object.entries(org)) await page.fill(`#checklist .pc-org-${k} input, #checklist .pc-org-${k} textarea`, v);
  await page.waitForFunction(() => /Đã lưu|Saved/.test(document.querySelector('#checklist .pc-save-status')?.textContent || ''), null, { timeout: 10000 });
}

async function createBundle(page) {
  await page.evaluate(() => document.querySelector('#bundle-panel').replaceChildren());
  await page.click('#bundle-create');
  await page.waitForFunction(() => document.querySelector('#bundle-panel').childElementCount > 0 && document.querySelector('#cancel').disabled
    && !document.querySelector('#bundle-download').disabled, null, { timeout: 90000, polling: 100 });
  assert.equal(await page.locator('#run-error').isHidden(), true, await page.locator('#run-error').innerText());
  await page.waitForSelector('#exports .pc-dossier #pc-d-bundle .pc-d-digests', { state: 'attached', timeout: 10000 });
  return JSON.parse(fs.readFileSync(await download(page, '#bundle-download'), 'utf8'));
}

// The page printed to PDF (print media: the dossier alone) → {text (laid out), pages, flat (the text
// in reading order without white space)}.
async function printPdf(page, name) {
  const file = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  if (process.env.PC_KEEP_PDF) fs.copyFileSync(file, path.join(process.env.PC_KEEP_PDF, `${name}.pdf`)); // to look at
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  // Reading order (no -layout): a cell's or a column's lines stay together.
  const plain = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
  return { text, pages, flat: plain.replace(/\s+/g, '') };
}

const needsDeclaration = (page, scope) => page.locator(`${scope} tr[data-status="needs-declaration"]`).count();

test('answers update the criteria at once; the signed dossier prints with every part an office needs', { skip: SKIP, timeout: 240000 }, async () => {
  const { page, log } = await openApp(browser, app.url);
  await audit(page, harFile);
  await fillOrg(page, ORG);
  assert.ok(await needsDeclaration(page, '#report table.pc-criteria') > 0, 'the audit leaves criteria needing a declaration');
  // Every declaration answered "Có": the report's criteria, the checklist and the dossier follow in
  // the same task (no save delay, no bundle).
  const after = await page.evaluate(() => {
    for (const r of document.querySelectorAll('#checklist .pc-decl-item input[type=radio][value=yes]')) r.click();
    return {
      report: document.querySelectorAll('#report table.pc-criteria tr[data-status="needs-declaration"]').length,
      dossier: document.querySelectorAll('#exports .pc-dossier tr[data-status="needs-declaration"]').length,
      checklist: [...document.querySelectorAll('#checklist .pc-needed-status')].filter((n) => /cần tự khai/.test(n.textContent)).length,
      answered: document.querySelectorAll('#checklist .pc-decl-item input[type=radio][value=yes]:checked').length,
      met: document.querySelectorAll('#report table.pc-criteria tr[data-status="met"]').length,
    };
  });
  assert.ok(after.answered > 0);
  assert.deepEqual({ report: after.report, dossier: after.dossier, checklist: after.checklist }, { report: 0, dossier: 0, checklist: 0 }, JSON.stringify(after));
  assert.ok(after.met > 0, 'some criterion became fully met');

  await openDisclosure(page, 'keys');
  await page.click('#key-create');
  await page.waitForFunction(() => /^SHA256:/.test(document.querySelector('#key-fingerprint').textContent), null, { timeout: 10000 });
  const fingerprint = await page.locator('#key-fingerprint').innerText();
  const bundle = await createBundle(page);
  assert.ok(bundle.signatures.length === 1, 'signed');
  assert.equal(await needsDeclaration(page, '#exports .pc-dossier'), 0, 'the bundle\'s report keeps the answers');
  const libRow = await page.locator('#pc-d-libraries tbody tr').filter({ hasText: /jQuery/i }).first().innerText();
  const advisory = /(CVE-\d{4}-\d+|GHSA(-[0-9a-z]{4}){3})/.exec(libRow)?.[0];
  assert.match(libRow, /jQuery/i);
  assert.match(libRow, /1\.12\.4/);
  assert.ok(advisory, libRow);

  const pdf = await printPdf(page, 'signed');
  const { text, flat, pages } = pdf;
  assert.ok(pages >= 2, `${pages} pages`);
  assert.match(text, /CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
  assert.match(text, /Số: 15\/BC-SKHCN/);
  assert.ok(flat.includes(ORG.name.toUpperCase().replace(/\s+/g, '')), 'the organisation heads the document');
  const today = new Date();
  assert.match(text, new RegExp(`Hà Nội, ngày ${today.getDate()} tháng ${today.getMonth() + 1} năm ${today.getFullYear()}`));
  for (let n = 1; n <= pages; n++) assert.match(text, new RegExp(`Trang ${n}/${pages}(?!\\d)`), `page number ${n}/${pages}`);
  assert.doesNotMatch(text, new RegExp(`Trang ${pages + 1}/`));
  assert.ok(flat.includes(bundle.manifest.capture.time.replace(/\s+/g, '')), `capture time ${bundle.manifest.capture.time}`);
  for (const [section, hex] of Object.entries(bundle.digests)) assert.ok(flat.includes(`sha256:${hex}`), `digest of ${section} ${hex}: ${flat.slice(flat.indexOf('sha256:') - 100, flat.indexOf('sha256:') + 700)}`);
  assert.equal(Object.keys(bundle.digests).length, 5);
  assert.ok(flat.includes(fingerprint), 'key fingerprint');
  assert.ok(text.includes(advisory), `advisory ${advisory} in the library table`);
  assert.ok(flat.includes('ThưviệnJavaScriptcókhuyếncáobảomật'));
  assert.match(text, /NGƯỜI ĐẠI DIỆN|GIÁM ĐỐC/);
  assert.ok(flat.includes('(Kýtên,đóngdấu)'));
  assert.ok(flat.includes('NguyễnVănKý'));
  assert.ok(flat.includes('Đãđápứngđầyđủ') && flat.includes('Kếhoạch,lộtrìnhhoànthiện'), 'the criteria in the decree\'s wording, with the plan column');
  assert.doesNotMatch(text, /KHÔNG ĐƯỢC KÝ SỐ/);
  assert.deepEqual(log.pageErrors, []);

  // The English dossier (the UI language): "Page x/y".
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.querySelector('#exports .pc-dossier')?.getAttribute('lang') === 'en');
  const en = await printPdf(page, 'signed-en');
  assert.match(en.text, new RegExp(`Page 1/${en.pages}(?!\\d)`));
  assert.match(en.text, /SOCIALIST REPUBLIC OF VIETNAM/);
  assert.match(en.text, /No\.: 15\/BC-SKHCN/);
  assert.match(en.text, /\(Signature and seal\)/);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.querySelector('#exports .pc-dossier')?.getAttribute('lang') === 'vi');

  // Without a key the bundle is unsigned, and the dossier says so.
  await page.click('#key-forget');
  await page.waitForFunction(() => document.querySelector('#key-fingerprint').textContent === '—');
  const unsigned = await createBundle(page);
  assert.equal(unsigned.signatures.length, 0);
  const u = await printPdf(page, 'unsigned');
  assert.match(u.text, /GÓI BẰNG CHỨNG KHÔNG ĐƯỢC KÝ SỐ/);
  assert.ok(!u.flat.includes(fingerprint), 'no fingerprint on an unsigned dossier');
  for (const [section, hex] of Object.entries(unsigned.digests)) assert.ok(u.flat.includes(`sha256:${hex}`), `digest of ${section}`);
  assert.match(u.text, new RegExp(`Trang 1/${u.pages}(?!\\d)`));
  await page.context().close();
});

const orgName = (page) => page.locator('#checklist .pc-org-name input').inputValue();
const recordRows = (page) => page.locator('#pc-site-records tbody tr').evaluateAll((rows) => rows.map((r) => r.innerText));

test('organisations are kept per site: two sites in one browser, a reload, the list, delete', { skip: SKIP, timeout: 180000 }, async () => {
  const { page, context } = await openApp(browser, app.url);
  await audit(page, harFile);
  await fillOrg(page, { name: 'Tổ chức A', doc_number: '1/A' });
  await audit(page, harFile2);
  assert.equal(await orgName(page), '', 'site B starts empty');
  await fillOrg(page, { name: 'Tổ chức B' });
  await page.waitForFunction(() => document.querySelectorAll('#pc-site-records tbody tr').length === 2, null, { timeout: 10000 });
  await page.reload({ waitUntil: 'load' });
  await audit(page, harFile);
  await page.waitForFunction(() => document.querySelector('#checklist .pc-org-name input').value === 'Tổ chức A', null, { timeout: 10000 });
  assert.equal(await page.locator('#checklist .pc-org-doc_number input').inputValue(), '1/A');
  assert.match(await page.locator('#pc-d-docnumber').textContent(), /Số: 1\/A/);
  const rows = await recordRows(page);
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.ok(rows.some((r) => r.includes('Tổ chức A') && /báo cáo này/.test(r)) && rows.some((r) => r.includes('Tổ chức B')), rows.join('\n'));
  await audit(page, harFile2);
  await page.waitForFunction(() => document.querySelector('#checklist .pc-org-name input').value === 'Tổ chức B', null, { timeout: 10000 });
  // Delete site A's record from site B's list: B stays, A is gone.
  const origin2 = new URL(portal.httpUrl).origin;
  await page.locator('#pc-site-records tbody tr').filter({ hasText: origin2 }).locator('.pc-record-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('#pc-site-records tbody tr').length === 1, null, { timeout: 10000 });
  assert.match((await recordRows(page))[0], /Tổ chức B/);
  await audit(page, harFile);
  assert.equal(await orgName(page), '', 'site A\'s record was deleted');
  // Site B's organisation copied to site A, which then has a record of its own again.
  await page.locator('#pc-site-records tbody tr').filter({ hasText: 'Tổ chức B' }).locator('.pc-record-copy').click();
  await page.waitForFunction(() => document.querySelector('#checklist .pc-org-name input').value === 'Tổ chức B', null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelectorAll('#pc-site-records tbody tr').length === 2, null, { timeout: 10000 });
  await context.close();
});

test('the one record kept before records were per site goes to the first site opened', { skip: SKIP, timeout: 120000 }, async () => {
  const { page, context } = await openApp(browser, app.url);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('portal-check-report', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('label');
    open.onsuccess = () => {
      const tx = open.result.transaction('label', 'readwrite');
      tx.objectStore('label').put({ organization: { name: 'Tổ chức cũ' }, declarations: {} }, 'label');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }));
  await page.reload({ waitUntil: 'load' });
  await audit(page, harFile2);
  await page.waitForFunction(() => document.querySelector('#checklist .pc-org-name input').value === 'Tổ chức cũ', null, { timeout: 10000 });
  const keys = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('portal-check-report', 1);
    open.onsuccess = () => { const r = open.result.transaction('label').objectStore('label').getAllKeys(); r.onsuccess = () => resolve(r.result); };
  }));
  assert.deepEqual(keys, [`site:${new URL(portal2.httpUrl).origin}`]);
  await audit(page, harFile);
  assert.equal(await orgName(page), '', 'another site does not get it');
  await context.close();
});

test('the library table stops at its limits; organisation fields and library data are text, never markup', { skip: SKIP, timeout: 60000 }, async () => {
  const { page, context } = await openApp(browser, app.url);
  const r = await page.evaluate(async () => {
    const libs = await import(new URL('report/dossier-libraries.mjs', document.baseURI));
    const head = await import(new URL('report/dossier-head.mjs', document.baseURI));
    const { dossierStrings } = await import(new URL('i18n/dossier.mjs', document.baseURI));
    const d = dossierStrings('vi');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const advisory = (i) => ({ id: `CVE-2020-${1000 + i}`, severity: 'high', fixed: '9.9.9' });
    const lib = (i, advisories) => ({ title: i === 0 ? hostile : `lib${i}`, version: '1.0', severity: 'high', detection: 'URL', advisories: Array.from({ length: advisories }, (_, k) => advisory(k)) });
    const table = (count, advisories) => libs.dossierLibraries({ report: { checks: [{ id: 'page.vulnerable-library', pass: false, details: { libraries: Array.from({ length: count }, (_, i) => lib(i, advisories)) } }] } }, d);
    const rows = (node) => node.querySelectorAll('tbody tr').length;
    const advs = (node) => node.querySelector('tbody tr').querySelectorAll('li').length;
    const at = table(libs.MAX_DOSSIER_LIBRARIES, libs.MAX_DOSSIER_ADVISORIES);
    const past = table(libs.MAX_DOSSIER_LIBRARIES + 1, libs.MAX_DOSSIER_ADVISORIES + 1);
    const [h] = head.dossierHead({ label: { organization: { name: hostile, doc_number: '<script>x</script>', place: '<b>P</b>' } } }, d, new Date(2026, 0, 2));
    return {
      max: [libs.MAX_DOSSIER_LIBRARIES, libs.MAX_DOSSIER_ADVISORIES],
      at: [rows(at), advs(at), /thư viện khác/.test(at.textContent)],
      past: [rows(past), advs(past), /… và 1 thư viện khác/.test(past.textContent), /\+1/.test(past.querySelector('tbody tr').textContent)],
      markup: at.querySelectorAll('img, script').length + h.querySelectorAll('img, script, b').length,
      text: at.textContent.includes(hostile) && h.textContent.includes(hostile) && h.textContent.includes('Số: <script>x</script>'),
      date: h.querySelector('#pc-d-placedate').textContent,
      pwned: window.__pwned === 1,
    };
  });
  const [maxLibs, maxAdvs] = r.max;
  assert.deepEqual(r.at, [maxLibs, maxAdvs, false]);
  assert.deepEqual(r.past, [maxLibs, maxAdvs + 1, true, true]);
  assert.equal(r.markup, 0);
  assert.equal(r.text, true);
  assert.equal(r.date, '<b>P</b>, ngày 2 tháng 1 năm 2026');
  assert.equal(r.pwned, false);
  await context.close();
});
