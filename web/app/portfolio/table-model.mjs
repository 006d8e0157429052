// The portfolio table's model: columns, sorting and filtering of rows (row.mjs rowOf). Pure.
//
// COLUMNS: the sortable columns, in display order (ids used by the page, the CSV and the tests).
// notMetTotal(row) → the row's not-met criteria over all its profiles (null without profiles).
// sortRows(rows, column, direction 'ascending' | 'descending') → a new array: stable; rows without
//   a value in that column (no grade, a failed bundle's findings, no capture time…) always last.
// gradeGroup(row) → 'A' | 'B' | 'C' | 'D' | 'F' | 'none': the grade letter without + or -.
// filterRows(rows, {query, state, grade}) → the rows whose searchable text (file name, site, grade,
//   state label, signer fingerprint and organisation, problem texts) contains the query, compared
//   with report/search-fold.mjs foldForSearch (case and diacritics ignored), and whose state and
//   grade group match ('all' or empty = any). textOf(row) gives the row's state label and problem
//   texts in the UI's language (the page passes it; default: none).
import { foldForSearch } from '../report/search-fold.mjs';
import { STATES } from './row.mjs';

export const COLUMNS = ['name', 'site', 'grade', 'criteria', 'high', 'state', 'captureTime', 'fingerprint'];
export const GRADE_GROUPS = ['A', 'B', 'C', 'D', 'F', 'none'];

export function notMetTotal(row) {
  if (!row.profiles?.length) return null;
  return row.profiles.reduce((n, p) => n + p.notMet, 0);
}

const text = (v) => (typeof v === 'string' && v !== '' ? foldForSearch(v) : null);
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// column → (row) → a comparable key or null (no value).
const KEYS = {
  name: (r) => text(r.name),
  site: (r) => text(r.site),
  grade: (r) => (r.score === null && r.grade === null ? null : [r.score ?? -Infinity, r.grade ?? '']),
  criteria: (r) => {
    const notMet = notMetTotal(r);
    return notMet === null ? null : [notMet, r.profiles.reduce((n, p) => n + p.needsDeclaration, 0)];
  },
  high: (r) => (Number.isFinite(r.high) ? r.high : null),
  state: (r) => STATES.indexOf(r.state),
  captureTime: (r) => {
    const ms = r.captureTime === null ? NaN : Date.parse(r.captureTime);
    return Number.isNaN(ms) ? null : ms;
  },
  fingerprint: (r) => text(r.fingerprint),
};

function compareKeys(a, b) {
  if (Array.isArray(a)) {
    for (let i = 0; i < a.length; i++) {
      const c = compareKeys(a[i], b[i]);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (typeof a === 'number') return a - b;
  return compareText(a, b);
}

export function sortRows(rows, column, direction = 'ascending') {
  const key = KEYS[column];
  if (!key) return rows.slice();
  const sign = direction === 'descending' ? -1 : 1;
  const keyed = rows.map((row, i) => ({ row, i, k: key(row) }));
  keyed.sort((x, y) => {
    if (x.k === null || y.k === null) return x.k === y.k ? x.i - y.i : x.k === null ? 1 : -1;
    return sign * compareKeys(x.k, y.k) || x.i - y.i;
  });
  return keyed.map((x) => x.row);
}

export function gradeGroup(row) {
  const letter = typeof row.grade === 'string' ? row.grade.charAt(0).toUpperCase() : '';
  return GRADE_GROUPS.includes(letter) && letter !== 'none' ? letter : 'none';
}

export function filterRows(rows, { query = '', state = 'all', grade = 'all' } = {}, textOf = () => []) {
  const q = foldForSearch(query).trim();
  return rows.filter((row) => {
    if (state && state !== 'all' && row.state !== state) return false;
    if (grade && grade !== 'all' && gradeGroup(row) !== grade) return false;
    if (q === '') return true;
    const hay = [row.name, row.site, row.grade, row.fingerprint, row.organization, ...textOf(row)]
      .filter((v) => typeof v === 'string').map(foldForSearch).join('\n');
    return hay.includes(q);
  });
}
