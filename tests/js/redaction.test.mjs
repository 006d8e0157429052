// Redaction proof: redacting the evidence changes no audit outcome. For every rule case
// (HAR built as parity.test.mjs builds it), for a synthetic HAR holding every kind of secret, and
// for a live capture of the demo portal (probe on), the wasm engine audits the original and the
// redacted HAR; per result position the (id, outcome, pass, severity) must be equal and the page
// URL must equal the original page URL redacted by the same rules. Also: no original secret (found
// here by an independent, regex-based extractor) is left in the redacted text; markers are
// deterministic; redaction is idempotent; the built-in name lists agree with rules/data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditHar } from '../../web/host/engine.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { capture } from '../../web/host/capture.mjs';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';
import { redactHar, redactUrl } from '../../web/host/bundle/redact.mjs';
import { ruleCaseHars } from './rule-cases.mjs';
import { makeNames, DEFAULT_SESSION_COOKIES, DEFAULT_ANTI_CSRF_TOKENS, DEFAULT_SECRET_PARAMETERS } from '../../web/host/bundle/redact-names.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const MARKER = /REDACTED-[0-9a-f]{8}/;

let engine;
let options;
before(async () => {
  engine = await loadNodeEngine();
  options = { data: engine.ruleset().data };
});

const harOf = (entries) => ({ log: { version: '1.2', creator: { name: 'portal-check-redaction', version: '1' }, entries } });

// The secrets in a HAR, found independently of redact*.mjs (regexes are fine in a test):
// cookie values, Authorization credentials, sensitive query values, token hidden-field values.
function secretsOf(har) {
  const found = new Set();
  const sensitiveParam = /^(token|access_token|id_token|code|state|password|pwd|api_?key|jsessionid|phpsessid|session_?id|aspsessionid\w*)$/i;
  const fromUrl = (u) => {
    for (const m of String(u).matchAll(/[?&;#]([^=&;#?/]+)=([^&;#]*)/g)) if (sensitiveParam.test(m[1])) found.add(m[2]);
    for (const m of String(u).matchAll(/\([SF]\(([^)]+)\)/g)) found.add(m[1]);
  };
  for (const e of har.log.entries) {
    fromUrl(e.request.url);
    for (const h of e.request.headers || []) {
      if (/^cookie$/i.test(h.name)) for (const m of h.value.matchAll(/(?:^|;)\s*[^=;]+=([^;]*)/g)) found.add(m[1].trim());
      if (/^(proxy-)?authorization$/i.test(h.name)) found.add(h.value.replace(/^\S+\s+/, ''));
    }
    for (const h of e.response.headers || []) {
      if (/^set-cookie$/i.test(h.name)) found.add(/^[^=;]*=([^;]*)/.exec(h.value)?.[1].trim() ?? '');
      if (/^location$/i.test(h.name)) fromUrl(h.value);
    }
    for (const c of [...(e.request.cookies || []), ...(e.response.cookies || [])]) found.add(c.value);
    for (const p of e.request.postData?.params || []) if (/pass|token/i.test(p.name)) found.add(p.value);
    const c = e.response.content;
    if (c?.text && c.encoding !== 'base64') {
      for (const m of c.text.matchAll(/<input\b[^>]*>/gi)) {
        const tag = m[0];
        if (!/type\s*=\s*["']?hidden/i.test(tag)) continue;
        const name = /\bname\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] || '';
        const value = /\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
        if (/csrf|token|viewstate|eventvalidation/i.test(name) && value) found.add(value[1] ?? value[2] ?? value[3]);
      }
      for (const m of c.text.matchAll(/\b(?:href|src|action)\s*=\s*["']?([^"'\s>]+)/gi)) {
        // session ids in links count only with an id shape (≥ 8, not all digits), as the check says
        const before = found.size;
        fromUrl(m[1]);
        if (found.size === before) continue;
      }
    }
  }
  // Too short or all digits: left where the engine says they are not ids, and not swept.
  return [...found].filter((s) => s.length >= 8 && !/^\d+$/.test(s) && !MARKER.test(s));
}

const summary = (report) => report.checks.map((c) => ({ id: c.id, outcome: c.outcome, pass: c.pass, severity: c.severity }));

// Audits original and redacted; asserts equal outcomes, redacted page URLs, no leftover secret,
// determinism and idempotence. → {redactions: count, results: count}
async function proveSame(name, har, target) {
  const red = await redactHar(har, options);
  const redTarget = target ? await redactUrl(target, options) : undefined;
  const a = await auditHar(engine, JSON.stringify(har), { target: target || undefined });
  const b = await auditHar(engine, JSON.stringify(red.har), { target: redTarget });
  assert.deepEqual(summary(b.report), summary(a.report), `outcomes differ: ${name}`);
  for (let i = 0; i < a.report.checks.length; i++) {
    const pa = a.report.checks[i].page;
    const expected = pa === null ? null : await redactUrl(pa, options);
    assert.equal(b.report.checks[i].page, expected, `page URL of result ${i} (${a.report.checks[i].id}): ${name}`);
  }
  const text = JSON.stringify(red.har);
  for (const s of secretsOf(har)) assert.ok(!text.includes(s), `secret ${JSON.stringify(s.slice(0, 40))} left in ${name}`);
  assert.ok(!JSON.stringify(red.redactions).includes('"original'), 'redactions never carry originals');
  const again = await redactHar(har, options);
  assert.deepEqual(again, red, `not deterministic: ${name}`);
  const twice = await redactHar(red.har, options);
  assert.deepEqual(twice.har, red.har, `not idempotent: ${name}`);
  return { redactions: red.redactions.length, results: a.report.checks.length, red };
}

test('the built-in name lists agree with rules/data', () => {
  const fileNames = makeNames({ sessionCookies: readJson('rules/data/session-cookies.json'), antiCsrfTokens: readJson('rules/data/anti-csrf-tokens.json') });
  const builtIn = makeNames({});
  const sc = readJson('rules/data/session-cookies.json');
  const ac = readJson('rules/data/anti-csrf-tokens.json');
  for (const n of [...sc.exact, ...sc.url_parameters, ...sc.url_parameter_prefixes.map((p) => `${p}ABCD`)])
    assert.equal(builtIn.isSessionParam(n), fileNames.isSessionParam(n), `session parameter ${n}`);
  for (const n of [...ac.exact, ...ac.prefixes.map((p) => `${p}x`), ...ac.contains.map((c) => `my_${c}_field`)])
    assert.equal(builtIn.isCsrfField(n), fileNames.isCsrfField(n), `anti-CSRF field ${n}`);
  for (const k of ['exact', 'prefixes', 'contains']) assert.deepEqual(DEFAULT_ANTI_CSRF_TOKENS[k], ac[k]);
  assert.deepEqual(DEFAULT_SESSION_COOKIES.url_parameters, sc.url_parameters);
  const sp = readJson('rules/data/secret-parameters.json');
  for (const k of ['exact', 'contains', 'token_headers']) assert.deepEqual(DEFAULT_SECRET_PARAMETERS[k], sp[k], `secret-parameters ${k}`);
});

test('every rule case: redaction changes no outcome', async () => {
  const cases = ruleCaseHars('portal-check-redaction');
  assert.ok(cases.length >= 60, `expected the rule cases, found ${cases.length}`);
  let redactions = 0;
  let results = 0;
  for (const c of cases) {
    const r = await proveSame(c.name, c.har, c.target);
    redactions += r.redactions;
    results += r.results;
  }
  assert.ok(redactions > 0);
  console.log(`# rule cases: ${cases.length}, results compared: ${results}, redactions: ${redactions}`);
});

// A page that holds every kind of secret this module redacts, plus look-alikes it must keep.
function syntheticHar() {
  const page = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Dịch vụ công</title></head><body>'
    + '<form method="post" action="/dang-nhap;jsessionid=A1B2C3D4E5F6A7B8C9D0"><input name="username">'
    + '<input type="password" name="password" value="MatKhau@2026">'
    + '<input type=hidden name=__RequestVerificationToken value=CfDJ8Nq1w2e3r4t5y6u7i8o9p0>'
    + "<input type='hidden' name='__VIEWSTATE' value='dDwtMTA4NzI2OTc5Mzs7Pg=='><input type=\"hidden\" name=\"__EVENTVALIDATION\" value=\"/wEWAgKM54rGBgL1\">"
    + '<input type="hidden" name="option" value="com_users"></form>'
    + '<a href="/van-ban?sid=12&amp;PHPSESSID=9c1185a5c5e9fc54612808977ee8f548">Văn bản</a>'
    + '<a href="/(S(lit3py55t21z5v55vlm25s55))/Default.aspx">Một cửa</a><a href="/tin?page=2&amp;code=ab">Tin</a>'
    + '<a href="https://idp.example.vn/cb#access_token=ya29.a0AfH6SMBx&amp;state=xyzxyzxyz">SSO</a>'
    + '<script>var s = "sess-7f3a9b2c1d";</script></body></html>';
  const b64Page = '<html><body><form method=post action=/gop-y><input type=hidden name=csrf_token value=Zm9vYmFyYmF6cXV4><input name=noi_dung></form></body></html>';
  return harOf([
    {
      request: {
        method: 'POST', url: 'https://dichvucong.demo.gov.vn/dang-nhap?returnUrl=%2F&token=tok_5d41402abc4b2a76',
        headers: [
          { name: 'Cookie', value: 'ASP.NET_SessionId=sess-7f3a9b2c1d; ngon_ngu=vi' },
          { name: 'Authorization', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' },
          { name: 'Proxy-Authorization', value: 'Basic dXNlcjpwYXNzd29yZA==' },
          { name: 'X-CSRF-Token', value: 'hdr-csrf-1234567' },
          { name: 'Referer', value: 'https://dichvucong.demo.gov.vn/?sessionid=ref0123456789abc' },
        ],
        cookies: [{ name: 'ASP.NET_SessionId', value: 'sess-7f3a9b2c1d' }],
        queryString: [{ name: 'returnUrl', value: '/' }, { name: 'token', value: 'tok_5d41402abc4b2a76' }],
        postData: { mimeType: 'application/x-www-form-urlencoded', text: 'username=cb&password=MatKhau%402026&__RequestVerificationToken=CfDJ8Nq1w2e3r4t5y6u7i8o9p0', params: [{ name: 'password', value: 'MatKhau@2026' }] },
      },
      response: {
        status: 200,
        headers: [
          { name: 'Content-Type', value: 'text/html; charset=utf-8' },
          { name: 'Set-Cookie', value: 'ASP.NET_SessionId=sess-7f3a9b2c1d; path=/; HttpOnly; SameSite=Lax' },
          { name: 'Set-Cookie', value: '__Host-auth="q1w2e3r4t5y6"; Secure; Path=/' },
          { name: 'Set-Cookie', value: 'lang=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Domain=demo.gov.vn' },
        ],
        cookies: [{ name: 'ASP.NET_SessionId', value: 'sess-7f3a9b2c1d', httpOnly: true }],
        content: { mimeType: 'text/html', text: page },
      },
    },
    {
      request: { method: 'GET', url: 'http://dichvucong.demo.gov.vn/gop-y;jsessionid=0123456789ABCDEF' },
      response: { status: 302, headers: [{ name: 'Location', value: 'https://dichvucong.demo.gov.vn/gop-y;jsessionid=0123456789ABCDEF' }], redirectURL: 'https://dichvucong.demo.gov.vn/gop-y;jsessionid=0123456789ABCDEF', content: { mimeType: 'text/html', text: '' } },
    },
    {
      request: { method: 'GET', url: 'https://dichvucong.demo.gov.vn/gop-y;jsessionid=0123456789ABCDEF' },
      response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/html; charset=windows-1258' }], content: { mimeType: 'text/html', encoding: 'base64', text: Buffer.from(b64Page, 'latin1').toString('base64') } },
    },
  ]);
}

test('a HAR with every kind of secret: same outcomes, each kind redacted, look-alikes kept', async () => {
  const har = syntheticHar();
  const { red } = await proveSame('synthetic', har, '');
  const text = JSON.stringify(red.har);
  for (const secret of ['A1B2C3D4E5F6A7B8C9D0', 'MatKhau@2026', 'MatKhau%402026', 'CfDJ8Nq1w2e3r4t5y6u7i8o9p0', 'dDwtMTA4NzI2OTc5Mzs7Pg==', '/wEWAgKM54rGBgL1',
    '9c1185a5c5e9fc54612808977ee8f548', 'lit3py55t21z5v55vlm25s55', 'ya29.a0AfH6SMBx', 'xyzxyzxyz', 'tok_5d41402abc4b2a76', 'sess-7f3a9b2c1d',
    'eyJhbGciOiJIUzI1NiJ9', 'dXNlcjpwYXNzd29yZA', 'hdr-csrf-1234567', 'ref0123456789abc', 'q1w2e3r4t5y6', '0123456789ABCDEF'])
    assert.ok(!text.includes(secret), `left: ${secret}`);
  const e0 = red.har.log.entries[0];
  assert.match(e0.request.headers[1].value, /^Bearer REDACTED-[0-9a-f]{8}$/);
  assert.match(e0.request.headers[2].value, /^Basic REDACTED-[0-9a-f]{8}$/);
  assert.match(e0.response.headers[1].value, /^ASP\.NET_SessionId=REDACTED-[0-9a-f]{8}; path=\/; HttpOnly; SameSite=Lax$/);
  assert.match(e0.response.headers[2].value, /^__Host-auth="REDACTED-[0-9a-f]{8}"; Secure; Path=\/$/);
  assert.equal(e0.response.headers[3].value, har.log.entries[0].response.headers[3].value, 'an empty cookie value stays');
  assert.ok(e0.response.content.text.includes('href="/van-ban?sid=12&amp;PHPSESSID=REDACTED-'), 'sid=12 is a section id and stays');
  assert.ok(e0.response.content.text.includes('name="option" value="com_users"'), 'other hidden fields stay');
  assert.ok(e0.response.content.text.includes('page=2&amp;code=REDACTED-'), 'a sensitive name is redacted even when short');
  assert.ok(e0.request.postData.text.startsWith('username=cb&password=REDACTED-'));
  const e1 = red.har.log.entries[1];
  assert.equal(e1.response.redirectURL, red.har.log.entries[2].request.url, 'a redirect still points at the next entry');
  const b64 = Buffer.from(red.har.log.entries[2].response.content.text, 'base64').toString('latin1');
  assert.match(b64, /name=csrf_token value=REDACTED-[0-9a-f]{8}><input name=noi_dung>/);
  const kinds = new Set(red.redactions.map((r) => r.kind));
  for (const k of ['cookie-value', 'authorization', 'token-header', 'url-token', 'session-id', 'hidden-field', 'password-field', 'request-body', 'repeated-secret'])
    assert.ok(kinds.has(k), `kind ${k}`);
  for (const r of red.redactions) assert.match(r.marker, /^(REDACTED-[0-9a-f]{8}|00000000[0-9a-f]{24})$/);
  assert.ok(red.redactions.some((r) => r.where === 'entries[0].response.headers[Set-Cookie].ASP.NET_SessionId'));
  assert.deepEqual(har, syntheticHar(), 'the input is not modified');
});

test('markers: SHA-256 prefix, same value → same marker', async () => {
  const { har } = await redactHar(harOf([{ request: { method: 'GET', url: 'https://x.vn/?token=abc', headers: [] }, response: { status: 200, headers: [], content: { text: '' } } }]));
  const { createHash } = await import('node:crypto');
  assert.equal(har.log.entries[0].request.url, `https://x.vn/?token=REDACTED-${createHash('sha256').update('abc').digest('hex').slice(0, 8)}`);
});

let portal;
let demoHar;
before(async () => {
  portal = await startDemoPortal();
  demoHar = await capture(portal.httpUrl, { pages: 10, probe: true });
});
after(() => portal?.close());

test('the demo portal (probe on): redaction changes no outcome', async () => {
  const secrets = secretsOf(demoHar);
  assert.ok(secrets.length > 0, 'the demo portal sets a session cookie');
  const r = await proveSame('demo portal', demoHar, '');
  assert.ok(r.red.redactions.some((x) => x.kind === 'cookie-value' && x.where.endsWith('.PHPSESSID')));
  console.log(`# demo portal: entries ${demoHar.log.entries.length}, results compared: ${r.results}, redactions: ${r.redactions}`);
});
