// The report view's findings in Debian's Chromium, on a HAR captured live from the demo portal:
// one group per failing check ("title — N trang") with its pages inside, collapsed; the
// "Việc cần làm trước" list under the grade in fixFirst's order, each item linking into its group;
// the Observatory-style table of every graded test; the part ids the shell links to; evidence keys
// named in the UI's language; search over the groups; and the budgets: Tab stops from the report
// heading to the checklist, page height on a phone, and the findings' DOM size on a 1,000-page
// HAR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { startAppServer } from '../../web/serve/static-server.mjs';
import { skipReason, launchBrowser, openApp, waitForReport, waitIdle, foreignRequests, tempDir, captureDemoHar, syntheticHar, tabStopsBetween } from './harness.mjs';
import { failingGroups, fixFirst, reasonText } from '../../web/host/fix-priorities.mjs';

// Budgets (the demo portal report; a 1,000-page HAR).
const TAB_STOPS_BUDGET = 150; // Tab stops from the report heading to the checklist section
const PHONE_VIEWPORT = { width: 390, height: 844 };
const PHONE_HEIGHT_BUDGET = 15000; // px, the whole page at PHONE_VIEWPORT
const REPORT_PHONE_BUDGET = 7500; // px, the report section (#report-section) at PHONE_VIEWPORT
const FINDINGS_DOM_BUDGET = 5000; // elements inside #report-findings
const LARGE_PAGES = 1000;

const SKIP = skipReason();
let dir, portal, app, browser, harFile, largeHar, expected, expectedHeaders, ruleset;

before(async () => {
  if (SKIP) return;
  dir = tempDir('pc-app-findings-');
  portal = await startDemoPortal();
  harFile = await captureDemoHar(portal, path.join(dir, 'demo.har'));
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { auditHar } = await import('../../web/host/engine.mjs');
  const engine = await loadNodeEngine();
  ruleset = engine.ruleset();
  const audited = await auditHar(engine, fs.readFileSync(harFile, 'utf8'), { profiles: ['tnm-website-basic'] });
  expected = JSON.parse(audited.reportText);
  expectedHeaders = audited.gradedHeaders;
  largeHar = path.join(dir, 'large.har');
  fs.writeFileSync(largeHar, syntheticHar(LARGE_PAGES, 'app-findings'));
  app = await startAppServer({ port: 0 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await portal?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Opens a <details> the report fills when first opened and waits until it is filled: its toggle
// event is queued as a task, so it may run after click() returns (on a loaded machine, it does).
async function openFilled(details, summary = details.locator(':scope > summary')) {
  await summary.click();
  await details.evaluate((d) => new Promise((resolve) => {
    const filled = () => (d.dataset.filled ? resolve() : requestAnimationFrame(filled));
    filled();
  }));
}

async function openDemo(options) {
  const session = await openApp(browser, app.url, options);
  await session.page.setInputFiles('#har-file', harFile);
  await waitForReport(session.page);
  await waitIdle(session.page);
  return session;
}

test('demo: one collapsed group per failing check, "title — N trang", pages inside', { skip: SKIP, timeout: 60000 }, async () => {
  const { page, log } = await openDemo();
  const groups = failingGroups(expected, ruleset);
  const shown = page.locator('#report-findings details.pc-check-group.pc-failing');
  assert.equal(await shown.count(), groups.length, 'one group per failing check');
  assert.deepEqual(await shown.evaluateAll((ds) => ds.map((d) => d.dataset.key)), groups.map((g) => g.id), 'most severe first, as failingGroups');
  assert.equal(await page.locator('#report-findings details.pc-check-group[open]').count(), 0, 'groups start collapsed');
  const clickjacking = groups.find((g) => g.id === 'header.clickjacking');
  assert.ok(clickjacking.pages.length > 1);
  const group = shown.filter({ has: page.locator('code', { hasText: /^header\.clickjacking$/ }) });
  assert.match(await group.locator('summary').innerText(), new RegExp(`— ${clickjacking.pages.length} trang`));
  await openFilled(group, group.locator('summary'));
  assert.equal(await group.locator('.pc-page-item').count(), clickjacking.results.length);
  // The message and remediation once per group, not once per page.
  assert.equal(await group.locator('.pc-remediation').count(), new Set(clickjacking.results.map((r) => r.outcome)).size);
  // The server snippets of the group's outcomes (data beside the rules), one block per server, as text.
  const { serverSnippets, SERVERS } = await import('../../web/host/server-snippets.mjs');
  const wanted = clickjacking.results.flatMap((r) => serverSnippets('header.clickjacking', r.outcome));
  assert.ok(wanted.length >= SERVERS.length, 'clickjacking has a snippet for every server');
  const shownServers = await group.locator('.pc-snippet').evaluateAll((ns) => ns.map((n) => n.dataset.key));
  assert.deepEqual(new Set(shownServers), new Set(wanted.map((s) => s.server)));
  const codes = await group.locator('.pc-snippet code').allInnerTexts();
  for (const s of wanted) assert.ok(codes.some((c) => c.includes(s.code.split('\n').find((l) => l && !l.startsWith('#')))), `${s.server} code shown`);
  const items = await group.locator('.pc-page-item').allInnerTexts();
  for (const p of clickjacking.pages) assert.ok(items.some((t) => t.includes(p)), `${p} listed`);
  assert.match(items[0], /Không đạt/);
  // The checks that did not fail: one collapsed section, each check a group inside.
  const other = page.locator('#report-findings details.pc-other-groups');
  assert.equal(await other.count(), 1);
  assert.equal(await other.evaluate((d) => d.open), false);
  await openFilled(other);
  const otherIds = await other.locator('details.pc-check-group').evaluateAll((ds) => ds.map((d) => d.dataset.key));
  const failingIds = new Set(groups.map((g) => g.id));
  const notFailing = new Set(expected.checks.filter((r) => !(r.pass === false && !['not-captured', 'not-applicable', 'error'].includes(r.outcome))).map((r) => r.id));
  assert.deepEqual(new Set(otherIds), notFailing);
  assert.ok(otherIds.some((id) => failingIds.has(id)), 'a check failing on one page and passing on another is in both');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(foreignRequests(log.requests), []);
});

test('demo: "Việc cần làm trước" under the grade, in fixFirst order, each item opening its group', { skip: SKIP, timeout: 60000 }, async () => {
  const { page, log } = await openDemo();
  const fixes = fixFirst(expected, ruleset);
  assert.ok(fixes.length > 0 && fixes.length <= 5);
  const section = page.locator('#report-grade + #report-fixes');
  assert.match(await section.locator('h3').innerText(), /^Việc cần làm trước$/);
  const items = section.locator('ol.pc-fix-list > li');
  assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.dataset.key)), fixes.map((f) => f.id));
  for (let i = 0; i < fixes.length; i++) {
    const text = await items.nth(i).innerText();
    for (const r of fixes[i].reasons) assert.ok(text.includes(reasonText(r, 'vi')), `${fixes[i].id}: ${reasonText(r, 'vi')}`);
  }
  // The first item's link opens its group and moves the focus to it.
  const href = await items.first().locator('a').getAttribute('href');
  assert.match(href, /^#pc-check-\d+$/);
  await items.first().locator('a').click();
  const target = page.locator(href);
  assert.equal(await target.getAttribute('data-key'), fixes[0].id);
  assert.equal(await target.evaluate((d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('details')?.id), href.slice(1));
  // Still reachable when a filter hides the group: the link clears the filters.
  await page.fill('#report .pc-search input', 'khong-co-tu-nay-xyz');
  await page.waitForFunction(() => document.querySelectorAll('#report-findings .pc-check-group.pc-failing').length === 0, null, { timeout: 5000 });
  await items.nth(1).locator('a').click();
  assert.equal(await page.locator(`${await items.nth(1).locator('a').getAttribute('href')}[open]`).count(), 1);
  // English.
  await page.click('#lang-switch');
  await page.waitForFunction(() => /Fix these first/.test(document.querySelector('#report-fixes')?.innerText ?? ''), null, { timeout: 10000 });
  const en = await page.locator('#report-fixes').innerText();
  for (const r of fixes[0].reasons) assert.ok(en.includes(reasonText(r, 'en')));
  assert.deepEqual(log.pageErrors, []);
});

test('demo: the Observatory-style table lists every graded test with result, modifier and reason', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = await openDemo();
  const table = page.locator('#report-grade details.pc-obs-table');
  await table.locator('summary').click();
  const graded = Object.entries(ruleset.rules).filter(([, r]) => r.graded === true).map(([, r]) => r.observatory_test);
  assert.ok(graded.length >= 9, graded.join(' '));
  const rows = await table.locator('table.pc-obs-rows tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.key, ...[...tr.cells].map((c) => c.innerText.trim())]));
  for (const test of graded) assert.ok(rows.some((r) => r[0] === test), `${test} has a row`);
  for (const entry of expected.grade.counted) {
    const [test, ...rest] = entry.split(':');
    const modifier = rest.pop();
    const row = rows.find((r) => r[0] === test);
    assert.equal(row[3], rest.join(':'), `${test} result`);
    assert.equal(row[4], modifier, `${test} modifier`);
    if (Number(modifier) < 0) assert.ok(row[5].length > 10, `${test} has a reason: ${row[5]}`);
  }
  // The graded page's raw response headers (the engine's, beside the report), in order, as text.
  assert.ok(expectedHeaders.length >= 3, JSON.stringify(expectedHeaders));
  const raw = await table.locator('table.pc-raw-headers tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
  assert.deepEqual(raw, expectedHeaders.map(([n, v]) => [n, v.length > 400 ? raw.find((r) => r[0] === n)?.[1] : v]));
  assert.match(await table.locator('table.pc-raw-headers caption').innerText(), new RegExp(expected.grade.page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await table.locator('.pc-raw-headers-missing').count(), 0);
});

test('demo: part ids, evidence keys and outcome words in the UI language', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = await openDemo();
  for (const id of ['report-grade', 'report-criteria', 'report-findings']) assert.equal(await page.locator(`#report #${id}`).count(), 1, id);
  const cookies = page.locator('#report-findings details.pc-check-group[data-key="cookie.flags"]').first();
  await openFilled(cookies);
  await openFilled(cookies.locator('.pc-evidence').first(), cookies.locator('.pc-evidence summary').first());
  const vi = await cookies.locator('.pc-evidence').first().innerText();
  assert.match(vi, /Cookie chống CSRF/);
  assert.match(vi, /Cờ HttpOnly/);
  assert.doesNotMatch(vi, /antiCsrf|httpOnly|sameSite/, 'no English evidence key shows in the Vietnamese UI');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /Findings/.test(document.querySelector('#report-findings')?.innerText ?? ''), null, { timeout: 10000 });
  const cookiesEn = page.locator('#report-findings details.pc-check-group[data-key="cookie.flags"]').first();
  await openFilled(cookiesEn);
  await openFilled(cookiesEn.locator('.pc-evidence').first(), cookiesEn.locator('.pc-evidence summary').first());
  const en = await cookiesEn.locator('.pc-evidence').first().innerText();
  assert.match(en, /Anti-CSRF cookie/);
  assert.doesNotMatch(en, /Cookie chống CSRF/);
  const findings = await page.locator('#report-findings').innerText();
  assert.match(findings, /Fail/);
  assert.doesNotMatch(findings, /Không đạt|trang\b|Kết luận/);
});

test('demo: a search opens the groups it hits, showing only the matching pages', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = await openDemo();
  const clickjacking = failingGroups(expected, ruleset).find((g) => g.id === 'header.clickjacking');
  const one = clickjacking.pages.find((p) => p && p !== expected.grade.page) ?? clickjacking.pages[0];
  await page.fill('#report .pc-search input', `x-frame-options ${new URL(one).pathname}`);
  await page.waitForTimeout(400);
  const open = page.locator('#report-findings details.pc-check-group.pc-failing[open]');
  assert.ok(await open.count() >= 1);
  const group = page.locator('#report-findings details.pc-check-group[data-key="header.clickjacking"][open]');
  assert.equal(await group.count(), 1);
  const items = await group.locator('.pc-page-item').allInnerTexts();
  assert.ok(items.length >= 1 && items.length < clickjacking.results.length, `${items.length} of ${clickjacking.results.length}`);
  assert.ok(items.every((t) => t.includes(new URL(one).pathname)));
  assert.match(await group.locator(':scope > summary').innerText(), new RegExp(`— ${items.length} trang`));
});

test(`budgets on the demo: ≤ ${TAB_STOPS_BUDGET} Tab stops to the checklist, report ≤ ${REPORT_PHONE_BUDGET} px tall at 390×844`, { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = await openDemo();
  const stops = await tabStopsBetween(page, '#report-heading', '#checklist-section');
  assert.ok(stops.length > 10, `${stops.length} Tab stops counted`);
  assert.ok(stops.length <= TAB_STOPS_BUDGET, `${stops.length} Tab stops: ${stops.join(' ')}`);
  // The same count by pressing Tab from the report heading.
  await page.focus('#report-section');
  let pressed = 0;
  for (; pressed < TAB_STOPS_BUDGET + 50; pressed++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement?.closest('#checklist-section'))) break;
  }
  assert.ok(pressed <= TAB_STOPS_BUDGET, `${pressed} Tab presses before the checklist`);
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.waitForTimeout(200);
  const report = await page.evaluate(() => document.querySelector('#report-section').getBoundingClientRect().height);
  assert.ok(report <= REPORT_PHONE_BUDGET, `report section ${report} px at 390×844`);
});

// The whole page also holds the inputs and the checklist, which other parts of the app render.
test(`budget on the demo: the whole page ≤ ${PHONE_HEIGHT_BUDGET} px tall at 390×844`, { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = await openDemo();
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.waitForTimeout(200);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= PHONE_HEIGHT_BUDGET, `${height} px at 390×844`);
});

test(`a ${LARGE_PAGES}-page HAR: the findings stay under ${FINDINGS_DOM_BUDGET} DOM elements`, { skip: SKIP, timeout: 300000 }, async () => {
  const { page, log } = await openApp(browser, app.url);
  await page.setInputFiles('#har-file', largeHar);
  await waitForReport(page, { timeout: 240000 });
  await waitIdle(page, { timeout: 240000 });
  const count = () => page.evaluate(() => document.querySelectorAll('#report-findings *').length);
  const initial = await count();
  assert.ok(initial <= FINDINGS_DOM_BUDGET, `${initial} elements at first`);
  const groups = page.locator('#report-findings details.pc-check-group.pc-failing');
  assert.ok(await groups.count() >= 3);
  const summary = await groups.first().locator('summary').innerText();
  assert.match(summary, new RegExp(`— ${LARGE_PAGES} trang`));
  // Every group open: each lists PAGES_SHOWN pages and a button for more.
  await groups.evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForTimeout(300);
  const opened = await count();
  assert.ok(opened <= FINDINGS_DOM_BUDGET, `${opened} elements with every group open`);
  const more = groups.first().locator('.pc-more-pages');
  assert.match(await more.innerText(), /Hiện thêm 100 trang \(còn 990\)/);
  await more.click();
  assert.equal(await groups.first().locator('.pc-page-item').count(), 110);
  // A search that hits every group, with the other checks shown too.
  await page.check('#report .pc-filters .pc-inline input[type=checkbox]');
  await page.fill('#report .pc-search input', 'example.gov.vn');
  await page.waitForTimeout(600);
  const searched = await count();
  assert.ok(searched <= FINDINGS_DOM_BUDGET, `${searched} elements after a search hitting every group`);
  assert.deepEqual(log.pageErrors, []);
});
