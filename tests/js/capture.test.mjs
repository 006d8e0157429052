// Live capture against the real demo portal (and a few tiny misbehaving servers) on loopback.
// Nothing leaves 127.0.0.1/localhost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { capture } from '../../web/host/capture.mjs';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { CP1258_TITLE, CP1258_TEXT } from '../fixtures/demo-portal/pages.mjs';
import { sitePaths } from '../../web/host/site-paths.mjs';
import fs from 'node:fs';

let portal;
let har; // one full capture shared by the read-only assertions
before(async () => {
  portal = await startDemoPortal();
  har = await capture(portal.httpUrl, { pages: 10 });
});
after(() => portal.close());

const entriesFor = (h, url) => h.log.entries.filter((e) => e.request.url === url);
const header = (entry, name) => entry.response.headers.filter((x) => x.name.toLowerCase() === name.toLowerCase());

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}
async function closedPort() {
  const s = net.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

test('HAR 1.2 log with creator, pages and the capture metadata', () => {
  assert.equal(har.log.version, '1.2');
  assert.equal(har.log.creator.name, 'portal-check');
  assert.match(har.log.creator.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(har.log._portalCheck.target, portal.httpUrl);
  assert.equal(har.log._portalCheck.captureMethod, 'cli-live');
  const ids = new Set(har.log.pages.map((p) => p.id));
  for (const e of har.log.entries) {
    assert.ok(!Number.isNaN(Date.parse(e.startedDateTime)), 'startedDateTime is ISO');
    if (e.pageref) assert.ok(ids.has(e.pageref), `pageref ${e.pageref} names a page`);
  }
  // JSON round trip: what the engine receives is plain JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(har)), har);
});

test('the http start is recorded first, its redirect hop carries redirectURL, the https start follows', () => {
  const first = har.log.entries[0];
  assert.equal(first.request.url, portal.httpUrl);
  assert.equal(first.response.status, 301);
  assert.equal(first.response.redirectURL, portal.httpsUrl);
  assert.equal(first._portalCheck.purpose, 'start');
  const https = entriesFor(har, portal.httpsUrl);
  assert.equal(https.length, 1, 'the https start is fetched once');
  assert.equal(https[0].response.status, 200);
  assert.equal(https[0].response.redirectURL, '');
});

test('a redirect off the site (another host: localhost is not 127.0.0.1) is recorded, not followed', () => {
  const hop = entriesFor(har, `http://127.0.0.1:${portal.httpPort}/gioi-thieu`)[0];
  assert.ok(hop, 'the http link was followed');
  assert.equal(hop.response.status, 302);
  const target = `https://localhost:${portal.httpsPort}/gioi-thieu`;
  assert.equal(hop.response.redirectURL, target);
  assert.equal(hop._portalCheck.redirectNotFollowed, 'off-site');
  assert.equal(entriesFor(har, target).length, 0);
  assert.ok(!portal.requests.some((r) => r.scheme === 'https' && r.path === '/gioi-thieu'), 'never requested');
});

test('https entries carry _securityDetails with trust recorded, not enforced', () => {
  const sd = entriesFor(har, portal.httpsUrl)[0].response._securityDetails;
  assert.match(sd.protocol, /^TLS 1\.[23]$/);
  assert.equal(sd.subjectName, 'localhost');
  assert.equal(sd.issuer, 'localhost');
  assert.equal(typeof sd.validFrom, 'number');
  assert.equal(typeof sd.validTo, 'number');
  const now = Date.now() / 1000;
  assert.ok(sd.validFrom <= now + 60 && sd.validTo > now, 'validity in seconds since the epoch');
  assert.ok(Math.abs(sd.validTo - sd.validFrom - 30 * 86400) < 86400, '30-day certificate');
  assert.deepEqual([...sd.sanList].sort(), ['127.0.0.1', 'localhost']);
  assert.equal(sd._trusted, false);
  assert.equal(sd._trustError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  assert.equal(har.log.entries[0].response._securityDetails, undefined, 'no TLS on http');
});

test('repeated response headers stay separate entries, in order', () => {
  const home = entriesFor(har, portal.httpsUrl)[0];
  const cookies = header(home, 'set-cookie').map((h) => h.value);
  assert.equal(cookies.length, 2);
  assert.match(cookies[0], /^PHPSESSID=[0-9a-f]+; path=\/$/);
  assert.equal(cookies[1], 'ngon_ngu=vi; path=/');
  assert.equal(header(home, 'server')[0].value, 'Apache/2.4.29 (Ubuntu)');
});

test('robots.txt, security.txt and the 404 page are fetched on the https site origin', () => {
  const origin = portal.httpsUrl.slice(0, -1);
  const robots = entriesFor(har, `${origin}/robots.txt`)[0];
  assert.equal(robots._portalCheck.purpose, 'robots');
  assert.equal(robots.response.status, 200);
  assert.match(robots.response.content.text, /Disallow: \/quan-tri\//);
  const sec = entriesFor(har, `${origin}/.well-known/security.txt`)[0];
  assert.equal(sec._portalCheck.purpose, 'security-txt');
  assert.equal(sec.response.status, 404);
  const notFound = har.log.entries.filter((e) => e._portalCheck.purpose === 'error-page');
  assert.equal(notFound.length, 1);
  assert.equal(notFound[0].response.status, 404);
  assert.match(notFound[0].response.content.text, /Apache\/2\.4\.29/);
});

test('the security.txt variant of the demo portal serves one over https', async () => {
  const other = await startDemoPortal({ variant: 'good' });
  try {
    const h = await capture(other.httpUrl, { pages: 1 });
    const sec = entriesFor(h, `${other.httpsUrl}.well-known/security.txt`)[0];
    assert.equal(sec.response.status, 200);
    assert.match(sec.response.content.text, /^Contact: mailto:/m);
    assert.match(sec.response.content.text, /^Expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
  } finally {
    await other.close();
  }
});

test('the probed and admin paths come from the rules/ data files the engine reads', () => {
  const data = (f) => JSON.parse(fs.readFileSync(new URL(`../../rules/data/${f}`, import.meta.url), 'utf8'));
  assert.deepEqual([...sitePaths().probe], data('exposed-files.json').files.map((f) => f.path));
  assert.deepEqual([...sitePaths().admin], data('admin-paths.json').paths);
  assert.ok(sitePaths().probe.includes('/.git/HEAD'));
});

test('admin login paths are always requested (purpose admin); the demo /admin is an open login page', () => {
  const origin = portal.httpsUrl.slice(0, -1);
  const admin = har.log.entries.filter((e) => e._portalCheck.purpose === 'admin');
  assert.deepEqual(admin.map((e) => new URL(e.request.url).pathname), sitePaths().admin);
  const page = entriesFor(har, `${origin}/admin`)[0];
  assert.equal(page._portalCheck.purpose, 'admin');
  assert.equal(page.response.status, 200);
  assert.match(page.response.content.text, /type="password"/);
  assert.equal(entriesFor(har, `${origin}/wp-admin`)[0].response.status, 404);
});

test('exposed files are probed only with probe consent', async () => {
  assert.equal(har.log._portalCheck.activeProbe, false);
  assert.equal(har.log.entries.filter((e) => e._portalCheck.purpose === 'probe').length, 0);
  const probed = new Set(sitePaths().probe);
  assert.ok(!portal.requests.some((r) => probed.has(r.path)), 'no probe path reached the server without consent');

  const before = portal.requests.length;
  const h = await capture(portal.httpUrl, { pages: 1, probe: true });
  assert.equal(h.log._portalCheck.activeProbe, true);
  const probes = h.log.entries.filter((e) => e._portalCheck.purpose === 'probe');
  assert.deepEqual(probes.map((e) => new URL(e.request.url).pathname), sitePaths().probe);
  for (const e of probes) assert.equal(e.response.status, 404, e.request.url);
  const sent = portal.requests.slice(before).filter((r) => probed.has(r.path));
  assert.equal(sent.length, probed.size, 'each probe path requested once');
  assert.ok(sent.every((r) => r.method === 'GET'));
});

test('probe on a soft-404 site: 200 with the home page, not the file', async () => {
  const good = await startDemoPortal({ variant: 'good' });
  try {
    const h = await capture(good.httpUrl, { pages: 1, probe: true });
    const git = entriesFor(h, `${good.httpsUrl}.git/HEAD`)[0];
    assert.equal(git._portalCheck.purpose, 'probe');
    assert.equal(git.response.status, 200);
    assert.match(git.response.content.text, /<!DOCTYPE html>/);
    assert.doesNotMatch(git.response.content.text, /^ref: /);
    const notFound = h.log.entries.find((e) => e._portalCheck.purpose === 'error-page');
    assert.equal(notFound.response.status, 200, 'the random path is a soft 404 too');
    assert.notEqual(entriesFor(h, `${good.httpsUrl}admin`)[0].response.content.text.includes('type="password"'), true);
  } finally {
    await good.close();
  }
});

test('probe on the leaky variant finds the real files', async () => {
  const leaky = await startDemoPortal({ variant: 'leaky' });
  try {
    const h = await capture(leaky.httpUrl, { pages: 1, probe: true });
    const git = entriesFor(h, `${leaky.httpsUrl}.git/HEAD`)[0];
    assert.equal(git.response.status, 200);
    assert.equal(git.response.content.text, 'ref: refs/heads/master\n');
    const env = entriesFor(h, `${leaky.httpsUrl}.env`)[0].response.content;
    assert.equal(env.encoding, 'base64', 'application/octet-stream is kept as bytes');
    assert.match(Buffer.from(env.text, 'base64').toString('utf8'), /^DB_PASSWORD=/m);
    const plain = await capture(leaky.httpUrl, { pages: 1 });
    assert.equal(entriesFor(plain, `${leaky.httpsUrl}.git/HEAD`).length, 0, 'not without --probe');
  } finally {
    await leaky.close();
  }
});

test('scripts and stylesheets on the site are fetched once; third-party hosts are never contacted', () => {
  const jq = entriesFor(har, `${portal.httpsUrl}js/jquery-1.12.4.min.js`);
  assert.equal(jq.length, 1);
  assert.equal(jq[0]._resourceType, 'script');
  assert.match(jq[0].response.content.text, /jQuery v1\.12\.4/);
  assert.equal(entriesFor(har, `${portal.httpsUrl}css/style.css`)[0]._resourceType, 'stylesheet');
  for (const e of har.log.entries) assert.match(new URL(e.request.url).hostname, /^(127\.0\.0\.1|localhost)$/);
});

test('the crawl keeps to --pages; http pages linked from https are captured too', async () => {
  // 10 units: the start page and 9 crawled documents, one of them the off-site /gioi-thieu hop.
  assert.equal(har.log.pages.length, 9);
  assert.equal(har.log.entries.filter((e) => e._portalCheck.purpose === 'page' && !e.response.redirectURL).length, 8);
  const login = entriesFor(har, `http://127.0.0.1:${portal.httpPort}/dang-nhap`)[0];
  assert.equal(login.response.status, 200);
  assert.match(login.response.content.text, /type="password"/);

  const before = portal.requests.length;
  const small = await capture(portal.httpUrl, { pages: 3 });
  assert.ok(small.log.pages.length <= 3);
  const documents = small.log.entries.filter((e) => ['start', 'page'].includes(e._portalCheck.purpose) && !e.response.redirectURL);
  assert.ok(documents.length <= 3, `${documents.length} documents`);
  const requested = portal.requests.slice(before);
  assert.equal(requested.length, small.log.entries.length, 'one server request per entry');
});

test('only GET requests are sent', () => {
  for (const e of har.log.entries) assert.equal(e.request.method, 'GET');
  for (const r of portal.requests) assert.ok(r.method === 'GET' || r.method === 'HEAD', r.method);
});

test('bodies past maxBytes are cut and marked', async () => {
  const cut = await capture(portal.httpsUrl, { pages: 1, maxBytes: 300, httpUrl: portal.httpUrl });
  const home = entriesFor(cut, portal.httpsUrl)[0];
  assert.equal(home._portalCheck.bodyCut, true);
  assert.equal(home.response.content.size, 300);
  assert.ok(Buffer.byteLength(home.response.content.text) <= 300);
  assert.equal(cut.log.entries[0].request.url, portal.httpsUrl, 'the start URL comes first');
  const small = entriesFor(cut, `${portal.httpsUrl}robots.txt`)[0];
  assert.ok(small.response.content.size < 300);
  assert.equal(small._portalCheck.bodyCut, undefined);
});

test('a windows-1258 page (charset only in <meta>) is decoded to text', () => {
  const page = entriesFor(har, `${portal.httpsUrl}thong-bao`)[0];
  assert.equal(page.response.content.encoding, undefined);
  const text = page.response.content.text.normalize('NFC');
  assert.ok(text.includes(CP1258_TITLE), 'title decoded');
  assert.ok(text.includes(CP1258_TEXT), 'paragraph decoded');
  assert.equal(har.log.pages.find((p) => p.id === page.pageref).title.normalize('NFC'), CP1258_TITLE);
});

test('a refused connection gives a status-0 entry with _error', async () => {
  const [a, b] = [await closedPort(), await closedPort()];
  const h = await capture(`http://127.0.0.1:${a}/`, { httpsUrl: `https://127.0.0.1:${b}/`, pages: 2 });
  assert.equal(h.log.entries[0].request.url, `http://127.0.0.1:${a}/`);
  assert.equal(h.log.entries[0].response.status, 0);
  assert.equal(h.log.entries[0].response._error, 'ECONNREFUSED');
  assert.equal(entriesFor(h, `https://127.0.0.1:${b}/`)[0].response.status, 0);
  assert.equal(h.log.pages.length, 0);
});

test('a server that never answers times out per request', async () => {
  const silent = net.createServer(() => { /* accept and say nothing */ });
  const stall = http.createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.write('<p>start'); });
  const [p1, p2, closed] = [await listen(silent), await listen(stall), await closedPort()];
  try {
    const t0 = Date.now();
    const h = await capture(`http://127.0.0.1:${p1}/`, { timeoutMs: 300, httpsUrl: `https://127.0.0.1:${closed}/` });
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(h.log.entries[0].response.status, 0);
    assert.match(h.log.entries[0].response._error, /^timeout after 300 ms$/);

    const s = await capture(`http://127.0.0.1:${p2}/`, { timeoutMs: 300, httpsUrl: `https://127.0.0.1:${closed}/` });
    const e = s.log.entries[0];
    assert.equal(e.response.status, 200);
    assert.equal(e._portalCheck.bodyCut, true);
    assert.equal(e.response.content.text, '<p>start');
    assert.match(e.response._error, /timeout/);
  } finally {
    silent.close();
    stall.closeAllConnections();
    stall.close();
  }
});

test('redirect chains stop at maxRedirects', async () => {
  const loop = http.createServer((req, res) => {
    const n = Number(req.url.slice(1)) || 0;
    res.writeHead(302, { Location: `/${n + 1}` });
    res.end();
  });
  const [port, closed] = [await listen(loop), await closedPort()];
  try {
    const h = await capture(`http://127.0.0.1:${port}/`, { maxRedirects: 3, httpsUrl: `https://127.0.0.1:${closed}/` });
    const chain = h.log.entries.filter((e) => e._portalCheck.purpose === 'start' && e.request.url.startsWith('http:'));
    assert.equal(chain.length, 4);
    assert.equal(chain[3]._portalCheck.redirectLimit, true);
    const all = await capture(`http://127.0.0.1:${port}/`, { httpsUrl: `https://127.0.0.1:${closed}/`, pages: 1 });
    assert.equal(all.log.entries.filter((e) => e.request.url.startsWith('http:') && e._portalCheck.purpose === 'start').length, 21);
  } finally {
    loop.closeAllConnections();
    loop.close();
  }
});

test('bad start URLs are refused with code invalid-argument', async () => {
  for (const url of ['ftp://127.0.0.1/', 'not a url', 'http://user:pw@127.0.0.1/']) {
    await assert.rejects(capture(url), (e) => e.code === 'invalid-argument');
  }
});
