// snippetBlocks (web/app/report/snippet-blocks.mjs) in jsdom with a literal list of examples: one
// block per server with its label in the UI's language, the code as text (markup in it stays
// text), the copy button through navigator.clipboard and, where that fails, the code selected and
// the reader told to copy it by hand; nothing for an empty or malformed list.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

let snippetBlocks;
let dom;
before(async () => {
  dom = new JSDOM('<!doctype html><body></body>');
  for (const k of ['document', 'Node', 'Event', 'getSelection']) globalThis[k] = k === 'getSelection' ? dom.window.getSelection.bind(dom.window) : dom.window[k];
  ({ snippetBlocks } = await import('../../web/app/report/snippet-blocks.mjs'));
});

const SNIPPETS = [
  { server: 'nginx', label: { vi: 'Nginx (máy chủ)', en: 'Nginx (server)' }, language: 'nginx', code: 'add_header X-Frame-Options "SAMEORIGIN" always;' },
  { server: 'apache', label: { vi: 'Apache', en: 'Apache' }, language: 'apache', code: 'Header always set X-Frame-Options "SAMEORIGIN"' },
  { server: 'iis', label: { vi: 'IIS', en: 'IIS' }, language: 'xml', code: '<system.webServer><httpProtocol><customHeaders><add name="X-Frame-Options" value="SAMEORIGIN" /></customHeaders></httpProtocol></system.webServer>' },
  { server: 'tomcat', file: 'conf/web.xml', note: { vi: 'Khởi động lại Tomcat.', en: 'Restart Tomcat.' }, label: { vi: 'Tomcat', en: 'Tomcat' }, language: 'xml', code: '<filter><filter-name>httpHeaderSecurity</filter-name></filter><script>alert(1)</script>' },
];

const tick = () => new Promise((r) => setTimeout(r, 0));

test('one block per server: label in the UI language, code as text in <pre><code>', () => {
  const vi = snippetBlocks(SNIPPETS, 'vi');
  const blocks = vi.querySelectorAll('.pc-snippet');
  assert.equal(blocks.length, 4);
  assert.deepEqual([...blocks].map((b) => b.dataset.key), ['nginx', 'apache', 'iis', 'tomcat']);
  assert.match(blocks[0].querySelector('.pc-snippet-h').textContent, /^Nginx \(máy chủ\)/);
  assert.match(vi.textContent, /Cấu hình mẫu cho máy chủ/);
  for (let i = 0; i < 4; i++) assert.equal(blocks[i].querySelector('pre > code').textContent, SNIPPETS[i].code);
  assert.match(blocks[3].querySelector('.pc-snippet-h').textContent, /^Tomcat — conf\/web\.xml \(xml\)$/);
  assert.equal(blocks[3].querySelector('.pc-snippet-note').textContent, 'Khởi động lại Tomcat.');
  assert.equal(blocks[0].querySelector('.pc-snippet-note'), null);
  assert.equal(vi.querySelectorAll('script, filter, system\\.webServer').length, 0, 'markup in the code stays text');
  const en = snippetBlocks(SNIPPETS, 'en');
  assert.match(en.querySelector('.pc-snippet-h').textContent, /^Nginx \(server\)/);
  assert.equal(en.querySelectorAll('.pc-snippet-note')[0].textContent, 'Restart Tomcat.');
  assert.match(en.textContent, /Server configuration examples/);
  assert.equal(en.querySelector('button').textContent, 'Copy');
});

test('copy: through navigator.clipboard, else the code selected and a hand-copy hint', async () => {
  const copied = [];
  Object.defineProperty(globalThis, 'navigator', { value: { clipboard: { writeText: async (s) => { copied.push(s); } } }, configurable: true });
  const node = snippetBlocks(SNIPPETS.slice(0, 1), 'vi');
  document.body.append(node);
  node.querySelector('button').click();
  await tick();
  assert.deepEqual(copied, [SNIPPETS[0].code]);
  assert.equal(node.querySelector('.pc-copy-status').textContent, 'Đã sao chép.');

  Object.defineProperty(globalThis, 'navigator', { value: { clipboard: { writeText: async () => { throw new Error('denied'); } } }, configurable: true });
  const refused = snippetBlocks(SNIPPETS.slice(1, 2), 'en');
  document.body.append(refused);
  refused.querySelector('button').click();
  await tick();
  assert.match(refused.querySelector('.pc-copy-status').textContent, /press Ctrl\+C/);
  assert.equal(String(dom.window.getSelection()), SNIPPETS[1].code);

  Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
  const none = snippetBlocks(SNIPPETS.slice(2, 3), 'vi');
  document.body.append(none);
  none.querySelector('button').click();
  await tick();
  assert.match(none.querySelector('.pc-copy-status').textContent, /Ctrl\+C/);
});

test('nothing to show: null', () => {
  assert.equal(snippetBlocks([], 'vi'), null);
  assert.equal(snippetBlocks(null, 'vi'), null);
  assert.equal(snippetBlocks([{ server: 'nginx' }, 'x', { code: 7 }], 'en'), null);
});
