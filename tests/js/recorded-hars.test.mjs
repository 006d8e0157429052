// HARs recorded with real tools against the demo portal (tests/fixtures/recorded/, written by
// scripts/record-fixtures and kept exactly as the tools wrote them; README.md there). Every file
// holds the same visit: http://127.0.0.1:47080/ → 301 → https://127.0.0.1:47443/ (the home page
// sets PHPSESSID and ngon_ngu, loads two same-site scripts) and then https://127.0.0.1:47443/van-ban.
// First what each file holds (so a re-recording that changes a fact fails here, not in the
// engine's assertions), then what `portal-check audit FILE --format json` must make of it.
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
const DIR = path.join(ROOT, 'tests', 'fixtures', 'recorded');
const RULE_IDS = ruleIds();
const HAVE_WASM = fs.existsSync(path.join(wasmDir(), 'portal_check.mjs')) && fs.existsSync(path.join(wasmDir(), 'portal_check.wasm'));
const NO_WASM = HAVE_WASM ? false : `no wasm engine in ${wasmDir()} (run scripts/build)`;

const START = 'http://127.0.0.1:47080/';
const HOME = 'https://127.0.0.1:47443/';
const SECOND = 'https://127.0.0.1:47443/van-ban';
const SCRIPTS = ['https://127.0.0.1:47443/js/jquery-1.12.4.min.js', 'https://127.0.0.1:47443/js/main.js'];

// What each recording holds, read from the files.
const FACTS = {
  'playwright-embed': {
    creator: 'Playwright', pages: 1, cookies: ['PHPSESSID', 'ngon_ngu'], cookieForm: 'repeated',
    bodiesMissingOn: [], tls: 'TLS 1.3',
  },
  'playwright-attach': {
    creator: 'Playwright', pages: 1, cookies: ['PHPSESSID', 'ngon_ngu'], cookieForm: 'repeated',
    bodiesMissingOn: [HOME, SECOND], tls: 'TLS 1.3',
  },
  // chrome-har 1.3.1 gives a response reached through a redirect the redirect's raw headers (it
  // takes the first Network.responseReceivedExtraInfo of the shared requestId): the home page
  // entry carries the 301's Location and Content-Length 0 and none of its own headers, so the file
  // holds no Set-Cookie at all. Its content.size counts the body twice (characters + bytes).
  'chrome-har': {
    creator: 'chrome-har', pages: 1, cookies: [], cookieForm: 'none',
    bodiesMissingOn: [], tls: null,
  },
  // mitmproxy 8's har_dump.py folds the two Set-Cookie fields into one header joined with ", ";
  // response.cookies keeps both. No log.pages, no TLS details.
  mitmproxy: {
    creator: 'mitmproxy har_dump', pages: null, cookies: ['PHPSESSID', 'ngon_ngu'], cookieForm: 'comma-joined',
    bodiesMissingOn: [], tls: null,
  },
};

const header = (msg, name) => (msg.headers || []).filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
const entryFor = (har, url, status) => har.log.entries.find((e) => e.request.url === url && e.response.status === status);
const byteLength = (c) => (c.encoding === 'base64' ? Buffer.from(c.text, 'base64').length : Buffer.byteLength(c.text, 'utf8'));

function run(file) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'audit', file, '--format', 'json', '--fail-on', 'none'], { maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

test('the recorded fixtures are exactly the four tools', () => {
  assert.deepEqual(fs.readdirSync(DIR).filter((f) => f.endsWith('.har')).sort(), Object.keys(FACTS).map((n) => `${n}.har`).sort());
});

for (const [name, facts] of Object.entries(FACTS)) {
  const file = path.join(DIR, `${name}.har`);
  describe(name, () => {
    const har = JSON.parse(fs.readFileSync(file, 'utf8'));

    test('the file holds the recorded visit', () => {
      assert.equal(har.log.creator.name, facts.creator);
      assert.equal(facts.pages === null ? har.log.pages : har.log.pages.length, facts.pages === null ? undefined : facts.pages);
      const hop = entryFor(har, START, 301);
      assert.ok(hop, 'the http → https redirect');
      assert.equal(hop.response.redirectURL, HOME);
      for (const url of [HOME, SECOND]) {
        const e = entryFor(har, url, 200);
        assert.ok(e, url);
        assert.match(e.response.content.mimeType, /^text\/html/);
      }
      for (const url of SCRIPTS) assert.ok(entryFor(har, url, 200), url);
      assert.ok(har.log.entries.every((e) => !/^https?:\/\/(?!127\.0\.0\.1[:/])/.test(e.request.url) || e.response.status <= 0),
        'nothing outside loopback was answered');
    });

    test('cookies as the tool wrote them', () => {
      const home = entryFor(har, HOME, 200);
      const setCookie = header(home.response, 'set-cookie');
      const names = (home.response.cookies || []).map((c) => c.name).sort();
      if (facts.cookieForm === 'repeated') {
        assert.equal(setCookie.length, 2);
        assert.deepEqual(names, facts.cookies);
      } else if (facts.cookieForm === 'comma-joined') {
        assert.equal(setCookie.length, 1);
        assert.match(setCookie[0], /^PHPSESSID=[0-9a-f]+; path=\/, ngon_ngu=vi; path=\/$/);
        assert.deepEqual(names, facts.cookies);
      } else {
        assert.deepEqual(setCookie, []);
        assert.deepEqual(names, []);
        assert.deepEqual(header(home.response, 'location'), [HOME], 'chrome-har: the 301\'s headers on the 200');
      }
    });

    test('bodies as the tool wrote them', () => {
      for (const url of [HOME, SECOND, ...SCRIPTS]) {
        const c = entryFor(har, url, 200).response.content;
        if (facts.bodiesMissingOn.length > 0) {
          assert.equal(c.text, undefined, url);
          assert.equal(typeof c._file, 'string', `${url}: content._file`);
        } else {
          assert.equal(typeof c.text, 'string', url);
          assert.ok(c.text.length > 0, url);
          if (name === 'chrome-har') assert.equal(c.size, c.text.length + byteLength(c), `${url}: chrome-har's size`);
          else assert.equal(c.size, byteLength(c), `${url}: size is the body's bytes`);
        }
      }
    });

    test('TLS details as the tool wrote them', () => {
      const home = entryFor(har, HOME, 200);
      if (facts.tls) assert.equal(home._securityDetails.protocol, facts.tls);
      else assert.equal(home._securityDetails, undefined);
    });

    describe('audit', { skip: NO_WASM }, () => {
      let r;
      let report;
      before(async () => {
        r = await run(file);
        try { report = JSON.parse(r.stdout); } catch { report = null; }
      });
      const rep = () => { if (!report) assert.fail(`no report (exit ${r.code}: ${r.stderr.trim()})`); return report; };

      test('exit code 0 and a JSON report', () => {
        assert.equal(r.code, 0, r.stderr);
        assert.ok(report);
      });

      test('target is the start of the redirect chain', () => {
        assert.equal(rep().target, START);
      });

      test('the two documents are the audited pages', () => {
        assert.deepEqual(rep().pages, [HOME, SECOND]);
        assert.equal(rep().summary.pages, 2);
      });

      test('the grade is about the main document, or says why there is none', () => {
        const g = rep().grade;
        if (g.grade !== null) assert.equal(g.page, HOME);
        else {
          assert.ok(g.reason && typeof g.reason === 'object', `grade.reason missing: ${JSON.stringify(g)}`);
          for (const k of ['code', 'en', 'vi']) assert.equal(typeof g.reason[k], 'string', `grade.reason.${k}`);
        }
      });

      test('the home page\'s cookies are judged by cookie.flags', () => {
        const home = rep().checks.filter((c) => c.id === 'cookie.flags' && c.page === HOME);
        assert.equal(home.length, 1);
        const seen = (home[0].details.cookies || []).map((c) => c.name).sort();
        if (facts.cookies.length > 0) assert.deepEqual(seen, facts.cookies);
        else assert.ok(['cookies-not-found', 'not-captured'].includes(home[0].outcome), home[0].outcome);
      });

      test('missing bodies: a notice, and no content check passes on a page without its body', () => {
        const notices = rep().notices.filter((n) => n.code === 'body-not-captured');
        if (facts.bodiesMissingOn.length === 0) {
          assert.deepEqual(notices, [], 'every body is in the file');
          return;
        }
        assert.ok(notices.length > 0, `no body-not-captured notice (notices: ${JSON.stringify(rep().notices.map((n) => n.code))})`);
        for (const page of facts.bodiesMissingOn) {
          const results = rep().checks.filter((c) => c.page === page && (c.id.startsWith('page.') || c.id.startsWith('form.')));
          assert.deepEqual(results.filter((c) => c.pass === true).map((c) => `${c.id}=${c.outcome}`), [], page);
          assert.ok(results.some((c) => c.outcome === 'not-captured'), `no content check says not-captured on ${page}`);
        }
      });

      test('TLS version: judged from the details the tool kept, not-captured without them', () => {
        const tls = rep().checks.filter((c) => c.id === 'transport.tls-version' && c.page === HOME);
        assert.equal(tls.length, 1, JSON.stringify(rep().checks.filter((c) => c.id === 'transport.tls-version')));
        assert.equal(tls[0].outcome, facts.tls ? 'ok' : 'not-captured');
      });

      test('every check of the ruleset has a result', () => {
        const ids = new Set(rep().checks.map((c) => c.id));
        assert.deepEqual(RULE_IDS.filter((id) => !ids.has(id)), []);
      });
    });
  });
}
