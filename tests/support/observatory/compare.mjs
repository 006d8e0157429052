// Side by side: the engine's report on a synthetic site's HAR against the real Observatory's scan
// of the same site (site-observatory.mjs), test by test, score and grade.
//
// compareSite(report, scan) → {tests: {name: {engine, observatory, agree}}, score: {...}, grade: {...}}
//   The engine side of a test is the `observatory` block of the graded check the report's grade
//   counted for it (report.grade.counted, "test:result:modifier"), checked against the block the
//   report's checks carry. A test the Observatory runs and the engine does not grade
//   ("cross-origin-resource-sharing") must score 0 there, or the scores could not match.
// summarize(rows) → {perTest: {name: {agree, total}}, score, grade, mismatches: Map<class, [site]>}
// formatSummary(summary) → printable text (percentages, then mismatch classes with example sites).

export const ENGINE_UNGRADED_TESTS = new Set(['cross-origin-resource-sharing']);

// test name → {result, modifier} from the report's grade and checks.
export function engineObservatory(report) {
  const out = {};
  for (const entry of report.grade?.counted ?? []) {
    const [test, result, modifier] = entry.split(':');
    out[test] = { result, modifier: Number(modifier) };
  }
  for (const check of report.checks) {
    const o = check.observatory;
    if (!o || !out[o.test] || out[o.test].check) continue;
    if (o.result === out[o.test].result && o.modifier === out[o.test].modifier) out[o.test].check = check;
  }
  return out;
}

export function compareSite(report, scan) {
  const engine = engineObservatory(report);
  const tests = {};
  for (const [name, obs] of Object.entries(scan.tests)) {
    if (ENGINE_UNGRADED_TESTS.has(name)) {
      tests[name] = { engine: '(not graded)', observatory: obs.result, agree: obs.modifier === 0 };
      continue;
    }
    const ours = engine[name];
    const engineResult = ours ? ours.result : '(no result)';
    tests[name] = {
      engine: engineResult,
      observatory: obs.result,
      agree: !!ours && !!ours.check && ours.result === obs.result && ours.modifier === obs.modifier,
      outcome: ours?.check?.outcome,
    };
  }
  for (const name of Object.keys(engine))
    if (!scan.tests[name]) tests[name] = { engine: engine[name].result, observatory: '(no such test)', agree: false };
  return {
    tests,
    score: { engine: report.grade?.score, observatory: scan.score, agree: report.grade?.score === scan.score },
    grade: { engine: report.grade?.grade, observatory: scan.grade, agree: report.grade?.grade === scan.grade },
  };
}

// rows: [{site, comparison}]
export function summarize(rows) {
  const perTest = {};
  const mismatches = new Map();
  const note = (key, site) => {
    if (!mismatches.has(key)) mismatches.set(key, []);
    mismatches.get(key).push(site.name);
  };
  let score = 0, grade = 0;
  for (const { site, comparison } of rows) {
    for (const [name, t] of Object.entries(comparison.tests)) {
      perTest[name] ??= { agree: 0, total: 0 };
      perTest[name].total++;
      if (t.agree) perTest[name].agree++;
      else note(`${name}: engine ${t.engine} / Observatory ${t.observatory}`, site);
    }
    if (comparison.score.agree) score++;
    if (comparison.grade.agree) grade++;
  }
  const tests = Object.values(perTest);
  return {
    sites: rows.length,
    perTest,
    tests: { agree: tests.reduce((a, t) => a + t.agree, 0), total: tests.reduce((a, t) => a + t.total, 0) },
    score: { agree: score, total: rows.length },
    grade: { agree: grade, total: rows.length },
    mismatches,
  };
}

const pct = ({ agree, total }) => `${((100 * agree) / Math.max(total, 1)).toFixed(1)}% (${agree}/${total})`;

export function formatSummary(s, { examples = 3 } = {}) {
  const lines = [`Observatory side by side: ${s.sites} sites`];
  for (const [name, t] of Object.entries(s.perTest).sort()) lines.push(`  ${name.padEnd(32)} ${pct(t)}`);
  lines.push(`  ${'all tests'.padEnd(32)} ${pct(s.tests)}`);
  lines.push(`  ${'score'.padEnd(32)} ${pct(s.score)}`);
  lines.push(`  ${'grade'.padEnd(32)} ${pct(s.grade)}`);
  if (s.mismatches.size) lines.push('Mismatch classes:');
  for (const [key, sites] of [...s.mismatches].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  [${sites.length}] ${key}`);
    for (const name of sites.slice(0, examples)) lines.push(`        e.g. ${name}`);
  }
  return lines.join('\n');
}
