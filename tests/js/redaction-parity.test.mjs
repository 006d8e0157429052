// The engine's output redaction (core/src/report/secret_redaction.h, URL parts from
// core/src/normalize/url_spans.h) and the bundle redaction (web/host/bundle/redact-url.mjs) agree
// on every URL of a list: each URL is audited as a page, and the page URL in the report must equal
// redactUrl(url) byte for byte (same parts redacted, same SHA-256 markers). Both sides read the
// same ruleset data lists (session-cookies, anti-csrf-tokens, secret-parameters), so the list
// below also covers a name from each list.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { auditHar } from '../../web/host/engine.mjs';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { redactUrl } from '../../web/host/bundle/redact.mjs';

const URLS = [
  'https://portal.example.gov.vn/',
  'https://admin:Secr3t-pass@portal.example.gov.vn/a',
  'https://onlyuser@portal.example.gov.vn/b',
  'https://:pw-only-123@portal.example.gov.vn/c',
  'http://u%40x:p%3Aw@portal.example.gov.vn/d?x=1',
  'https://portal.example.gov.vn/e@f?mail=a@b.vn',
  'https://portal.example.gov.vn/login;jsessionid=A1B2C3D4E5F6A7B8',
  'https://portal.example.gov.vn/login;JSESSIONID=12345678',
  'https://portal.example.gov.vn/login;jsessionid=short',
  'https://portal.example.gov.vn/van-ban?sid=12&PHPSESSID=9c1185a5c5e9fc54',
  'https://portal.example.gov.vn/van-ban?PHPSESSID=&q=vi',
  'https://portal.example.gov.vn/shop?osCsid=abcdef0123456789;zenid=0123456789abcdef',
  'https://portal.example.gov.vn/asp?ASPSESSIONIDQACTDSBR=KJHGFDSAPOIUYTRE',
  'https://portal.example.gov.vn/(S(lit3py55t21z5v55vlm25s55))/Default.aspx',
  'https://portal.example.gov.vn/(A(anonymous-id-1)S(lit3py55t21z5v56)F(forms-ticket-77))/x.aspx',
  'https://portal.example.gov.vn/(S(short))/x.aspx',
  'https://portal.example.gov.vn/tin?page=2&code=ab&state=xyz',
  'https://portal.example.gov.vn/api?api_key=k-123&apiKey=k-456&X-Amz-Signature=deadbeef',
  'https://portal.example.gov.vn/reset?password=MatKhau@2026&matKhau=abc',
  'https://portal.example.gov.vn/form?__RequestVerificationToken=CfDJ8Nq1w2e3&csrfmiddlewaretoken=zz',
  'https://portal.example.gov.vn/form?__VIEWSTATE=dDwtMTA4NzI2OTc5Mzs7Pg%3D%3D&__EVENTVALIDATION=%2FwEW',
  'https://portal.example.gov.vn/sso?SAMLResponse=PHNhbWxwOlJlc3BvbnNl&RelayState=abc',
  'https://portal.example.gov.vn/cb?pass%77ord=encoded-name&access%5Ftoken=enc',
  'https://portal.example.gov.vn/cb#access_token=ya29.a0AfH6SMBx&state=xyzxyzxyz&token_type=Bearer',
  'https://portal.example.gov.vn/cb#sid=12',
  'https://portal.example.gov.vn/search?q=assessment&session=active-session-01',
  'https://portal.example.gov.vn/p;sessionid=abcdefgh1;lang=vi/next?x=y',
  'https://portal.example.gov.vn/x?token=REDACTED-0123abcd&sid=REDACTED-89abcdef',
  'https://REDACTED-0123abcd:REDACTED-89abcdef@portal.example.gov.vn/already',
  'https://portal.example.gov.vn/tin-tuc/thông-báo?tieu_de=Kỳ+họp&token=Tốken-Việt',
];

let engine;
before(async () => {
  engine = await loadNodeEngine();
});

test('the engine redacts page URLs exactly as bundles do', async () => {
  const entries = URLS.map((url) => ({
    request: { method: 'GET', url, headers: [] },
    response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }], content: { mimeType: 'text/html', text: '<!doctype html><title>t</title><p>x</p>' } },
  }));
  const har = { log: { version: '1.2', creator: { name: 'redaction-parity', version: '1' }, entries } };
  const { report } = await auditHar(engine, JSON.stringify(har), { target: 'https://portal.example.gov.vn/' });
  assert.equal(report.pages.length, URLS.length, 'every URL is an audited page');
  const data = engine.ruleset().data;
  let changed = 0;
  for (let i = 0; i < URLS.length; i++) {
    const expected = await redactUrl(URLS[i], { data });
    assert.equal(report.pages[i], expected, `page ${i}: ${URLS[i]}`);
    if (expected !== URLS[i]) changed++;
  }
  assert.ok(changed >= 20, `${changed} URLs were redacted`);
  // Idempotent on both sides: a redacted URL is kept as it is.
  for (const p of report.pages) assert.equal(await redactUrl(p, { data }), p);
});
