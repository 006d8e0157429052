// Side by side with the real Mozilla HTTP Observatory (npm @mdn/mdn-http-observatory, its analyser
// tests and grader run without the network, tests/support/observatory/): a few hundred generated
// sites, each written as a HAR and audited by the wasm engine, and handed to the Observatory as
// the same responses. Every graded check's `observatory` block must equal the Observatory's result
// for its test, and the report's header score and grade must equal the Observatory's.
//
// The figures and the mismatch classes print with:
//   node tests/support/observatory/side-by-side.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSideBySide, loadWasmEngine } from '../support/observatory/side-by-side.mjs';
import { generateSites, DIMENSION_NAMES } from '../support/observatory/sites.mjs';
import { siteHar } from '../support/observatory/site-har.mjs';
import { observatoryScan } from '../support/observatory/site-observatory.mjs';
import { compareSite, formatSummary } from '../support/observatory/compare.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = process.env.PC_WASM_DIR || path.join(root, 'build/wasm');
const skip = fs.existsSync(path.join(wasmDir, 'portal_check.mjs')) ? false : 'no wasm engine (run scripts/build)';

test('the site generator is deterministic and covers every variant alone', () => {
  const a = generateSites();
  const b = generateSites();
  assert.ok(a.length >= 300, `${a.length} sites`);
  assert.deepEqual(a.map((s) => JSON.stringify(siteHar(s))), b.map((s) => JSON.stringify(siteHar(s))));
  const alone = new Set(a.filter((s) => s.variants.length === 1).map((s) => s.variants[0].split(':')[0]));
  assert.deepEqual([...alone].sort(), [...DIMENSION_NAMES].sort());
  assert.notDeepEqual(generateSites({ seed: 7 }).map((s) => s.name), a.map((s) => s.name));
});

test('the comparison flags a differing result, score or grade', () => {
  const site = generateSites({ combinations: 0 })[0];
  const scan = observatoryScan(site);
  const counted = Object.entries(scan.tests)
    .filter(([name]) => name !== 'cross-origin-resource-sharing')
    .map(([name, t]) => `${name}:${t.result}:${t.modifier}`);
  const checks = counted.map((c) => {
    const [test, result, modifier] = c.split(':');
    return { id: test, outcome: 'x', observatory: { test, result, modifier: Number(modifier) } };
  });
  const report = { grade: { score: scan.score, grade: scan.grade, counted }, checks };
  const same = compareSite(report, scan);
  assert.ok(Object.values(same.tests).every((t) => t.agree) && same.score.agree && same.grade.agree);
  const csp = checks.find((c) => c.id === 'content-security-policy');
  const changed = structuredClone(report);
  changed.grade.counted = counted.map((c) => (c.startsWith('content-security-policy:') ? 'content-security-policy:csp-not-implemented:-25' : c));
  changed.checks.find((c) => c.id === csp.id).observatory = { test: csp.id, result: 'csp-not-implemented', modifier: -25 };
  changed.grade.score -= 1;
  changed.grade.grade = 'F';
  const diff = compareSite(changed, scan);
  assert.equal(diff.tests['content-security-policy'].agree, false);
  assert.equal(diff.score.agree, false);
  assert.equal(diff.grade.agree, false);
});

test('the engine agrees with the Observatory on every generated site (observatory blocks, score, grade)', { skip }, async (t) => {
  const engine = await loadWasmEngine(wasmDir);
  const { rows, summary } = await runSideBySide({ engine });
  for (const line of formatSummary(summary, { examples: 3 }).split('\n')) t.diagnostic(line);
  assert.ok(summary.sites >= 300);
  const lines = [...summary.mismatches].map(([k, sites]) => `${k}: ${sites.length} site(s), e.g. ${sites[0]}`);
  for (const [name, r] of Object.entries(summary.perTest)) assert.equal(r.agree, r.total, `${name}\n${lines.join('\n')}`);
  assert.equal(summary.score.agree, summary.sites, lines.join('\n'));
  assert.equal(summary.grade.agree, summary.sites, lines.join('\n'));

  // Where the engine's own outcome is not the Observatory's (browsers read the response
  // differently), the result's details say so.
  const rules = {};
  const mapped = (id, outcome) => {
    rules[id] ??= JSON.parse(fs.readFileSync(path.join(root, 'rules', `${id}.json`), 'utf8'));
    return rules[id].outcomes?.[outcome]?.observatory;
  };
  let divergent = 0;
  for (const { site, report } of rows) {
    for (const c of report.checks) {
      if (!c.observatory) continue;
      const own = mapped(c.id, c.outcome);
      if (own === undefined || own === c.observatory.result) continue;
      divergent++;
      const said = ['observatory_divergence', 'divergence', 'reason'].some((k) => c.details?.[k] !== undefined);
      assert.ok(said, `${site.name}: ${c.id} ${c.outcome} vs Observatory ${c.observatory.result} without a note in details`);
    }
  }
  assert.ok(divergent > 0, 'the generated sites include responses browsers and the Observatory read differently');
});
