// The server snippets of rules/fixes (docs/fixes.md): valid data for real failing outcomes, the
// generated web/host/server-snippets.data.mjs up to date, kept out of the embedded ruleset, and
// every snippet accepted by the real tool of its server (tests/js/server-config-check.mjs:
// nginx -t, apache2 -t, xmllint with the Servlet schemas or the IIS/Tomcat subset schemas); the
// same tools refuse a broken snippet. A missing tool skips its test with a message (scripts/setup
// installs them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import Ajv from 'ajv';
import { RULES_DIR, ruleIds } from '../../scripts/rule-ids.mjs';
import { FIXES_DIR, OUTPUT, generateServerSnippets, readFixes } from '../../scripts/generate-server-snippets.mjs';
import { serverSnippets, SERVERS } from '../../web/host/server-snippets.mjs';
import { check, missingTool } from './server-config-check.mjs';

const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const fixFiles = () => fs.readdirSync(FIXES_DIR).filter((n) => n.endsWith('.json')).sort();
const FIXES = readFixes();
const allSnippets = () => Object.entries(FIXES).flatMap(([id, fixes]) => fixes.flatMap((f) => f.snippets.map((s) => ({ id, outcomes: f.outcomes, ...s }))));

test('web/host/server-snippets.data.mjs is up to date with rules/fixes', () => {
  assert.ok(fs.readFileSync(OUTPUT, 'utf8') === generateServerSnippets(),
    'web/host/server-snippets.data.mjs is out of date: run node scripts/generate-server-snippets.mjs and commit the result');
});

test('a changed fixes file changes the generated module', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-fixes-'));
  try {
    for (const n of fixFiles()) fs.copyFileSync(path.join(FIXES_DIR, n), path.join(copy, n));
    const doc = readJson(path.join(copy, 'header.csp.json'));
    doc.fixes[0].snippets.nginx[0].code = ['add_header Content-Security-Policy "default-src \'none\'" always;'];
    fs.writeFileSync(path.join(copy, 'header.csp.json'), JSON.stringify(doc));
    const changed = generateServerSnippets(copy);
    assert.notEqual(changed, generateServerSnippets());
    assert.ok(changed.includes("default-src 'none'"));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('every fixes file is valid and names real failing outcomes of its check, each in one fix', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(readJson(path.join(RULES_DIR, 'schema', 'fixes.schema.json')));
  const ids = new Set(ruleIds());
  assert.ok(fixFiles().length >= 15, `only ${fixFiles().length} fixes files`);
  for (const name of fixFiles()) {
    const doc = readJson(path.join(FIXES_DIR, name));
    assert.ok(validate(doc), `rules/fixes/${name}: ${JSON.stringify(validate.errors)}`);
    assert.equal(`${doc.check}.json`, name, `rules/fixes/${name}: check ${doc.check} differs from its file name`);
    assert.ok(ids.has(doc.check), `rules/fixes/${name}: no rule file rules/${doc.check}.json`);
    const outcomes = readJson(path.join(RULES_DIR, `${doc.check}.json`)).outcomes;
    const seen = new Set();
    for (const fix of doc.fixes) {
      for (const o of fix.outcomes) {
        assert.ok(outcomes[o], `rules/fixes/${name}: ${o} is not an outcome of ${doc.check}`);
        assert.equal(outcomes[o].pass, false, `rules/fixes/${name}: ${o} is a passing outcome`);
        assert.ok(!seen.has(o), `rules/fixes/${name}: ${o} is in two fixes`);
        seen.add(o);
      }
    }
  }
  // The schema refuses a snippet without a label translation, and a file the server has no place for.
  const bad = readJson(path.join(FIXES_DIR, 'header.csp.json'));
  delete bad.fixes[0].snippets.nginx[0].label.vi;
  assert.equal(validate(bad), false);
  const misplaced = readJson(path.join(FIXES_DIR, 'header.csp.json'));
  misplaced.fixes[0].snippets.nginx[0].file = 'web.xml';
  assert.equal(validate(misplaced), false);
});

// The failing outcomes of header, cookie and transport checks that have no snippet for some
// server, as docs/fixes.md lists them with the reason: a new failing outcome without snippets, or
// a snippet added for one of these, makes this test (and so the table) change.
const WITHOUT = {
  'cookie.prefix violated': 'nginx apache iis tomcat',
  'cookie.scope loosely-scoped': 'nginx apache iis tomcat',
  'cookie.session-in-url present': 'nginx apache',
  'header.cors universal-with-credentials': 'nginx apache iis tomcat',
  'header.cors null-origin': 'nginx apache iis tomcat',
  'transport.certificate expired': 'nginx apache iis tomcat',
  'transport.certificate hostname-mismatch': 'nginx apache iis tomcat',
  'transport.certificate untrusted': 'nginx apache iis tomcat',
  'transport.https http-only': 'nginx apache iis tomcat',
  'transport.tls-version legacy-tls': 'iis',
  'header.content-type missing': 'iis',
  'header.clickjacking frame-ancestors-permissive': 'tomcat',
  'header.cache-control cacheable-sensitive': 'tomcat',
  'header.cross-origin-isolation corp-header-invalid': 'tomcat',
  'header.deprecated present': 'tomcat',
  'header.permissions-policy missing': 'tomcat',
  'header.permissions-policy invalid': 'tomcat',
  'header.referrer-policy unsafe': 'tomcat',
  'header.referrer-policy invalid': 'tomcat',
  'header.server-timing timings': 'tomcat',
  'transport.mixed-content active': 'tomcat',
  ...Object.fromEntries(['unsafe-eval', 'unsafe-inline', 'insecure-scheme', 'invalid', 'missing', 'report-only'].map((o) => [`header.csp ${o}`, 'tomcat'])),
};

test('every failing header, cookie and transport outcome has snippets, but those docs/fixes.md lists', () => {
  const missing = {};
  for (const id of ruleIds().filter((x) => /^(header|cookie|transport)\./.test(x))) {
    for (const [outcome, o] of Object.entries(readJson(path.join(RULES_DIR, `${id}.json`)).outcomes)) {
      if (o.pass) continue;
      const have = new Set(serverSnippets(id, outcome).map((s) => s.server));
      const without = SERVERS.filter((s) => !have.has(s));
      if (without.length) missing[`${id} ${outcome}`] = without.join(' ');
    }
  }
  assert.deepEqual(missing, WITHOUT);
  const doc = fs.readFileSync(path.join(RULES_DIR, '..', 'docs', 'fixes.md'), 'utf8');
  for (const key of Object.keys(WITHOUT)) assert.ok(doc.includes(`\`${key.split(' ')[0]}\``), `docs/fixes.md names ${key}`);
});

test('rules/fixes is not part of the ruleset: not a rule file, not embedded', (t) => {
  assert.ok(fs.statSync(FIXES_DIR).isDirectory());
  assert.ok(!ruleIds().some((id) => id.startsWith('fixes')), 'rule ids include the fixes folder');
  if (spawnSync('sh', ['-c', 'command -v cmake']).status !== 0) { t.skip('cmake is not installed'); return; }
  const zopfli = spawnSync('sh', ['-c', 'command -v zopfli'], { encoding: 'utf8' }).stdout.trim();
  if (!zopfli) { t.skip('zopfli is not installed (scripts/setup installs it)'); return; }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-embed-'));
  try {
    const r = spawnSync('cmake', [`-DRULES_DIR=${RULES_DIR}`, `-DOUT=${path.join(dir, 'embedded.cc')}`, `-DZOPFLI=${zopfli}`,
      '-P', path.join(RULES_DIR, '..', 'scripts', 'cmake', 'embed_ruleset.cmake')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const json = fs.readFileSync(path.join(dir, 'embedded.cc.json'));
    // What the build embeds is that document as raw deflate: Node's zlib inflates it back.
    assert.ok(zlib.inflateRawSync(fs.readFileSync(path.join(dir, 'embedded.cc.deflate'))).equals(json));
    const doc = JSON.parse(json.toString('utf8'));
    assert.deepEqual(doc.ruleset.rules, ruleIds());
    const text = JSON.stringify(doc);
    assert.ok(!text.includes('proxy_cookie_flags') && !text.includes('HttpHeaderSecurityFilter'), 'a snippet reached the embedded ruleset');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('serverSnippets: per outcome, servers in order, fresh objects, [] without snippets', (t) => {
  assert.deepEqual([...SERVERS], ['nginx', 'apache', 'iis', 'tomcat']);
  const list = serverSnippets('transport.hsts', 'missing');
  assert.deepEqual(list.map((s) => s.server), ['nginx', 'apache', 'iis', 'tomcat']);
  for (const s of list) {
    assert.ok(s.label.vi && s.label.en && typeof s.code === 'string' && s.code.length > 0);
    assert.ok(['nginx', 'apache', 'xml', 'properties'].includes(s.language));
  }
  assert.match(list[0].code, /add_header Strict-Transport-Security "max-age=31536000" always;/);
  assert.doesNotMatch(list.map((s) => s.code).join('\n'), /preload/, 'HSTS snippets never preload by default');
  list[0].code = 'changed';
  assert.notEqual(serverSnippets('transport.hsts', 'missing')[0].code, 'changed');
  assert.deepEqual(serverSnippets('transport.hsts', 'strong'), [], 'a passing outcome has none');
  assert.deepEqual(serverSnippets('header.cors', 'null-origin'), []);
  assert.deepEqual(serverSnippets('no.such-check', 'missing'), []);
  assert.deepEqual(serverSnippets('__proto__', 'missing'), []);
  assert.deepEqual(serverSnippets('cookie.flags', 'cookies-without-secure-flag').map((s) => `${s.server} ${s.file}`),
    ['nginx location', 'apache virtualhost', 'iis web.config', 'tomcat web.xml', 'tomcat context.xml']);
  // Every nginx add_header carries "always" (sent on error and redirect responses too).
  for (const s of allSnippets().filter((x) => x.server === 'nginx')) {
    for (const line of s.code.split('\n').filter((l) => /^\s*add_header\b/.test(l))) assert.match(line, /\balways;$/, `${s.id}: ${line}`);
  }
  const counts = Object.fromEntries(SERVERS.map((srv) => [srv, allSnippets().filter((s) => s.server === srv).length]));
  t.diagnostic(`snippets per server: ${JSON.stringify(counts)}`);
});

for (const server of SERVERS) {
  test(`every ${server} snippet passes its server's check`, (t) => {
    const snippets = allSnippets().filter((s) => s.server === server);
    assert.ok(snippets.length >= 5, `only ${snippets.length} ${server} snippets`);
    let checked = 0;
    for (const s of snippets) {
      const missing = missingTool(server, s.file);
      if (missing) { t.diagnostic(`skipped ${s.id} ${s.file}: ${missing}`); continue; }
      const r = check(server, s.file, s.code);
      assert.ok(r.ok, `${s.id} (${s.outcomes.join(', ')}) ${server} ${s.file}:\n${s.code}\n--- ${r.output}`);
      checked++;
    }
    if (checked === 0) t.skip(`no ${server} snippet could be checked: ${missingTool(server, snippets[0].file)}`);
    else t.diagnostic(`${checked} of ${snippets.length} ${server} snippets checked`);
  });
}

// One broken snippet per check: the same check refuses it (so the tests above can fail).
const BROKEN = [
  ['nginx', 'server', 'add_headr X-Content-Type-Options "nosniff" always;'],
  ['nginx', 'http', 'add_header X-Content-Type-Options "nosniff" always;\nserver_tokens maybe;'],
  ['nginx', 'location', 'proxy_cookie_flag ~ secure samesite=lax;'],
  ['apache', 'virtualhost', 'Header alway set X-Content-Type-Options "nosniff"'],
  ['apache', 'virtualhost', 'ServerTokens Prod'],
  ['apache', 'server', 'SSLProtocol -all +TLSv1.2 +TLSv9'],
  ['iis', 'web.config', '<system.webServer>\n  <httpProtocol>\n    <customHeader>\n      <add name="X" value="y" />\n    </customHeader>\n  </httpProtocol>\n</system.webServer>'],
  ['iis', 'web.config', '<system.web>\n  <httpCookies requireSSL="yes" />\n</system.web>'],
  ['iis', 'web.config', '<system.webServer>\n  <httpProtocol>\n    <customHeaders>\n      <add name="X" value="y">\n    </customHeaders>\n  </httpProtocol>\n</system.webServer>'],
  ['tomcat', 'web.xml', '<sesion-config>\n  <tracking-mode>COOKIE</tracking-mode>\n</sesion-config>'],
  ['tomcat', 'web.xml', '<session-config>\n  <tracking-mode>COOKIES</tracking-mode>\n</session-config>'],
  ['tomcat', 'context.xml', '<CookieProcessor className="org.apache.tomcat.util.http.Rfc6265CookieProcessor" sameSiteCookie="lax" />'],
  ['tomcat', 'server.xml', '<SSLHostConfig protocols="+TLS1.2+TLS1.3" />'],
  ['tomcat', 'portal-ext.properties', 'http.header.version.verbosity off'],
];
for (const server of SERVERS) {
  test(`a broken ${server} snippet fails the same check`, (t) => {
    const cases = BROKEN.filter(([s]) => s === server);
    let checked = 0;
    for (const [, file, code] of cases) {
      const missing = missingTool(server, file);
      if (missing) { t.diagnostic(`skipped ${file}: ${missing}`); continue; }
      assert.equal(check(server, file, code).ok, false, `accepted:\n${code}`);
      checked++;
    }
    if (checked === 0) t.skip(`no ${server} check could run`);
  });
}
