// The CLI on evidence at and past the engine's limits: each gets a finding/notice (exit 0 or 1)
// or a one-line input error (exit 2); none crashes or hangs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { wasmDir } from '../../web/cli/engine-files.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'web', 'cli', 'portal-check.mjs');
const NO_WASM = fs.existsSync(path.join(wasmDir(), 'portal_check.wasm')) ? false : 'no wasm engine (run scripts/build)';

let tmp;
before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-limits-')); });
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 256 << 20, timeout: 120000 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

function entry({ headers = [], body = '<!doctype html><p>Xin chào</p>', url = 'https://portal.example.gov.vn/' } = {}) {
  return { request: { method: 'GET', url, headers: [] },
    response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, ...headers],
      content: { mimeType: 'text/html', text: body } } };
}

async function auditJson(name, harText) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, harText);
  const r = await run(['audit', file, '--format', 'json', '--fail-on', 'none']);
  assert.equal(r.code, 0, `exit 0 (stderr: ${r.stderr})`);
  return JSON.parse(r.stdout);
}

const har = (...entries) => JSON.stringify({ log: { version: '1.2', entries } });
const noticeCodes = (report) => report.notices.map((n) => n.code);

test('a 100 MB body is audited up to the body limit, with a notice', { skip: NO_WASM }, async () => {
  const report = await auditJson('big.har', har(entry({ body: `<html><body>${'a'.repeat(100 * 1024 * 1024)}</body></html>` })));
  assert.ok(noticeCodes(report).includes('kMaxBodyBytes'));
  assert.ok(report.checks.some((c) => c.id === 'header.csp'));
});

test('10,000 headers and a 1 MB header value give notices, not errors', { skip: NO_WASM }, async () => {
  const many = Array.from({ length: 10000 }, (_, i) => ({ name: `X-H${i}`, value: 'v' }));
  assert.ok(noticeCodes(await auditJson('headers.har', har(entry({ headers: many })))).includes('kMaxHeadersPerMessage'));
  const long = [{ name: 'Content-Security-Policy', value: `default-src ${'a'.repeat(1 << 20)}` }];
  assert.ok(noticeCodes(await auditJson('long.har', har(entry({ headers: long })))).includes('kMaxHeaderValueBytes'));
});

test('an entry nested past kMaxJsonDepth is skipped with a notice; the next entry is audited', { skip: NO_WASM }, async () => {
  const deep = '['.repeat(100000) + '1' + ']'.repeat(100000);
  const skipped = { _deep: JSON.parse('0'), ...entry({ url: 'https://portal.example.gov.vn/deep' }) };
  const text = har(skipped, entry({ url: 'https://portal.example.gov.vn/next' })).replace('"_deep":0', `"_deep":${deep}`);
  const report = await auditJson('deep-entry.har', text);
  const notice = report.notices.find((n) => n.code === 'kMaxJsonDepth');
  assert.ok(notice, 'a kMaxJsonDepth notice');
  assert.equal(notice.entry, 0);
  assert.deepEqual(report.pages, ['https://portal.example.gov.vn/next']);
});

test('invalid UTF-8 and NUL bytes give a valid UTF-8 report', { skip: NO_WASM }, async () => {
  const text = har(entry({ body: '<title>\u0000x</title><p>Xin chào</p>', headers: [{ name: 'Server', value: 'Apache/2.4.1 \u0000' }] }));
  // Splice raw invalid bytes into a JSON string value.
  const at = text.indexOf('Xin');
  assert.ok(at > 0);
  const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(text.slice(at))]);
  const file = path.join(tmp, 'utf8.har');
  fs.writeFileSync(file, bytes);
  const r = await run(['audit', file, '--format', 'json', '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(r.stdout)));
  assert.ok(!r.stdout.includes('\u0000'));
});
