// The extension's capture (web/extension/, through chrome.debugger in Debian's Chromium) at its
// edges, each against a small loopback site written here: a certificate the browser refuses,
// bodies at and past the capture's byte limit, a download-type response, hostile header values
// and bodies that are not valid in their charset, and real pages nobody on this project wrote
// (../shared/data/real-pages, or PORTAL_CHECK_REAL_PAGES_DIR; skipped with a message when absent).
// Where the CLI sees the same thing, its capture of the same site is the reference.
//
// No certificate is trusted by key here (extension.test.mjs trusts the demo portal's): the https
// site's self-signed certificate is one Chromium refuses. Every request Chromium would send off
// loopback goes to the recording proxy, which must see Chromium's own services only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { ROOT, skipReason, tempDir } from './harness.mjs';
import {
  startRecordingProxy, launchExtension, cliCapture, reportOf, withErrorPageOf, shapeOf, assertSameReport,
  assertStayedOnLoopback,
} from './extension-harness.mjs';
import { makeCertificate } from '../fixtures/demo-portal/server.mjs';

const skip = skipReason();
// PORTAL_CHECK_REAL_PAGES_DIR points at another copy of the pages (the default is beside the clone).
const REAL_PAGES = path.resolve(process.env.PORTAL_CHECK_REAL_PAGES_DIR || path.join(ROOT, '..', 'shared', 'data', 'real-pages'));
const realPagesSkip = skip || (fs.existsSync(path.join(REAL_PAGES, 'sources.tsv')) ? false
  : `the real pages are not at ${REAL_PAGES} (they sit beside the clone as ../shared/data/real-pages; CI has them)`);
if (realPagesSkip && !skip) process.stderr.write(`extension-edges: real pages skipped: ${realPagesSkip}\n`);

// The capture's byte limit per body (web/extension/capture-page.mjs MAX_BYTES, the CLI's default).
const MAX_BYTES = 5 * 1024 * 1024;

let dir;
let proxy;
let ext;

before(async () => {
  if (skip) return;
  dir = tempDir('portal-check-extension-edges-');
  proxy = await startRecordingProxy();
  ext = await launchExtension(dir, { proxy });
});

after(async () => {
  await ext?.close();
  await proxy?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// A loopback server (http, or https with `tls` {key, cert}) answering with handler(req, res, url).
// → Promise<{port, origin, close()}>
function serve(handler, tls) {
  const server = tls ? https.createServer(tls, (req, res) => handler(req, res, new URL(req.url, 'http://x')))
    : http.createServer((req, res) => handler(req, res, new URL(req.url, 'http://x')));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({
      port,
      origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
      close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
    });
  }));
}

const html = (body) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thử</title></head><body>${body}</body></html>`;
const notFound = (res) => { res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(html('<p>Không tìm thấy</p>')); };
const entryOf = (har, url) => har.log.entries.find((e) => e.request.url === url);

test('a certificate the browser refuses: status 0 with the browser\'s error, then the http part of the site, and never a pass', { skip, timeout: 90000 }, async (t) => {
  const tls = makeCertificate(path.join(dir, 'untrusted-cert'));
  const secure = await serve((req, res, url) => {
    if (url.pathname === '/') { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(html('<h1>Cổng</h1>')); } else notFound(res);
  }, tls);
  const plain = await serve((req, res, url) => {
    if (url.pathname === '/') { res.writeHead(301, { Location: `${secure.origin}/` }); res.end(); } else if (url.pathname === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('User-agent: *\nDisallow:\n');
    } else notFound(res);
  });
  try {
    const t0 = Date.now();
    const { har } = await ext.capture(`${plain.origin}/`);
    const { entries } = har.log;
    const refused = entries.filter((e) => e.request.url.startsWith('https:'));
    assert.ok(refused.length > 0, 'the https start URL was requested');
    for (const e of refused) {
      assert.equal(e.response.status, 0, e.request.url);
      assert.match(e.response._error, /ERR_CERT_(AUTHORITY_INVALID|INVALID|COMMON_NAME_INVALID)/, e.request.url);
      assert.equal(e.response._securityDetails._trusted, false, e.request.url);
      assert.match(e.response._securityDetails._trustError, /CERT_/);
    }
    // After the refusal (the browser detached the debugger for its interstitial), the capture went
    // on over http: the site files of the http origin were answered.
    const lastRefused = entries.lastIndexOf(refused[refused.length - 1]);
    const robots = entryOf(har, `${plain.origin}/robots.txt`);
    assert.ok(entries.indexOf(robots) > lastRefused, 'robots.txt was requested after the refused https request');
    assert.equal(robots.response.status, 200);
    assert.equal(robots.response.content.text, 'User-agent: *\nDisallow:\n');
    assert.ok(entries.filter((e) => e.request.url.startsWith(plain.origin) && e.response.status === 404).length > 3);
    assert.ok(Date.now() - t0 < 60000, 'the capture did not wait out timeouts');

    // The report. The CLI (which trusts no extra certificate here) reads the page despite the
    // certificate and records it untrusted: transport.certificate "untrusted".
    const certificate = async (h) => (await reportOf(h)).checks.filter((c) => c.id === 'transport.certificate')
      .map((c) => ({ outcome: c.outcome, pass: c.pass, trusted: c.details.trusted ?? null }));
    const fromCli = await certificate(await cliCapture(`${plain.origin}/`, path.join(dir, 'cli-untrusted.har')));
    assert.deepEqual(fromCli, [{ outcome: 'untrusted', pass: false, trusted: false }]);
    // The extension's HAR never makes the certificate valid.
    const fromExtension = await certificate(har);
    assert.ok(fromExtension.length > 0 && fromExtension.every((c) => !['valid', 'expiring-soon'].includes(c.outcome)), JSON.stringify(fromExtension));
    // Known gap, in the engine (core/src/checks/transport_certificate.cc): it judges a host's
    // certificate on that host's https pages only, and a certificate the browser refuses leaves no
    // page (status 0), so the check says not-applicable ("no page was served over https", a pass)
    // where the CLI's capture says untrusted. Until the engine judges a refused certificate
    // (status 0 with _securityDetails._trusted false) this subtest is a todo.
    await t.test('the report fails transport.certificate for the refused certificate, as for the CLI', {
      todo: 'the engine judges certificates on https pages only; a refused certificate leaves none',
    }, () => { assert.deepEqual(fromExtension, fromCli); });
    assertStayedOnLoopback(proxy);
  } finally {
    await secure.close();
    await plain.close();
  }
});

// A body of `size` bytes of HTML (ASCII), the same bytes on every call.
function bigPage(size) {
  const head = Buffer.from('<!doctype html><html><head><title>Lớn</title></head><body><p>'.replace('ớ', 'o'));
  const body = Buffer.alloc(size, 'a');
  head.copy(body);
  return body;
}

test('bodies past the byte limit are cut at it, with or without Content-Length; a body at the limit is whole', { skip, timeout: 90000 }, async () => {
  const over = bigPage(6 * 1024 * 1024);
  const at = bigPage(MAX_BYTES);
  const site = await serve((req, res, url) => {
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html('<a href="/co-do-dai">1</a> <a href="/chunked">2</a> <a href="/vua-du">3</a>'));
    } else if (url.pathname === '/co-do-dai') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': over.length });
      res.end(over);
    } else if (url.pathname === '/chunked') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); // no Content-Length: chunked
      for (let i = 0; i < over.length; i += 256 * 1024) res.write(over.subarray(i, i + 256 * 1024));
      res.end();
    } else if (url.pathname === '/vua-du') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': at.length });
      res.end(at);
    } else notFound(res);
  });
  try {
    const { har } = await ext.capture(`${site.origin}/`);
    const cli = await cliCapture(`${site.origin}/`, path.join(dir, 'cli-big.har'));
    for (const [p, body, cut] of [['/co-do-dai', over, true], ['/chunked', over, true], ['/vua-du', at, false]]) {
      const e = entryOf(har, `${site.origin}${p}`);
      assert.ok(e, p);
      assert.equal(e.response.status, 200, p);
      assert.equal(e._portalCheck.bodyCut ?? false, cut, `${p}: bodyCut`);
      assert.equal(e.response.content.size, MAX_BYTES, `${p}: content.size`);
      assert.equal(e.response.content.encoding, undefined, p);
      assert.ok(e.response.content.text === body.subarray(0, MAX_BYTES).toString('latin1'), `${p}: the first ${MAX_BYTES} bytes`);
      // The CLI records the same.
      const c = entryOf(cli, `${site.origin}${p}`);
      assert.deepEqual([c._portalCheck.bodyCut ?? false, c.response.content.size], [cut, MAX_BYTES], `${p} (CLI)`);
    }
    assertStayedOnLoopback(proxy);
  } finally {
    await site.close();
  }
});

test('a download-type response is recorded with its body and headers, and nothing is downloaded', { skip, timeout: 90000 }, async () => {
  const file = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7 + 3) % 256));
  const site = await serve((req, res, url) => {
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html('<a href="/bao-cao/tai-ve">Tải báo cáo</a>'));
    } else if (url.pathname === '/bao-cao/tai-ve') {
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="bao-cao-2026.bin"',
        'Content-Length': file.length, 'X-Report-Id': 'rp-42',
      });
      res.end(file);
    } else notFound(res);
  });
  try {
    const before = ext.downloads.length;
    const { har } = await ext.capture(`${site.origin}/`);
    const e = entryOf(har, `${site.origin}/bao-cao/tai-ve`);
    assert.ok(e, 'the linked download was requested');
    assert.equal(e.response.status, 200);
    const header = (name) => e.response.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
    assert.deepEqual(header('content-type'), ['application/octet-stream']);
    assert.deepEqual(header('content-disposition'), ['attachment; filename="bao-cao-2026.bin"']);
    assert.deepEqual(header('x-report-id'), ['rp-42']);
    assert.equal(e.response.content.mimeType, 'application/octet-stream');
    assert.equal(e.response.content.encoding, 'base64');
    assert.equal(e.response.content.size, file.length);
    assert.ok(Buffer.from(e.response.content.text, 'base64').equals(file), 'the body, byte for byte');
    // The only download of the run is the app's "Download HAR" (an extension page's blob).
    const started = ext.downloads.slice(before);
    assert.equal(started.length, 1, JSON.stringify(started));
    assert.match(started[0].url, /^blob:chrome-extension:/);
    assertStayedOnLoopback(proxy);
  } finally {
    await site.close();
  }
});
