// The pure parts of the extension's capture: its options, how the DevTools protocol's header
// forms become the HAR's header lines, the in-memory HAR writer (byte for byte the file writer's
// HAR), and the site path lists (the same lists the CLI reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureOptions, CAPTURE_PAGES, MAX_PAGES } from '../../web/extension/capture-options.mjs';
import { headerPairs, httpVersionOf } from '../../web/extension/cdp-transport.mjs';
import { createHarMemoryWriter } from '../../web/host/har-memory-writer.mjs';
import { createHarFileWriter } from '../../web/host/har-file-writer.mjs';
import { parseSitePaths } from '../../web/host/site-path-lists.mjs';
import { sitePaths } from '../../web/host/site-paths.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const REAL_HAR_DIR = process.env.PORTAL_CHECK_REAL_HAR_DIR ?? path.join(ROOT, '..', 'shared', 'data', 'real-har');

test('capture options: pages within 1..MAX_PAGES, else the default; only http(s) targets', () => {
  const at = (query) => captureOptions(query);
  assert.deepEqual(at('?url=http%3A%2F%2F127.0.0.1%3A8080%2F'), { target: 'http://127.0.0.1:8080/', pages: CAPTURE_PAGES, error: null });
  assert.equal(at('?url=https://a.gov.vn/&pages=1').pages, 1);
  assert.equal(at(`?url=https://a.gov.vn/&pages=${MAX_PAGES}`).pages, MAX_PAGES);
  for (const bad of ['0', String(MAX_PAGES + 1), '2.5', 'x', '', '-3', '1e9']) {
    assert.equal(at(`?url=https://a.gov.vn/&pages=${bad}`).pages, CAPTURE_PAGES, bad);
  }
  for (const target of ['', 'chrome://extensions/', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)', 'chrome-extension://x/y', 'not a url']) {
    assert.equal(at(`?url=${encodeURIComponent(target)}`).error, 'bad-target', target);
  }
});

test('header lines: the raw text in wire order with repeats, else the map with its joined repeats split', () => {
  const text = 'HTTP/1.1 200 OK\r\nSet-Cookie: a=1; Path=/\r\nContent-Type: text/html\r\nset-cookie: b=2\r\nX-Odd:  spaced value \r\n\r\n';
  assert.deepEqual(headerPairs({ ignored: 'x' }, text), [
    ['Set-Cookie', 'a=1; Path=/'], ['Content-Type', 'text/html'], ['set-cookie', 'b=2'], ['X-Odd', 'spaced value'],
  ]);
  // HTTP/2 has no header text: Chromium's map joins repeated values with "\n".
  assert.deepEqual(headerPairs({ 'set-cookie': 'a=1\nb=2', 'content-type': 'text/html' }, undefined), [
    ['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['content-type', 'text/html'],
  ]);
  assert.deepEqual(headerPairs(undefined, ''), []);
  // A status line alone (no header lines) falls back to the map.
  assert.deepEqual(headerPairs({ a: '1' }, 'HTTP/1.1 204 No Content\r\n\r\n'), [['a', '1']]);
  assert.equal(httpVersionOf('http/1.1'), 'HTTP/1.1');
  assert.equal(httpVersionOf('http/1.0'), 'HTTP/1.0');
  assert.equal(httpVersionOf('h2'), 'HTTP/2');
  assert.equal(httpVersionOf('h3'), 'HTTP/3');
  assert.equal(httpVersionOf(undefined), '');
});

// Entries of real HARs (producers nobody here wrote) when the corpus is there, else our recorded ones.
function sampleEntries() {
  const dirs = [REAL_HAR_DIR, path.join(ROOT, 'tests', 'fixtures', 'recorded')].filter((d) => fs.existsSync(d));
  const entries = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.har')).sort()) {
      try {
        const har = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
        entries.push(...(har.log?.entries ?? []).slice(0, 20));
      } catch {
        // not JSON: the corpus holds some on purpose
      }
      if (entries.length > 300) return entries;
    }
  }
  return entries;
}

test('the in-memory HAR writer writes the file writer\'s HAR byte for byte, in slot and part order', async () => {
  const entries = sampleEntries();
  assert.ok(entries.length > 20, `entries: ${entries.length}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-check-writers-'));
  try {
    const file = path.join(dir, 'a.har');
    const writers = [createHarFileWriter(file), createHarMemoryWriter()];
    // The same reservations, filled in a scrambled order, slots in several parts, slot 11 empty.
    const slots = writers.map((w) => Array.from({ length: 12 }, () => w.reserve()));
    const plan = [];
    for (let i = 0, k = 0; i < entries.length; i += 7, k++) plan.push([(k * 5) % 11, Math.floor(k / 11), entries.slice(i, i + 7)]);
    for (const [slot, part, some] of plan.reverse()) writers.forEach((w, k) => w.fill(slots[k][slot], some, part));
    assert.equal(writers[0].bytes, writers[1].bytes);
    const head = { version: '1.2', creator: { name: 'portal-check', version: 't' }, _portalCheck: { target: 'https://a.gov.vn/' } };
    const pages = [{ id: 'page_1', title: 'Trang chủ', startedDateTime: '2026-12-05T00:00:00.000Z', pageTimings: {} }];
    await writers[0].finish(head, pages);
    const text = await new Blob(await writers[1].finish(head, pages)).text();
    assert.equal(text, fs.readFileSync(file, 'utf8'));
    assert.equal(JSON.parse(text).log.entries.length, plan.reduce((n, [, , some]) => n + some.length, 0));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('site path lists: the extension parses the same lists the CLI reads; malformed lists are refused by name', () => {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'data', f), 'utf8'));
  assert.deepEqual(parseSitePaths({ adminPaths: read('admin-paths.json'), exposedFiles: read('exposed-files.json') }), sitePaths());
  assert.throws(() => parseSitePaths({ adminPaths: { paths: ['admin'] }, exposedFiles: { files: [] } }), /admin-paths\.json/);
  assert.throws(() => parseSitePaths({ adminPaths: { paths: [] }, exposedFiles: { files: [{ path: 3 }] } }), /exposed-files\.json/);
  assert.throws(() => parseSitePaths({ adminPaths: null, exposedFiles: null }), /exposed-files\.json|admin-paths\.json/);
  assert.deepEqual(parseSitePaths({ adminPaths: { paths: ['/a', '/a', '/b'] }, exposedFiles: { files: [] } }).admin, ['/a', '/b']);
});
