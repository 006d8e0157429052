// The report view's pure parts on the real demo report of the golden bundle and on hand-made
// reports: findings grouped per check (check-groups.mjs), the Observatory-style rows
// (observatory-table.mjs), the one meaning of isFailing (model.mjs re-exports fix-priorities')
// beside isNotPassed, and the evidence key labels against the keys the checks write (core/src/checks)
// and the rule cases expect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupFindings } from '../../web/app/report/check-groups.mjs';
import { observatoryRows } from '../../web/app/report/observatory-table.mjs';
import { isFailing, isNotPassed, stateOf, failingCounts } from '../../web/app/report/model.mjs';
import { isFailing as hostIsFailing, failingGroups } from '../../web/host/fix-priorities.mjs';
import { EVIDENCE_KEY_LABELS, evidenceKeyLabel } from '../../web/app/report/evidence-labels.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'golden', 'demo-unsigned.json'), 'utf8'));
const demo = JSON.parse(bundle.report);
const rules = {};
for (const f of fs.readdirSync(path.join(ROOT, 'rules'))) {
  if (!f.endsWith('.json') || f.endsWith('.cases.json')) continue;
  const r = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8'));
  if (typeof r.id === 'string') rules[r.id] = r;
}
const ruleset = { rules };

const result = (id, page, outcome, pass, severity = 'medium', extra = {}) => ({ id, page, outcome, pass, severity, details: {}, ...extra });

test('isFailing has one meaning in the app and the CLI; isNotPassed counts every pass false', () => {
  assert.equal(isFailing, hostIsFailing);
  const notCaptured = result('a', null, 'not-captured', false);
  const failing = result('a', null, 'missing', false);
  assert.equal(isFailing(notCaptured), false);
  assert.equal(isNotPassed(notCaptured), true);
  assert.equal(isFailing(failing), true);
  assert.deepEqual(['missing', 'not-captured', 'error', 'not-applicable', 'ok'].map((o, i) => stateOf(result('a', null, o, i < 4 ? false : true))),
    ['fail', 'not-captured', 'error', 'not-applicable', 'pass']);
  const counts = failingCounts({ checks: [failing, notCaptured, result('b', null, 'x', false, 'high')] });
  assert.deepEqual(counts, { high: 1, medium: 1, low: 0, info: 0 });
});

test('demo report: one failing group per check (failingGroups), the rest grouped by state', () => {
  const { failing, other, failingResults } = groupFindings(demo, ruleset);
  const expected = failingGroups(demo, ruleset);
  assert.deepEqual(failing.map((g) => g.id), expected.map((g) => g.id));
  assert.deepEqual(failing.map((g) => g.pages), expected.map((g) => g.pages));
  assert.equal(failingResults, demo.checks.filter(hostIsFailing).length);
  const clickjacking = failing.find((g) => g.id === 'header.clickjacking');
  assert.ok(clickjacking.pages.length > 1, 'X-Frame-Options fails on several pages: one group');
  const otherResults = other.reduce((n, g) => n + g.results.length, 0);
  assert.equal(otherResults + failingResults, demo.checks.length, 'every result in exactly one group');
  for (const g of other) assert.ok(g.results.every((r) => !hostIsFailing(r) && r.id === g.id), g.id);
  const firstPass = other.findIndex((g) => g.state === 'pass' || g.state === 'not-applicable');
  assert.ok(other.slice(firstPass).every((g) => g.state === 'pass' || g.state === 'not-applicable'), 'not-captured and error groups first');
});

test('groups narrowed by a filter: empty groups dropped, pages and severity of the kept results', () => {
  const report = { checks: [
    result('x', 'https://a/1', 'missing', false, 'high'), result('x', 'https://a/2', 'weak', false, 'low'),
    result('y', 'https://a/1', 'missing', false, 'medium'), result('y', 'https://a/2', 'ok', true, 'info'),
    result('z', null, 'not-captured', false, 'high'),
  ] };
  const all = groupFindings(report, null);
  assert.deepEqual(all.failing.map((g) => [g.id, g.severity, g.pages]), [['x', 'high', ['https://a/1', 'https://a/2']], ['y', 'medium', ['https://a/1']]]);
  assert.deepEqual(all.other.map((g) => [g.id, g.state]), [['z', 'not-captured'], ['y', 'pass']]);
  const page2 = groupFindings(report, null, (r) => r.page === 'https://a/2');
  assert.deepEqual(page2.failing.map((g) => [g.id, g.severity, g.pages]), [['x', 'low', ['https://a/2']]]);
  assert.equal(page2.failingResults, 1);
  assert.deepEqual(page2.other.map((g) => g.id), ['y']);
  assert.deepEqual(groupFindings({ checks: 'nope' }, null), { failing: [], other: [], failingResults: 0 });
});

test('Observatory rows: every graded rule\'s test, the counted result and modifier, the reason carried by a result', () => {
  const rows = observatoryRows(demo, ruleset);
  const graded = Object.values(rules).filter((r) => r.graded === true).map((r) => r.observatory_test);
  assert.ok(graded.length >= 9);
  for (const t of graded) assert.ok(rows.some((r) => r.test === t), t);
  for (const entry of demo.grade.counted) {
    const [t, ...rest] = entry.split(':');
    const modifier = rest.pop();
    const row = rows.find((r) => r.test === t);
    assert.equal(row.result, rest.join(':'));
    assert.equal(row.modifier, modifier);
    assert.ok(row.counted && row.reason, `${t} has the result that carries it`);
    assert.equal(row.reason.observatory.result, row.result);
    if (row.reason.page != null && demo.checks.some((r) => r.page === demo.grade.page && r.observatory?.result === row.result)) {
      assert.equal(row.reason.page, demo.grade.page, `${t}: the graded page's result`);
    }
  }
  // A graded test the grade did not count (its evidence missing).
  const partial = { grade: { grade: 'B', score: 70, counted: ['x-frame-options:x-frame-options-not-implemented:-20'], uncounted: ['cookie.flags'] }, checks: [] };
  const r2 = observatoryRows(partial, ruleset);
  assert.equal(r2[0].test, 'x-frame-options');
  assert.equal(r2[0].reason, null);
  const cookies = r2.find((r) => r.test === 'cookies');
  assert.deepEqual([cookies.counted, cookies.uncounted], [false, true]);
  assert.deepEqual(observatoryRows({}, null), []);
});

test('every evidence key the checks write has a Vietnamese and an English label; unknown keys show as they are', () => {
  const keys = new Set();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      if (!e.name.endsWith('.cc')) continue;
      const text = fs.readFileSync(p, 'utf8');
      // obj["key"], and details[cond ? "a" : "b"] (picojson objects)
      for (const m of text.matchAll(/\[\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\]/g)) keys.add(m[1]);
      for (const m of text.matchAll(/details\[([^\]\n]*)\]/g)) for (const q of m[1].matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)) keys.add(q[1]);
      // the details builders (checks/details.h): d.Str("key", …), d.Set(cond ? "a" : "b", …)
      for (const m of text.matchAll(/\.(?:Str|Int|Bool|Set)\(([^,()\n]*),/g)) for (const q of m[1].matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)) keys.add(q[1]);
    }
  };
  walk(path.join(ROOT, 'core', 'src', 'checks'));
  assert.ok(keys.size > 150, `${keys.size} keys found`);
  // and every key of the demo report's evidence
  const visit = (v) => { if (Array.isArray(v)) v.forEach(visit); else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); visit(x); } };
  for (const r of demo.checks) visit(r.details);
  // and every key under "details" in the rule cases
  const visitCase = (v, inDetails) => {
    if (Array.isArray(v)) v.forEach((x) => visitCase(x, inDetails));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (inDetails) keys.add(k); visitCase(x, inDetails || k === 'details'); }
  };
  for (const f of fs.readdirSync(path.join(ROOT, 'rules'))) if (f.endsWith('.cases.json')) visitCase(JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', f), 'utf8')), false);
  const missing = [...keys].filter((k) => !Object.hasOwn(EVIDENCE_KEY_LABELS, k));
  assert.deepEqual(missing, []);
  for (const [k, [vi, en]] of Object.entries(EVIDENCE_KEY_LABELS)) assert.ok(vi && en, k);
  assert.equal(evidenceKeyLabel('antiCsrf', 'vi'), 'Cookie chống CSRF');
  assert.equal(evidenceKeyLabel('antiCsrf', 'en'), 'Anti-CSRF cookie');
  assert.equal(evidenceKeyLabel('X-Custom-Header', 'vi'), 'X-Custom-Header');
  assert.equal(evidenceKeyLabel('__proto__', 'vi'), '__proto__');
  assert.equal(evidenceKeyLabel('constructor', 'en'), 'constructor');
});
