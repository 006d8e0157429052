// The findings as the report view lists them: one group per check rather than one card per
// result. Pure (no DOM): tests/js/check-groups.test.mjs runs it in Node.
//
// groupFindings(report, ruleset, keep = () => true) → {failing, other, failingResults}
//   failing: fix-priorities.mjs failingGroups (one per check with a failing result, most severe
//     first), each narrowed to the results keep(result) accepts, groups left empty dropped, as
//     {id, title, severity, results, pages} (pages: distinct pages of the kept results in report
//     order, null = the site as a whole; severity: the most severe kept result's);
//   other: one group per check among the kept results that do not fail (passing, not applicable,
//     not captured, error), as {id, state, results, counts: {pass, 'not-applicable',
//     'not-captured', error}}, where state is the group's most telling state (not-captured, then
//     error, then pass, then not-applicable): checks that could not see evidence come first;
//   failingResults: the number of kept failing results.
// keep is called once per result and may look at anything in it (filters, search).
import { failingGroups, SEVERITY_ORDER } from '../../host/fix-priorities.mjs';
import { checksOf, stateOf } from './model.mjs';

const OTHER_STATE_ORDER = ['not-captured', 'error', 'pass', 'not-applicable'];

// failingGroups once per results list: a 1,000-page report has tens of thousands of results.
const failingCache = new WeakMap();
function allFailingGroups(report, ruleset) {
  const checks = checksOf(report);
  let entry = failingCache.get(checks);
  if (!entry || entry.ruleset !== ruleset) {
    entry = { ruleset, groups: failingGroups({ checks }, ruleset) };
    failingCache.set(checks, entry);
  }
  return entry.groups;
}

const rank = (s) => { const i = SEVERITY_ORDER.indexOf(s); return i < 0 ? SEVERITY_ORDER.length : i; };

export function groupFindings(report, ruleset, keep = () => true) {
  const failing = [];
  let failingResults = 0;
  for (const g of allFailingGroups(report, ruleset)) {
    const results = g.results.filter(keep);
    if (!results.length) continue;
    const pages = [];
    const seen = new Set();
    let severity = results[0].severity;
    for (const r of results) {
      const page = typeof r.page === 'string' ? r.page : null;
      if (!seen.has(page)) { seen.add(page); pages.push(page); }
      if (rank(r.severity) < rank(severity)) severity = r.severity;
    }
    failingResults += results.length;
    failing.push({ id: g.id, title: g.title, severity, results, pages });
  }
  const byId = new Map();
  for (const r of checksOf(report)) {
    const state = stateOf(r);
    if (state === 'fail' || !keep(r)) continue;
    const id = typeof r.id === 'string' ? r.id : String(r.id ?? '');
    let g = byId.get(id);
    if (!g) { g = { id, state, results: [], counts: { pass: 0, 'not-applicable': 0, 'not-captured': 0, error: 0 } }; byId.set(id, g); }
    g.results.push(r);
    g.counts[state] += 1;
    if (OTHER_STATE_ORDER.indexOf(state) < OTHER_STATE_ORDER.indexOf(g.state)) g.state = state;
  }
  const other = [...byId.values()].sort((a, b) => OTHER_STATE_ORDER.indexOf(a.state) - OTHER_STATE_ORDER.indexOf(b.state));
  return { failing, other, failingResults };
}
