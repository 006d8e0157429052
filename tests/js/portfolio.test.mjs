// The portfolio page's pure parts (web/app/portfolio/): CSV quoting and the formula-injection
// guard, sorting and filtering, the limits at and past them, and the rows made from real files: a
// bundle of a recorded HAR (signed and unsigned, tampered, with and without replay), a saved
// report, and files that are neither.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvCell, toCsv } from '../../web/app/portfolio/csv.mjs';
import { sortRows, filterRows, gradeGroup, COLUMNS } from '../../web/app/portfolio/table-model.mjs';
import { MAX_PORTFOLIO_FILES, MAX_PORTFOLIO_BYTES, portfolioLimitProblem } from '../../web/app/portfolio/limits.mjs';
import { rowOf, reportFacts, STATES } from '../../web/app/portfolio/row.mjs';
import { rowOfText } from '../../web/app/portfolio/classify.mjs';
import { csvHeader, csvRecord } from '../../web/app/portfolio/texts.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar } from '../../web/host/engine.mjs';
import { createBundle, serializeBundle, generateSigningKey, verifyBundle } from '../../web/host/bundle/index.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAR = fs.readFileSync(path.join(ROOT, 'tests/fixtures/recorded/chrome-har.har'), 'utf8');

test('csvCell: RFC 4180 quoting', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell(-5), '-5', 'a number is no formula');
  assert.equal(csvCell(NaN), '');
});

test('csvCell: a cell starting with = + - @ tab or CR gets a leading apostrophe', () => {
  assert.equal(csvCell('=HYPERLINK("http://evil/","x")'), '"\'=HYPERLINK(""http://evil/"",""x"")"');
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\tx'), "'\tx");
  assert.equal(csvCell('\r=1'), '"\'\r=1"');
  assert.equal(csvCell('a=1'), 'a=1', 'only a leading character counts');
});

test('toCsv: BOM, CRLF records, final CRLF', () => {
  assert.equal(toCsv(['a', 'b'], [[1, 'x,y'], ['=1', null]]), '\uFEFFa,b\r\n1,"x,y"\r\n\'=1,\r\n');
});

const row = (over) => rowOf({ name: 'f.json', size: 1, kind: 'bundle', state: 'intact-unsigned', ...over });
const facts = (site, grade, score, high, notMet = null) => ({
  site, grade, score, high, profiles: notMet === null ? [] : [{ id: 'p', met: 1, notMet, needsDeclaration: 0, notAssessed: 0, notApplicable: 0 }],
});

test('sortRows: every column, both directions, rows without a value last, stable', () => {
  const rows = [
    row({ name: 'c', facts: facts('https://b.gov.vn', 'B', 70, 3, 2), captureTime: '2026-01-02T00:00:00Z' }),
    row({ name: 'a', state: 'failed', site: 'https://z.gov.vn' }),
    row({ name: 'b', facts: facts('https://a.gov.vn', 'A+', 105, 0, 0), state: 'verified', captureTime: '2026-01-01T00:00:00Z', fingerprint: 'SHA256:AA' }),
    row({ name: 'd', facts: facts('https://đà.gov.vn', 'F', 0, 9, 5), state: 'report' }),
  ];
  const names = (col, dir) => sortRows(rows, col, dir).map((r) => r.name).join('');
  assert.equal(names('name', 'ascending'), 'abcd');
  assert.equal(names('name', 'descending'), 'dcba');
  assert.equal(names('site', 'ascending'), 'bcda', 'đ folds to d');
  assert.equal(names('grade', 'ascending'), 'dcba'.replace('a', '') + 'a');
  assert.equal(names('grade', 'descending'), 'bcda');
  assert.equal(names('high', 'descending'), 'dcba'.replace('a', '') + 'a');
  assert.equal(names('criteria', 'ascending'), 'bcda');
  assert.equal(names('state', 'ascending'), 'bcad');
  assert.equal(names('captureTime', 'ascending'), 'bcad');
  assert.equal(names('fingerprint', 'ascending'), 'bcad', 'only b has one; the others keep their order');
  for (const c of COLUMNS) assert.equal(sortRows(rows, c, 'ascending').length, 4);
  assert.equal(sortRows(rows, 'nope').map((r) => r.name).join(''), 'cabd');
});

test('filterRows: diacritics-insensitive query, state and grade filters', () => {
  const rows = [
    row({ name: 'so-tai-chinh.json', facts: facts('https://sotaichinh.gov.vn', 'A', 90, 0), organization: 'Sở Tài chính tỉnh Đồng Nai', state: 'verified' }),
    row({ name: 'x.json', facts: facts('https://x.gov.vn', 'D', 30, 2), state: 'intact-signed' }),
    row({ name: 'y.json', state: 'failed', site: 'https://y.gov.vn' }),
  ];
  const names = (f, textOf) => filterRows(rows, f, textOf).map((r) => r.name);
  assert.deepEqual(names({ query: 'dong nai' }), ['so-tai-chinh.json']);
  assert.deepEqual(names({ query: 'ĐỒNG NAI' }), ['so-tai-chinh.json']);
  assert.deepEqual(names({ query: '' }), ['so-tai-chinh.json', 'x.json', 'y.json']);
  assert.deepEqual(names({ state: 'failed' }), ['y.json']);
  assert.deepEqual(names({ grade: 'D' }), ['x.json']);
  assert.deepEqual(names({ grade: 'none' }), ['y.json']);
  assert.deepEqual(names({ query: 'khong hop le' }, (r) => (r.state === 'failed' ? ['KHÔNG HỢP LỆ'] : [])), ['y.json']);
  assert.equal(gradeGroup({ grade: 'A+' }), 'A');
  assert.equal(gradeGroup({ grade: null }), 'none');
});

test('limits: MAX_PORTFOLIO_FILES and MAX_PORTFOLIO_BYTES at and past', () => {
  const files = (n, size = 1) => Array.from({ length: n }, () => ({ size }));
  assert.equal(portfolioLimitProblem(files(MAX_PORTFOLIO_FILES)), null);
  assert.deepEqual(portfolioLimitProblem(files(MAX_PORTFOLIO_FILES + 1)), { code: 'too-many-files', count: MAX_PORTFOLIO_FILES + 1, bytes: MAX_PORTFOLIO_FILES + 1, max: MAX_PORTFOLIO_FILES });
  assert.equal(portfolioLimitProblem([{ size: MAX_PORTFOLIO_BYTES - 10 }, { size: 10 }]), null);
  assert.equal(portfolioLimitProblem([{ size: MAX_PORTFOLIO_BYTES - 10 }, { size: 11 }]).code, 'too-many-bytes');
  assert.equal(portfolioLimitProblem([]), null);
});

let engine, key, signedText, unsignedText, reportText;
before(async () => {
  engine = await loadNodeEngine();
  key = await generateSigningKey();
  const capture = { method: 'har-file', time: '2026-12-04T22:20:37.146Z', tool: 'chrome-har 1.3.1' };
  signedText = serializeBundle(await createBundle({ engine, harText: HAR, options: { profiles: ['tnm-website-basic'] }, capture, signingKey: key }));
  unsignedText = serializeBundle(await createBundle({ engine, harText: HAR, options: {}, capture }));
  ({ reportText } = await auditHar(engine, HAR, { profiles: ['tnm-website-basic', 'level-2'] }));
});

const classify = (text, extra = {}) => rowOfText({ name: 'file.json', size: text.length, text, engine, verifyBundle, ...extra });

test('rows from real files: signed (trusted or not), unsigned, replayed or not', async () => {
  const plain = await classify(signedText, { replay: false });
  assert.equal(plain.state, 'intact-signed');
  assert.deepEqual(plain.replay, { ran: false, identical: false });
  assert.match(plain.fingerprint, /^SHA256:/);
  assert.equal(plain.captureTime, '2026-12-04T22:20:37.146Z');
  const report = JSON.parse(JSON.parse(signedText).report);
  assert.equal(plain.grade, report.grade.grade);
  assert.equal(plain.score, report.grade.score);
  assert.equal(plain.high, report.checks.filter((c) => c.pass === false && c.severity === 'high').length);
  assert.deepEqual(plain.profiles.map((p) => p.id), ['tnm-website-basic']);
  assert.equal(plain.profiles[0].notMet, report.profiles['tnm-website-basic'].summary['not-met']);
  const trusted = await classify(signedText, { replay: true, trustedKeys: [{ publicJwk: key.publicJwk, organization: 'Sở Thử nghiệm' }] });
  assert.equal(trusted.state, 'verified');
  assert.deepEqual(trusted.replay, { ran: true, identical: true });
  assert.equal(trusted.organization, 'Sở Thử nghiệm');
  const trustedNoReplay = await classify(signedText, { replay: false, trustedKeys: [{ publicJwk: key.publicJwk }] });
  assert.equal(trustedNoReplay.state, 'signer-verified', 'never "verified" before the replay');
  assert.equal(trustedNoReplay.replay.ran, false);
  const unsigned = await classify(unsignedText);
  assert.equal(unsigned.state, 'intact-unsigned');
  assert.equal(unsigned.fingerprint, null);
  assert.equal(unsigned.replay.identical, true);
});

test('a tampered bundle fails with the section named; no grade is shown for it', async () => {
  const b = JSON.parse(signedText);
  b.evidence.log.entries[0].request.url += 'x';
  const r = await classify(serializeBundle(b), { replay: false });
  assert.equal(r.state, 'failed');
  assert.equal(r.grade, null);
  assert.equal(r.high, null);
  assert.deepEqual(r.profiles, []);
  assert.ok(r.problems.some((p) => p.code === 'digest-mismatch' && p.params.section === 'evidence'), JSON.stringify(r.problems));
  assert.match(r.site, /^http/);
});

test('an intact bundle whose report section is no report: failed without the replay, replay-differs with it', async () => {
  const { sectionDigest } = await import('../../web/host/bundle/digest.mjs');
  const b = JSON.parse(unsignedText);
  b.report = 'not a report';
  b.digests.report = await sectionDigest(b.report);
  const text = serializeBundle(b);
  const quick = await classify(text, { replay: false });
  assert.equal(quick.state, 'failed');
  assert.equal(quick.error.code, 'report-unreadable');
  assert.equal(quick.grade, null);
  assert.deepEqual(csvRecord(quick).slice(-1)[0].includes('không phải là báo cáo'), true);
  const full = await classify(text, { replay: true });
  assert.equal(full.state, 'failed');
  assert.ok(full.problems.some((p) => p.code === 'replay-differs'), JSON.stringify(full.problems));
});

test('a saved report, garbage and other JSON become rows, never throws', async () => {
  const r = await classify(reportText);
  assert.equal(r.state, 'report');
  assert.equal(r.kind, 'report');
  assert.deepEqual(r.profiles.map((p) => p.id), ['level-2', 'tnm-website-basic']);
  assert.deepEqual(reportFacts(JSON.parse(reportText)).site, r.site);
  for (const [text, code] of [['garbage', 'not-json'], ['', 'empty'], ['[1,2]', 'not-portfolio-file'], ['{"log":{}}', 'not-portfolio-file'], ['null', 'not-portfolio-file']]) {
    const e = await classify(text);
    assert.equal(e.state, 'error', text);
    assert.equal(e.error.code, code, text);
  }
  const notABundle = await classify('{"format":"portal-check-bundle","version":99}');
  assert.equal(notABundle.state, 'failed');
  assert.ok(STATES.includes(notABundle.state));
});

test('csvRecord: a hostile site string is guarded in the CSV', async () => {
  const r = await classify(reportText);
  const hostile = { ...r, site: '=cmd|" /C calc"!A0', name: '@evil.json' };
  const csv = toCsv(csvHeader(), [csvRecord(hostile)]);
  const lines = csv.split('\r\n');
  assert.equal(lines.length, 3);
  assert.ok(lines[1].startsWith("'@evil.json,\"'=cmd|\"\" /C calc\"\"!A0\","), lines[1]);
});

test('i18n: every portfolio string in both languages, every key the page names exists', async () => {
  const { PORTFOLIO_KEYS, hasPortfolioString } = await import('../../web/app/i18n/portfolio.mjs');
  for (const key of PORTFOLIO_KEYS) assert.ok(hasPortfolioString(key, 'en'), `en: ${key}`);
  const html = fs.readFileSync(path.join(ROOT, 'web/app/portfolio.html'), 'utf8');
  const named = [...html.matchAll(/data-pf(?:-[a-z-]+)?="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(named.length > 20);
  for (const key of named) assert.ok(PORTFOLIO_KEYS.includes(key), `portfolio.html names ${key}`);
  for (const s of STATES) assert.ok(PORTFOLIO_KEYS.includes(`state.${s}`), s);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/i, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, 'no inline style or handler');
});

test('POOL_SIZE: twice the logical processors, at most MAX_WORKERS, at least 2 when unknown', async () => {
  const { POOL_SIZE, MAX_WORKERS } = await import('../../web/app/portfolio/pool.mjs');
  assert.equal(POOL_SIZE(1), 2);
  assert.equal(POOL_SIZE(2), 4);
  assert.equal(POOL_SIZE(16), MAX_WORKERS);
  assert.equal(POOL_SIZE(undefined), 2);
  assert.equal(POOL_SIZE(0), 2);
});
