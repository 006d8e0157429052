// The portfolio page (portfolio.html): wires the file inputs (several files, a folder, drag and
// drop) and the optional trusted key to the worker pool (pool.mjs), shows progress and Cancel,
// and renders the table (view.mjs) with its sorting, filters, CSV export and printable summary.
// The first pass over a selection checks each bundle's integrity, signature and ruleset origin
// without the replay (replaying takes far longer: BENCHMARKS.md); a Replay button per row and
// "Replay every bundle" run verification again with its replay step.
// Language: the app's (i18n/core.mjs), strings from i18n/portfolio.mjs. Exports nothing.
//
// A row does not open in the app: the check page verifies one bundle at a time from a file the
// reviewer picks, and a page cannot hand it a File across a navigation without storing the file.
import { getLanguage, setLanguage, formatBytes } from '../i18n/core.mjs';
import { tp, translatePortfolio } from '../i18n/portfolio.mjs';
import { el, fill, downloadBlob } from '../report/dom.mjs';
import { parseKeyring } from '../../host/bundle/keyring.mjs';
import { publicJwkOf } from '../../host/bundle/keys.mjs';
import { MAX_PORTFOLIO_FILES, MAX_PORTFOLIO_BYTES, portfolioLimitProblem } from './limits.mjs';
import { runPortfolio } from './pool.mjs';
import { STATES } from './row.mjs';
import { sortRows, filterRows, GRADE_GROUPS } from './table-model.mjs';
import { searchTexts, csvHeader, csvRecord } from './texts.mjs';
import { toCsv } from './csv.mjs';
import { renderTable, renderSummary } from './view.mjs';

const $ = (id) => document.getElementById(id);
const els = {
  lang: $('lang-switch'), files: $('pf-files'), folder: $('pf-folder'), drop: $('pf-drop-zone'), limits: $('pf-limits'),
  trusted: $('pf-trusted'), trustedStatus: $('pf-trusted-status'), progress: $('pf-progress'), progressText: $('pf-progress-text'),
  cancel: $('cancel'), error: $('pf-error'), section: $('pf-table-section'), table: $('pf-table'), count: $('pf-count'),
  query: $('pf-query'), state: $('pf-state'), grade: $('pf-grade'), csv: $('pf-csv'), print: $('pf-print'), summary: $('pf-summary'),
  replayAll: $('pf-replay-all'),
};

let rows = [];            // the rows so far, in file order
let sort = { column: 'site', direction: 'ascending' };
let run = null;           // the runPortfolio handle in flight
let trustedKeys = [];
let status = { key: 'run.idle', params: null };

function setStatus(key, params = null) {
  status = { key, params };
  els.progressText.textContent = tp(key, params);
}

function showError(text) {
  els.error.textContent = text;
  els.error.hidden = !text;
}

function fillSelect(select, options) {
  const value = select.value || 'all';
  fill(select, options.map(([v, label]) => el('option', { value: v }, label)));
  select.value = options.some(([v]) => v === value) ? value : 'all';
}

function fillFilters() {
  fillSelect(els.state, [['all', tp('filter.all')], ...STATES.map((s) => [s, tp(`state.${s}`)])]);
  fillSelect(els.grade, [['all', tp('filter.all')], ...GRADE_GROUPS.map((g) => [g, g === 'none' ? tp('filter.none') : g])]);
}

function shownRows() {
  const done = rows.filter(Boolean);
  const filtered = filterRows(done, { query: els.query.value, state: els.state.value, grade: els.grade.value }, searchTexts);
  return { done, shown: sortRows(filtered, sort.column, sort.direction) };
}

function onSort(column) {
  sort = { column, direction: sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending' };
  render();
  els.table.querySelector(`th[data-key="${column}"] button`)?.focus();
}

function render() {
  const { done, shown } = shownRows();
  els.section.hidden = done.length === 0;
  els.summary.hidden = done.length === 0;
  renderTable(els.table, { rows: shown, sort, onSort, onReplay: (i) => replayRows([i]) });
  renderSummary(els.summary, done);
  els.count.textContent = tp('filter.count', { shown: shown.length, total: done.length });
}

// Progressive rendering while files are checked: at most one table render per RENDER_EVERY_MS.
const RENDER_EVERY_MS = 300;
let renderTimer = null;
function renderSoon() {
  renderTimer ??= setTimeout(() => { renderTimer = null; render(); }, RENDER_EVERY_MS);
}

let files = [];            // the files of the current portfolio (rows[i] is files[i]'s)

// Checks files[i] for each i of indices in the pool (replay: the replay step too), rows replaced
// as they come; progress, Cancel and the status line.
async function check(indices, { replay }) {
  run?.cancel();
  const subset = indices.map((i) => files[i]);
  const started = performance.now();
  document.documentElement.dataset.portfolio = 'running';
  els.cancel.disabled = false;
  els.replayAll.disabled = true;
  els.progress.max = Math.max(1, subset.length);
  els.progress.value = 0;
  setStatus('run.progress', { done: 0, total: subset.length });
  render();
  const handle = runPortfolio(subset, {
    trustedKeys, replay,
    onRow: (row, k) => { rows[indices[k]] = { ...row, index: indices[k] }; renderSoon(); },
    onProgress: (done, total) => { els.progress.value = done; setStatus('run.progress', { done, total }); },
  });
  run = handle;
  const { cancelled, rows: got } = await handle.done;
  if (run !== handle) return; // a newer run replaced this one
  run = null;
  clearTimeout(renderTimer);
  renderTimer = null;
  render();
  els.cancel.disabled = true;
  els.replayAll.disabled = false;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (cancelled) setStatus('run.cancelled', { done: got.length, total: subset.length });
  else setStatus(replay ? 'run.replayDone' : 'run.done', { total: subset.length, seconds });
  document.documentElement.dataset.portfolio = cancelled ? 'cancelled' : 'done';
  document.documentElement.dataset.portfolioMs = String(Math.round(performance.now() - started));
}

function open(fileList) {
  const chosen = Array.from(fileList ?? []);
  if (chosen.length === 0) return;
  run?.cancel();
  showError('');
  const problem = portfolioLimitProblem(chosen);
  if (problem) {
    showError(tp(`limit.${problem.code}`, { count: problem.count, bytes: formatBytes(problem.bytes), max: problem.code === 'too-many-bytes' ? formatBytes(problem.max) : problem.max }));
    document.documentElement.dataset.portfolio = 'refused';
    return;
  }
  files = chosen;
  rows = new Array(files.length);
  check(files.map((_, i) => i), { replay: false });
}

function replayRows(indices) {
  if (indices.length) check(indices, { replay: true });
}

// A trusted key: one public JWK, or a portal-check keyring (keyring.mjs parseKeyring).
async function loadTrusted(file) {
  if (!file) return;
  try {
    const value = JSON.parse(await file.text());
    trustedKeys = value?.format !== undefined ? parseKeyring(value) : [{ publicJwk: publicJwkOf(value) }];
    els.trustedStatus.textContent = tp('trust.loaded', { n: trustedKeys.length });
  } catch (e) {
    trustedKeys = [];
    els.trustedStatus.textContent = tp('trust.bad', { message: String(e?.message ?? e) });
  }
}

function applyLanguage() {
  translatePortfolio(document);
  els.lang.lang = getLanguage() === 'vi' ? 'en' : 'vi';
  els.limits.textContent = tp('inputs.limits', { files: MAX_PORTFOLIO_FILES, bytes: formatBytes(MAX_PORTFOLIO_BYTES) });
  if (trustedKeys.length) els.trustedStatus.textContent = tp('trust.loaded', { n: trustedKeys.length });
  setStatus(status.key, status.params);
  fillFilters();
  if (rows.some(Boolean)) render();
}

els.lang.addEventListener('click', () => {
  setLanguage(getLanguage() === 'vi' ? 'en' : 'vi');
  applyLanguage();
});
els.files.addEventListener('change', () => open(els.files.files));
els.folder.addEventListener('change', () => open(els.folder.files));
els.trusted.addEventListener('change', () => loadTrusted(els.trusted.files[0]));
els.cancel.addEventListener('click', () => run?.cancel());
for (const control of [els.query, els.state, els.grade]) control.addEventListener('input', render);
els.csv.addEventListener('click', () => {
  const { shown } = shownRows();
  downloadBlob(new Blob([toCsv(csvHeader(), shown.map(csvRecord))], { type: 'text/csv;charset=utf-8' }), 'portal-check-portfolio.csv');
});
els.print.addEventListener('click', () => window.print());
els.replayAll.addEventListener('click', () => replayRows(rows.flatMap((r, i) => (r && r.kind === 'bundle' && r.state !== 'failed' && !r.replay?.ran ? [i] : []))));

// Drag and drop of many files onto the zone; a drop elsewhere never navigates away.
let dragDepth = 0;
els.drop.addEventListener('dragenter', (e) => { e.preventDefault(); dragDepth += 1; els.drop.classList.add('dragging'); });
els.drop.addEventListener('dragleave', () => { dragDepth = Math.max(0, dragDepth - 1); if (dragDepth === 0) els.drop.classList.remove('dragging'); });
els.drop.addEventListener('dragover', (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
els.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  els.drop.classList.remove('dragging');
  open(e.dataTransfer?.files);
});
for (const type of ['dragover', 'drop']) window.addEventListener(type, (e) => e.preventDefault());

setLanguage(getLanguage());
applyLanguage();
document.documentElement.dataset.ready = 'true';
