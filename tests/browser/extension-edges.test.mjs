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

test('a certificate the browser refuses: status 0 with the browser\'s error, then the http part of the site; never judged valid', { skip, timeout: 90000 }, async () => {
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
    // Twice: the browser shows its interstitial in the tab at a moment of its own (during the next
    // navigation or after it), and every run must come out the same.
    let har;
    for (let run = 1; run <= 2; run++) {
      const t0 = Date.now();
      ({ har } = await ext.capture(`${plain.origin}/`));
      const { entries } = har.log;
      const refused = entries.filter((e) => e.request.url.startsWith('https:'));
      assert.ok(refused.length > 0, 'the https start URL was requested');
      for (const e of refused) {
        assert.equal(e.response.status, 0, e.request.url);
        assert.match(e.response._error, /ERR_CERT_(AUTHORITY_INVALID|INVALID|COMMON_NAME_INVALID)/, e.request.url);
        assert.equal(e.response._securityDetails._trusted, false, e.request.url);
        assert.match(e.response._securityDetails._trustError, /CERT_/);
      }
      // After the refusal (the browser takes the tab over for its interstitial), the capture went
      // on over http in a fresh tab: every request of the http origin was answered, none lost to
      // the interstitial or waited out.
      const lastRefused = entries.lastIndexOf(refused[refused.length - 1]);
      const robots = entryOf(har, `${plain.origin}/robots.txt`);
      assert.ok(entries.indexOf(robots) > lastRefused, 'robots.txt was requested after the refused https request');
      assert.equal(robots.response.status, 200);
      assert.equal(robots.response.content.text, 'User-agent: *\nDisallow:\n');
      const overHttp = entries.filter((e) => e.request.url.startsWith(plain.origin));
      for (const e of overHttp) assert.ok(e.response.status > 0, `run ${run}: ${e.request.url}: ${e.response._error}`);
      assert.ok(overHttp.filter((e) => e.response.status === 404).length > 3);
      assert.ok(Date.now() - t0 < 30000, 'the capture did not wait out a timeout');
    }

    // The report. The CLI (which trusts no extra certificate here) reads the page despite the
    // certificate and records it untrusted: transport.certificate "untrusted".
    const certificate = async (h) => (await reportOf(h)).checks.filter((c) => c.id === 'transport.certificate')
      .map((c) => ({ outcome: c.outcome, pass: c.pass, trusted: c.details.trusted ?? null }));
    const fromCli = await certificate(await cliCapture(`${plain.origin}/`, path.join(dir, 'cli-untrusted.har')));
    assert.deepEqual(fromCli, [{ outcome: 'untrusted', pass: false, trusted: false }]);
    // The extension's HAR never makes the certificate valid.
    const fromExtension = await certificate(har);
    assert.ok(fromExtension.length > 0 && fromExtension.every((c) => !['valid', 'expiring-soon'].includes(c.outcome)), JSON.stringify(fromExtension));
    // A certificate the browser refused leaves no page (status 0): the engine judges the refusal
    // itself (transport.certificate "untrusted"), as the CLI's capture of the page does.
    assert.deepEqual(fromExtension, fromCli);
    assertStayedOnLoopback(proxy);
  } finally {
    await secure.close();
    await plain.close();
  }
});

test('an https-only site whose certificate the browser refuses: a report saying so (untrusted, no grade), not a failed capture', { skip, timeout: 90000 }, async () => {
  const tls = makeCertificate(path.join(dir, 'untrusted-cert-only'));
  const secure = await serve((req, res, url) => {
    if (url.pathname === '/') { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(html('<h1>Cổng</h1>')); } else notFound(res);
  }, tls);
  try {
    // Nothing answers over http (the port speaks TLS only); over https the browser refuses the
    // certificate. The refusal is the site's answer: the capture is handed to the app.
    const { har, page } = await ext.capture(`${secure.origin}/`);
    const refused = har.log.entries.filter((e) => e.request.url.startsWith('https:'));
    assert.ok(refused.length > 0);
    for (const e of refused) assert.match(e.response._error, /ERR_CERT_/, e.request.url);
    assert.ok(har.log.entries.every((e) => e.response.status === 0), 'no response was read');
    const report = await reportOf(har);
    assert.deepEqual(report.checks.filter((c) => c.id === 'transport.certificate').map((c) => [c.outcome, c.pass]), [['untrusted', false]]);
    // No page was seen: no grade, and the app says why.
    assert.equal(report.grade.grade, null);
    assert.ok(report.grade.reason?.code, JSON.stringify(report.grade));
    await page.waitForSelector('#report .pc-no-grade', { timeout: 30000 });
    assertStayedOnLoopback(proxy);
  } finally {
    await secure.close();
  }
});

// A body of `size` bytes of HTML (ASCII), the same bytes on every call.
function bigPage(size) {
  const head = Buffer.from('<!doctype html><html><head><title>Lon</title></head><body><p>');
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

test('an administration path behind Basic authentication: the 401 challenge is recorded, no prompt, no wait', { skip, timeout: 90000 }, async () => {
  const asked = [];
  const site = await serve((req, res, url) => {
    if (req.headers.authorization) asked.push(req.headers.authorization);
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html('<p>Trang chủ</p>'));
    } else if (url.pathname === '/phpmyadmin') {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="Quan tri"', 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html('<h1>401 Unauthorized</h1>'));
    } else notFound(res);
  });
  try {
    const t0 = Date.now();
    const { har } = await ext.capture(`${site.origin}/`);
    const e = entryOf(har, `${site.origin}/phpmyadmin`);
    assert.ok(e, 'the administration path was requested');
    assert.equal(e.response.status, 401);
    assert.deepEqual(e.response.headers.filter((h) => h.name.toLowerCase() === 'www-authenticate').map((h) => h.value), ['Basic realm="Quan tri"']);
    assert.match(e.response.content.text, /401 Unauthorized/);
    assert.ok(e.time < 5000, `answered at once, not after the timeout (${e.time} ms)`);
    assert.ok(Date.now() - t0 < 60000);
    assert.deepEqual(asked, [], 'no credentials were ever sent');
    // The CLI records the same challenge.
    const cli = await cliCapture(`${site.origin}/`, path.join(dir, 'cli-auth.har'));
    assert.equal(entryOf(cli, `${site.origin}/phpmyadmin`).response.status, 401);
    assertStayedOnLoopback(proxy);
  } finally {
    await site.close();
  }
});

// Writes a whole HTTP/1.1 response, bytes as given, on the request's socket (Node's own writer
// refuses some of these header bytes), then closes the connection.
function rawResponse(req, head, body) {
  req.socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${head}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`, 'latin1'), body]));
}

test('hostile header values and bodies not valid in their charset: the capture completes and the bodies are the CLI\'s', { skip, timeout: 90000 }, async () => {
  // A windows-1258 page that declares no charset ("Sở Thông tin và Truyền thông", "Trang chủ").
  const cp1258 = Buffer.concat([
    Buffer.from('<!doctype html><html><head><title>Trang ch'), Buffer.from([0xf9]), Buffer.from('</title></head><body><h1>S'),
    Buffer.from([0xf5, 0xd2]), Buffer.from(' Th'), Buffer.from([0xf4]), Buffer.from('ng tin v'), Buffer.from([0xe0]),
    Buffer.from(' Truy'), Buffer.from([0xea, 0xf2]), Buffer.from('n th'), Buffer.from([0xf4]), Buffer.from('ng</h1><a href="/">v'),
    Buffer.from([0xec, 0xd2]), Buffer.from('</a></body></html>'),
  ]);
  // A page that says UTF-8 and is not (a lone continuation byte, an overlong form, 0xff).
  const badUtf8 = Buffer.concat([Buffer.from('<!doctype html><html><head><title>Hỏng</title></head><body><p>'),
    Buffer.from([0x80, 0xc0, 0xaf, 0xff, 0xc3, 0x28]), Buffer.from('</p></body></html>')]);
  const cookiePage = Buffer.from(html('<p>Cookie lạ</p>'));
  const hostileHead = Buffer.concat([
    Buffer.from('Content-Type: text/html; charset=utf-8\r\n'),
    Buffer.from('Set-Cookie: PHIEN="a;b,c"; Path=/; HttpOnly; SameSite=Lax\r\n'),
    Buffer.from('Set-Cookie: t=<script>alert(1)</script>\\"\'; Path=/; Domain=127.0.0.1\r\n'),
    Buffer.from('Set-Cookie: v='), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('; Path=/\r\n'),
    Buffer.from('X-Ghi-Chu: caf'), Buffer.from([0xe9]), Buffer.from(' '), Buffer.from('Tiếng Việt'), Buffer.from(' "x" \\ <b>\r\n'),
    Buffer.from('X-Empty:\r\n'),
    Buffer.from(`X-Long: ${'z'.repeat(8000)}\r\n`),
  ]).toString('latin1');
  const site = await serve((req, res, url) => {
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html('<a href="/trang-cu">1</a> <a href="/hong">2</a> <a href="/cookie-la">3</a>'));
    } else if (url.pathname === '/trang-cu') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(cp1258);
    } else if (url.pathname === '/hong') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(badUtf8);
    } else if (url.pathname === '/cookie-la') {
      rawResponse(req, hostileHead, cookiePage);
    } else notFound(res);
  });
  try {
    const { har } = await ext.capture(`${site.origin}/`);
    const cli = await cliCapture(`${site.origin}/`, path.join(dir, 'cli-hostile.har'));
    for (const [p, body] of [['/trang-cu', cp1258], ['/hong', badUtf8], ['/cookie-la', cookiePage]]) {
      const [e, c] = [entryOf(har, `${site.origin}${p}`), entryOf(cli, `${site.origin}${p}`)];
      assert.ok(e && c, p);
      assert.equal(e.response.status, 200, p);
      const content = ({ size, mimeType, text, encoding }) => ({ size, mimeType, text, encoding });
      assert.deepEqual(content(e.response.content), content(c.response.content), p);
      const bytes = e.response.content.encoding === 'base64' ? Buffer.from(e.response.content.text, 'base64') : Buffer.from(e.response.content.text);
      assert.ok(bytes.equals(body), `${p}: the body, byte for byte`);
    }
    // Not valid in their charset: kept as bytes.
    assert.equal(entryOf(har, `${site.origin}/trang-cu`).response.content.encoding, 'base64');
    assert.equal(entryOf(har, `${site.origin}/hong`).response.content.encoding, 'base64');
    // Every Set-Cookie line is kept, in order; the ASCII ones exactly.
    const cookies = (h) => entryOf(h, `${site.origin}/cookie-la`).response.headers.filter((x) => x.name.toLowerCase() === 'set-cookie').map((x) => x.value);
    assert.equal(cookies(har).length, 3);
    assert.deepEqual(cookies(har).slice(0, 2), cookies(cli).slice(0, 2));
    const other = (h, name) => entryOf(h, `${site.origin}/cookie-la`).response.headers.filter((x) => x.name.toLowerCase() === name).map((x) => x.value);
    assert.deepEqual(other(har, 'x-long'), other(cli, 'x-long'));
    assert.deepEqual(other(har, 'x-empty'), ['']);
    // (Header bytes that are not UTF-8 reach the extension already decoded by DevTools, which
    // drops them, where the CLI reads them as latin1: only their ASCII parts are compared.)
    assert.ok(other(har, 'x-ghi-chu')[0].endsWith(' "x" \\ <b>') && other(cli, 'x-ghi-chu')[0].endsWith(' "x" \\ <b>'));
    assert.match(cookies(har)[2], /^v=.*; Path=\/$/);
    // The report of each capture is made (hostile strings are data, never a crash).
    const [fromExtension, fromCli] = [await reportOf(har), await reportOf(withErrorPageOf(cli, har))];
    assertSameReport(fromExtension, fromCli);
    assertStayedOnLoopback(proxy);
  } finally {
    await site.close();
  }
});

test('real pages nobody on this project wrote: the extension\'s report is the CLI\'s, and no request leaves loopback', { skip: realPagesSkip, timeout: 150000 }, async () => {
  const [head, ...lines] = fs.readFileSync(path.join(REAL_PAGES, 'sources.tsv'), 'utf8').split('\n').filter((l) => l.trim());
  const cols = head.split('\t');
  const rows = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])))
    .filter((r) => fs.existsSync(path.join(REAL_PAGES, `${r.id}.html`)));
  assert.ok(rows.length > 0, `no page listed in ${REAL_PAGES}/sources.tsv`);
  const files = new Map(rows.map((r) => [`/${encodeURIComponent(r.id)}.html`, { file: path.join(REAL_PAGES, `${r.id}.html`), charset: r.charset || 'utf-8' }]));
  // The pages reference many hosts other than this site: none may be contacted.
  const referenced = new Set(rows.flatMap((r) => [...fs.readFileSync(path.join(REAL_PAGES, `${r.id}.html`), 'latin1')
    .matchAll(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase())));
  assert.ok(referenced.size > 10, `hosts the pages reference: ${[...referenced].join(', ')}`);
  const site = await serve((req, res, url) => {
    const page = files.get(url.pathname);
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html([...files.keys()].map((p) => `<a href="${p}">${p}</a>`).join('<br>')));
    } else if (page) {
      res.writeHead(200, { 'Content-Type': `text/html; charset=${page.charset}` });
      res.end(fs.readFileSync(page.file));
    } else notFound(res);
  });
  try {
    const pages = files.size + 1;
    const { har } = await ext.capture(`${site.origin}/`, { pages, timeout: 120000 });
    const cli = withErrorPageOf(await cliCapture(`${site.origin}/`, path.join(dir, 'cli-real.har'), { pages }), har);
    assert.equal(har.log.pages.length, pages, 'every page was captured');
    assert.deepEqual(shapeOf(har), shapeOf(cli));
    assertSameReport(await reportOf(har), await reportOf(cli));
    const hosts = assertStayedOnLoopback(proxy);
    for (const host of hosts) assert.ok(!referenced.has(host), `${host} is referenced by the pages`);
  } finally {
    await site.close();
  }
});
