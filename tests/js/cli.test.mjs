// The portal-check command as users run it: exit codes, one-line errors, and (once build/wasm
// exists) audits of a HAR captured live from the demo portal on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { renderText } from '../../web/cli/text-report.mjs';
import { plain } from '../../web/cli/plain-text.mjs';
import { wasmDir, loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar } from '../../web/host/engine.mjs';
import { failingGroups, fixFirst, reasonText } from '../../web/host/fix-priorities.mjs';
import { serverSnippets } from '../../web/host/server-snippets.mjs';
import { parseArgs } from '../../web/cli/args.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'web', 'cli', 'portal-check.mjs');
const HAVE_WASM = fs.existsSync(path.join(wasmDir(), 'portal_check.mjs')) && fs.existsSync(path.join(wasmDir(), 'portal_check.wasm'));
const NO_WASM = HAVE_WASM ? false : `no wasm engine in ${wasmDir()} (run scripts/build)`;

// Runs the CLI asynchronously (the demo portal lives in this process, so never spawnSync).
function run(args, env = {}) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

function assertOneLineError(r, pattern) {
  assert.equal(r.code, 2, `exit 2 (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^portal-check: [^\n]+\n$/, 'exactly one line on stderr');
  if (pattern) assert.match(r.stderr, pattern);
}

let tmp;
let portal;
let harFile;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-cli-'));
  portal = await startDemoPortal();
  harFile = path.join(tmp, 'demo.har');
});
after(async () => {
  await portal.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const write = (name, text) => { const f = path.join(tmp, name); fs.writeFileSync(f, text); return f; };

test('--help prints usage and exits 0', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage:/);
  assert.match(r.stdout, /portal-check audit FILE\.har/);
});

test('usage errors: exit 2 with one line on stderr', async () => {
  assertOneLineError(await run([]), /no command/);
  assertOneLineError(await run(['frobnicate']), /unknown command "frobnicate"/);
  assertOneLineError(await run(['audit', 'x.har', '--colour']), /unknown option --colour/);
  assertOneLineError(await run(['audit', 'x.har', '--fail-on', 'severe']), /--fail-on must be one of high, medium, low, none/);
  assertOneLineError(await run(['audit', 'x.har', '--fail-on']), /--fail-on needs a value/);
  assertOneLineError(await run(['audit', 'x.har', '--format=html']), /--format must be one of/);
  assertOneLineError(await run(['audit']), /audit needs a HAR file/);
  assertOneLineError(await run(['scan', 'http://127.0.0.1/', '--pages', '0']), /--pages must be an integer/);
  assertOneLineError(await run(['capture', 'ftp://127.0.0.1/']), /only http:\/\/ and https:\/\//);
  assertOneLineError(await run(['capture', 'http://127.0.0.1/', '--target', 'x']), /--target does not apply to capture/);
});

test('input errors: missing file, directory', async () => {
  assertOneLineError(await run(['audit', path.join(tmp, 'absent.har')]), /absent\.har: cannot read the file \(ENOENT\)/);
  assertOneLineError(await run(['audit', tmp]), /not a regular file/);
});

test('input errors from the engine: not JSON, truncated, empty, not a HAR, bad bytes, missing fields', { skip: NO_WASM }, async () => {
  assertOneLineError(await run(['audit', write('text.har', 'this is not json\n')]), /text\.har: not a HAR: expected a JSON object at byte 0/);
  assertOneLineError(await run(['audit', write('cut.har', '{"log": {"version": "1.2", "entries": [{"request": ')]), /cut\.har: unexpected end of the HAR .*truncated/);
  assertOneLineError(await run(['audit', write('empty.har', '')]), /empty\.har: not a HAR: the input is empty/);
  assertOneLineError(await run(['audit', write('other.json', '{"hello": "world"}')]), /other\.json: not a HAR: no "log" object/);
  assertOneLineError(await run(['audit', write('noentries.json', '{"log": {"version": "1.2"}}')]), /no "log\.entries" array/);
  assertOneLineError(await run(['audit', write('bytes.har', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))]), /expected a member name at byte 1/);
  // An entry that cannot be read is no input error: it is skipped with a notice (below).
  // Nesting past the limit outside the entries rejects the document (inside an entry, the entry is
  // skipped with a notice: cli-limits.test.mjs).
  assertOneLineError(await run(['audit', write('deep.har', `{"log":{"pages":${'['.repeat(100000)}`)]), /kMaxJsonDepth/);
});

test('a hostile file name is printed escaped, still on one line', async () => {
  const r = await run(['audit', path.join(tmp, 'evil\u001b[31m\nname.har')]);
  assertOneLineError(r, /evil\\e\[31m\\nname\.har/);
  assert.ok(!r.stderr.includes('\u001b'));
});

test('scan of a site that does not answer: exit 2, one line', async () => {
  const net = await import('node:net');
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise((r) => s.close(r));
  assertOneLineError(await run(['scan', `http://127.0.0.1:${port}/`, '--pages', '1']), /did not answer on http or https \(ECONNREFUSED\)/);
});

test('a missing engine is an input error, not a crash', async () => {
  const f = write('min.har', '{"log": {"version": "1.2", "entries": []}}');
  assertOneLineError(await run(['audit', f], { PORTAL_CHECK_WASM_DIR: path.join(tmp, 'nowhere') }), /wasm engine is not built/);
});

test('capture writes a HAR of the demo portal and exits 0', async () => {
  const r = await run(['capture', portal.httpUrl, '--pages', '5', '--out', harFile]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const har = JSON.parse(fs.readFileSync(harFile, 'utf8'));
  assert.equal(har.log._portalCheck.target, portal.httpUrl);
  // 5 units: the start page, /gioi-thieu (a redirect off the site, recorded, not followed), 3 more.
  assert.equal(har.log.pages.length, 4);
  assert.equal(har.log.entries[0].request.url, portal.httpUrl);
});

test('capture without --out writes the HAR to stdout', async () => {
  const r = await run(['capture', portal.httpUrl, '--pages', '1']);
  assert.equal(r.code, 0, r.stderr);
  const har = JSON.parse(r.stdout);
  assert.equal(har.log._portalCheck.target, portal.httpUrl);
  assert.equal(har.log._portalCheck.robots.honoured, true);
  assert.equal(har.log._portalCheck.addresses.allowPrivate, false);
});

test('--ignore-robots and --allow-private reach the HAR', async () => {
  const r = await run(['capture', portal.httpUrl, '--pages', '1', '--ignore-robots', '--allow-private']);
  assert.equal(r.code, 0, r.stderr);
  const meta = JSON.parse(r.stdout).log._portalCheck;
  assert.equal(meta.robots.honoured, false);
  assert.equal(meta.addresses.allowPrivate, true);
  assertOneLineError(await run(['audit', 'x.har', '--allow-private']), /--allow-private does not apply to audit/);
});

test('text rendering escapes control characters from the site', () => {
  const report = {
    engine: { name: 'portal-check', version: '0.1.0' }, ruleset: { version: 't' },
    target: 'https://x/\u001b[2J', grade: { score: 40, grade: 'D+' },
    checks: [
      { id: 'a.b', outcome: 'bad', pass: false, severity: 'low', page: 'https://x/\u001b]0;pwned\u0007\u202e', details: {} },
      { id: 'a.c', outcome: 'worse', pass: false, severity: 'high', page: null, details: {} },
      { id: 'a.d', outcome: 'ok', pass: true, severity: 'info', page: null, details: {} },
    ],
  };
  const ruleset = { rules: { 'a.c': { outcomes: { worse: { message: { vi: 'Tệ\nlắm', en: 'Bad' } } } } } };
  const vi = renderText(report, ruleset, { lang: 'vi' });
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/.test(vi), 'no control characters except newlines');
  assert.match(vi, /https:\/\/x\/\\e\]0;pwned\\u\{7\}\\u\{202e\}/);
  assert.match(vi, /40\/100 — hạng D\+/);
  assert.ok(vi.indexOf('a.c') < vi.indexOf('a.b'), 'high before low');
  assert.match(vi, /^ {2}CAO {8}a\.c \(1 trang\)\n {13}worse {2}— Tệ\\nlắm\n {15}\(toàn trang\)$/m);
  assert.match(vi, /2 không đạt \(cao 1, trung bình 0, thấp 1, thông tin 0\); 1 đạt/);
  assert.match(renderText(report, ruleset, { lang: 'en' }), /^ {2}HIGH {7}a\.c \(1 page\)\n {13}worse {2}— Bad\n {15}\(site\)$/m);
  assert.match(renderText(report, ruleset, { lang: 'en', limit: 1 }), /and 1 more failing checks/);
  assert.equal(plain('a\tb\u0085c'), 'a\\tb\\u{85}c');
});

test('text rendering lists error results and engine notices, escaped', () => {
  const report = {
    engine: { name: 'portal-check', version: '0.1.0' }, ruleset: { version: 't' }, target: 'https://x/',
    grade: { score: null, grade: null },
    checks: [
      { id: 'transport.redirect', outcome: 'error', pass: false, severity: 'info', page: 'http://x/',
        details: { limit: 'kMaxRedirects', reason: 'the redirect chain is longer than 20 hops' } },
    ],
    notices: [
      { code: 'kMaxBodyBytes', entry: 3, message: 'entry 3: body cut\u001b[2J' },
      { code: 'kMaxNotices', message: 'more notices' },
    ],
  };
  const en = renderText(report, { rules: {} }, { lang: 'en' });
  assert.match(en, /Errors and engine notices/);
  assert.match(en, /transport\.redirect {2}error {2}http:\/\/x\/ {2}— kMaxRedirects: the redirect chain is longer than 20 hops/);
  assert.match(en, /kMaxBodyBytes \(entry 3\) {2}— entry 3: body cut\\e\[2J/);
  assert.match(en, /kMaxNotices {2}— more notices/);
  assert.match(renderText(report, { rules: {} }, { lang: 'vi' }), /Lỗi và thông báo của bộ máy/);
  const quiet = renderText({ ...report, checks: [], notices: [] }, { rules: {} }, { lang: 'en' });
  assert.doesNotMatch(quiet, /engine notices/);
});

test('audit of the demo HAR: json is the engine\'s exact text, sarif and text render, exit codes follow --fail-on', { skip: NO_WASM }, async () => {
  if (!fs.existsSync(harFile)) assert.equal((await run(['capture', portal.httpUrl, '--pages', '5', '--out', harFile])).code, 0);
  const engine = await loadNodeEngine();
  const direct = await auditHar(engine, fs.readFileSync(harFile, 'utf8').replace(/^\uFEFF/, ''));

  const json = await run(['audit', harFile, '--format', 'json', '--fail-on', 'none']);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(json.stdout, direct.reportText, 'byte-exact engine JSON');
  const report = JSON.parse(json.stdout);
  assert.equal(report.engine.name, 'portal-check');
  assert.equal(report.target, portal.httpUrl);
  assert.ok(Array.isArray(report.checks) && report.checks.length > 0);

  const failingHigh = report.checks.some((c) => c.pass === false && c.severity === 'high');
  const failingAny = report.checks.some((c) => c.pass === false && ['high', 'medium', 'low'].includes(c.severity));
  assert.equal((await run(['audit', harFile, '--format', 'json'])).code, failingHigh ? 1 : 0);
  assert.equal((await run(['audit', harFile, '--format', 'json', '--fail-on', 'low'])).code, failingAny ? 1 : 0);

  const out = path.join(tmp, 'report.sarif');
  const sarif = await run(['audit', harFile, '--format', 'sarif', '--out', out, '--fail-on', 'none']);
  assert.equal(sarif.code, 0, sarif.stderr);
  assert.equal(sarif.stdout, '');
  const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(doc.version, '2.1.0');
  assert.ok(Array.isArray(doc.runs));

  // Grouped text: one heading per failing check, naming its pages; the fix list is fixFirst's.
  const ruleset = engine.ruleset();
  const groups = failingGroups(report, ruleset);
  const fixes = fixFirst(report, ruleset);
  assert.ok(groups.length > 0 && fixes.length > 0 && fixes.length <= 5, 'the demo portal fails checks');
  for (const lang of ['vi', 'en']) {
    const text = await run(['audit', harFile, '--lang', lang, '--fail-on', 'none']);
    assert.equal(text.code, 0, text.stderr);
    const out = text.stdout;
    const fixSection = out.slice(out.indexOf(lang === 'vi' ? '\nViệc cần làm trước:\n' : '\nFix these first:\n'));
    const listed = [...fixSection.slice(0, fixSection.indexOf('\n\n', 1)).matchAll(/^ {2}(\d)\. (\S+) — /mg)];
    assert.deepEqual(listed.map((m) => [Number(m[1]), m[2]]), fixes.map((f, i) => [i + 1, f.id]));
    for (const f of fixes) for (const r of f.reasons) assert.ok(fixSection.includes(`\n     ${plain(reasonText(r, lang))}\n`), `${f.id}: ${reasonText(r, lang)}`);
    assert.ok(out.indexOf(lang === 'vi' ? 'Việc cần làm trước' : 'Fix these first') < out.indexOf(lang === 'vi' ? 'Kết quả không đạt:' : 'Failing results:'), 'fix list under the grade');
    for (const g of groups) {
      const pages = lang === 'vi' ? `${g.pages.length} trang` : `${g.pages.length} page${g.pages.length === 1 ? '' : 's'}`;
      const heading = new RegExp(String.raw`^ {2}[A-ZÀ-Ỹ ]+ ${g.id.replace(/\./g, '\\.')} — [^\n]+ \(${pages}\)$`, 'mg');
      assert.equal(out.match(heading)?.length, 1, `${lang}: one heading for ${g.id}`);
      for (const page of g.pages.filter((p) => p !== null)) assert.ok(out.includes(`\n               ${plain(page)}\n`), `${g.id} lists ${page}`);
    }
    const vulnerable = groups.find((g) => g.id === 'page.vulnerable-library');
    if (vulnerable) {
      const lib = vulnerable.results[0].details.libraries.find((l) => l.advisories?.length);
      const ids = lib.advisories[0].ids.join(' / ');
      assert.ok(out.includes(`${lib.title || lib.library} ${lib.version}: ${ids}`), `library, version and advisory ids named (${ids})`);
      assert.equal(out.split(`${lib.title || lib.library} ${lib.version}: `).length - 1, 1, 'named once for all its pages');
    }
    assert.match(out, /^portal-check /);
    assert.ok(text.stdout.includes(`/100`) || text.stdout.includes(lang === 'vi' ? 'không có điểm' : 'no grade'));
    assert.match(text.stdout, lang === 'vi' ? /Tổng cộng: \d+ kết quả/ : /Total: \d+ results/);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(text.stdout));
  }
  console.log(`demo HAR: ${groups.length} failing checks; fix first: ${fixes.map((f) => `${f.id} (+${f.points}, ${f.criteria.length} criteria)`).join(', ')}`);
});

test('scan = capture + audit, keeping the HAR with --har-out', { skip: NO_WASM }, async () => {
  const har = path.join(tmp, 'scan.har');
  const r = await run(['scan', portal.httpUrl, '--pages', '3', '--format', 'json', '--har-out', har, '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).target, portal.httpUrl);
  assert.equal(JSON.parse(fs.readFileSync(har, 'utf8')).log.entries[0].request.url, portal.httpUrl);
});

test('an unreadable entry costs only itself: a notice names it, the report says there is no grade', { skip: NO_WASM }, async () => {
  const f = write('bad-entry.har', '{"log": {"version": "1.2", "entries": [{"request": {"method": "GET"}, "response": {"status": 200}}]}}');
  const json = await run(['audit', f, '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  const notice = report.notices.find((n) => n.code === 'entry-unreadable');
  assert.ok(notice && /entry 0 could not be read \(entry 0: request\.url is missing/.test(notice.message), JSON.stringify(report.notices));
  assert.equal(report.grade.grade, null);
  assert.equal(report.grade.reason.code, 'no-document');
  const text = await run(['audit', f, '--lang', 'en']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /no grade — No header grade: no HTML document of the target was audited/);
  assert.match(text.stdout, /request\.url is missing/);
});

// ---- criteria profiles and declarations ----

test('--profile and --declarations: usage errors', async () => {
  assertOneLineError(await run(['audit', 'x.har', '--profile', 'level-4']), /--profile must be one of tnm-website-basic, decree-137-trust, level-2, level-3, observatory \(got "level-4"\)/);
  assertOneLineError(await run(['audit', 'x.har', '--declarations', 'd.json']), /--declarations needs --profile/);
  assertOneLineError(await run(['capture', 'http://127.0.0.1/', '--profile', 'level-2']), /--profile does not apply to capture/);
});

test('a bad declarations file: exit 2, one line naming the file', async () => {
  const har = write('min-decl.har', '{"log": {"version": "1.2", "entries": []}}');
  assertOneLineError(await run(['audit', har, '--profile', 'level-2', '--declarations', path.join(tmp, 'absent.json')]),
    /absent\.json: cannot read the declarations file \(ENOENT\)/);
  assertOneLineError(await run(['audit', har, '--profile', 'level-2', '--declarations', write('notjson.json', '{"version": 1,')]),
    /notjson\.json: the declarations file is not JSON/);
});

test('declarations the engine rejects: exit 2, one line naming the file', { skip: NO_WASM }, async () => {
  const har = write('min-decl2.har', '{"log": {"version": "1.2", "entries": []}}');
  const bad = write('unknown-item.json', JSON.stringify({ version: 1, declarations: { 'auth.mfaa': { value: true } } }));
  assertOneLineError(await run(['audit', har, '--profile', 'level-2', '--declarations', bad]),
    /^portal-check: [^\n]*unknown-item\.json: 'auth\.mfaa' is not a known declaration/);
  const notBool = write('not-bool.json', JSON.stringify({ version: 1, declarations: { 'auth.mfa': { value: 'yes' } } }));
  assertOneLineError(await run(['audit', har, '--profile', 'level-2', '--declarations', notBool]), /not-bool\.json: 'auth\.mfa': "value" must be true or false/);
});

test('text rendering of a profile section', () => {
  const report = {
    engine: { name: 'portal-check', version: '0.1.0' }, ruleset: { version: 't' }, target: 'https://x/', grade: { score: 40, grade: 'D+' },
    checks: [],
    profiles: {
      'level-2': {
        criteria: [
          { id: 'l3.comm.hsts', status: 'not-met', checks: ['transport.hsts'], declarations: [],
            findings: [{ check: 'transport.hsts', outcome: 'missing', page: 'https://x/\u001b[2J', effect: 'fails' }],
            sources: [
              { document: 'decree-331-2026', clause: { vi: 'Điều 30 khoản 4 điểm c', en: 'Art. 30(4)(c)' }, law: 'current', status: 'third-party', url: 'https://a/' },
              { document: 'circular-12-2022', clause: { vi: 'Phụ lục III, dòng 1.3.4', en: 'Annex III, row 1.3.4' }, law: 'legacy', status: 'confirmed', url: 'https://b/' },
            ] },
          { id: 'l2.waf', status: 'needs-declaration', checks: ['site.waf'], findings: [], declarations: [{ id: 'network.waf', value: null }] },
          { id: 'l3.comm.certificate', status: 'not-assessed', checks: ['transport.certificate'], declarations: [],
            findings: [{ check: 'transport.certificate', outcome: 'not-captured', page: null, effect: 'inconclusive' }] },
        ],
      },
    },
  };
  const ruleset = {
    profiles: { 'level-2': { title: { vi: 'Cấp độ 2', en: 'Level 2' }, criteria: [{ id: 'l3.comm.hsts', title: { vi: 'Bật HSTS', en: 'HSTS enabled' } }] } },
    declarations: { declarations: [{ id: 'network.waf', title: { vi: 'Có tường lửa ứng dụng web (WAF)', en: 'Web application firewall in place' } }] },
    documents: { documents: [{ id: 'decree-331-2026', short: { vi: 'Nghị định 331/2026/NĐ-CP', en: 'Decree 331/2026/ND-CP' } }] },
  };
  const vi = renderText(report, ruleset, { lang: 'vi' });
  assert.match(vi, /Tiêu chí level-2 — Cấp độ 2:/);
  // Decree 331/2026 Art. 22(6) wording; citations in Vietnamese, current law apart from legacy.
  assert.match(vi, /CHƯA ĐÁP ỨNG ĐẦY ĐỦ \(KHÔNG ĐẠT\) +l3\.comm\.hsts {2}Bật HSTS/);
  assert.match(vi, /transport\.hsts {2}missing {2}https:\/\/x\/\\e\[2J/);
  assert.match(vi, /căn cứ hiện hành: Nghị định 331\/2026\/NĐ-CP, Điều 30 khoản 4 điểm c \(bên thứ ba\)\n/);
  assert.match(vi, /khung pháp lý cũ: circular-12-2022, Phụ lục III, dòng 1\.3\.4 \(đã đối chiếu\)\n/);
  assert.match(vi, /CHƯA ĐÁP ỨNG ĐẦY ĐỦ \(CẦN TỰ KHAI\) +l2\.waf/);
  assert.match(vi, /CHƯA ĐÁP ỨNG ĐẦY ĐỦ \(CHƯA ĐÁNH GIÁ\) +l3\.comm\.certificate/);
  assert.ok(!vi.includes('ĐÃ ĐÁP ỨNG ĐẦY ĐỦ'), 'no criterion is fully met');
  assert.match(vi, /tự khai network\.waf \(Có tường lửa ứng dụng web \(WAF\)\): chưa khai/);
  assert.match(vi, /Đã đáp ứng đầy đủ 0; chưa đáp ứng đầy đủ 3 \(không đạt 1, chưa đánh giá được 1, cần tự khai 1\); không áp dụng 0\./);
  const en = renderText(report, ruleset, { lang: 'en' });
  assert.match(en, /Criteria level-2 — Level 2:/);
  assert.match(en, /NOT FULLY MET \(FAILS\) +l3\.comm\.hsts {2}HSTS enabled/);
  assert.match(en, /current law: Decree 331\/2026\/ND-CP, Art\. 30\(4\)\(c\) \(third-party\)/);
  assert.match(en, /declaration network\.waf \(Web application firewall in place\): not declared/);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(vi));
  assert.ok(!renderText({ ...report, profiles: undefined }, ruleset, { lang: 'en' }).includes('Criteria'));
});

test('audit with --profile, without and with --declarations', { skip: NO_WASM }, async () => {
  if (!fs.existsSync(harFile)) assert.equal((await run(['capture', portal.httpUrl, '--pages', '5', '--out', harFile])).code, 0);
  const plainRun = JSON.parse((await run(['audit', harFile, '--format', 'json', '--fail-on', 'none'])).stdout);
  assert.equal(plainRun.profiles, undefined, 'no profiles section unless asked for');

  const r = await run(['audit', harFile, '--format', 'json', '--fail-on', 'none', '--profile', 'tnm-website-basic,level-2', '--profile', 'observatory,decree-137-trust']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(report.profiles).sort(), ['decree-137-trust', 'level-2', 'observatory', 'tnm-website-basic']);
  const tnm = report.profiles['tnm-website-basic'].criteria;
  assert.deepEqual(tnm.map((c) => c.id), ['tnm.1', 'tnm.2', 'tnm.3', 'tnm.4', 'tnm.5', 'tnm.6', 'tnm.7', 'tnm.8', 'tnm.9', 'tnm.10', 'tnm.advanced']);
  const STATUSES = ['met', 'not-met', 'not-assessed', 'needs-declaration', 'not-applicable'];
  for (const c of tnm) assert.ok(STATUSES.includes(c.status), c.status);
  const byId = (list, id) => list.find((c) => c.id === id);
  assert.equal(byId(tnm, 'tnm.2').status, 'needs-declaration');
  assert.equal(byId(tnm, 'tnm.8').status, 'needs-declaration');
  assert.deepEqual(byId(tnm, 'tnm.8').declarations, [{ id: 'domain.not-blacklisted', value: null }]);
  assert.deepEqual(report.profiles['decree-137-trust'].criteria.map((c) => c.id), ['d137.a', 'd137.b', 'd137.c', 'd137.d', 'd137.e']);
  const l2 = report.profiles['level-2'].criteria;
  assert.equal(byId(l2, 'l2.waf').status, 'needs-declaration');

  const decl = write('declarations.json', JSON.stringify({
    version: 1,
    organization: { name: 'Sở Thông tin và Truyền thông tỉnh X' },
    declarations: {
      'personal-data.lawful-use': { value: true, note: 'Quy chế xử lý dữ liệu cá nhân' },
      'domain.not-blacklisted': { value: true },
      'network.waf': { value: false },
    },
  }));
  const d = await run(['audit', harFile, '--format', 'json', '--fail-on', 'none', '--profile', 'tnm-website-basic,level-2', '--declarations', decl]);
  assert.equal(d.code, 0, d.stderr);
  const declared = JSON.parse(d.stdout);
  const tnm2 = declared.profiles['tnm-website-basic'].criteria;
  assert.equal(byId(tnm2, 'tnm.2').status, 'met');
  assert.deepEqual(byId(tnm2, 'tnm.2').declarations, [{ id: 'personal-data.lawful-use', value: true, note: 'Quy chế xử lý dữ liệu cá nhân' }]);
  assert.equal(byId(tnm2, 'tnm.8').status, 'met');
  assert.equal(byId(declared.profiles['level-2'].criteria, 'l2.waf').status, 'not-met');
  assert.deepEqual(declared.checks, report.checks, 'declarations do not change the checks');

  for (const lang of ['vi', 'en']) {
    const text = await run(['audit', harFile, '--lang', lang, '--fail-on', 'none', '--profile', 'tnm-website-basic', '--declarations', decl]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, lang === 'vi' ? /Tiêu chí tnm-website-basic — Nhãn Tín Nhiệm Mạng/ : /Criteria tnm-website-basic — Tín Nhiệm Mạng website label/);
    assert.match(text.stdout, lang === 'vi' ? /ĐÃ ĐÁP ỨNG ĐẦY ĐỦ +tnm\.8/ : /FULLY MET +tnm\.8/);
  }
});

// --server: the snippets of rules/fixes under each fix and failing check of the text report.
test('--server prints that server\'s snippets under the fixes and the failing checks, once each', () => {
  const report = {
    engine: { name: 'portal-check', version: '0.1.0' }, ruleset: { version: 't' }, target: 'https://x/',
    checks: [
      { id: 'cookie.flags', outcome: 'cookies-without-secure-flag', pass: false, severity: 'medium', page: 'https://x/a', details: {} },
      { id: 'cookie.flags', outcome: 'cookies-session-without-httponly-flag', pass: false, severity: 'medium', page: 'https://x/b', details: {} },
      { id: 'header.cors', outcome: 'null-origin', pass: false, severity: 'medium', page: 'https://x/a', details: {} },
      { id: 'transport.hsts', outcome: 'strong', pass: true, severity: 'info', page: 'https://x/a', details: {} },
    ],
  };
  const without = renderText(report, { rules: {} }, { lang: 'en' });
  for (const server of ['nginx', 'apache', 'iis', 'tomcat']) {
    const text = renderText(report, { rules: {} }, { lang: 'en', server });
    const snippets = serverSnippets('cookie.flags', 'cookies-without-secure-flag').filter((s) => s.server === server);
    assert.ok(snippets.length > 0, server);
    const fixSection = text.slice(text.indexOf('Fix these first:'), text.indexOf('Failing results:'));
    const failing = text.slice(text.indexOf('Failing results:'));
    for (const s of snippets) {
      const block = s.code.split('\n').map((l) => plain(l)).join('\n');
      const indented = (pad) => block.split('\n').map((l) => `${pad}    ${l}`).join('\n');
      // Under the fix item (5 spaces) and under the check (13 spaces), once each although two
      // outcomes of the check share the snippet.
      assert.equal(fixSection.split(indented('     ')).length - 1, 1, `${server}: once under the fix`);
      assert.equal(failing.split(indented('             ')).length - 1, 1, `${server}: once under the check`);
      assert.ok(text.includes(`${s.label.en} [`), `${server}: its label`);
      if (s.note) assert.ok(text.includes(`Note: ${s.note.en}`), `${server}: its note`);
    }
    // Other servers' snippets are not printed; a check without snippets (header.cors) gets none.
    for (const other of serverSnippets('cookie.flags', 'cookies-without-secure-flag').filter((s) => s.server !== server)) {
      assert.ok(!text.includes(other.label.en), `${server}: no ${other.server} snippet`);
    }
    const cors = failing.slice(failing.indexOf('header.cors'));
    assert.equal(cors.slice(0, cors.indexOf('\n\n')).split('\n').filter((l) => l.startsWith('               ') && !l.includes('https://x/')).length, 0, 'nothing under header.cors');
    assert.ok(text.startsWith(without.slice(0, without.indexOf('Fix these first:'))), 'the same header');
  }
  assert.ok(!without.includes('proxy_cookie_flags') && !without.includes('Header edit Set-Cookie'), 'no snippet without --server');
  const vi = renderText(report, { rules: {} }, { lang: 'vi', server: 'apache' });
  assert.ok(vi.includes(serverSnippets('cookie.flags', 'cookies-without-secure-flag').find((s) => s.server === 'apache').label.vi));
  assert.match(vi, /\n {15}Lưu ý: /);
});

test('--server: allowed values, text format only', async () => {
  assert.equal(parseArgs(['audit', 'x.har', '--server', 'iis']).options.server, 'iis');
  assert.equal(parseArgs(['scan', 'https://x/', '--server=tomcat']).options.server, 'tomcat');
  assert.equal(parseArgs(['audit', 'x.har']).options.server, undefined);
  assert.throws(() => parseArgs(['audit', 'x.har', '--server', 'caddy']), /--server must be one of nginx, apache, iis, tomcat/);
  assert.throws(() => parseArgs(['audit', 'x.har', '--server', 'nginx', '--format', 'json']), /text report only/);
  assert.throws(() => parseArgs(['capture', 'https://x/', '--server', 'nginx']), /does not apply to capture/);
  assertOneLineError(await run(['audit', 'x.har', '--format', 'sarif', '--server', 'apache']), /--server applies to the text report only/);
});

// A HAR recorded from a real browser (tests/fixtures/recorded): the report names failing header
// checks, and --server apache prints their Apache lines.
test('audit --server apache on a recorded HAR prints the Apache snippets of its failing checks', { skip: NO_WASM }, async () => {
  const har = path.join(ROOT, 'tests', 'fixtures', 'recorded', 'chrome-har.har');
  const json = await run(['audit', har, '--format', 'json', '--fail-on', 'none']);
  assert.equal(json.code, 0, json.stderr);
  const groups = failingGroups(JSON.parse(json.stdout));
  const withSnippets = groups.filter((g) => g.outcomes.some((o) => serverSnippets(g.id, o).some((s) => s.server === 'apache')));
  assert.ok(withSnippets.length >= 2, `failing checks with Apache snippets: ${withSnippets.map((g) => g.id)}`);
  const text = await run(['audit', har, '--lang', 'en', '--fail-on', 'none', '--server', 'apache']);
  assert.equal(text.code, 0, text.stderr);
  for (const g of withSnippets) {
    for (const s of g.outcomes.flatMap((o) => serverSnippets(g.id, o)).filter((x) => x.server === 'apache')) {
      for (const line of s.code.split('\n')) assert.ok(text.stdout.includes(`    ${plain(line)}\n`), `${g.id}: ${line}`);
    }
  }
  assert.ok(!text.stdout.includes('add_header'), 'no nginx line');
});
