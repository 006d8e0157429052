// The paste input (web/app/inputs/raw-response.mjs) on several responses in a row: curl -siL /
// -sIL transcripts become a redirect chain of HAR entries, 1xx interim responses and a proxy's
// CONNECT answer are dropped, MAX_REDIRECTS holds at and past it, and bad input gives a PasteError,
// never another exception. Two transcripts nobody on this project wrote are the real inputs
// (tests/fixtures/pasted/curl-transcripts.mjs, with their sources); the engine (the wasm build)
// then audits the chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawResponseToHar, parseRawResponses, PasteError, MAX_REDIRECTS } from '../../web/app/inputs/raw-response.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar } from '../../web/host/engine.mjs';
import { HOLBERTON, ZULIP } from '../fixtures/pasted/curl-transcripts.mjs';

const entriesOf = (text, options) => JSON.parse(rawResponseToHar(text, { now: new Date(0), ...options })).log.entries;
const pasteError = (fn) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PasteError, `a PasteError, not ${e && e.name}: ${e && e.message}`);
    return e;
  }
  assert.fail('no PasteError');
};
const hop = (status, location, body = '') => `HTTP/1.1 ${status} Moved\r\nLocation: ${location}\r\nContent-Type: text/html\r\n\r\n${body}`;
const PAGE = 'HTTP/2 200\r\ncontent-type: text/html; charset=utf-8\r\n\r\n<!doctype html><title>ok</title>\r\n';

test('curl -sIL (Holberton): an http:// 301 to https then the 200 page, two entries', () => {
  const entries = entriesOf(HOLBERTON, { url: 'http://www.holberton.online' });
  assert.deepEqual(entries.map((e) => [e.request.url, e.response.status, e.response.redirectURL]), [
    ['http://www.holberton.online/', 301, 'https://www.holberton.online/'],
    ['https://www.holberton.online/', 200, ''],
  ]);
  assert.equal(entries[1].response.headers.find((h) => h.name === 'X-Served-By').value, '03-web-01');
  // The chain starts on http://: the http:// redirect is in the evidence; TLS never is.
  for (const e of entries) assert.deepEqual(e._portalCheck.notCaptured, ['tls']);
  assert.equal(entries[0].response.content.text, '');
});

test('curl -sIL (Zulip): a relative Location is resolved against the previous URL', () => {
  const entries = entriesOf(ZULIP, { url: 'https://localhost/' });
  assert.deepEqual(entries.map((e) => [e.request.url, e.response.status, e.response.httpVersion]), [
    ['https://localhost/', 302, 'HTTP/2'],
    ['https://localhost/login/', 200, 'HTTP/2'],
  ]);
  assert.equal(entries[0].response.redirectURL, 'https://localhost/login/');
  // Started on https: nothing says what http:// does.
  for (const e of entries) assert.deepEqual(e._portalCheck.notCaptured, ['tls', 'http-redirect']);
  // ../ and query-only Locations resolve as a browser resolves them.
  const rel = entriesOf(`${hop(301, '../b?x=1')}${hop(302, '?y=2')}${PAGE}`, { url: 'https://h.example/a/c/d' });
  assert.deepEqual(rel.map((e) => e.request.url), ['https://h.example/a/c/d', 'https://h.example/a/b?x=1', 'https://h.example/a/b?y=2']);
});

test('curl -siL: a redirect with a body, then the page; the bodies stay with their response', () => {
  const body301 = '<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n</body>\r\n</html>\r\n';
  const text = `${hop(301, 'https://a.example/')}`.replace('\r\n\r\n', '\r\nContent-Length: 162\r\n\r\n') + body301 + PAGE;
  const entries = entriesOf(text, { url: 'http://a.example/' });
  assert.equal(entries.length, 2);
  assert.equal(entries[0].response.content.text, body301);
  assert.equal(entries[1].response.content.text, '<!doctype html><title>ok</title>\r\n');
  // A page's body runs to the end, even where it quotes a response.
  const doc = 'HTTP/1.1 200 OK\n\nAn answer looks like:\nHTTP/1.1 404 Not Found\nServer: nginx\n\nmeans the page is missing.\n';
  const single = entriesOf(doc, { url: 'https://b.example/' });
  assert.equal(single.length, 1);
  assert.match(single[0].response.content.text, /HTTP\/1\.1 404 Not Found\nServer: nginx\n\nmeans/);
  // In a redirect's body, a status line not followed by a header line is body text.
  const quoted = entriesOf(`${hop(301, '/b', 'Moved, see:\r\nHTTP/1.1 200 OK then more text\r\nend\r\n')}${PAGE}`, { url: 'https://b.example/' });
  assert.equal(quoted.length, 2);
  assert.match(quoted[0].response.content.text, /200 OK then more text\r\nend\r\n$/);
  // Two pages in a row: the second is the first one's body (only redirects lead somewhere).
  assert.equal(entriesOf(`${PAGE}${PAGE}`).length, 1);
});

test('CRLF and LF give the same chain', () => {
  const lf = entriesOf(HOLBERTON, { url: 'http://www.holberton.online' });
  const crlf = entriesOf(HOLBERTON.replace(/\n/g, '\r\n'), { url: 'http://www.holberton.online' });
  assert.deepEqual(crlf, lf);
  const mixed = entriesOf(HOLBERTON.replace(/\n/, '\r\n'), { url: 'http://www.holberton.online' });
  assert.deepEqual(mixed, lf);
});

test('1xx interim responses are skipped; a proxy\'s CONNECT answer is skipped when a response follows', () => {
  const text = `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n${hop(301, 'https://a.example/')}${PAGE}`;
  assert.deepEqual(parseRawResponses(text).map((r) => r.status), [301, 200]);
  const proxied = `HTTP/1.1 200 Connection established\r\nProxy-agent: Squid/4.10\r\n\r\n${PAGE}`;
  const entries = entriesOf(proxied, { url: 'https://a.example/' });
  assert.equal(entries.length, 1);
  assert.equal(entries[0].response.httpVersion, 'HTTP/2');
  // Proxy, then an interim response, then the page.
  assert.deepEqual(parseRawResponses(`HTTP/1.0 200 Connection Established\n\nHTTP/1.1 100 Continue\n\n${PAGE}`).map((r) => r.statusText), ['']);
  // Alone, the CONNECT answer is what was pasted (its own entry).
  assert.equal(parseRawResponses('HTTP/1.1 200 Connection established\r\n\r\n').length, 1);
  // Only interim responses: an error naming the last one.
  assert.equal(pasteError(() => parseRawResponses('HTTP/1.1 100 Continue\r\n\r\n')).key, 'error.paste.onlyInterim');
});

test(`MAX_REDIRECTS (${MAX_REDIRECTS}) redirects are accepted, one more is refused naming the maximum`, () => {
  assert.equal(MAX_REDIRECTS, 20);
  const chain = (n) => Array.from({ length: n }, (_, i) => hop(302, `/p${i + 1}`)).join('') + PAGE;
  const at = entriesOf(chain(MAX_REDIRECTS), { url: 'https://a.example/p0' });
  assert.equal(at.length, MAX_REDIRECTS + 1);
  assert.equal(at[MAX_REDIRECTS].request.url, `https://a.example/p${MAX_REDIRECTS}`);
  const past = pasteError(() => rawResponseToHar(chain(MAX_REDIRECTS + 1), { url: 'https://a.example/p0' }));
  assert.equal(past.key, 'error.paste.tooManyRedirects');
  assert.deepEqual(past.params, { max: MAX_REDIRECTS, count: MAX_REDIRECTS + 1 });
});

test('a chain that cannot be followed gives a clear error with the line of the response', () => {
  const bad = pasteError(() => rawResponseToHar(`${hop(301, 'http://[::1')}${PAGE}`, { url: 'http://a.example/' }));
  assert.equal(bad.key, 'error.paste.location');
  assert.equal(bad.params.n, 1);
  assert.equal(bad.params.location, 'http://[::1');
  assert.equal(pasteError(() => rawResponseToHar(`${hop(301, 'javascript:alert(1)')}${PAGE}`)).key, 'error.paste.location');
  const noLocation = pasteError(() => rawResponseToHar(`HTTP/1.1 302 Found\r\n\r\n${PAGE}`));
  assert.deepEqual([noLocation.key, noLocation.params], ['error.paste.noLocation', { n: 1, status: 302 }]);
  // The last response may be a redirect (curl --max-redirs stopped there): its target is recorded.
  const last = entriesOf(`${hop(301, '/next')}${hop(301, 'https://c.example/')}`, { url: 'http://a.example/' });
  assert.deepEqual(last.map((e) => e.response.redirectURL), ['http://a.example/next', 'https://c.example/']);
  // A header error in the second response names its line in the paste.
  const header = pasteError(() => rawResponseToHar(`${hop(301, '/x')}HTTP/1.1 200 OK\r\nServer: x\r\nnot a header\r\n\r\n`));
  assert.deepEqual([header.key, header.params.n], ['error.paste.header', 7]);
});

test('hostile bytes: binary garbage, NULs and control characters give a PasteError or a HAR, never a crash', () => {
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pieces = ['HTTP/1.1 301 X\r\n', 'HTTP/2 200\n', 'Location: /a\r\n', 'Location: \u0000\u202e\r\n', '\r\n', '\n', 'Set-Cookie: a=\u0007b\n', ' folded\n', ': no name\n', 'HTTP/1.1 100 Continue\n', '\ufffd\u0000\u00ff', '<html>'];
  for (let round = 0; round < 2000; round++) {
    let text = '';
    const n = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) {
      text += rand() < 0.2 ? String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(rand() * 0x110))) : pieces[Math.floor(rand() * pieces.length)];
    }
    try {
      JSON.parse(rawResponseToHar(text, { url: 'http://a.example/' }));
    } catch (e) {
      assert.ok(e instanceof PasteError, `round ${round}: ${e && e.name} ${e && e.message} on ${JSON.stringify(text)}`);
      assert.equal(typeof e.key, 'string');
    }
  }
  const garbage = pasteError(() => rawResponseToHar('\u0000\u0001\u0002PK\u0003\u0004\u00ff\u00fe binary'));
  assert.equal(garbage.key, 'error.paste.statusLine');
  assert.doesNotMatch(garbage.params.line, /[\u0000-\u001f]/);
});

test('the engine audits the pasted chain: the http:// redirect and the grade of the final page', async () => {
  const engine = await loadNodeEngine();
  const audit = async (text, url) => JSON.parse((await auditHar(engine, rawResponseToHar(text, { url, now: new Date(0) }), {})).reportText);
  const holberton = await audit(HOLBERTON, 'http://www.holberton.online');
  const redirect = holberton.checks.find((c) => c.id === 'transport.redirect');
  assert.equal(redirect.outcome, 'to-https');
  assert.deepEqual(redirect.details.chain, [{ status: 301, url: 'http://www.holberton.online/' }, { status: 200, url: 'https://www.holberton.online/' }]);
  assert.equal(typeof holberton.grade.grade, 'string', 'a grade, not a blank');
  assert.equal(holberton.grade.page, 'https://www.holberton.online/');
  // To another host on the first hop: the Observatory's off-host outcome.
  const offHost = await audit(HOLBERTON, 'http://holberton.online/');
  assert.equal(offHost.checks.find((c) => c.id === 'transport.redirect').outcome, 'off-host-first-hop');
  // Started on https: the http:// redirect stays not captured (never a pass).
  const zulip = await audit(ZULIP, 'https://localhost/');
  assert.equal(zulip.checks.find((c) => c.id === 'transport.redirect').outcome, 'not-captured');
  assert.equal(zulip.grade.page, 'https://localhost/login/');
  assert.equal(typeof zulip.grade.grade, 'string');
});

// Our own cases (written on this project, not sourced transcripts): the shapes curl prints for a
// redirect body without a final line break and for an authentication exchange (--anyauth).
test('ours: a status line glued to a redirect body that lacks a final line break starts the next response', () => {
  const body301 = '<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>301</body>\r\n</html>';
  const text = `${hop(301, 'https://a.example/', body301)}HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<!doctype html><title>ok</title>\r\n`;
  const entries = entriesOf(text, { url: 'http://a.example/' });
  assert.equal(entries.length, 2);
  assert.equal(entries[0].response.content.text, body301);
  assert.equal(entries[1].response.status, 200);
  assert.equal(entries[1].request.url, 'https://a.example/');
  assert.equal(entries[1].response.content.text, '<!doctype html><title>ok</title>\r\n');
  // Glued status text NOT followed by a header line stays body text (running text quoting HTTP).
  const quoted = entriesOf(`${hop(301, '/b', 'Moved: the server said HTTP/1.1 200 OK\r\nand more text\r\n')}${PAGE}`, { url: 'https://b.example/' });
  assert.equal(quoted.length, 2);
  assert.match(quoted[0].response.content.text, /said HTTP\/1\.1 200 OK\r\nand more text\r\n$/);
  // Not a three-digit code: body text.
  const odd = entriesOf(`${hop(301, '/b', 'x</html>HTTP/1.1 20 OK\r\nServer: y\r\n')}${PAGE}`, { url: 'https://b.example/' });
  assert.equal(odd.length, 2);
  assert.match(odd[0].response.content.text, /HTTP\/1\.1 20 OK\r\nServer: y/);
  // A final page's body is never split, glued or not.
  const page = entriesOf('HTTP/1.1 200 OK\r\n\r\n<p>x</p>HTTP/1.1 404 Not Found\r\nServer: z\r\n\r\n', { url: 'https://c.example/' });
  assert.equal(page.length, 1);
  assert.match(page[0].response.content.text, /<p>x<\/p>HTTP\/1\.1 404 Not Found/);
});

test('ours: curl --anyauth -siL: a 401 challenge then the 200 for the same URL is one final response', () => {
  const challenge = 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm="portal", nonce="abc", qop="auth"\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\nUnauthorized.';
  const page = 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Frame-Options: DENY\r\n\r\n<!doctype html><title>in</title>\r\n';
  const entries = entriesOf(challenge + page, { url: 'https://auth.example/private/' });
  assert.equal(entries.length, 1);
  assert.equal(entries[0].response.status, 200);
  assert.equal(entries[0].request.url, 'https://auth.example/private/');
  assert.ok(entries[0].response.headers.some((h) => h.name === 'X-Frame-Options'));
  // The challenge, then a redirect, then the page: the chain starts at the redirect, same URL.
  const chain = entriesOf(`${challenge}\r\n${hop(302, '/home')}${PAGE}`, { url: 'https://auth.example/' });
  assert.deepEqual(chain.map((e) => [e.response.status, e.request.url]), [[302, 'https://auth.example/'], [200, 'https://auth.example/home']]);
  // A proxy challenge (407 with Proxy-Authenticate) likewise.
  assert.deepEqual(parseRawResponses(`HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="p"\r\n\r\n${PAGE}`).map((r) => r.status), [200]);
  // A 401 alone is the final response; a 401 without a challenge header leads nowhere (its body runs on).
  assert.deepEqual(parseRawResponses(challenge).map((r) => r.status), [401]);
  const plain = parseRawResponses(`HTTP/1.1 401 Unauthorized\r\nContent-Type: text/html\r\n\r\n${page}`);
  assert.deepEqual(plain.map((r) => r.status), [401]);
  assert.match(plain[0].body, /HTTP\/1\.1 200 OK/);
});
