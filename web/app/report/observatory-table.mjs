// The Observatory-style table under the grade: every graded test (rules with "graded": true and
// an observatory_test) with the result counted for it, its score modifier and the reason (the
// rule's message for that result), then counted entries no rule names; and the graded page's raw
// response headers when the caller has them. All report strings are shown as text.
//
// observatoryRows(report, ruleset) → [{test, check, result, modifier, counted, uncounted, reason:
//   result | null}] in the grade's counted order, then graded tests without a counted entry.
//   Pure.
// renderObservatoryTable(ctx) → a collapsed <details class="pc-obs-table"> or null without a
//   grade. ctx.gradedHeaders: [[name, value]] or [{name, value}] of the graded page's response,
//   or null (the report does not carry them: the table then says so).
import { el, siteText, truncatedText } from './dom.mjs';
import { isObject, str, checksOf, titleOf, messageOf, ruleOf } from './model.mjs';

function parseCounted(entry) {
  const first = entry.indexOf(':');
  const last = entry.lastIndexOf(':');
  if (first <= 0 || last <= first) return { test: entry, result: '', modifier: '' };
  return { test: entry.slice(0, first), result: entry.slice(first + 1, last), modifier: entry.slice(last + 1) };
}

function gradedRules(ruleset) {
  const rules = isObject(ruleset?.rules) ? ruleset.rules : {};
  return Object.keys(rules).filter((id) => isObject(rules[id]) && rules[id].graded === true && typeof rules[id].observatory_test === 'string')
    .map((id) => ({ id, test: rules[id].observatory_test }));
}

export function observatoryRows(report, ruleset) {
  const g = isObject(report?.grade) ? report.grade : {};
  const counted = Array.isArray(g.counted) ? g.counted.filter((x) => typeof x === 'string').map(parseCounted) : [];
  const uncounted = new Set(Array.isArray(g.uncounted) ? g.uncounted.filter((x) => typeof x === 'string') : []);
  const graded = gradedRules(ruleset);
  const page = typeof g.page === 'string' ? g.page : null;
  // The result carrying a counted Observatory result: on the graded page, else site-level, else any.
  const carrier = (test, result) => {
    let best = null;
    for (const r of checksOf(report)) {
      const o = r.observatory;
      if (!isObject(o) || o.test !== test || o.result !== result) continue;
      if (r.page === page) return r;
      if (!best || (best.page != null && r.page == null)) best = r;
    }
    return best;
  };
  const rows = counted.map((c) => {
    const rule = graded.find((x) => x.test === c.test);
    return { test: c.test, check: rule?.id ?? null, result: c.result, modifier: c.modifier, counted: true, uncounted: false, reason: carrier(c.test, c.result) };
  });
  for (const rule of graded) {
    if (rows.some((r) => r.test === rule.test)) continue;
    rows.push({ test: rule.test, check: rule.id, result: '', modifier: '', counted: false, uncounted: uncounted.has(rule.id), reason: null });
  }
  return rows;
}

function headerPairs(headers) {
  if (!Array.isArray(headers)) return null;
  return headers.map((h) => (Array.isArray(h) ? [str(h[0]), str(h[1])] : isObject(h) ? [str(h.name), str(h.value)] : null)).filter(Boolean);
}

export function renderObservatoryTable(ctx) {
  const { report, ruleset, lang, t } = ctx;
  const g = isObject(report?.grade) ? report.grade : null;
  if (!g || typeof g.grade !== 'string' || ctx.bundle?.state === 'failed') return null;
  const rows = observatoryRows(report, ruleset);
  const body = rows.map((r) => {
    const reason = r.reason ? messageOf(ruleset, r.reason, lang) : '';
    const rule = r.check ? ruleOf(ruleset, r.check) : null;
    return el('tr', { 'data-key': r.test },
      el('th', { scope: 'row' }, siteText(r.test)),
      el('td', null, r.check ? el('span', { title: r.check }, titleOf(ruleset, r.check, lang)) : t.empty),
      el('td', null, r.counted ? siteText(r.result, { code: true }) : el('span', { class: 'pc-muted' }, r.uncounted ? t.obsUncounted : t.obsNoResult)),
      el('td', { class: 'pc-num' }, r.counted ? siteText(r.modifier) : '—'),
      el('td', null, reason ? siteText(reason) : (rule && r.uncounted ? t.obsUncounted : '')));
  });
  const table = el('div', { class: 'pc-table-wrap' }, el('table', { class: 'pc-table pc-obs-rows' },
    el('caption', null, t.obsTableHeading),
    el('thead', null, el('tr', null, [t.obsTest, t.obsCheck, t.obsResult, t.obsModifier, t.obsReason].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', null, body)));
  const pairs = headerPairs(ctx.gradedHeaders);
  const headers = pairs
    ? el('div', { class: 'pc-table-wrap' }, el('table', { class: 'pc-table pc-raw-headers' },
      el('caption', null, t.rawHeadersHeading, g.page ? [': ', truncatedText(str(g.page), 200, t)] : null),
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, t.headerName), el('th', { scope: 'col' }, t.headerValue))),
      el('tbody', null, pairs.map(([n, v]) => el('tr', null, el('th', { scope: 'row' }, siteText(n, { code: true })), el('td', null, truncatedText(v, 400, t, { code: true })))))))
    : el('p', { class: 'pc-muted pc-raw-headers-missing' }, t.rawHeadersMissing);
  return el('details', { class: 'pc-obs-table', id: 'report-observatory' }, el('summary', null, t.obsTableSummary(rows.length)), table, headers);
}
