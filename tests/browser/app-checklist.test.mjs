// The label checklist (web/app/report/checklist*.mjs) in Debian's Chromium, on a HAR captured live
// from the demo portal: its budgets (height on a phone, Tab stops through it, counted and pressed),
// answering with the keyboard alone (the row's mark, its group's count and the report's criteria
// follow at once, the focus stays), the fold under each item (explanation, criteria, basis, note),
// the organisation form folded once named, labels and legends for every control, a visible focus,
// and both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { ORG_FIELDS } from '../../web/app/report/checklist-org.mjs';
import { skipReason, startAppSession, openApp, waitForReport, waitIdle, captureDemoHar, tabStopsBetween } from './harness.mjs';

// Budgets (the demo portal report, the organisation form empty and open).
const PHONE_VIEWPORT = { width: 390, height: 844 };
const CHECKLIST_PHONE_BUDGET = 5000; // px, #checklist-section at PHONE_VIEWPORT
const TAB_STOPS_PER_ITEM = 2; // a declaration's radio group and its fold
const OTHER_TAB_STOPS = 2; // the "clear saved details" button and the delete button of this site's saved record

const SKIP = skipReason();
let env, portal, harFile; // env: startAppSession's served app, browser and temporary folder

before(async () => {
  if (SKIP) return;
  env = await startAppSession('pc-app-checklist-');
  portal = await startDemoPortal();
  harFile = await captureDemoHar(portal, path.join(env.dir, 'demo.har'));
});
after(async () => {
  await portal?.close();
  await env?.close();
});

async function audit(page) {
  await page.setInputFiles('#har-file', []); // the same file again fires no change event otherwise
  await page.setInputFiles('#har-file', harFile);
  await waitForReport(page);
  await waitIdle(page);
  await page.waitForSelector('#checklist .pc-decl-item', { state: 'attached' });
}

async function openDemo() {
  const session = await openApp(env.browser, env.app.url);
  await audit(session.page);
  return session;
}

const items = (page) => page.locator('#checklist .pc-decl-item');

// The element focused by the keyboard shows a focus ring at least 2 px wide.
async function assertFocusRing(page, what) {
  const [style, width] = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; });
  assert.ok(style !== 'none' && width >= 2, `${what}: outline ${style} ${width}px`);
}

// Presses Tab from the element focused now until the focus leaves #checklist-section; → the number
// of presses that stayed inside it.
async function pressThrough(page, limit) {
  let n = 0;
  for (; n < limit; n++) {
    await page.keyboard.press('Tab');
    if (!(await page.evaluate(() => !!document.activeElement?.closest('#checklist-section')))) break;
  }
  return n;
}

test(`budgets on the demo: the checklist ≤ ${CHECKLIST_PHONE_BUDGET} px tall at 390×844, ${TAB_STOPS_PER_ITEM} Tab stops per declaration`, { skip: SKIP, timeout: 60000 }, async () => {
  const { page, log } = await openDemo();
  const declarations = await items(page).count();
  assert.ok(declarations >= 5, `${declarations} declarations on the demo report`);
  const stops = await tabStopsBetween(page, '#checklist-heading', '#checklist-section + *');
  const budget = ORG_FIELDS.length + 1 + TAB_STOPS_PER_ITEM * declarations + OTHER_TAB_STOPS;
  assert.ok(stops.length <= budget, `${stops.length} Tab stops (budget ${budget}): ${stops.join(' ')}`);
  assert.ok(stops.length >= ORG_FIELDS.length + TAB_STOPS_PER_ITEM * declarations, `${stops.length} Tab stops counted`);
  // The same count by pressing Tab from the organisation form's summary.
  await page.focus('#checklist .pc-org-form > summary');
  assert.equal(1 + await pressThrough(page, budget + 20), stops.length, 'Tab presses through the checklist');
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.waitForTimeout(200);
  const height = await page.evaluate(() => document.querySelector('#checklist-section').getBoundingClientRect().height);
  assert.ok(height <= CHECKLIST_PHONE_BUDGET, `checklist section ${height} px at 390×844`);
  // Every item still carries its explanation, criteria and basis (folded, not dropped).
  const folds = await items(page).evaluateAll((lis) => lis.map((li) => ({
    fold: !!li.querySelector('details.pc-decl-more:not([open]) > summary'),
    help: !!li.querySelector('details .pc-help')?.textContent.trim(),
    neededBy: li.querySelectorAll('details .pc-needed-status').length,
    note: !!li.querySelector('details textarea')?.labels?.length,
  })));
  for (const [i, f] of folds.entries()) {
    assert.deepEqual({ ...f, neededBy: f.neededBy >= 1 }, { fold: true, help: true, neededBy: true, note: true }, `item ${i}: ${JSON.stringify(f)}`);
  }
  assert.deepEqual(log.pageErrors, []);
});

test('keyboard only: arrow keys answer, the row, its group count and the report\'s criteria follow at once, focus stays', { skip: SKIP, timeout: 60000 }, async () => {
  const { page, log } = await openDemo();
  const first = items(page).first();
  const countText = () => page.locator('#checklist .pc-decl-group .pc-decl-count').first().innerText();
  const total = await items(page).count();
  assert.equal(await countText(), `đã khai 0/${total}`);
  assert.equal(await first.getAttribute('data-state'), 'unknown');
  const criterionKey = await first.locator('.pc-needed-status').first().getAttribute('data-key');
  const criterionId = criterionKey.split(' ')[1];
  const reportStatus = () => page.locator('#report table.pc-criteria tbody tr')
    .filter({ has: page.locator('.pc-crit-id', { hasText: new RegExp(`^${criterionId.replace(/\./g, '\\.')}$`) }) })
    .first().getAttribute('data-status');
  assert.equal(await reportStatus(), 'needs-declaration');
  // Tab from the organisation form's last field reaches the first item's radio group (the
  // checked "Chưa rõ"); two arrow presses go to "Có" and check it.
  await page.focus(`#checklist .pc-org-${ORG_FIELDS.at(-1)} input`);
  await page.keyboard.press('Tab');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.type, document.activeElement.value]), ['radio', 'unknown']);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.value, document.activeElement.checked]), ['yes', true]);
  assert.equal(await first.getAttribute('data-state'), 'yes');
  assert.equal(await first.locator('.pc-decl-mark').innerText(), '✓');
  assert.equal(await countText(), `đã khai 1/${total}`);
  assert.notEqual(await reportStatus(), 'needs-declaration', 'the report\'s criterion follows the answer');
  assert.equal(await first.locator(`.pc-needed-status[data-key="${criterionKey}"] .pc-status`).getAttribute('data-status'), await reportStatus());
  assert.equal(await page.evaluate(() => document.activeElement.value), 'yes', 'the focus stays on the answer');
  // "Không": marked ✗, still declared.
  await page.keyboard.press('ArrowRight');
  await assertFocusRing(page, 'the radio');
  assert.equal(await first.getAttribute('data-state'), 'no');
  assert.equal(await first.locator('.pc-decl-mark').innerText(), '✗');
  assert.equal(await reportStatus(), 'not-met');
  assert.equal(await countText(), `đã khai 1/${total}`);
  // The next Tab is the fold; Enter opens it; a note there shows in its summary.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  await assertFocusRing(page, 'the fold\'s summary');
  await page.keyboard.press('Enter');
  assert.equal(await first.locator('details.pc-decl-more').evaluate((d) => d.open), true);
  await first.locator('details.pc-decl-more textarea').fill('Quyết định 12/QĐ');
  assert.match(await first.locator('details.pc-decl-more > summary').innerText(), /\(có ghi chú\)$/);
  // The answers and the open fold survive a language switch.
  await page.click('#lang-switch');
  await page.waitForFunction(() => /declared/.test(document.querySelector('#checklist .pc-decl-count')?.textContent ?? ''), null, { timeout: 10000 });
  assert.equal(await countText(), `1/${total} declared`);
  assert.equal(await items(page).first().getAttribute('data-state'), 'no');
  assert.equal(await items(page).first().locator('details.pc-decl-more').evaluate((d) => d.open), true);
  assert.match(await items(page).first().locator('details.pc-decl-more > summary').innerText(), /Explanation, basis, note \(note added\)$/);
  assert.deepEqual(log.pageErrors, []);
});

test('labels and legends: every control is named, every radio group is a fieldset with its question as legend', { skip: SKIP, timeout: 60000 }, async () => {
  const { page } = await openDemo();
  const r = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('#checklist input, #checklist textarea, #checklist select')];
    const radios = controls.filter((c) => c.type === 'radio');
    return {
      controls: controls.length,
      unlabelled: controls.filter((c) => !c.labels?.length || !c.labels[0].textContent.trim()).map((c) => c.outerHTML),
      radios: radios.length,
      noLegend: radios.filter((c) => !c.closest('fieldset')?.querySelector(':scope > legend')?.textContent.trim()).length,
      groups: new Set(radios.map((c) => c.name)).size,
      items: document.querySelectorAll('#checklist .pc-decl-item').length,
    };
  });
  assert.ok(r.controls > ORG_FIELDS.length);
  assert.deepEqual(r.unlabelled, []);
  assert.equal(r.noLegend, 0);
  assert.equal(r.groups, r.items);
  assert.equal(r.radios, 3 * r.items);
});

test('the organisation form: two columns on a wide screen, folded once named (summary: count and name, as text)', { skip: SKIP, timeout: 90000 }, async () => {
  const { page, log } = await openDemo();
  const form = page.locator('#checklist details.pc-org-form');
  assert.equal(await form.evaluate((d) => d.open), true, 'open while the organisation has no name');
  assert.equal(await form.locator('summary').innerText(), `Đã điền 0/${ORG_FIELDS.length} mục`);
  await page.setViewportSize({ width: 1366, height: 768 });
  const [a, b] = await page.locator('#checklist .pc-org-grid > .pc-field').evaluateAll((fs) => fs.slice(0, 2).map((f) => f.getBoundingClientRect().top));
  assert.equal(a, b, 'two fields on one line at 1366 px');
  await page.setViewportSize(PHONE_VIEWPORT);
  const [c, d] = await page.locator('#checklist .pc-org-grid > .pc-field').evaluateAll((fs) => fs.slice(0, 2).map((f) => f.getBoundingClientRect().top));
  assert.ok(d > c, 'one column at 390 px');
  const hostile = '<img src=x onerror="window.__pwned=1">Sở Thử';
  await page.fill('#checklist .pc-org-name input', hostile);
  await page.fill('#checklist .pc-org-place input', 'Hà Nội');
  assert.equal(await form.locator('summary').innerText(), `Đã điền 2/${ORG_FIELDS.length} mục — ${hostile}`);
  await page.waitForFunction(() => /Đã lưu/.test(document.querySelector('#checklist .pc-save-status')?.textContent || ''), null, { timeout: 10000 });
  // Being filled: a language switch keeps it open.
  await page.click('#lang-switch');
  await page.waitForFunction(() => /fields filled/.test(document.querySelector('#checklist .pc-org-form > summary')?.textContent ?? ''), null, { timeout: 10000 });
  assert.equal(await form.evaluate((d) => d.open), true);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  // The saved organisation, audited again after a reload: folded, its fields out of the Tab order.
  await page.reload({ waitUntil: 'load' });
  await audit(page);
  await page.waitForFunction(() => document.querySelector('#checklist .pc-org-name input')?.value.endsWith('Sở Thử'), null, { timeout: 10000 });
  assert.equal(await form.evaluate((d) => d.open), false, 'folded once named');
  assert.equal(await form.locator('summary').innerText(), `Đã điền 2/${ORG_FIELDS.length} mục — ${hostile}`);
  assert.equal(await page.locator('#checklist img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const stops = await tabStopsBetween(page, '#checklist-heading', '#checklist-section + *');
  const folded = 1 + TAB_STOPS_PER_ITEM * await items(page).count() + OTHER_TAB_STOPS;
  assert.ok(stops.length <= folded, `${stops.length} Tab stops with the form folded (budget ${folded}): ${stops.join(' ')}`);
  await form.locator('summary').click();
  assert.equal(await page.locator('#checklist .pc-org-place input').inputValue(), 'Hà Nội');
  assert.deepEqual(log.pageErrors, []);
});

test('groups: each item under the first profile that needs it, each group counting its answers; no profile, the whole catalogue', { skip: SKIP, timeout: 60000 }, async () => {
  const { page, log } = await openApp(env.browser, env.app.url);
  const r = await page.evaluate(async () => {
    const { renderChecklist, emptyLabel } = await import(new URL('report/checklist.mjs', document.baseURI));
    const { reportStrings } = await import(new URL('i18n/report.mjs', document.baseURI));
    const ruleset = {
      declarations: { declarations: [{ id: 'x.one', title: { vi: 'Một' } }, { id: 'x.two', title: { vi: 'Hai' } }, { id: 'x.three', title: { vi: 'Ba' } }] },
      profiles: { a: { title: { vi: 'Bộ A' } }, b: { title: { vi: 'Bộ B' } } },
    };
    const report = { profiles: {
      b: { criteria: [{ id: 'b.1', status: 'needs-declaration', declarations: [{ id: 'x.one' }, { id: 'x.two' }] }] },
      a: { criteria: [{ id: 'a.1', status: 'needs-declaration', declarations: [{ id: 'x.two' }] }] },
    } };
    const label = emptyLabel();
    label.declarations['x.one'] = { answer: 'no', note: '' };
    const groups = (node) => [...node.querySelectorAll('.pc-decl-group')].map((g) => [g.querySelector('h4').textContent,
      [...g.querySelectorAll('.pc-decl-item')].map((li) => `${li.dataset.key}:${li.dataset.state}`)]);
    const ctx = (rep) => ({ report: rep, ruleset, lang: 'vi', t: reportStrings('vi'), label, onLabelChange() {} });
    const two = document.body.appendChild(document.createElement('div'));
    renderChecklist(two, ctx(report));
    two.querySelector('.pc-decl-item[data-key="x.two"] input[value=yes]').click();
    const none = document.body.appendChild(document.createElement('div'));
    renderChecklist(none, ctx({}));
    return { two: groups(two), none: groups(none) };
  });
  assert.deepEqual(r.two, [
    ['Bộ tiêu chí: Bộ A (đã khai 1/1)', ['x.two:yes']],
    ['Bộ tiêu chí: Bộ B (đã khai 1/1)', ['x.one:no']],
  ]);
  assert.deepEqual(r.none, [['Danh mục nội dung tự khai (đã khai 2/3)', ['x.one:no', 'x.two:yes', 'x.three:unknown']]]);
  assert.deepEqual(log.pageErrors, []);
});
