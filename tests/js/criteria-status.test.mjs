// The criteria statuses the app shows at once after a checklist answer (web/app/report/
// criteria-status.mjs, from the report audited without declarations) are the statuses the engine
// gives when it audits the same evidence with those declarations: for every profile that needs
// declarations, on the demo portal's capture and on the recorded HARs of real tools, for answer
// sets all yes, all no, none, alternating, and each item "no" alone among "yes". A report the
// module does not understand keeps the engine's status.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmDir, loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar } from '../../web/host/engine.mjs';
import { withDeclarations, statusFromEvidence } from '../../web/app/report/criteria-status.mjs';
import { captureDemoHar } from './bundle-helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAVE_WASM = fs.existsSync(path.join(wasmDir(), 'portal_check.mjs'));
const SKIP = HAVE_WASM ? false : `no wasm build in ${wasmDir()} (run scripts/build)`;
let engine;
let hars;

before(async () => {
  if (SKIP) return;
  engine = await loadNodeEngine();
  const recorded = path.join(ROOT, 'tests/fixtures/recorded');
  hars = [['demo portal', await captureDemoHar()],
    ...fs.readdirSync(recorded).filter((f) => f.endsWith('.har')).map((f) => [f, fs.readFileSync(path.join(recorded, f), 'utf8')])];
});

function declarationIds(report) {
  const ids = new Set();
  for (const p of Object.values(report.profiles)) for (const c of p.criteria) for (const d of c.declarations) ids.add(d.id);
  return [...ids].sort();
}

function answerSets(ids) {
  const sets = [
    ['all yes', Object.fromEntries(ids.map((id) => [id, true]))],
    ['all no', Object.fromEntries(ids.map((id) => [id, false]))],
    ['none', {}],
    ['alternating', Object.fromEntries(ids.filter((_, i) => i % 3 !== 2).map((id, i) => [id, i % 2 === 0]))],
  ];
  for (const lone of ids) sets.push([`${lone} no`, Object.fromEntries(ids.map((id) => [id, id !== lone]))]);
  return sets;
}

const asLabel = (values) => ({ organization: {}, declarations: Object.fromEntries(Object.entries(values).map(([id, v]) => [id, { answer: v ? 'yes' : 'no', note: '' }])) });
const asFile = (values) => ({ version: 1, declarations: Object.fromEntries(Object.entries(values).map(([id, v]) => [id, { value: v }])) });

function statuses(report) {
  return Object.fromEntries(Object.entries(report.profiles).map(([id, p]) => [id, {
    criteria: p.criteria.map((c) => `${c.id}=${c.status} [${c.declarations.map((d) => `${d.id}:${d.value}`).join(',')}]`),
    summary: p.summary,
  }]));
}

test('answers give the engine\'s own statuses, without a new audit', { skip: SKIP, timeout: 600000 }, async () => {
  const ruleset = engine.ruleset();
  const profiles = Object.keys(ruleset.profiles).filter((id) => ruleset.profiles[id].criteria.some((c) => c.declarations.length));
  assert.ok(profiles.length >= 3, profiles.join(','));
  let compared = 0;
  const changed = new Set();
  for (const [name, har] of hars) {
    const base = JSON.parse((await auditHar(engine, har, { ruleset, profiles })).reportText);
    const ids = declarationIds(base);
    assert.ok(ids.length > 3, `${name}: declarations needed`);
    for (const [what, values] of answerSets(ids)) {
      const engineReport = JSON.parse((await auditHar(engine, har, { ruleset, profiles, declarations: asFile(values) })).reportText);
      const mine = withDeclarations(base, asLabel(values));
      assert.deepEqual(statuses(mine), statuses(engineReport), `${name}, ${what}`);
      for (const [pid, p] of Object.entries(mine.profiles)) p.criteria.forEach((c, i) => { if (c.status !== base.profiles[pid].criteria[i].status) changed.add(c.status); });
      compared++;
    }
  }
  assert.ok(compared > 20, `${compared} answer sets compared`);
  // The answers did move statuses both ways (the comparison is not between unchanged reports).
  assert.ok(changed.has('met') && changed.has('not-met'), [...changed].join(','));
});

test('a criterion the rule cannot explain keeps the engine\'s status', () => {
  const report = { profiles: { p: { criteria: [
    // Says met while a finding fails: not a report of this engine; left alone.
    { id: 'x', status: 'met', findings: [{ effect: 'fails' }], declarations: [{ id: 'a.b', value: null }] },
    { id: 'y', status: 'needs-declaration', findings: [{ effect: 'passes' }], declarations: [{ id: 'a.b', value: null }] },
    { id: 'g', status: 'met', min_grade: 'B', findings: [], declarations: [] },
  ] } } };
  const out = withDeclarations(report, asLabel({ 'a.b': false }));
  assert.deepEqual(out.profiles.p.criteria.map((c) => c.status), ['met', 'not-met', 'met']);
  assert.equal(out.profiles.p.summary['not-met'], 1);
  assert.equal(statusFromEvidence({ findings: [{ effect: 'inconclusive' }], declarations: [{ id: 'a.b' }] }, () => true), 'not-assessed');
  assert.equal(statusFromEvidence({ findings: [], declarations: [] }, () => null), 'not-applicable');
  assert.equal(withDeclarations(null, {}), null);
  assert.equal(withDeclarations({ checks: [] }, {}).checks.length, 0);
});
