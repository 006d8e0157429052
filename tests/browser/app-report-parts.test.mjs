// A report big enough to cross from the worker in several parts (worker.mjs audit: checks as
// JSON texts of ≈ 64 KiB, the exact texts as Blobs): the page shows every result of the
// engine's report, and the report JSON and SARIF downloads are byte-identical to the engine's own
// texts for the same HAR (Node host); the SARIF, made only when its download is clicked, is the
// last audit's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, tempDir, expandReport, syntheticHar } from './harness.mjs';
import { failingGroups } from '../../web/host/fix-priorities.mjs';

const SKIP = skipReason();
const PAGES = 120;
let dir, app, browser, harFile, expected;

async function download(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByRole('button', { name }).click()]);
  return fs.readFileSync(await dl.path());
}

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-app-parts-');
  harFile = path.join(dir, 'many-findings.har');
  const har = syntheticHar(PAGES, 'app-report-parts');
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
  assert.ok(expected.reportText.length > 2 * 64 * 1024, `the report (${expected.reportText.length} characters) spans several parts`);
  const { page, log } = await openApp(browser, app.url);
  await page.setInputFiles('#har-file', harFile);
  await waitForReport(page);
  await waitIdle(page);
  const checks = expected.report.checks;
  const groups = failingGroups(expected.report);
  const failing = groups.reduce((n, g) => n + g.results.length, 0);
  const line = await page.locator('#report .pc-shown').innerText();
  assert.match(line, new RegExp(`\\b${groups.length}\\b.*\\b${failing}\\b.*\\b${checks.length}\\b`), `"${line}" counts ${groups.length} checks, ${failing} failing of ${checks.length} results`);
  assert.equal(await page.locator('#report .pc-check-group.pc-failing').count(), groups.length, 'one group per failing check');
  assert.match(await page.locator('#report .pc-check-group.pc-failing').first().locator('summary').innerText(), new RegExp(`— ${PAGES} trang`));
  assert.ok((await download(page, 'Tải báo cáo JSON')).equals(Buffer.from(expected.reportText, 'utf8')), 'report JSON byte-identical');
  // The SARIF is made by the worker when its download is clicked (auditHar sarif: 'later'), as
  // often as asked, and always the last audit's.
  assert.ok((await download(page, 'Tải SARIF')).equals(Buffer.from(expected.sarifText, 'utf8')), 'SARIF byte-identical');
  assert.ok((await download(page, 'Tải SARIF')).equals(Buffer.from(expected.sarifText, 'utf8')), 'again');
  const smallFile = path.join(dir, 'small.har');
  const small = syntheticHar(2, 'app-report-parts-small');
  fs.writeFileSync(smallFile, small);
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { auditHar } = await import('../../web/host/engine.mjs');
  const smallExpected = await auditHar(await loadNodeEngine(), small, { profiles: ['tnm-website-basic'] });
  await page.setInputFiles('#har-file', smallFile);
  await page.waitForFunction((n) => (document.querySelector('#report .pc-shown')?.innerText || '').includes(`tổng số ${n} kết quả`), smallExpected.report.checks.length, { timeout: 30000 });
  await waitIdle(page);
  assert.ok((await download(page, 'Tải SARIF')).equals(Buffer.from(smallExpected.sarifText, 'utf8')), 'the second audit\'s SARIF');
  assert.ok((await download(page, 'Tải báo cáo JSON')).equals(Buffer.from(smallExpected.reportText, 'utf8')), 'and its report');
  assert.deepEqual(foreignRequests(log.requests), []);
  assert.deepEqual(log.pageErrors, []);
});

// The criteria as the Vietnamese UI shows them: the Decree 331/2026 Art. 22(6) wording per
// criterion ("đã đáp ứng đầy đủ" only where the engine says met), citations in Vietnamese grouped
// by law era with their addresses, the covered halves of mixed criteria, the same in the dossier
// and the checklist; English after the language switch; the legacy framework apart from the
// current law on the level-2 profile, which has no communication-confidentiality criterion.
const STATUS_VI = {
  met: 'Đã đáp ứng đầy đủ', 'not-met': 'Chưa đáp ứng đầy đủ — có kiểm tra không đạt',
  'not-assessed': 'Chưa đáp ứng đầy đủ — chưa đánh giá được', 'needs-declaration': 'Chưa đáp ứng đầy đủ — cần tự khai',
  'not-applicable': 'Không áp dụng',
};

function criterionRow(page, id) {
  const exact = new RegExp(`^${id.replace(/\./g, '\\.')}$`);
  return page.locator('#report table.pc-criteria tbody tr').filter({ has: page.locator('.pc-crit-id', { hasText: exact }) });
}

test('criteria in the Vietnamese UI: Art. 22(6) wording, Vietnamese citations by law era, then English', { skip: SKIP, timeout: 90000 }, async () => {
  const { page, log } = await openApp(browser, app.url);
  await page.setInputFiles('#har-file', harFile);
  await waitForReport(page);
  await waitIdle(page);
  await expandReport(page, { root: '#report-criteria' }); // each criterion's evidence and sources are folded
  const criteria = expected.report.profiles['tnm-website-basic'].criteria;
  assert.equal(criteria.length, 11);
  // A criterion with a check that could not see its evidence is never "met", and the row says so.
  const inconclusive = criteria.filter((c) => c.findings.some((f) => f.effect === 'inconclusive'));
  assert.ok(inconclusive.length > 0, 'the HAR leaves some check not captured');
  for (const c of inconclusive) assert.notEqual(c.status, 'met', c.id);
  for (const c of criteria) {
    const row = await criterionRow(page, c.id).innerText();
    assert.ok(row.includes(STATUS_VI[c.status]), `${c.id}: "${STATUS_VI[c.status]}" in ${row}`);
    if (c.status !== 'met') assert.ok(!row.includes('Đã đáp ứng đầy đủ'), `${c.id} is not shown as fully met`);
  }
  const consent = await criterionRow(page, 'tnm.1').innerText();
  assert.match(consent, /Nguồn không phải văn bản pháp luật/);
  assert.match(consent, /Danh bạ Tín Nhiệm Mạng \(tinnhiemmang\.vn\), Tiêu chí 1 “Thu thập thông tin cá nhân”/);
  assert.match(consent, /Pháp luật hiện hành/);
  assert.match(consent, /Luật Bảo vệ dữ liệu cá nhân 91\/2025\/QH15, Điều 9 \(sự đồng ý của chủ thể dữ liệu cá nhân\) và Điều 11 khoản 1/);
  assert.match(consent, /Nghị định 137\/2024\/NĐ-CP, Tiêu chí tín nhiệm mạng \(b\).*\(cần xác nhận\)/);
  assert.match(consent, /Phần kỹ thuật: .*Phần tự khai: /s);
  assert.doesNotMatch(consent, /Art\. 9|Decree|Law 91/);
  assert.equal(await criterionRow(page, 'tnm.1').locator('a[href="https://tinnhiemmang.vn/danh-ba-tin-nhiem/thhungitienhaiphongeduvnhomegd2-1714479536"]').count(), 1);
  assert.match(await criterionRow(page, 'tnm.advanced').innerText(), /mức nâng cao, không bắt buộc cho mức cơ bản/);
  // The printable dossier and the checklist say the same.
  const dossier = await page.locator('.pc-dossier').evaluate((n) => n.textContent);
  assert.match(dossier, /Cách ghi theo Nghị định 331\/2026\/NĐ-CP, Điều 22 khoản 6/);
  assert.match(dossier, /Tiêu chí 6 “Sử dụng chứng nhận SSL\/TLS hợp lệ”/);
  assert.match(dossier, /khung pháp lý cũ \(Nghị định 85\/2016\/NĐ-CP, Thông tư 12\/2022\/TT-BTTTT/);
  const checklist = await page.locator('#checklist').evaluate((n) => n.textContent);
  assert.match(checklist, /Căn cứ:.*Nghị định 137\/2024\/NĐ-CP, Tiêu chí tín nhiệm mạng \(d\)/s);

  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /Security header grade/.test(document.querySelector('#report').innerText), null, { timeout: 10000 });
  await expandReport(page, { root: '#report-criteria' });
  await page.waitForFunction(() => /Current law/.test(document.querySelector('#report').innerText), null, { timeout: 10000 });
  const consentEn = await criterionRow(page, 'tnm.1').innerText();
  assert.match(consentEn, /Law 91\/2025\/QH15 on Personal Data Protection, Art\. 9 \(consent of the data subject\) and Art\. 11\(1\)/);
  assert.doesNotMatch(consentEn, /Điều 9/);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');

  // Level 2: current law (Decree 331/2026 Art. 30(4)) and the legacy framework (Circular 12/2022
  // Annex II with its TCVN 11930:2017 clause) told apart; no comm.* criterion.
  await page.selectOption('#profile', 'level-2');
  await page.setInputFiles('#har-file', []);  // the same file again fires no change event otherwise
  await page.setInputFiles('#har-file', harFile);
  await page.waitForFunction(() => /l2\.auth\.https-login/.test(document.querySelector('#report').innerText), null, { timeout: 30000 });
  await waitIdle(page);
  await expandReport(page, { root: '#report-criteria' });
  const login = await criterionRow(page, 'l2.auth.https-login').innerText();
  assert.match(login, /Pháp luật hiện hành\s+Nghị định 331\/2026\/NĐ-CP, Điều 30 khoản 4 điểm c \(Bảo đảm an toàn ứng dụng\)/);
  assert.match(login, /Khung pháp lý cũ \(chuyển tiếp\)\s+Thông tư 12\/2022\/TT-BTTTT, Phụ lục II, mục II\.2 “Yêu cầu về thiết lập, cấu hình hệ thống”, dòng 1\.3\.1 “Xác thực” → TCVN 11930:2017 mục 6\.2\.3\.1 \(đã đối chiếu nguồn chính thức\)/);
  const ids = await page.locator('#report table.pc-criteria .pc-crit-id').allInnerTexts();
  assert.ok(ids.includes('l2.waf') && !ids.some((id) => id.includes('.comm.')), ids.join(' '));
  assert.deepEqual(foreignRequests(log.requests), []);
  assert.deepEqual(log.pageErrors, []);
});
