// The engine on HAR files written by real producers (Firebug, Firefox, Chrome, Safari, IE 11,
// Fiddler, Charles, Insomnia, mitmproxy, Playwright, ZAP): ../shared/data/real-har, public test
// data of other projects that is never copied into this repository. Each file's facts (documents
// a browser rendered, target, main document, cookies, missing bodies, invalid input) were read
// from the file, not from our engine: tests/fixtures/real-har-expectations.json, explained in
// tests/fixtures/real-har-expectations.md. Every file goes through the command line as a user
// runs it: `portal-check audit FILE --format json --fail-on none`.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { wasmDir } from '../../web/cli/engine-files.mjs';
import { ruleIds } from '../../scripts/rule-ids.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'web', 'cli', 'portal-check.mjs');
// PORTAL_CHECK_REAL_HAR_DIR points at another copy of the corpus (the default is beside the clone).
const CORPUS = path.resolve(process.env.PORTAL_CHECK_REAL_HAR_DIR || path.join(ROOT, '..', 'shared', 'data', 'real-har'));
const EXPECTED = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'real-har-expectations.json'), 'utf8')).files;
const RULE_IDS = ruleIds();

const HAVE_CORPUS = fs.existsSync(CORPUS);
const HAVE_WASM = fs.existsSync(path.join(wasmDir(), 'portal_check.mjs')) && fs.existsSync(path.join(wasmDir(), 'portal_check.wasm'));
const SKIP = !HAVE_CORPUS
  ? `the real HAR corpus is not at ${CORPUS} (it sits beside the clone as ../shared/data/real-har; CI has it)`
  : !HAVE_WASM ? `no wasm engine in ${wasmDir()} (run scripts/build)` : false;
if (SKIP) process.stderr.write(`real-har-conformance: skipped: ${SKIP}\n`);

// Content checks: what they judge is the page's HTML (rules/<id>.json "evidence").
const isContentCheck = (id) => id.startsWith('page.') || id.startsWith('form.');
const isCookieCheck = (id) => id.startsWith('cookie.');

function run(file) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'audit', file, '--format', 'json', '--fail-on', 'none'], { maxBuffer: 256 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

// Runs the CLI on every file, two at a time, once for the whole suite.
let runs = null;
function runAll(names) {
  if (runs) return runs;
  runs = new Map();
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const r = await run(path.join(CORPUS, name));
      let report = null;
      try { report = r.code === 2 ? null : JSON.parse(r.stdout); } catch { report = null; }
      runs.set(name, { ...r, report });
    }
  };
  return Promise.all([worker(), worker()]).then(() => runs);
}

// Every string in a JSON value (names of cookies sit in details under various keys).
function strings(value, out = new Set()) {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const cookieFlagsNames = (report) => new Set(report.checks.filter((c) => c.id === 'cookie.flags')
  .flatMap((c) => (Array.isArray(c.details?.cookies) ? c.details.cookies : []).map((k) => k.name)));

const corpusFiles = HAVE_CORPUS ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.har')).sort() : [];

test('the expectations list exactly the corpus files', { skip: HAVE_CORPUS ? false : SKIP }, () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), corpusFiles);
});

for (const name of Object.keys(EXPECTED).sort()) {
  const exp = EXPECTED[name];
  describe(name, { skip: SKIP }, () => {
    let r;
    before(async () => { r = (await runAll(Object.keys(EXPECTED).sort())).get(name); });

    if (exp.invalid) {
      test('exit code: an input error, one line naming the file', () => {
        assert.equal(r.code, 2, `exit 2 expected (stdout starts: ${r.stdout.slice(0, 80)})`);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^portal-check: [^\n]+\n$/, 'exactly one line on stderr');
        assert.ok(r.stderr.includes(name), `the line names the file: ${r.stderr}`);
      });
      return;
    }

    test('exit code: a HAR a reader must audit never exits 2', () => {
      assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr.trim()}`);
      assert.ok(r.report, 'stdout is the JSON report');
    });

    const report = () => { if (!r.report) assert.fail(`no report (exit ${r.code}: ${r.stderr.trim()})`); return r.report; };

    test('target', () => {
      assert.equal(report().target, exp.target);
    });

    test('documents audited', () => {
      assert.equal(report().pages.length, exp.documents, `pages: ${JSON.stringify(report().pages)}`);
      assert.equal(report().summary.pages, exp.documents);
    });

    test('graded page is the main document', () => {
      const g = report().grade;
      if (g.grade === null) return;
      assert.equal(g.page, exp.mainDocument);
    });

    test('no grade without an audited document; no grade comes with its reason', () => {
      const g = report().grade;
      if (g.grade !== null) {
        assert.ok(exp.documents > 0, `graded ${g.grade} although the file has no document`);
        assert.ok(report().pages.length > 0, `graded ${g.grade} with no audited page`);
      } else {
        assert.equal(g.score, null);
        assert.ok(g.reason && typeof g.reason === 'object', `grade.reason missing: ${JSON.stringify(g)}`);
        for (const k of ['code', 'en', 'vi']) assert.equal(typeof g.reason[k], 'string', `grade.reason.${k}`);
      }
    });

    test('cookies of the documents and their redirect hops are judged by cookie.flags', () => {
      const checks = report().checks.filter((c) => isCookieCheck(c.id));
      if (exp.documents === 0) {
        // No document: nothing to judge, so no cookie verdict at all.
        const verdicts = checks.filter((c) => !['not-captured', 'not-applicable', 'error'].includes(c.outcome));
        assert.deepEqual(verdicts.map((c) => `${c.id}=${c.outcome}`), [], 'a cookie verdict without an audited document');
        return;
      }
      if (exp.documentCookies.length === 0) {
        // Nothing set: "no cookie", or not-captured when the export looks sanitized, then said.
        // (cookie.session-in-url reads the page body: a missing body is its notice.)
        if (checks.some((c) => c.outcome === 'not-captured'))
          assert.ok(report().notices.some((n) => /cookie/i.test(`${n.code} ${n.message}`) || n.code === 'body-not-captured'),
            'a not-captured cookie check needs a notice');
        return;
      }
      const seen = cookieFlagsNames(report());
      const missing = exp.documentCookies.filter((n) => !seen.has(n));
      assert.deepEqual(missing, [], `cookie.flags saw ${JSON.stringify([...seen])}`);
    });

    test("every cookie a response of the site sets is seen by a cookie check", () => {
      const third = new Set(exp.thirdPartyCookies ?? []);
      const ofSite = exp.cookies.filter((n) => !third.has(n));
      if (ofSite.length === 0) return;
      const seen = new Set();
      for (const c of report().checks) if (isCookieCheck(c.id)) strings(c.details, seen);
      const missing = ofSite.filter((n) => !seen.has(n));
      assert.deepEqual(missing, [], 'cookies no cookie.* result names');
    });

    test('missing bodies: a notice, and no content check passes on the page without its body', () => {
      const notices = report().notices.filter((n) => n.code === 'body-not-captured');
      if (!exp.bodiesMissing) {
        assert.deepEqual(notices, [], 'every document and script has its body: no body-not-captured notice');
        return;
      }
      assert.ok(notices.length > 0, `no body-not-captured notice (notices: ${JSON.stringify(report().notices.map((n) => n.code))})`);
      for (const page of exp.bodiesMissingOn) {
        const results = report().checks.filter((c) => c.page === page && isContentCheck(c.id));
        const passing = results.filter((c) => c.pass === true).map((c) => `${c.id}=${c.outcome}`);
        assert.deepEqual(passing, [], `content checks passing on ${page} without its body`);
        assert.ok(results.some((c) => c.outcome === 'not-captured'), `no content check says not-captured on ${page}`);
      }
    });

    test('TLS details the producer kept are read', () => {
      if (!exp.tlsProtocol) return;
      const tls = report().checks.filter((c) => c.id === 'transport.tls-version' && c.page === exp.mainDocument);
      assert.equal(tls.length, 1, JSON.stringify(report().checks.filter((c) => c.id === 'transport.tls-version')));
      assert.equal(tls[0].outcome, /^TLS ?1\.[23]$/i.test(exp.tlsProtocol) ? 'ok' : 'legacy-tls', `${exp.tlsProtocol}: ${JSON.stringify(tls[0].details)}`);
    });

    test('every check of the ruleset has a result', () => {
      const ids = new Set(report().checks.map((c) => c.id));
      assert.deepEqual(RULE_IDS.filter((id) => !ids.has(id)), []);
    });
  });
}
