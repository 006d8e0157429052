// A redirect the browser makes up is not the server's: once Chromium holds HSTS for a host (from
// the site's own Strict-Transport-Security, in this capture or an earlier one), it answers every
// http:// request to that host itself with "307 Internal Redirect" and the server is never asked.
// The extension must record that it could not see the server's http answer, and the report must
// never turn the made-up redirect into "http redirects to https" (a false pass of
// transport.redirect).
//
// A host name (HSTS is never applied to an IP address) mapped to loopback by
// --host-resolver-rules; its certificate trusted by key. Two captures in one profile: the first
// meets the site's real http → https redirect, then HSTS; the second starts with HSTS held.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { skipReason, tempDir } from './harness.mjs';
import { startRecordingProxy, launchExtension, reportOf, assertStayedOnLoopback } from './extension-harness.mjs';

const skip = skipReason();
const HOST = 'cong-hsts.example';
let dir;
let proxy;
let ext;
let plain;
let secure;
const httpRequests = [];

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  if (skip) return;
  dir = tempDir('portal-check-extension-hsts-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'),
    '-out', path.join(dir, 'cert.pem'), '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`, '-days', '30'], { stdio: 'ignore' });
  const tls = { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
  secure = await listen(https.createServer(tls, (req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Strict-Transport-Security': 'max-age=3600' });
    res.end(`<!doctype html><html lang="vi"><head><title>Cổng</title></head><body><a href="http://${HOST}:${plain.address().port}/dang-nhap">Đăng nhập</a></body></html>`);
  }));
  plain = await listen(http.createServer((req, res) => {
    httpRequests.push(req.url);
    if (req.url === '/') {
      res.writeHead(301, { Location: `https://${HOST}:${secure.address().port}/` });
      res.end();
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Đăng nhập</title><form method="post"><input type="password" name="p"></form>');
    }
  }));
  proxy = await startRecordingProxy();
  ext = await launchExtension(dir, {
    proxy, trustedCerts: [path.join(dir, 'cert.pem')], extraArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--proxy-bypass-list=${HOST}`],
  });
});

after(async () => {
  await ext?.close();
  await proxy?.close();
  for (const s of [plain, secure]) if (s) { s.closeAllConnections(); s.close(); }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const redirectOutcome = async (har) => (await reportOf(har)).checks.filter((c) => c.id === 'transport.redirect').map((c) => c.outcome);

test('HSTS the browser holds: its made-up redirects are recorded as not captured, never as the server\'s', { skip, timeout: 120000 }, async () => {
  const start = `http://${HOST}:${plain.address().port}/`;
  // 1. The site's own http → https redirect, then its HSTS: the crawl's http link is answered by
  //    the browser itself.
  const first = (await ext.capture(start, { pages: 3 })).har;
  const [hop, landed] = first.log.entries;
  assert.equal(hop.request.url, start);
  assert.equal(hop.response.status, 301, 'the server\'s real redirect');
  assert.equal(landed.response.status, 200);
  const login = first.log.entries.find((e) => e.request.url.endsWith('/dang-nhap'));
  assert.ok(login, 'the http link was requested');
  assert.equal(login.response.status, 0);
  assert.match(login.response._error, /not captured: this browser answered the http:\/\/ request itself \(HSTS/);
  assert.equal(login._portalCheck.notCaptured, undefined, 'the host\'s http answer was seen (the start\'s 301)');
  assert.deepEqual(httpRequests, ['/'], 'the server saw the start request only');
  assert.deepEqual(await redirectOutcome(first), ['to-https']);

  // 2. A new capture, from the https page as a user clicks on it, with HSTS held: the http form
  //    of the address is answered by the browser itself, so the http redirect is not captured
  //    (never "to-https").
  const second = (await ext.capture(`https://${HOST}:${secure.address().port}/`, { pages: 3 })).har;
  const made = second.log.entries.find((e) => e.request.url === `http://${HOST}/`);
  assert.ok(made, 'the http form of the address was requested');
  assert.equal(made.response.status, 0);
  assert.match(made.response._error, /\(HSTS: it sends this host to https/);
  assert.deepEqual(made._portalCheck.notCaptured, ['http-redirect']);
  assert.deepEqual(httpRequests, ['/'], 'still only the first capture\'s request');
  assert.deepEqual(await redirectOutcome(second), ['not-captured']);
  assertStayedOnLoopback(proxy);
});
