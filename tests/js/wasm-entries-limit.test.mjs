// limits::kMaxEntries through the wasm engine: a HAR of exactly 100,000 small HTML pages (each with
// a few headers) is audited by the wasm module in Node without stopping, every page is in the
// report, and the report (about 1.3 GB: 43 results per page) comes out whole as bytes. The wasm
// memory this takes is printed (diagnostic "wasm memory"); the module may grow to 4 GB
// (wasm/CMakeLists.txt -sMAXIMUM_MEMORY).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngine, auditHar } from '../../web/host/engine.mjs';
import { ROOT } from './bad-input.mjs';

const PAGES = 100000;  // limits::kMaxEntries (core/src/evidence/limits.h)
const wasmDir = process.env.PORTAL_CHECK_WASM_DIR || path.join(ROOT, 'build/wasm');

function page(i) {
  return JSON.stringify({
    startedDateTime: '2026-01-01T00:00:00Z', time: 1,
    request: { method: 'GET', url: `https://portal.example.gov.vn/p/${i}`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: -1, bodySize: 80,
      headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Server', value: 'nginx' },
        { name: 'X-Frame-Options', value: 'DENY' }, { name: 'Strict-Transport-Security', value: 'max-age=31536000' }],
      content: { size: 80, mimeType: 'text/html', text: `<html><head><title>Trang ${i}</title></head><body><p>Xin chào ${i}</p></body></html>` },
    },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  });
}

// The HAR as a stream of ~1 MB chunks, made as they are read.
async function* har() {
  const encoder = new TextEncoder();
  yield encoder.encode('{"log":{"version":"1.2","creator":{"name":"limit-test","version":"1"},"entries":[');
  for (let i = 0; i < PAGES; i += 1000) {
    const parts = [];
    for (let k = i; k < Math.min(PAGES, i + 1000); k++) parts.push(page(k));
    yield encoder.encode((i ? ',' : '') + parts.join(','));
  }
  yield encoder.encode(']}}');
}

function count(bytes, text) {
  const needle = Buffer.from(text);
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

test(`${PAGES} small pages (limits::kMaxEntries) through the wasm engine`, { timeout: 400000 }, async (t) => {
  const engine = await loadEngine({ moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')), wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')) });
  const started = Date.now();
  const result = await auditHar(engine, har(), { output: 'bytes' });
  const memory = engine.module.HEAP8.length;
  t.diagnostic(`wasm memory ${(memory / 2 ** 20).toFixed(0)} MiB after the audit (the heap never shrinks: its peak), process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; report ${(result.reportBytes.length / 2 ** 20).toFixed(0)} MiB, SARIF ${(result.sarifBytes.length / 2 ** 20).toFixed(0)} MiB; ${((Date.now() - started) / 1000).toFixed(0)} s`);
  assert.equal(engine.restarts, 0, 'the engine did not stop');
  // The summary at the report's end (keys are sorted: "summary" then "target").
  const report = result.reportBytes;
  const tail = Buffer.from(report.buffer, report.byteOffset, report.length).lastIndexOf('"summary": ');
  const { summary } = JSON.parse(`{${new TextDecoder().decode(report.subarray(tail))}`);
  assert.equal(summary.entries, PAGES);
  assert.equal(summary.pages, PAGES);
  assert.equal(count(report, '"id": "header.csp"'), PAGES, 'one header.csp result per page');
  assert.equal(count(report, 'kMaxEntries'), 0, 'no entry was left out');
  assert.equal(count(result.sarifBytes, '"ruleId": "header.csp"'), PAGES);
  // Too long for one JavaScript string: asking for the text says so instead of stopping the engine.
  assert.throws(() => result.reportText, { name: 'EngineError', code: 'resource-exhausted', message: /more than one JavaScript string can hold/ });
});
