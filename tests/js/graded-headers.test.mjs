// auditHar's gradedHeaders (Auditor::GradedHeadersJson through wasm): the graded page's response
// headers, beside the report, on HARs written by real tools — the recorded fixtures of
// tests/fixtures/recorded and, when present, the real corpus ../shared/data/real-har (public
// test data of other projects, never copied here). Each header list must be the graded page's
// own, in order, with only secret values replaced by markers; an ungraded audit gives [].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar } from '../../web/host/engine.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RECORDED = path.join(ROOT, 'tests', 'fixtures', 'recorded');
const CORPUS = path.resolve(process.env.PORTAL_CHECK_REAL_HAR_DIR || path.join(ROOT, '..', 'shared', 'data', 'real-har'));
const MARKER = /REDACTED-[0-9a-f]{8}/;

const harFiles = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.har')).sort().map((n) => path.join(dir, n)) : []);

// true when `names` appear in `all` in the same order (a HAR may carry pseudo-headers the reader
// drops; a multi-line Set-Cookie value (mitmproxy) becomes one field per line, so only each name's
// first occurrence is compared).
function isSubsequence(names, all) {
  let i = 0;
  for (const n of all) if (i < names.length && n === names[i]) i += 1;
  return i === names.length;
}

async function check(engine, file, t) {
  const text = fs.readFileSync(file, 'utf8');
  let har;
  try { har = JSON.parse(text); } catch { return 'not JSON'; }
  let result;
  try { result = await auditHar(engine, text); } catch { return 'refused by the engine'; }
  const { report, gradedHeaders } = result;
  assert.ok(Array.isArray(gradedHeaders), path.basename(file));
  if (typeof report.grade?.grade !== 'string') {
    assert.deepEqual(gradedHeaders, [], `${path.basename(file)}: ungraded, no headers`);
    return 'ungraded';
  }
  const entries = (har.log?.entries ?? []).filter((e) => e?.request?.url === report.grade.page);
  assert.ok(entries.length > 0, `${path.basename(file)}: the graded page ${report.grade.page} is an entry`);
  if (entries.some((e) => (e.response?.headers ?? []).length > 0)) assert.ok(gradedHeaders.length > 0, `${path.basename(file)}: headers listed`);
  const names = [...new Set(gradedHeaders.map(([n]) => n))];
  const entry = entries.find((e) => isSubsequence(names, (e.response?.headers ?? []).map((h) => h.name)));
  assert.ok(entry, `${path.basename(file)}: ${JSON.stringify(names)} are one entry's headers in order`);
  const own = entry.response.headers;
  for (const [name, value] of gradedHeaders) {
    const candidates = own.filter((h) => h.name === name).flatMap((h) => [String(h.value).trim(), ...String(h.value).split('\n').map((l) => l.trim())]);
    // A cookie of response.cookies that no header carries is read as a Set-Cookie of its own.
    const fromCookies = /^set-cookie$/i.test(name) && (entry.response.cookies ?? []).some((c) => value.startsWith(`${c?.name}=`));
    assert.ok(candidates.includes(value) || MARKER.test(value) || fromCookies, `${path.basename(file)}: ${name} kept or redacted`);
    if (/^set-cookie$/i.test(name)) {
      const cookieValue = /^[^=;]*=([^;]*)/.exec(value)?.[1] ?? '';
      if (cookieValue.length >= 8 && !/^\d+$/.test(cookieValue)) assert.match(cookieValue, MARKER, `${path.basename(file)}: a cookie value leaves as its marker`);
    }
  }
  t.diagnostic(`${path.basename(file)}: ${gradedHeaders.length} headers of ${report.grade.page}`);
  return 'graded';
}

test('the recorded HARs (Chrome, mitmproxy, Playwright): the graded page\'s headers, secrets as markers', async (t) => {
  const engine = await loadNodeEngine();
  const outcomes = [];
  for (const file of harFiles(RECORDED)) outcomes.push(await check(engine, file, t));
  assert.ok(outcomes.filter((o) => o === 'graded').length >= 2, JSON.stringify(outcomes));
});

test('the real HAR corpus', { skip: fs.existsSync(CORPUS) ? false : `the real HAR corpus is not at ${CORPUS} (CI has it)` }, async (t) => {
  const engine = await loadNodeEngine();
  const counts = {};
  for (const file of harFiles(CORPUS)) {
    const o = await check(engine, file, t);
    counts[o] = (counts[o] ?? 0) + 1;
  }
  t.diagnostic(JSON.stringify(counts));
  assert.ok((counts.graded ?? 0) >= 10, JSON.stringify(counts));
});
