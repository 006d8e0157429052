// The portfolio table and the printable summary (DOM). Every value from a file goes in as text
// (report/dom.mjs el / siteText), never markup.
//
// renderTable(container, {rows (already filtered and sorted), sort: {column, direction},
//   onSort(column), onReplay(row.index)}) → the table: one sortable column header per table-model.mjs COLUMNS (a button
//   inside the <th>, so keyboard users sort with Enter/Space; the sorted column carries aria-sort),
//   one row per file (a bundle not yet replayed has a Replay button), or a "no row matches" line.
// renderSummary(container, rows) → the summary (counts by state and by grade group, how many
//   bundles were not replayed, the time it was made, the caveat) shown above the table and printed with it.
import { el, fill, siteText } from '../report/dom.mjs';
import { tp } from '../i18n/portfolio.mjs';
import { COLUMNS, GRADE_GROUPS, gradeGroup } from './table-model.mjs';
import { STATES } from './row.mjs';
import { stateLabel, replayText, problemTexts, gradeText, criteriaLines } from './texts.mjs';

const NUMERIC = new Set(['high']);
const orNone = (v, render) => (v === null || v === undefined || v === '' ? tp('none') : render(v));

// A bundle whose replay did not run (and that did not fail) can be replayed from its row.
const replayable = (row) => row.kind === 'bundle' && row.state !== 'failed' && row.replay && !row.replay.ran;

function replayButton(row, onReplay) {
  const button = el('button', { type: 'button', class: 'pf-replay', 'data-key': String(row.index), 'aria-label': tp('replay.buttonLabel', { name: row.name }) }, tp('replay.button'));
  button.addEventListener('click', () => onReplay(row.index));
  return button;
}

function cell(column, row, onReplay) {
  switch (column) {
    case 'name': return siteText(row.name);
    case 'site': return orNone(row.site, (v) => siteText(v));
    case 'grade': return gradeText(row);
    case 'criteria':
      if (row.state === 'failed' || row.state === 'error') return tp('none');
      return row.profiles.length ? el('ul', { class: 'pf-criteria' }, criteriaLines(row).map((line) => el('li', null, siteText(line))))
        : el('span', { class: 'pf-muted' }, tp('criteria.none'));
    case 'high': return orNone(row.high, String);
    case 'state': {
      const problems = problemTexts(row);
      const replay = replayText(row);
      return [
        el('span', { class: `pf-state pf-state-${row.state}`, 'data-state': row.state }, stateLabel(row)),
        replay ? el('div', { class: 'pf-muted' }, replay, replayable(row) && onReplay ? [' ', replayButton(row, onReplay)] : null) : null,
        problems.length ? el('ul', { class: 'pf-problems' }, problems.map((p) => el('li', null, siteText(p)))) : null,
      ];
    }
    case 'captureTime': return orNone(row.captureTime, (v) => siteText(v));
    case 'fingerprint': return [
      orNone(row.fingerprint, (v) => siteText(v, { className: 'pf-fingerprint', code: true })),
      row.organization ? el('div', { class: 'pf-muted' }, siteText(row.organization)) : null,
    ];
    default: return '';
  }
}

function header(column, sort, onSort) {
  const sorted = sort.column === column;
  const button = el('button', { type: 'button', class: 'pf-sort', 'data-key': column },
    tp(`col.${column}`), el('span', { class: 'pf-sort-mark', 'aria-hidden': 'true' }, sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''));
  button.addEventListener('click', () => onSort(column));
  const th = el('th', { scope: 'col', 'data-key': column }, button);
  th.setAttribute('aria-sort', sorted ? sort.direction : 'none'); // not in dom.mjs's allow-list
  return th;
}

export function renderTable(container, { rows, sort, onSort, onReplay }) {
  const table = el('table', { class: 'pf-table', id: 'pf-rows' },
    el('caption', null, tp('table.caption')),
    el('thead', null, el('tr', null, COLUMNS.map((c) => header(c, sort, onSort)))),
    el('tbody', null, rows.map((row) => el('tr', { 'data-state': row.state },
      COLUMNS.map((c) => el(c === 'name' ? 'th' : 'td', { class: NUMERIC.has(c) ? 'pf-num' : null, scope: c === 'name' ? 'row' : null, 'data-key': c }, cell(c, row, onReplay)))))));
  fill(container, table, rows.length ? null : el('p', { class: 'pf-muted', id: 'pf-empty' }, tp('table.empty')));
}

function countTable(caption, labels, counts, id) {
  return el('table', { id },
    el('caption', null, caption),
    el('tbody', null, labels.filter(([key]) => counts.get(key)).map(([key, label]) => el('tr', { 'data-key': key }, el('th', { scope: 'row' }, label), el('td', null, String(counts.get(key)))))));
}

// Whether the bundles that passed were replayed: the print must not let "verified" read as more.
function replayLine(rows) {
  const intact = rows.filter((r) => r.kind === 'bundle' && r.state !== 'failed');
  if (intact.length === 0) return null;
  const notReplayed = intact.filter((r) => !r.replay?.ran).length;
  return el('p', { id: 'pf-summary-replay' }, notReplayed ? tp('summary.notReplayed', { n: notReplayed }) : tp('summary.allReplayed'));
}

export function renderSummary(container, rows) {
  const states = new Map();
  const grades = new Map();
  for (const r of rows) {
    states.set(r.state, (states.get(r.state) ?? 0) + 1);
    if (r.state !== 'failed' && r.state !== 'error') grades.set(gradeGroup(r), (grades.get(gradeGroup(r)) ?? 0) + 1);
  }
  fill(container,
    el('h2', { id: 'pf-summary-heading' }, tp('summary.heading')),
    el('p', null, tp('summary.generated', { time: new Date().toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN'), total: rows.length })),
    el('div', { class: 'pf-summary-counts' },
      countTable(tp('summary.states'), STATES.map((s) => [s, tp(`state.${s}`)]), states, 'pf-summary-states'),
      countTable(tp('summary.grades'), GRADE_GROUPS.map((g) => [g, g === 'none' ? tp('filter.none') : g]), grades, 'pf-summary-grades')),
    replayLine(rows),
    el('p', { class: 'hint' }, tp('summary.caveat')));
}
