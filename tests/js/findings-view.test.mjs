// The grouped findings view (web/app/report/findings-view.mjs) in jsdom on hand-made reports: a
// group's page list at PAGES_SHOWN pages (no "more" button) and one past it (the button, then
// PAGES_STEP more per click), search opening at most OPEN_ON_SEARCH groups with only the matching
// pages, hostile page strings as text, and openGroup clearing the filters that hide a group.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

let view;
let reportStrings;
before(async () => {
  const dom = new JSDOM('<!doctype html><body></body>', { pretendToBeVisual: true });
  for (const k of ['document', 'Node', 'Event']) globalThis[k] = dom.window[k];
  dom.window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
  view = await import('../../web/app/report/findings-view.mjs');
  ({ reportStrings } = await import('../../web/app/i18n/report.mjs'));
});

const fail = (id, page, severity = 'medium') => ({ id, page, outcome: 'missing', pass: false, severity, details: { value: page } });

function render(report, filters = view.newFilters()) {
  const ids = new Map();
  const anchors = (id) => { if (!ids.has(id)) ids.set(id, `pc-check-${ids.size + 1}`); return ids.get(id); };
  const ctx = { report, ruleset: {}, lang: 'vi', t: reportStrings('vi'), filters, cache: new WeakMap() };
  const out = view.renderFindings(ctx, anchors);
  document.body.replaceChildren(out.section);
  return { ...out, ctx };
}

const groupOf = (id) => document.querySelector(`details.pc-check-group[data-key="${id}"]`);
function open(details) { details.open = true; details.dispatchEvent(new Event('toggle')); }

test('a group\'s pages: PAGES_SHOWN without a button, one more page with it, PAGES_STEP per click', () => {
  const at = Array.from({ length: view.PAGES_SHOWN }, (_, i) => fail('at', `https://a/${i}`));
  const past = Array.from({ length: view.PAGES_SHOWN + view.PAGES_STEP + 1 }, (_, i) => fail('past', `https://a/${i}`));
  render({ checks: [...at, ...past] });
  assert.match(groupOf('at').querySelector('summary').textContent, new RegExp(`— ${view.PAGES_SHOWN} trang`));
  assert.equal(groupOf('at').querySelector('.pc-group-body'), null, 'built only when opened');
  open(groupOf('at'));
  assert.equal(groupOf('at').querySelectorAll('.pc-page-item').length, view.PAGES_SHOWN);
  assert.equal(groupOf('at').querySelector('.pc-more-pages'), null);
  open(groupOf('past'));
  const g = groupOf('past');
  assert.equal(g.querySelectorAll('.pc-page-item').length, view.PAGES_SHOWN);
  assert.equal(g.querySelector('.pc-more-pages').textContent, `Hiện thêm ${view.PAGES_STEP} trang (còn ${view.PAGES_STEP + 1})`);
  g.querySelector('.pc-more-pages').click();
  assert.equal(g.querySelectorAll('.pc-page-item').length, view.PAGES_SHOWN + view.PAGES_STEP);
  assert.equal(g.querySelector('.pc-more-pages').textContent, 'Hiện thêm 1 trang (còn 1)');
  g.querySelector('.pc-more-pages').click();
  assert.equal(g.querySelectorAll('.pc-page-item').length, past.length);
  assert.equal(g.querySelector('.pc-more-pages'), null);
  assert.equal(g.querySelectorAll('.pc-remediation, .pc-message').length, 0, 'no message without a rule; none repeated per page');
});

test('search: at most OPEN_ON_SEARCH groups open, each with only its matching pages; hostile strings as text', () => {
  const checks = [];
  for (let c = 0; c < view.OPEN_ON_SEARCH + 2; c++) for (let p = 0; p < 3; p++) checks.push(fail(`c${c}`, `https://a/${p}/<img src=x onerror=alert(1)>`));
  const filters = view.newFilters();
  filters.query = 'a/1/';
  render({ checks }, filters);
  const opened = document.querySelectorAll('details.pc-check-group.pc-failing[open]');
  assert.equal(opened.length, view.OPEN_ON_SEARCH);
  for (const g of opened) {
    const items = g.querySelectorAll('.pc-page-item');
    assert.equal(items.length, 1);
    assert.match(items[0].textContent, /https:\/\/a\/1\/<img src=x onerror=alert\(1\)>/);
  }
  assert.equal(document.querySelectorAll('img').length, 0);
  assert.match(document.querySelector('.pc-shown').textContent, new RegExp(`Đang hiện ${view.OPEN_ON_SEARCH + 2} kiểm tra không đạt \\(${view.OPEN_ON_SEARCH + 2} kết quả\\)`));
});

test('openGroup: a group hidden by the filters is shown again, opened', () => {
  const filters = view.newFilters();
  filters.severities.delete('high');
  const { openGroup } = render({ checks: [fail('hi', 'https://a/', 'high'), fail('lo', 'https://a/', 'low')] }, filters);
  assert.equal(groupOf('hi'), null);
  assert.equal(openGroup('hi'), true);
  assert.equal(groupOf('hi').open, true);
  assert.ok(filters.severities.has('high'));
  assert.equal(openGroup('nope'), false);
});
