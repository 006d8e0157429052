// The one HAR entry builder (web/host/har-entry.mjs harEntry) behind the three evidence paths: the
// CLI capture (toHarEntry), the app's pasted raw response (rawResponseToHar) and the app's
// same-origin self-check (selfCheck). Inputs: the recorded HARs of tests/fixtures/recorded (made by
// Chrome, mitmproxy and Playwright, not by this project), replayed through each path. Each path's
// entries must have the builder's shape, and the engine must read them exactly as it reads the
// same entry written out by hand in the pre-builder form of that path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { loadEngine, auditHar } from '../../web/host/engine.mjs';
import { harEntry, toHarEntry } from '../../web/host/har-entry.mjs';
import { rawResponseToHar } from '../../web/app/inputs/raw-response.mjs';
import { selfCheck } from '../../web/app/inputs/self-check.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasmDir = process.env.PORTAL_CHECK_WASM_DIR || path.join(root, 'build', 'wasm');
const recordedDir = path.join(root, 'tests', 'fixtures', 'recorded');
const recorded = fs.readdirSync(recordedDir).filter((f) => f.endsWith('.har'))
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(recordedDir, f), 'utf8'))]);
const bodyOf = (e) => {
  const c = e.response.content || {};
  return c.encoding === 'base64' ? Buffer.from(c.text || '', 'base64') : Buffer.from(c.text || '', 'utf8');
};
const keysOf = (entry) => [Object.keys(entry), Object.keys(entry.request), Object.keys(entry.response)];
const shape = keysOf(harEntry({ started: new Date(0), url: 'https://a.example/', status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', content: { size: 0, mimeType: '', text: '' } }));
const baseKeys = (entry) => [
  Object.keys(entry).filter((k) => k !== 'pageref' && k !== 'serverIPAddress'),
  Object.keys(entry.request),
  Object.keys(entry.response).filter((k) => !k.startsWith('_')),
];

let engine;
test.before(async () => {
  engine = await loadEngine({
    moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')),
    wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')),
  });
});
const report = async (har) => (await auditHar(engine, typeof har === 'string' ? har : JSON.stringify(har))).reportText;

test('recorded HARs are there', () => assert.ok(recorded.length >= 4, `found ${recorded.length}`));

test('capture: every recorded exchange becomes a builder-shaped entry the engine reads as the recorded one', async () => {
  for (const [file, har] of recorded) {
    const entries = har.log.entries.map((e) => {
      const raw = {
        url: e.request.url, method: e.request.method, requestHeaders: (e.request.headers || []).map((h) => [h.name, h.value]),
        started: new Date(e.startedDateTime), time: e.time, status: e.response.status, statusText: e.response.statusText,
        httpVersion: e.response.httpVersion, rawHeaders: (e.response.headers || []).map((h) => [h.name, h.value]),
        body: bodyOf(e), bodyCut: false, tls: null, serverIPAddress: '', error: null, timings: { send: 0, wait: 0, receive: 0 },
      };
      const entry = toHarEntry(raw, { resourceType: e._resourceType || 'other', purpose: 'page' });
      assert.deepEqual(baseKeys(entry), shape, file);
      return entry;
    });
    // The pre-builder capture entry, written out: the recorded entry with the fields it set.
    const byHand = har.log.entries.map((e, i) => ({
      startedDateTime: e.startedDateTime, time: e.time,
      request: { method: e.request.method, url: e.request.url, httpVersion: 'HTTP/1.1', cookies: [], headers: e.request.headers || [], queryString: entries[i].request.queryString, headersSize: -1, bodySize: 0 },
      response: { ...entries[i].response },
      cache: {}, timings: entries[i].timings, _resourceType: e._resourceType || 'other', _portalCheck: { purpose: 'page' },
    }));
    assert.equal(await report({ log: { ...har.log, entries } }), await report({ log: { ...har.log, entries: byHand } }), file);
  }
});

test('paste: each recorded text response pasted gives one builder-shaped entry, read as the written-out form', async () => {
  let pasted = 0;
  const now = new Date('2026-01-02T03:04:05Z');
  for (const [file, har] of recorded) {
    for (const e of har.log.entries) {
      if (e.response.content?.encoding || e.response.status < 100) continue;
      const headers = (e.response.headers || []).filter((h) => !h.name.startsWith(':')).map((h) => ({ name: h.name, value: String(h.value).replace(/\n/g, ' ') }));
      const text = `HTTP/1.1 ${e.response.status} ${e.response.statusText || ''}\r\n${headers.map((h) => `${h.name}: ${h.value}`).join('\r\n')}\r\n\r\n${e.response.content?.text || ''}`;
      const harText = rawResponseToHar(text, { url: e.request.url, now });
      const entry = JSON.parse(harText).log.entries[0];
      assert.deepEqual(baseKeys(entry), shape, file);
      const location = headers.find((h) => h.name.toLowerCase() === 'location')?.value ?? '';
      const byHand = {
        startedDateTime: now.toISOString(), time: 0,
        request: { method: 'GET', url: e.request.url, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [...new URL(e.request.url).searchParams].map(([name, value]) => ({ name, value })), headersSize: -1, bodySize: 0 },
        response: { status: e.response.status, statusText: entry.response.statusText, httpVersion: 'HTTP/1.1', cookies: [], headers: entry.response.headers,
          content: entry.response.content, redirectURL: e.response.status >= 300 && e.response.status < 400 ? location : '', headersSize: -1, bodySize: -1 },
        cache: {}, timings: { send: 0, wait: 0, receive: 0 }, _resourceType: 'document', _portalCheck: { purpose: 'page', notCaptured: ['tls', 'http-redirect'] },
      };
      const log = JSON.parse(harText).log;
      assert.equal(await report(harText), await report({ log: { ...log, entries: [byHand] } }), file);
      pasted++;
    }
  }
  assert.ok(pasted >= 10, `pasted ${pasted}`);
});

test('self-check: a crawl served from a recorded HAR gives builder-shaped entries', async () => {
  for (const [file, har] of recorded) {
    const first = har.log.entries.find((e) => /^https?:/.test(e.request.url));
    const origin = new URL(first.request.url).origin;
    const byUrl = new Map(har.log.entries.map((e) => [e.request.url.replace(/#.*/, ''), e]));
    const fetchImpl = async (url) => {
      const e = byUrl.get(url);
      const headers = new Headers();
      for (const h of e?.response.headers || []) {
        try { if (!/^(set-cookie|:)/i.test(h.name)) headers.append(h.name, h.value); } catch { /* not a valid header for fetch */ }
      }
      const status = e && e.response.status >= 200 ? e.response.status : 404;
      const response = new Response([204, 205, 304].includes(status) ? null : (e ? bodyOf(e) : 'not found'), { status, headers });
      return Object.defineProperty(response, 'url', { value: url });
    };
    const text = await selfCheck({ start: first.request.url, pages: 5, origin, fetch: fetchImpl, parseHtml: (t) => new JSDOM(t).window.document, skipPrefix: '/app/' });
    const { entries } = JSON.parse(text).log;
    assert.ok(entries.length >= 4, file);
    for (const entry of entries) assert.deepEqual(baseKeys(entry), shape, file);
    assert.match(await report(text), /"checks"/, file);
  }
});
