// No secret survives into any output. Known secrets are seeded into every rule case
// (rules/*.cases.json) and into every HAR of the real corpus (../shared/data/real-har, skipped
// with a message when absent): URL userinfo on every request URL and redirect target, every
// non-empty Cookie / Set-Cookie / HAR cookie value, an Authorization header on every request. Then, for each HAR:
//   - none of the seeded secrets appears in the report JSON, the SARIF, the text report (vi and
//     en) or the serialised bundle;
//   - seeding changes no outcome (the multiset of {id, outcome, pass, severity}) against the
//     unseeded HAR;
//   - the bundle's audit (of the redacted evidence) gives the same results, pages included, as
//     the audit of the seeded HAR (the engine's output redaction and the bundle redaction agree);
// and a session id (PHPSESSID=) and a token (access_token=) seeded into the first
// URL change exactly what they should: only cookie.session-in-url results, to "present", and
// neither is in any output.
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
import { SEED, seedUrl, withSessionParam, withTokenParam, seedHar } from './seed-secrets.mjs';

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

// Case-insensitive: a check that lower-cases what it echoes (a host name) must not leak either.
function assertNoSeed(name, outputs, seeds) {
  for (const [where, text] of Object.entries(outputs)) {
    const lower = text.toLowerCase();
    for (const s of seeds) assert.ok(!lower.includes(s.toLowerCase()), `${name}: seeded secret ${s} in the ${where}`);
  }
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
  }, [SEED.user, SEED.password, SEED.cookie, SEED.bearer]);
  return { results: withSeeds.report.checks.length };
}

// A session id (PHPSESSID=) and a token parameter (access_token=) in the query of the first HTML
// entry's URL (wherever that URL occurs; a path parameter would change the path that
// site.admin-exposure and the other path checks match): only cookie.session-in-url may change, and only to "present" (or stay
// "not-captured" where the check cannot judge the page, e.g. its body is missing).
async function proveSessionPath(name, har, target) {
  const isHtml = (e) => /html/i.test(String(e?.response?.content?.mimeType ?? ''));
  const first = (har?.log?.entries ?? []).find(isHtml)?.request?.url;
  if (typeof first !== 'string') return 0;
  const seedFirst = (u) => withTokenParam(withSessionParam(u));
  const seeded = seedHar(har, seedFirst, false, { only: new Set([first]) });
  const plain = await audit(har, target);
  const withId = await audit(seeded, target === first ? seedFirst(target) : target);
  if (plain.error) return 0;
  assert.ok(!withId.error, `${name}: refused with a session id in the path (${withId.error})`);
  const others = (r) => r.checks.filter((c) => c.id !== 'cookie.session-in-url').map(resultKey).sort();
  assert.deepEqual(others(withId.report), others(plain.report), `${name}: a session id in the path changed another check`);
  // Per outcome: only "none" results may have become "present".
  const count = (r, o) => r.checks.filter((c) => c.id === 'cookie.session-in-url' && c.outcome === o).length;
  const outcomes = new Set([...plain.report.checks, ...withId.report.checks].filter((c) => c.id === 'cookie.session-in-url').map((c) => c.outcome));
  const judged = ['none', 'not-captured', 'present'];
  for (const o of outcomes) if (!judged.includes(o)) assert.equal(count(withId.report, o), count(plain.report, o), `${name}: cookie.session-in-url ${o}`);
  const gained = count(withId.report, 'present') - count(plain.report, 'present');
  // A page whose body is missing is not-captured, but a session id seen in its URL stands.
  assert.equal(count(plain.report, 'none') + count(plain.report, 'not-captured') - count(withId.report, 'none') - count(withId.report, 'not-captured'),
    gained, `${name}: only none or not-captured became present`);
  assert.ok(gained >= 0);
  const present = gained;
  assertNoSeed(name, { report: withId.reportText, SARIF: withId.sarifText }, [SEED.jsession, SEED.token]);
  return present;
}

test('every rule case seeded with secrets: no secret in any output, no outcome changed', async () => {
  const cases = ruleCaseHars('portal-check-secret-outputs');
  assert.ok(cases.length >= 300, `expected the rule cases, found ${cases.length}`);
  let results = 0;
  for (const c of cases) results += (await proveSeeded(c.name, c.har, c.target)).results;
  assert.ok(results > cases.length);
  console.log(`# rule cases: ${cases.length}, results compared: ${results}`);
});

test('every rule case with a session id and a token in its first URL: only cookie.session-in-url changes, to present', async () => {
  let present = 0;
  for (const c of ruleCaseHars('portal-check-secret-outputs')) present += await proveSessionPath(c.name, c.har, c.target);
  assert.ok(present > 100, `seeded session ids found on ${present} pages`);
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
