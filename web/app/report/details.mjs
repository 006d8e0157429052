// Renders a result's `details` object generically, as nested definition lists and lists of text.
// Everything inside details may come from the audited site (header values, HTML snippets, URLs),
// so every key and value is text (siteText), bounded:
//   strings longer than STRING_LIMIT are cut with a "show all" button;
//   arrays show ARRAY_LIMIT items, then a "show more" button for the rest;
//   nesting deeper than DEPTH_LIMIT is shown as condensed JSON text (itself truncated);
//   keys looking like snippets/values (CODE_KEYS) are shown in a monospace block; a `line`/`column`
//   member next to them is shown as the location; numbers under *_at/valid_from/valid_to that look
//   like Unix seconds also show the UTC date; keys the checks write are named in the UI's
//   language (evidence-labels.mjs), any other key is shown as it is.
//
// renderDetails(details, t) → Element (a <dl>, or a <p> when there is nothing to show).
// detailsSearchText(details) → a plain string of every key and value (for the search box).
import { el, siteText, truncatedText } from './dom.mjs';
import { EVIDENCE_KEY_LABELS, evidenceKeyLabel } from './evidence-labels.mjs';

// A details key as the reader sees it: its label in the UI's language (t.lang), the key itself
// as the label's title; an unknown key (the site's own, e.g. a header name) as text.
function keyLabel(key, t) {
  if (!Object.hasOwn(EVIDENCE_KEY_LABELS, key)) return siteText(key);
  return el('span', { title: key }, evidenceKeyLabel(key, t.lang));
}

const STRING_LIMIT = 400;
const ARRAY_LIMIT = 25;
const DEPTH_LIMIT = 6;
const CODE_KEYS = new Set([
  'value', 'snippet', 'html', 'excerpt', 'text', 'handler', 'code', 'source_line', 'header', 'content_type',
  'cache_control', 'header_values', 'meta_values', 'policy_text', 'raw', 'match', 'matched', 'context',
]);
const TIME_KEYS = /(^|_)(at|from|to)$/;

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function renderScalar(value, key, t) {
  if (value === null || value === undefined) return el('span', { class: 'pc-null' }, t.nullValue);
  if (typeof value === 'boolean') return el('span', { class: `pc-bool pc-bool-${value}` }, value ? t.yes : t.no);
  if (typeof value === 'number') {
    const text = String(value);
    if (key && TIME_KEYS.test(key) && Number.isInteger(value) && value > 1e9 && value < 1e10) {
      const d = new Date(value * 1000);
      if (!Number.isNaN(d.getTime())) return el('span', null, `${d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} ${t.dateUtc} (${text})`);
    }
    return el('span', null, text);
  }
  const text = String(value);
  if (text === '') return el('span', { class: 'pc-null' }, '""');
  return truncatedText(text, STRING_LIMIT, t, { code: CODE_KEYS.has(key) || text.includes('<') });
}

// An array of flat objects (scalar members only, at most TABLE_COLS distinct keys) reads best as a
// table: one row per item, one column per key.
const TABLE_COLS = 8;
function tableColumns(arr) {
  if (arr.length < 2) return null;
  const cols = [];
  for (const item of arr) {
    if (!isPlainObject(item)) return null;
    for (const [k, v] of Object.entries(item)) {
      if (v !== null && typeof v === 'object') return null;
      if (!cols.includes(k)) { cols.push(k); if (cols.length > TABLE_COLS) return null; }
    }
  }
  return cols.length ? cols : null;
}

function renderTable(arr, cols, t) {
  const body = el('tbody');
  const addRows = (from, to) => {
    for (let i = from; i < to; i += 1) {
      body.appendChild(el('tr', null, cols.map((c) => el('td', null, c in arr[i] ? renderScalar(arr[i][c], c, t) : ''))));
    }
  };
  addRows(0, Math.min(arr.length, ARRAY_LIMIT));
  const table = el('table', { class: 'pc-table pc-dtable' },
    el('thead', null, el('tr', null, cols.map((c) => el('th', { scope: 'col' }, keyLabel(c, t))))), body);
  if (arr.length <= ARRAY_LIMIT) return el('div', { class: 'pc-table-wrap' }, table);
  const more = el('button', { type: 'button', class: 'pc-linkbtn' }, t.moreItems(arr.length - ARRAY_LIMIT));
  more.addEventListener('click', () => { more.remove(); addRows(ARRAY_LIMIT, arr.length); });
  return el('div', { class: 'pc-table-wrap' }, table, more);
}

function renderArray(arr, key, depth, t) {
  if (arr.length === 0) return el('span', { class: 'pc-null' }, t.empty);
  const cols = tableColumns(arr);
  if (cols) return renderTable(arr, cols, t);
  const list = el('ul', { class: 'pc-dlist' });
  const addItems = (from, to) => {
    for (let i = from; i < to; i += 1) list.appendChild(el('li', null, renderValue(arr[i], key, depth + 1, t)));
  };
  addItems(0, Math.min(arr.length, ARRAY_LIMIT));
  if (arr.length <= ARRAY_LIMIT) return list;
  const more = el('button', { type: 'button', class: 'pc-linkbtn' }, t.moreItems(arr.length - ARRAY_LIMIT));
  const moreItem = el('li', { class: 'pc-more' }, more);
  list.appendChild(moreItem);
  more.addEventListener('click', () => {
    moreItem.remove();
    addItems(ARRAY_LIMIT, arr.length);
    const next = list.children[ARRAY_LIMIT];
    if (next) { next.setAttribute('tabindex', '-1'); next.focus(); }
  });
  return list;
}

function renderObject(obj, depth, t) {
  const keys = Object.keys(obj);
  if (keys.length === 0) return el('span', { class: 'pc-null' }, t.empty);
  const dl = el('dl', { class: 'pc-dl' });
  // A location (line/column) comes first, so it reads as the place of the snippet after it.
  const LOC = ['line', 'column'];
  const ordered = [...LOC.filter((k) => keys.includes(k)), ...keys.filter((k) => !LOC.includes(k))];
  for (const key of ordered) {
    dl.appendChild(el('dt', null, keyLabel(key, t)));
    dl.appendChild(el('dd', null, renderValue(obj[key], key, depth + 1, t)));
  }
  return dl;
}

function renderValue(value, key, depth, t) {
  if (Array.isArray(value)) {
    if (depth > DEPTH_LIMIT) return condensed(value, t);
    return renderArray(value, key, depth, t);
  }
  if (isPlainObject(value)) {
    if (depth > DEPTH_LIMIT) return condensed(value, t);
    return renderObject(value, depth, t);
  }
  return renderScalar(value, key, t);
}

function condensed(value, t) {
  let text;
  try { text = JSON.stringify(value); } catch { text = String(value); }
  return el('span', null, el('span', { class: 'pc-null' }, t.truncatedDepth, ' '), truncatedText(text, STRING_LIMIT, t, { code: true }));
}

export function renderDetails(details, t) {
  if (!isPlainObject(details) || Object.keys(details).length === 0) return el('p', { class: 'pc-muted' }, t.noDetails);
  return renderObject(details, 0, t);
}

export function detailsSearchText(details) {
  const parts = [];
  const walk = (v, depth) => {
    if (parts.length > 2000 || depth > 12) return;
    if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) { parts.push(k); walk(x, depth + 1); }
    else if (v !== null && v !== undefined) parts.push(String(v));
  };
  walk(details, 0);
  return parts.join(' ');
}
