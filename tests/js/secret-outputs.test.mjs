// No secret survives into any output. Known secrets are seeded into every rule case
// (rules/*.cases.json) and into every HAR of the real corpus (../shared/data/real-har, skipped
// with a message when absent): URL userinfo and a token parameter on every request URL and
// redirect target, every non-empty Cookie / Set-Cookie / HAR cookie value, an Authorization
// header on every request. Then, for each HAR:
//   - none of the seeded secrets appears in the report JSON, the SARIF, the text report (vi and
//     en) or the serialised bundle;
//   - seeding changes no outcome (the multiset of {id, outcome, pass, severity}) against the
//     unseeded HAR;
//   - the bundle's audit (of the redacted evidence) gives the same results, pages included, as
//     the audit of the seeded HAR (the engine's output redaction and the bundle redaction agree);
// and a session id seeded into the URL path (";jsessionid=") changes exactly what it should:
// only cookie.session-in-url results, each to "present", and the id is in no output.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditHar } from '../../web/host/engine.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { renderText } from '../../web/cli/text-report.mjs';
import { createBundle, serializeBundle } from '../../web/host/bundle/index.mjs';
import { ruleCaseHars } from './rule-cases.mjs';
import { SEED, seedUrl, withSessionPath, seedHar } from './seed-secrets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(process.env.PORTAL_CHECK_REAL_HAR_DIR || path.join(ROOT, '..', 'shared', 'data', 'real-har'));
const HAVE_CORPUS = fs.existsSync(CORPUS);
const SKIP = HAVE_CORPUS ? false : `the real HAR corpus is not at ${CORPUS} (it sits beside the clone as ../shared/data/real-har; CI has it)`;
if (SKIP) process.stderr.write(`secret-outputs: real HARs skipped: ${SKIP}\n`);

const CAPTURE = { method: 'har-file', time: '2026-01-01T00:00:00Z', tool: 'secret-outputs test' };

let engine;
before(async () => {
  engine = await loadNodeEngine();
});

const resultKey = (c) => `${c.id}|${c.outcome}|${c.pass}|${c.severity}`;
const multiset = (report, key = resultKey) => report.checks.map(key).sort();

async function audit(har, target) {
  try {
    const r = await auditHar(engine, JSON.stringify(har), { target: target || undefined });
    return { report: r.report, reportText: r.reportText, sarifText: r.sarifText };
  } catch (e) {
    return { error: e.code || e.message };
  }
}

function assertNoSeed(name, outputs, seeds) {
  for (const [where, text] of Object.entries(outputs))
    for (const s of seeds) assert.ok(!text.includes(s), `${name}: seeded secret ${s} in the ${where}`);
}

// Seeds one HAR and proves the properties above. → {results, error?}
async function proveSeeded(name, har, target) {
  const seeded = seedHar(har, seedUrl, true);
  const seededTarget = target ? seedUrl(target) : '';
  const plain = await audit(har, target);
  const withSeeds = await audit(seeded, seededTarget);
  if (plain.error) {
    assert.equal(withSeeds.error, plain.error, `${name}: the unseeded HAR is refused, so must the seeded one be`);
    return { results: 0 };
  }
  assert.ok(!withSeeds.error, `${name}: the seeded HAR was refused (${withSeeds.error})`);
  assert.deepEqual(multiset(withSeeds.report), multiset(plain.report), `${name}: seeding changed an outcome`);
  const rulesetDoc = engine.ruleset();
  const bundle = await createBundle({ engine, harText: JSON.stringify(seeded), options: { target: seededTarget || undefined }, capture: CAPTURE });
  const bundleReport = JSON.parse(bundle.report);
  const withPage = (c) => `${resultKey(c)}|${c.page}`;
  assert.deepEqual(multiset(bundleReport, withPage), multiset(withSeeds.report, withPage), `${name}: the bundle's audit differs from the seeded audit`);
  assertNoSeed(name, {
    report: withSeeds.reportText,
    SARIF: withSeeds.sarifText,
    'text report (vi)': renderText(withSeeds.report, rulesetDoc, { lang: 'vi' }),
    'text report (en)': renderText(withSeeds.report, rulesetDoc, { lang: 'en' }),
    bundle: serializeBundle(bundle),
  }, [SEED.user, SEED.password, SEED.token, SEED.cookie, SEED.bearer]);
  return { results: withSeeds.report.checks.length };
}

// A session id in the path: only cookie.session-in-url may change, and only to "present".
async function proveSessionPath(name, har, target) {
  const seeded = seedHar(har, withSessionPath, false);
  const plain = await audit(har, target);
  const withId = await audit(seeded, target ? withSessionPath(target) : '');
  if (plain.error) return 0;
  assert.ok(!withId.error, `${name}: refused with a session id in the path (${withId.error})`);
  const others = (r) => r.checks.filter((c) => c.id !== 'cookie.session-in-url').map(resultKey).sort();
  assert.deepEqual(others(withId.report), others(plain.report), `${name}: a session id in the path changed another check`);
  const session = withId.report.checks.filter((c) => c.id === 'cookie.session-in-url' && c.page !== null);
  for (const c of session) assert.equal(c.outcome, 'present', `${name}: ${c.page} holds a session id`);
  assertNoSeed(name, { report: withId.reportText, SARIF: withId.sarifText }, [SEED.jsession]);
  return session.length;
}

test('every rule case seeded with secrets: no secret in any output, no outcome changed', async () => {
  const cases = ruleCaseHars('portal-check-secret-outputs');
  assert.ok(cases.length >= 300, `expected the rule cases, found ${cases.length}`);
  let results = 0;
  for (const c of cases) results += (await proveSeeded(c.name, c.har, c.target)).results;
  assert.ok(results > cases.length);
  console.log(`# rule cases: ${cases.length}, results compared: ${results}`);
});

test('every rule case with a session id in the path: only cookie.session-in-url changes, to present', async () => {
  let present = 0;
  for (const c of ruleCaseHars('portal-check-secret-outputs')) present += await proveSessionPath(c.name, c.har, c.target);
  assert.ok(present > 100, `session ids found on ${present} pages`);
  console.log(`# pages whose seeded session id was found and redacted: ${present}`);
});

test('the real HAR corpus seeded with secrets: no secret in any output, no outcome changed', { skip: SKIP }, async () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.har')).sort();
  assert.ok(files.length >= 70, `expected the corpus, found ${files.length} files`);
  let results = 0;
  let parsed = 0;
  for (const f of files) {
    let har;
    try {
      har = JSON.parse(fs.readFileSync(path.join(CORPUS, f), 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      continue;  // not JSON for JSON.parse: the conformance test covers how the engine refuses it
    }
    parsed++;
    results += (await proveSeeded(f, har, '')).results;
    await proveSessionPath(f, har, '');
  }
  assert.ok(parsed >= 60, `parsed ${parsed} files`);
  console.log(`# real HARs: ${files.length} files, ${parsed} seeded, results compared: ${results}`);
});
