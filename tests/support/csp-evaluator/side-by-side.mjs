// Runs Google's CSP Evaluator side by side with the wasm engine's header.csp sub-findings and
// prints recall and precision:
//
//   node tests/support/csp-evaluator/side-by-side.mjs [--examples N]
//
// (PC_WASM_DIR selects the engine build.) tests/js/csp-evaluator-side-by-side.test.mjs asserts on
// the same run.
import { pathToFileURL } from 'node:url';
import { auditHar } from '../../../web/host/engine.mjs';
import { loadWasmEngine } from '../observatory/side-by-side.mjs';
import { generatedPolicies, realPolicies, evaluatorTestPolicies } from './policies.mjs';
import { evaluatorKeys, engineKeys, score, formatScore } from './compare.mjs';
import { explainDifference } from './differences.mjs';

const ORIGIN = 'https://csp.example.gov.vn';

// All policies in one HAR: page /p/<i> sends policy i as its only Content-Security-Policy.
function policiesHar(policies) {
  const entries = policies.map(({ policy }, i) => ({
    startedDateTime: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
    time: 1,
    request: { method: 'GET', url: `${ORIGIN}/p/${i}`, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
    response: {
      status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [],
      headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Content-Security-Policy', value: policy }],
      content: { size: 40, mimeType: 'text/html; charset=utf-8', text: '<!doctype html><html><body>x</body></html>' },
      redirectURL: '', headersSize: -1, bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
    _resourceType: 'document',
  }));
  return { log: { version: '1.2', creator: { name: 'portal-check-csp-evaluator-side-by-side', version: '1' }, entries } };
}

// → {sets: {name: [{source, policy}] | null}, rows, result}
export async function runCspSideBySide({ engine } = {}) {
  engine ??= await loadWasmEngine();
  const sets = { generated: generatedPolicies(), 'real-har': realPolicies(), 'csp_evaluator tests': evaluatorTestPolicies() };
  const policies = Object.values(sets).filter(Boolean).flat();
  const { report } = await auditHar(engine, JSON.stringify(policiesHar(policies)), { target: `${ORIGIN}/p/0` });
  const findingsByPage = new Map();
  for (const c of report.checks)
    if (c.id === 'header.csp' && c.page) findingsByPage.set(c.page, c.details.findings ?? []);
  const rows = policies.map((p, i) => {
    const findings = findingsByPage.get(`${ORIGIN}/p/${i}`);
    if (!findings) throw new Error(`no header.csp result for policy ${i}: ${p.policy}`);
    return { ...p, ours: engineKeys(findings), theirs: evaluatorKeys(p.policy) };
  });
  const result = score(rows);
  result.bySource = Object.fromEntries(
    Object.entries(sets).filter(([, v]) => v).map(([name]) => [name, score(rows.filter((r) => r.source === name))]));
  return { sets, rows, result };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--examples');
  const { sets, result } = await runCspSideBySide();
  if (!sets['real-har']) console.log('real-world set skipped: ../shared/data/real-har is absent');
  for (const [name, s] of Object.entries(result.bySource))
    console.log(`  ${name.padEnd(20)} ${s.policies} policies, recall ${(100 * s.recall).toFixed(1)}%, precision ${(100 * s.precision).toFixed(1)}%`);
  console.log(formatScore(result, { examples: i > 0 ? Number(process.argv[i + 1]) : 3, explain: explainDifference }));
}
