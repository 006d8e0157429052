// The evidence-bundle API (web/host/bundle/index.mjs) and its CLI commands (keygen, bundle,
// verify, audit --rules current, scan --bundle). Tamper cases: bundle-tamper.test.mjs; golden
// bundles: golden.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { wasmDir, loadNodeEngine } from '../../web/cli/engine-files.mjs';
import {
  createBundle, serializeBundle, parseBundle, verifyBundle, diffReports, generateSigningKey,
  exportPrivateJwk, importPrivateJwk, importPublicJwk, fingerprint, thumbprint, sectionDigest, SECTIONS,
} from '../../web/host/bundle/index.mjs';
import { auditHar } from '../../web/host/engine.mjs';
import { canonicalJson } from '../../web/host/bundle/canonical-json.mjs';
import { redactionForTests, captureDemoHar, demoDeclarations } from './bundle-helpers.mjs';
import { startDemoPortal } from '../fixtures/demo-portal/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'web', 'cli', 'portal-check.mjs');
const HAVE_WASM = fs.existsSync(path.join(wasmDir(), 'portal_check.mjs'));
const skip = HAVE_WASM ? false : 'no wasm engine (run scripts/build)';
const CAPTURE = { method: 'har-file', time: '2026-11-29T00:00:00.000Z', tool: 'test 1' };

function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

let tmp;
let engine;
let harText;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bundle-'));
  if (!HAVE_WASM) return;
  engine = await loadNodeEngine();
  harText = await captureDemoHar();
  fs.writeFileSync(path.join(tmp, 'demo.har'), harText);
  fs.writeFileSync(path.join(tmp, 'decl.json'), JSON.stringify(demoDeclarations));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('canonical JSON is RFC 8785 (the RFC\'s own example) and digests are its SHA-256', async () => {
  const input = JSON.parse('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], ' +
    '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}');
  const expected = '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
  assert.equal(canonicalJson(input), expected);
  // SHA-256 of the canonical text '"abc"' (5 bytes), computed independently by node:crypto.
  const { createHash } = await import('node:crypto');
  assert.equal(await sectionDigest('abc'), createHash('sha256').update('"abc"').digest('hex'));
  assert.equal(await sectionDigest({ b: 1, a: [2, 'x'] }), createHash('sha256').update('{"a":[2,"x"],"b":1}').digest('hex'));
});

test('keys: generate, export/import, RFC 7638 thumbprint, fingerprint for people', async () => {
  const { privateKey, publicJwk } = await generateSigningKey();
  assert.deepEqual(Object.keys(publicJwk), ['kty', 'crv', 'x', 'y']);
  const jwk = await exportPrivateJwk(privateKey);
  assert.equal(typeof jwk.d, 'string');
  const back = await importPrivateJwk(jwk);
  assert.deepEqual(back.publicJwk, publicJwk);
  await importPublicJwk({ ...publicJwk, d: jwk.d }); // private members ignored
  const { createHash } = await import('node:crypto');
  const manual = createHash('sha256').update(`{"crv":"P-256","kty":"EC","x":"${publicJwk.x}","y":"${publicJwk.y}"}`).digest('base64url');
  assert.equal(await thumbprint(publicJwk), manual);
  const fp = await fingerprint(publicJwk);
  assert.match(fp, /^SHA256:([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  assert.equal(fp.slice(7).replace(/:/g, '').toLowerCase(), Buffer.from(manual, 'base64url').toString('hex'));
  await assert.rejects(importPrivateJwk(publicJwk), /not a private JWK/);
  await assert.rejects(importPublicJwk({ kty: 'RSA', n: 'x', e: 'AQAB' }), /not an EC P-256 JWK/);
});

test('createBundle: the documented shape, redacted evidence audited, no private key inside', { skip }, async () => {
  const key = await generateSigningKey();
  const redaction = await redactionForTests();
  const bundle = await createBundle({
    engine, harText, options: { profiles: ['tnm-website-basic'], declarations: demoDeclarations },
    capture: CAPTURE, organization: { name: 'Org' }, signingKey: key, redaction,
  });
  assert.deepEqual(Object.keys(bundle), ['format', 'version', 'manifest', 'evidence', 'ruleset', 'declarations', 'report', 'digests', 'signatures']);
  assert.equal(bundle.format, 'portal-check-bundle');
  assert.equal(bundle.version, 1);
  assert.deepEqual(bundle.manifest.engine, engine.info);
  assert.equal(bundle.manifest.ruleset.version, engine.ruleset().ruleset.version);
  assert.equal(bundle.manifest.ruleset.sha256, bundle.digests.ruleset);
  assert.deepEqual(bundle.manifest.profiles, ['tnm-website-basic']);
  assert.equal(bundle.manifest.target, null);
  assert.deepEqual(bundle.manifest.capture, CAPTURE);
  assert.ok(bundle.manifest.redactions.length > 0, 'the demo sets session cookies');
  assert.deepEqual(bundle.ruleset, engine.ruleset());
  assert.deepEqual(bundle.declarations, { organization: { name: 'Org' }, declarations: demoDeclarations.declarations });
  assert.equal(typeof bundle.report, 'string');
  const { redactHar } = redaction;
  const redacted = await redactHar(JSON.parse(harText), { data: engine.ruleset().data });
  assert.deepEqual(bundle.evidence, redacted.har);
  for (const s of ['manifest', 'evidence', 'ruleset', 'declarations', 'report']) assert.equal(bundle.digests[s], await sectionDigest(bundle[s]));
  assert.equal(bundle.signatures.length, 1);
  assert.equal(bundle.signatures[0].alg, 'ES256');
  assert.equal(bundle.signatures[0].kid, await thumbprint(key.publicJwk));
  assert.deepEqual(bundle.signatures[0].publicKey, key.publicJwk);
  const d = (await exportPrivateJwk(key.privateKey)).d;
  const text = serializeBundle(bundle);
  assert.ok(!text.includes(d), 'the private key never enters a bundle');
  for (const r of bundle.manifest.redactions) assert.match(r.marker, /^REDACTED-[0-9a-f]{8}$/);
  // The report was made from the redacted evidence, with the same options.
  const again = await (await import('../../web/host/engine.mjs')).auditHar(engine, JSON.stringify(redacted.har), {
    profiles: ['tnm-website-basic'], declarations: { version: 1, organization: { name: 'Org' }, declarations: demoDeclarations.declarations },
  });
  assert.equal(again.reportText, bundle.report);
  // Round trip and verification.
  assert.deepEqual(parseBundle(text).bundle, bundle);
  const v = await verifyBundle({ engine, bundleText: text, trustedPublicJwk: key.publicJwk });
  assert.equal(v.ok, true, v.errors.join('; '));
  assert.equal(v.signature.fingerprint, await fingerprint(key.publicJwk));
});

test('createBundle: a target is redacted in the manifest and used as such; bad input rejects', { skip }, async () => {
  const redaction = await redactionForTests();
  const first = JSON.parse(harText).log.entries[0].request.url;
  const b = await createBundle({ engine, harText, options: { target: first }, capture: CAPTURE, redaction });
  assert.equal(b.manifest.target, await redaction.redactUrl(first, { data: engine.ruleset().data }));
  assert.equal(JSON.parse(b.report).target, b.manifest.target);
  assert.equal((await verifyBundle({ engine, bundleText: serializeBundle(b) })).state, 'intact', 'unsigned: intact, not verified');
  // A document the engine cannot read: the audit's own error (same code and message).
  await assert.rejects(createBundle({ engine, harText: '{nope', capture: CAPTURE, redaction }),
    { name: 'EngineError', code: 'invalid-argument', message: 'expected a member name at byte 1' });
  await assert.rejects(auditHar(engine, '{nope'), { code: 'invalid-argument', message: 'expected a member name at byte 1' });
  await assert.rejects(createBundle({ engine, harText, capture: { method: 'x' }, redaction }), /capture\.time must be a non-empty string/);
});

test('verify notes an engine version difference', { skip }, async () => {
  const b = await createBundle({ engine, harText, options: {}, capture: CAPTURE, redaction: await redactionForTests() });
  const older = { ...engine, info: { name: 'portal-check', version: '0.0.9' } };
  const r = await verifyBundle({ engine: older, bundleText: serializeBundle(b) });
  assert.equal(r.replay.bundleEngineVersion, engine.info.version);
  assert.equal(r.replay.currentEngineVersion, '0.0.9');
  assert.match(r.replay.note, new RegExp(`made by portal-check ${engine.info.version.replace(/\./g, '\\.')}; replayed with portal-check 0\\.0\\.9`));
});

test('parseBundle: clear messages', () => {
  assert.match(parseBundle('{"format": "portal-check-bundle", "vers').error, /truncated/);
  assert.match(parseBundle('nope').error, /not JSON/);
  assert.match(parseBundle('{"format": "other"}').error, /format is "other"/);
  assert.match(parseBundle('{"format": "portal-check-bundle", "version": 2}').error, /unsupported bundle version 2/);
  assert.match(parseBundle('{"format": "portal-check-bundle", "version": 1}').error, /missing top-level fields: manifest, evidence, ruleset, declarations, report, digests, signatures/);
  assert.match(parseBundle(42).error, /must be text/);
});

test('diffReports: new, resolved, changed findings keyed by (check id, page)', () => {
  const r = (checks) => ({ checks });
  const c = (id, page, pass, outcome = 'x', severity = 'high') => ({ id, page, pass, outcome, severity });
  const old = r([c('a', 'p1', false), c('b', null, false, 'weak', 'medium'), c('c', 'p1', false), c('d', 'p1', true)]);
  const now = r([c('a', 'p1', false), c('b', null, false, 'missing', 'high'), c('d', 'p1', false, 'bad', 'low'), c('c', 'p2', false)]);
  assert.deepEqual(diffReports(old, now), {
    new: [{ id: 'c', page: 'p2', outcome: 'x', severity: 'high' }, { id: 'd', page: 'p1', outcome: 'bad', severity: 'low' }],
    resolved: [{ id: 'c', page: 'p1', outcome: 'x', severity: 'high' }],
    changed: [{ id: 'b', page: null, from: { outcome: 'weak', severity: 'medium' }, to: { outcome: 'missing', severity: 'high' } }],
  });
  assert.deepEqual(diffReports(null, { nothing: true }), { new: [], resolved: [], changed: [] });
  assert.deepEqual(diffReports(old, old), { new: [], resolved: [], changed: [] });
});

test('CLI: keygen writes a 0600 private key and a public key, prints the fingerprint, never overwrites', { skip }, async () => {
  const out = path.join(tmp, 'org.jwk');
  const r = await run(['keygen', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(fs.statSync(out).mode & 0o777, 0o600);
  const pub = JSON.parse(fs.readFileSync(path.join(tmp, 'org.pub.jwk'), 'utf8'));
  assert.equal(pub.d, undefined);
  assert.ok(r.stdout.includes(`fingerprint: ${await fingerprint(pub)}`));
  const again = await run(['keygen', '--out', out]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /^portal-check: .*org\.jwk: already exists/);
  assert.match((await run(['keygen'])).stderr, /keygen needs --out FILE/);
});

test('CLI: bundle → verify (0) → tampered (1, section named) → unknown key (3) → audit --rules current', { skip }, async () => {
  const key = path.join(tmp, 'sign.jwk');
  assert.equal((await run(['keygen', '--out', key])).code, 0);
  const out = path.join(tmp, 'b.json');
  const made = await run(['bundle', path.join(tmp, 'demo.har'), '--out', out, '--key', key, '--profile', 'tnm-website-basic', '--declarations', path.join(tmp, 'decl.json')]);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /signed by SHA256:/);
  const ok = await run(['verify', out, '--pubkey', path.join(tmp, 'sign.pub.jwk')]);
  assert.equal(ok.code, 0, ok.stdout);
  for (const line of ['I-JSON', 'structure', 'manifest', 'evidence', 'ruleset', 'declarations', 'report', 'signature', 'ruleset origin', 'replay']) {
    assert.match(ok.stdout, new RegExp(`^${line} +ok `, 'm'));
  }
  assert.match(ok.stdout, /\(trusted key\)$/m);
  assert.match(ok.stdout, /^verified: signed by a trusted key \(SHA256:/m);
  const text = fs.readFileSync(out, 'utf8');
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(bad, text.replace(/"mimeType": "text\/html/, '"mimeType": "text/htmm'));
  const tampered = await run(['verify', bad]);
  assert.equal(tampered.code, 1);
  assert.match(tampered.stdout, /^evidence +FAIL /m);
  assert.match(tampered.stdout, /NOT VERIFIED: the digests step failed\n {2}evidence: the SHA-256 digest does not match/);
  const other = path.join(tmp, 'other.jwk');
  await run(['keygen', '--out', other]);
  const wrong = await run(['verify', out, '--pubkey', path.join(tmp, 'other.pub.jwk')]);
  assert.equal(wrong.code, 3);
  assert.match(wrong.stdout, /^intact, not verified: signed by an unknown key SHA256:/m);
  assert.equal((await run(['verify', path.join(tmp, 'absent.json')])).code, 2);
  assert.match((await run(['verify', out, '--pubkey', path.join(tmp, 'decl.json')])).stderr, /not an EC P-256 public key JWK/);
  fs.writeFileSync(path.join(tmp, 'cut.json'), text.slice(0, 5000));
  const cut = await run(['verify', path.join(tmp, 'cut.json')]);
  assert.equal(cut.code, 1);
  assert.match(cut.stdout, /^I-JSON +FAIL +the bundle is truncated/m);
  // audit --rules current: same rules, nothing changes; exit per --fail-on on the new report.
  const diff = await run(['audit', out, '--rules', 'current', '--format', 'json', '--fail-on', 'none', '--pubkey', path.join(tmp, 'sign.pub.jwk')]);
  assert.equal(diff.code, 0, diff.stderr);
  const d = JSON.parse(diff.stdout);
  assert.deepEqual([d.new, d.resolved, d.changed], [[], [], []]);
  assert.deepEqual(d.bundle.engine, engine.info);
  assert.equal(d.verification.state, 'verified');
  const textDiff = await run(['audit', out, '--rules', 'current']);
  assert.equal(textDiff.code, 1, 'the demo has high findings');
  assert.match(textDiff.stdout, /^new findings: 0$/m);
  assert.match((await run(['audit', out, '--rules', 'current', '--format', 'sarif'])).stderr, /--format must be text or json/);
  assert.match((await run(['audit', out, '--rules', 'old'])).stderr, /--rules must be one of current/);
});

test('CLI: audit --rules current shows new, resolved and changed findings of an older report', { skip }, async () => {
  const b = await createBundle({ engine, harText, options: {}, capture: CAPTURE });
  // A bundle of an older engine version (so its report is not expected to replay byte for byte);
  // its ruleset is not a known release of that version, which the reviewer accepts explicitly.
  b.manifest.engine.version = '0.0.1';
  const report = JSON.parse(b.report);
  const failing = report.checks.filter((c) => !c.pass);
  const passing = report.checks.find((c) => c.pass);
  // Pretend the old rules judged differently: one finding unknown then, one since resolved, one changed.
  failing[0].pass = true;
  Object.assign(passing, { pass: false, outcome: 'old-outcome', severity: 'low' });
  failing[1].severity = failing[1].severity === 'low' ? 'medium' : 'low';
  b.report = JSON.stringify(report);
  for (const s of SECTIONS) b.digests[s] = await sectionDigest(b[s]);
  const file = path.join(tmp, 'old.json');
  fs.writeFileSync(file, serializeBundle(b));
  const refused = await run(['audit', file, '--rules', 'current', '--format', 'json', '--fail-on', 'none']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /failed verification at the ruleset origin step \(unknown engine version: portal-check 0\.0\.1/);
  const r = await run(['audit', file, '--rules', 'current', '--format', 'json', '--fail-on', 'none', '--accept-modified-ruleset']);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout);
  assert.deepEqual([d.verification.state, d.verification.failedStep], ['failed', 'replay']);
  assert.deepEqual(d.verification.problems.map((p) => p.code), ['unsigned', 'unknown-engine-version', 'replay-differs']);
  assert.deepEqual(d.new.map((f) => f.id), [failing[0].id]);
  assert.deepEqual(d.resolved.map((f) => f.id), [passing.id]);
  assert.deepEqual(d.changed.map((f) => f.id), [failing[1].id]);
  const t = await run(['audit', file, '--rules', 'current', '--fail-on', 'none', '--accept-modified-ruleset']);
  assert.match(t.stdout, /^verification: the bundle's report cannot be replayed by this engine version; /);
  assert.match(t.stdout, /^ {2}the bundle was made by portal-check 0\.0\.1; replayed with portal-check /m);
  assert.match(t.stdout, /^new findings: 1\n {2}\+ /m);
  assert.match(t.stdout, /^resolved findings: 1\n {2}- /m);
  assert.match(t.stdout, /^changed findings: 1\n {2}~ .* → /m);
});

test('CLI: scan --bundle writes a verifiable bundle of the live capture', { skip }, async () => {
  const portal = await startDemoPortal();
  try {
    const out = path.join(tmp, 'scan.json');
    const r = await run(['scan', portal.httpUrl, '--pages', '2', '--bundle', out, '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    const { bundle } = parseBundle(fs.readFileSync(out, 'utf8'));
    assert.equal(bundle.manifest.capture.method, 'portal-check capture (live)');
    assert.match(bundle.manifest.capture.tool, /^portal-check /);
    assert.equal((await run(['verify', out])).code, 3, 'unsigned: intact, not verified');
    assert.match((await run(['scan', portal.httpUrl, '--key', 'k.jwk'])).stderr, /--key needs --bundle/);
  } finally {
    await portal.close();
  }
});
