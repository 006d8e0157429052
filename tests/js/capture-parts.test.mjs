// The live capture's pure parts and their limits, each at and past its value: address classes
// and the guarded lookup, robots.txt rules, Content-Encoding stacking, the HAR file writer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { addressClass, addressPolicy, guardedLookup } from '../../web/host/address-guard.mjs';
import { robotsRules, MAX_ROBOTS_BYTES, MAX_ROBOTS_RULES } from '../../web/host/robots-rules.mjs';
import { contentDecoders, MAX_CONTENT_CODINGS } from '../../web/host/content-decoding.mjs';
import { createHarFileWriter } from '../../web/host/har-file-writer.mjs';
import { htmlTextForLinks } from '../../web/host/body-text.mjs';

test('address classes: IPv4, IPv6, IPv4-mapped IPv6 and the special blocks', () => {
  const cases = {
    '127.0.0.1': 'loopback', '127.255.255.254': 'loopback', '::1': 'loopback', '[::1]': 'loopback',
    '10.0.0.1': 'private', '172.16.0.1': 'private', '172.31.255.255': 'private', '192.168.1.1': 'private',
    'fc00::1': 'private', 'fdff:ffff::1': 'private',
    '169.254.169.254': 'link-local', 'fe80::1': 'link-local', 'febf::1': 'link-local', 'fe80::1%eth0': 'link-local',
    '100.64.0.1': 'cgnat', '100.127.255.255': 'cgnat',
    '0.0.0.0': 'unspecified', '::': 'unspecified',
    '::ffff:10.0.0.1': 'private', '::ffff:169.254.169.254': 'link-local', '::ffff:127.0.0.1': 'loopback',
    '::ffff:a00:1': 'private', '::ffff:8.8.8.8': 'public',
    '224.0.0.1': 'reserved', '255.255.255.255': 'reserved', 'ff02::1': 'reserved',
    '8.8.8.8': 'public', '172.32.0.1': 'public', '172.15.255.255': 'public', '100.128.0.1': 'public',
    '100.63.255.255': 'public', '169.253.0.1': 'public', '2001:4860:4860::8888': 'public', 'fec0::1': 'private',
    'example.com': 'invalid', '': 'invalid',
  };
  for (const [ip, cls] of Object.entries(cases)) assert.equal(addressClass(ip), cls, ip);
});

test('the policy allows public addresses, the start URL class, everything with allowPrivate', () => {
  const strict = addressPolicy();
  assert.equal(strict.refusal('8.8.8.8'), null);
  assert.match(strict.refusal('10.0.0.1'), /^refused: 10\.0\.0\.1 is a private address/);
  const local = addressPolicy({ allowedClasses: ['loopback'] });
  assert.equal(local.refusal('127.0.0.1'), null);
  assert.match(local.refusal('169.254.169.254'), /link-local/);
  assert.equal(addressPolicy({ allowPrivate: true }).refusal('169.254.169.254'), null);
});

test('guardedLookup refuses when any resolved address is refused, in both callback forms', async () => {
  const base = (answers) => (host, opts, cb) => cb(null, answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  const policy = addressPolicy();
  const call = (answers, options) => new Promise((resolve) => {
    guardedLookup(policy, base(answers))('x.test', options, (err, address, family) => resolve({ err, address, family }));
  });
  assert.deepEqual(await call(['8.8.8.8'], {}), { err: null, address: '8.8.8.8', family: 4 });
  assert.deepEqual((await call(['8.8.8.8', '2001:4860::8888'], { all: true })).address,
    [{ address: '8.8.8.8', family: 4 }, { address: '2001:4860::8888', family: 6 }]);
  const mixed = await call(['8.8.8.8', '10.0.0.1'], { all: true });
  assert.match(mixed.err.message, /^refused: 10\.0\.0\.1/);
  assert.equal(mixed.err.code, undefined, 'the message, not a code, becomes the entry error');
  assert.match((await call(['::ffff:169.254.169.254'], {})).err.message, /link-local/);
});

test('robots.txt: longest match wins, Allow wins ties, wildcards and $, our group over "*"', () => {
  const r = robotsRules([
    'User-agent: *', 'Disallow: /a/', 'Allow: /a/open', 'Disallow: /*.pdf$', 'Disallow: /x*y', 'Allow: /tie', 'Disallow: /tie', '',
    'User-agent: other', 'Disallow: /',
  ].join('\n'), 'portal-check');
  assert.equal(r.group, '*');
  const expect = { '/': true, '/a/': false, '/a/b': false, '/a/open/1': true, '/f.pdf': false, '/f.pdf?x': true,
    '/x-1-y': false, '/xy': false, '/x': true, '/tie': true };
  for (const [p, allowed] of Object.entries(expect)) assert.equal(r.allows(p), allowed, p);
  const ours = robotsRules('User-agent: Portal-Check/1.0\nDisallow:\n\nUser-agent: *\nDisallow: /', 'portal-check');
  assert.equal(ours.group, 'ours');
  assert.equal(ours.allows('/anything'), true, 'an empty Disallow in our own group allows all');
  assert.equal(robotsRules('', 'portal-check').allows('/'), true);
  const encoded = robotsRules('User-agent: *\nDisallow: /tài-liệu', 'portal-check');
  assert.equal(encoded.allows('/t%C3%A0i-li%E1%BB%87u/a'), false);
});

test('robots.txt limits: MAX_ROBOTS_BYTES and MAX_ROBOTS_RULES, at and past', () => {
  const head = 'User-agent: *\n';
  const fill = (n) => '#'.repeat(n) + '\n';
  const line = 'Disallow: /z\n';
  const at = head + fill(MAX_ROBOTS_BYTES - head.length - line.length - 1) + line;
  assert.equal(at.length, MAX_ROBOTS_BYTES);
  assert.equal(robotsRules(at, 'portal-check').allows('/z'), false, 'a rule ending at the limit is read');
  const past = head + fill(MAX_ROBOTS_BYTES - head.length - 1) + line;
  assert.equal(past.length, MAX_ROBOTS_BYTES + line.length);
  assert.equal(robotsRules(past, 'portal-check').allows('/z'), true, 'a rule past it is not');

  const rules = (n) => head + Array.from({ length: n }, (_, i) => `Disallow: /r${i}$\n`).join('');
  assert.equal(robotsRules(rules(MAX_ROBOTS_RULES), 'portal-check').allows(`/r${MAX_ROBOTS_RULES - 1}`), false);
  assert.equal(robotsRules(rules(MAX_ROBOTS_RULES + 1), 'portal-check').allows(`/r${MAX_ROBOTS_RULES}`), true);
});

const decode = async (header, body) => {
  const { decoders, unsupported } = contentDecoders(header);
  if (unsupported) return { unsupported };
  let stream = Readable.from([body]);
  for (const d of decoders) stream = stream.pipe(d);
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { text: Buffer.concat(chunks).toString() };
};

test('Content-Encoding: stacking up to MAX_CONTENT_CODINGS, at and past; deflate in both framings', async () => {
  let body = Buffer.from('hello');
  for (let i = 0; i < MAX_CONTENT_CODINGS; i++) body = zlib.gzipSync(body);
  assert.deepEqual(await decode(Array(MAX_CONTENT_CODINGS).fill('gzip').join(', '), body), { text: 'hello' });
  assert.match((await decode(Array(MAX_CONTENT_CODINGS + 1).fill('gzip').join(','), body)).unsupported, /5 stacked codings/);
  assert.deepEqual(await decode('deflate', zlib.deflateRawSync(Buffer.from('raw'))), { text: 'raw' });
  assert.deepEqual(await decode('deflate', zlib.deflateSync(Buffer.from('zlib'))), { text: 'zlib' });
  assert.deepEqual(await decode('gzip, br', zlib.brotliCompressSync(zlib.gzipSync(Buffer.from('both')))), { text: 'both' });
  assert.deepEqual(await decode('identity, , gzip', zlib.gzipSync(Buffer.from('id'))), { text: 'id' });
  assert.deepEqual(await decode('compress', body), { unsupported: 'compress' });
});

test('the HAR file writer lists entries in slot order, whatever order they were filled in', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-writer-'));
  const file = path.join(dir, 'w.har');
  try {
    const w = createHarFileWriter(file);
    const [a, b, c] = [w.reserve(), w.reserve(), w.reserve()];
    w.fill(c, [{ n: 5 }]);
    w.fill(b, [{ n: 4 }], 1);
    w.fill(a, [{ n: 1 }, { n: 2 }]);
    w.fill(b, [{ n: 3 }], 0);
    assert.equal(w.bytes, 5 * '{"n":1}'.length);
    await w.finish({ version: '1.2', _portalCheck: { target: 'x' } }, [{ id: 'page_1' }]);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.indexOf('_portalCheck') < text.indexOf('"entries"'), 'the metadata precedes the entries');
    const har = JSON.parse(text);
    assert.deepEqual(har.log.entries.map((e) => e.n), [1, 2, 3, 4, 5]);
    assert.deepEqual(har.log.pages, [{ id: 'page_1' }]);
    assert.deepEqual(fs.readdirSync(dir), ['w.har']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('htmlTextForLinks: declared charset, sniffed <meta>, else windows-1252', () => {
  const bytes = Buffer.from([0x3c, 0x61, 0x20, 0x68, 0x72, 0x65, 0x66, 0x3d, 0x2f, 0xe0, 0x3e]); // <a href=/à>
  assert.equal(htmlTextForLinks(bytes, 'text/html'), '<a href=/à>');
  assert.equal(htmlTextForLinks(Buffer.from('<a href=/b>'), 'text/html'), '<a href=/b>');
  const meta = Buffer.concat([Buffer.from('<meta charset="windows-1258"><a href=/'), Buffer.from([0xd2]), Buffer.from('>')]);
  assert.match(htmlTextForLinks(meta, 'text/html'), /<a href=\/\u0309>$/);
});
