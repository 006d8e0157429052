// What to fix first (web/host/fix-priorities.mjs) and the grouped CLI text report built on it:
// on the real demo report of the golden bundle and on hand-made reports (no failure, not-captured
// only, ties, more than MAX_FIXES, a floored score, bonuses, criteria); and, in the text report,
// the cap of pages per check and hostile page strings rendered as plain text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failingGroups, fixFirst, rankedFixes, reasonText, MAX_FIXES, SEVERITY_ORDER } from '../../web/host/fix-priorities.mjs';
import { renderText, MAX_PAGES_PER_CHECK } from '../../web/cli/text-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'golden', 'demo-unsigned.json'), 'utf8'));
const demo = JSON.parse(bundle.report);
const demoRuleset = { data: { observatory: JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'data', 'observatory.json'), 'utf8')) } };
const rank = (s) => SEVERITY_ORDER.indexOf(s);
const failing = (r) => r.pass === false && !['not-captured', 'not-applicable', 'error'].includes(r.outcome);
const counted = demo.grade.counted.map((e) => ({ test: e.split(':')[0], result: e.split(':').slice(1, -1).join(':'), modifier: Number(e.split(':').at(-1)) }));

test('demo report: one group per failing check, every failing result in it, most severe first', () => {
  const groups = failingGroups(demo, demoRuleset);
  const ids = [...new Set(demo.checks.filter(failing).map((r) => r.id))];
  assert.deepEqual(groups.map((g) => g.id).sort(), ids.sort());
  assert.equal(groups.reduce((n, g) => n + g.results.length, 0), demo.checks.filter(failing).length);
  for (let i = 1; i < groups.length; i++) {
    const [a, b] = [groups[i - 1], groups[i]];
    assert.ok(rank(a.severity) < rank(b.severity) || (a.severity === b.severity && a.results.length >= b.results.length), `${a.id} before ${b.id}`);
  }
  const clickjacking = groups.find((g) => g.id === 'header.clickjacking');
  const pages = demo.checks.filter((r) => r.id === 'header.clickjacking' && failing(r)).map((r) => r.page);
  assert.deepEqual(clickjacking.pages, pages);
  assert.ok(pages.length > 1, 'the demo fails X-Frame-Options on several pages');
  for (const g of groups) assert.ok(g.results.every(failing), g.id);
});

test('demo report: fixes ranked by the grade points their counted modifiers cost, then criteria, then severity', () => {
  const all = rankedFixes(demo, demoRuleset);
  const top = fixFirst(demo, demoRuleset);
  assert.equal(top.length, MAX_FIXES);
  assert.deepEqual(top, all.slice(0, MAX_FIXES));
  for (let i = 1; i < all.length; i++) {
    const [a, b] = [all[i - 1], all[i]];
    assert.ok(a.points > b.points || (a.points === b.points && (a.criteria.length > b.criteria.length
      || (a.criteria.length === b.criteria.length && rank(a.severity) <= rank(b.severity)))), `${a.id} before ${b.id}`);
  }
  const byId = Object.fromEntries(all.map((f) => [f.id, f]));
  // The session cookie's modifier (test "cookies") is cookie.flags' cost.
  assert.equal(byId['cookie.flags'].points, -counted.find((c) => c.test === 'cookies').modifier);
  // The Observatory's *-invalid-cert results are the certificate's: fixing HSTS would not remove them.
  const certCost = -counted.filter((c) => c.result.endsWith('-invalid-cert')).reduce((a, c) => a + c.modifier, 0);
  assert.ok(certCost > 0);
  assert.equal(byId['transport.certificate'].points, certCost);
  assert.equal(byId['transport.hsts'].points, 0);
  // Score 0 is floored: a fix alone raises the score by at most its cost, and says so.
  assert.equal(demo.grade.score, 0);
  for (const f of all.filter((x) => x.points > 0)) {
    assert.ok(f.scoreGain >= 0 && f.scoreGain <= f.points, f.id);
    assert.match(reasonText(f.reasons[0], 'en'), new RegExp(`^\\+${f.points} points .*fixing only this: \\+${f.scoreGain}, as the score is floored at 0`));
  }
  // Criteria failing only because of one check are that check's; others are nobody's.
  for (const c of demo.profiles['tnm-website-basic'].criteria.filter((x) => x.status === 'not-met')) {
    const checks = [...new Set(c.findings.filter((f) => f.effect === 'fails').map((f) => f.check))];
    for (const f of all) {
      const listed = f.criteria.some((x) => x.id === c.id);
      assert.equal(listed, checks.length === 1 && checks[0] === f.id, `${c.id} / ${f.id}`);
    }
  }
  assert.ok(byId['page.spam-injection'].criteria.length >= 1);
  // A check that costs nothing and clears nothing is there for its severity only.
  const nothing = all.find((f) => f.points === 0 && f.criteria.length === 0);
  assert.deepEqual(nothing.reasons, [{ kind: 'severity', severity: nothing.severity }]);
  assert.match(reasonText(nothing.reasons[0], 'vi'), /không làm tăng điểm hay đóng tiêu chí nào/);
});

// ---- hand-made reports ----

const result = (id, outcome, pass, severity, page = null, observatory = undefined) => ({ id, outcome, pass, severity, page, details: {}, ...(observatory ? { observatory } : {}) });
const report = (checks, grade = { grade: null, score: null }, profiles = undefined) => ({ engine: { name: 'portal-check', version: 't' }, ruleset: { version: 't' }, target: 'https://x/', grade, checks, ...(profiles ? { profiles } : {}) });

test('no failing result: no group and no fix, never a passing one', () => {
  const r = report([result('a.ok', 'ok', true, 'info'), result('a.na', 'not-applicable', true, 'info')], { grade: 'A+', score: 100, page: 'https://x/', counted: ['t:ok:0'] });
  assert.deepEqual(failingGroups(r), []);
  assert.deepEqual(fixFirst(r), []);
  const text = renderText(r, {}, { lang: 'en' });
  assert.doesNotMatch(text, /Fix these first/);
  assert.match(text, /No failing results\./);
  assert.doesNotMatch(renderText(r, {}, { lang: 'vi' }), /Việc cần làm trước/);
});

test('not-captured and error results only: nothing is listed as a fix', () => {
  const r = report([result('a.b', 'not-captured', false, 'info'), result('a.c', 'error', false, 'info', 'https://x/')]);
  assert.deepEqual(failingGroups(r), []);
  assert.deepEqual(fixFirst(r), []);
  assert.doesNotMatch(renderText(r, {}, { lang: 'en' }), /Fix these first/);
  assert.deepEqual(fixFirst({}), []);
  assert.deepEqual(fixFirst(null), []);
});

test('ties: points, then criteria cleared, then severity, then results, then id', () => {
  const obs = (test, res, modifier) => ({ test, result: res, modifier });
  const r = report([
    result('z.points', 'bad', false, 'low', 'https://x/', obs('t1', 'r1', -10)),
    result('y.points', 'bad', false, 'high', 'https://x/', obs('t2', 'r2', -10)),
    result('x.criterion', 'bad', false, 'info'),
    result('w.high', 'bad', false, 'high'),
    result('v.high2', 'bad', false, 'high', 'https://x/'), result('v.high2', 'bad', false, 'high', 'https://x/b'),
    result('u.low', 'bad', false, 'low'),
    result('b.same', 'bad', false, 'medium'), result('a.same', 'bad', false, 'medium'),
  ], { grade: 'C', score: 80, page: 'https://x/', counted: ['t1:r1:-10', 't2:r2:-10'] }, {
    p: { criteria: [
      { id: 'c1', status: 'not-met', findings: [{ check: 'x.criterion', outcome: 'bad', page: null, effect: 'fails' }], declarations: [] },
      { id: 'c2', status: 'not-met', findings: [{ check: 'w.high', effect: 'fails' }, { check: 'u.low', effect: 'fails' }], declarations: [] },
      { id: 'c3', status: 'not-met', findings: [{ check: 'u.low', effect: 'fails' }], declarations: [{ id: 'd', value: false }] },
      { id: 'c4', status: 'not-met', min_grade: 'B', findings: [{ check: 'u.low', effect: 'fails' }], declarations: [] },
    ] },
  });
  const all = rankedFixes(r);
  assert.deepEqual(all.map((f) => f.id), ['y.points', 'z.points', 'x.criterion', 'v.high2', 'w.high', 'a.same', 'b.same', 'u.low']);
  assert.deepEqual(all[0].reasons, [{ kind: 'points', points: 10, scoreGain: 10 }]);
  assert.deepEqual(all[2].criteria, [{ profile: 'p', id: 'c1' }], 'a criterion failing for two checks, a false declaration or a grade clears nothing');
  assert.equal(reasonText(all[2].reasons[0], 'en'), 'clears the failure of criterion c1 (p)');
  assert.equal(reasonText(all[2].reasons[0], 'vi'), 'gỡ lỗi không đạt của tiêu chí c1 (p)');
  assert.equal(reasonText(all[0].reasons[0], 'vi'), '+10 điểm tiêu đề bảo mật');
  assert.deepEqual(fixFirst(r).map((f) => f.id), all.slice(0, MAX_FIXES).map((f) => f.id), 'more than MAX_FIXES: the first five');
  assert.equal(all.length, 8);
});

test('score arithmetic: a floored score, bonuses above the minimum, no grade', () => {
  const obs = (modifier) => ({ test: 't', result: `r${modifier}`, modifier });
  const floored = report([result('a.a', 'bad', false, 'high', 'https://x/', obs(-60)), result('a.b', 'bad', false, 'high', 'https://x/', obs(-50))],
    { grade: 'F', score: 0, page: 'https://x/', counted: ['t:r-60:-60', 't:r-50:-50'] });
  assert.deepEqual(rankedFixes(floored).map((f) => [f.id, f.points, f.scoreGain]), [['a.a', 60, 50], ['a.b', 50, 40]]);
  const bonus = report([result('a.a', 'bad', false, 'low', 'https://x/', obs(-15))],
    { grade: 'B+', score: 85, page: 'https://x/', counted: ['t:r-15:-15', 'u:bonus:5'] });
  const ruleset = { data: { observatory: { minimum_score_for_extra_credit: 90 } } };
  assert.equal(rankedFixes(bonus, ruleset)[0].scoreGain, 20, '85 → 100 + 5 once at the minimum');
  assert.equal(rankedFixes(bonus)[0].scoreGain, null, 'bonuses without the minimum: unknown');
  assert.equal(rankedFixes(bonus)[0].points, 15);
  const ungraded = report([result('a.a', 'bad', false, 'low', 'https://x/', obs(-15))]);
  assert.deepEqual(rankedFixes(ungraded)[0].reasons, [{ kind: 'severity', severity: 'low' }]);
  const zero = report([result('a.a', 'bad', false, 'low', 'https://x/', obs(0))], { grade: 'A+', score: 100, page: 'https://x/', counted: ['t:r0:0'] });
  assert.deepEqual(rankedFixes(zero)[0].reasons, [{ kind: 'severity', severity: 'low' }], 'a 0 modifier raises nothing');
  assert.equal(reasonText({ kind: 'points', points: 5, scoreGain: 5 }, 'en'), '+5 points of the security header score');
});

// ---- the text report ----

test('text report: one block per check, pages capped at MAX_PAGES_PER_CHECK, site strings as plain text', () => {
  const pages = (n) => Array.from({ length: n }, (_, i) => `https://x/${i}\u001b[2J\n\u202eFAKE`);
  const atCap = report(pages(MAX_PAGES_PER_CHECK).map((p) => result('a.b', 'bad', false, 'medium', p)));
  const past = report(pages(MAX_PAGES_PER_CHECK + 3).map((p) => result('a.b', 'bad', false, 'medium', p)));
  const ruleset = { rules: { 'a.b': { title: { vi: 'Tiêu đề\nA', en: 'Title A' }, outcomes: { bad: { message: { vi: 'Tệ', en: 'Bad' } } } } } };
  const en = renderText(atCap, ruleset, { lang: 'en' });
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/.test(en), 'no control characters except newlines');
  assert.equal(en.match(/^ {2}MEDIUM +a\.b — Title A \(10 pages\)$/mg).length, 1, 'one heading for the check');
  assert.equal(en.match(/^ {15}https:\/\/x\/\d+\\e\[2J\\n\\u\{202e\}FAKE$/mg).length, MAX_PAGES_PER_CHECK);
  assert.doesNotMatch(en, /more page/);
  assert.match(en, /^ {13}bad {2}— Bad$/m);
  const more = renderText(past, ruleset, { lang: 'en' });
  assert.equal(more.match(/^ {15}https:\/\/x\//mg).length, MAX_PAGES_PER_CHECK);
  assert.match(more, /^ {13}… and 3 more pages$/m);
  const vi = renderText(past, ruleset, { lang: 'vi' });
  assert.match(vi, /^ {13}… và 3 trang khác$/m);
  assert.match(vi, /a\.b — Tiêu đề\\nA \(13 trang\)/);
  assert.match(vi, /^Việc cần làm trước:\n {2}1\. a\.b — Tiêu đề\\nA \(mức TRUNG BÌNH, 13 trang\)\n {5}mức độ trung bình; không làm tăng điểm hay đóng tiêu chí nào$/m);
  assert.match(more, /^Fix these first:\n {2}1\. a\.b — Title A \(MEDIUM severity, 13 pages\)\n {5}medium severity; raises no score and clears no criterion$/m);
});

test('text report: vulnerable libraries named once per check with version and every advisory id', () => {
  const details = { libraries: [{ library: 'jquery', title: 'jQuery\u001b[31m', version: '1.12.4', detection: 'URL', url: 'https://cdn/x.js',
    advisories: [{ id: 'CVE-2020-11022', ids: ['CVE-2020-11022', 'GHSA-gxr4-xjj5-5px2'], fixed: '3.5.0' }] }], advisory_data: { date: '2026-08-22', source: 's' } };
  const r = report(['https://x/', 'https://x/b'].map((p) => ({ ...result('page.vulnerable-library', 'vulnerable', false, 'high', p), details })));
  const en = renderText(r, {}, { lang: 'en' });
  assert.equal(en.match(/jQuery\\e\[31m 1\.12\.4: CVE-2020-11022 \/ GHSA-gxr4-xjj5-5px2 \(fixed in 3\.5\.0\) \(on 2 pages\)/g).length, 1);
  assert.match(en, /Advisory data of 2026-08-22 \(s\)\./);
  assert.match(renderText(r, {}, { lang: 'vi' }), /CVE-2020-11022 \/ GHSA-gxr4-xjj5-5px2 \(bản sửa 3\.5\.0\) \(trên 2 trang\)/);
});

test('text report: --limit counts failing checks', () => {
  const r = report([result('a.a', 'bad', false, 'high', 'https://x/1'), result('a.a', 'bad', false, 'high', 'https://x/2'), result('a.b', 'bad', false, 'low')]);
  const en = renderText(r, {}, { lang: 'en', limit: 1 });
  assert.match(en, /a\.a \(2 pages\)/);
  assert.match(en, /… and 1 more failing checks/);
  assert.doesNotMatch(en.slice(en.indexOf('Failing results')), / a\.b /);
});
