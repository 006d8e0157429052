// Tamper tests for evidence bundles (docs/bundle.md): one changed byte in any section fails
// verification naming that section; a wrong key, a truncated bundle, extra or missing members and
// re-computed digests all fail clearly; an unsigned bundle, or one signed by a key that is not
// trusted, is intact but not verified (bundle-verdict.test.mjs covers each state on the golden
// bundles).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { wasmDir, loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { createBundle, serializeBundle, verifyBundle, generateSigningKey, sectionDigest, SECTIONS } from '../../web/host/bundle/index.mjs';
import { redactionForTests, captureDemoHar, demoDeclarations } from './bundle-helpers.mjs';

const HAVE_WASM = fs.existsSync(`${wasmDir()}/portal_check.mjs`);
const skip = HAVE_WASM ? false : 'no wasm engine (run scripts/build)';

let engine;
let key;
let signedText;
let unsignedText;
before(async () => {
  if (!HAVE_WASM) return;
  engine = await loadNodeEngine();
  key = await generateSigningKey();
  const harText = await captureDemoHar();
  const common = {
    engine, harText, redaction: await redactionForTests(), organization: { name: 'Sở TT&TT tỉnh X' },
    options: { profiles: ['tnm-website-basic'], declarations: demoDeclarations },
    capture: { method: 'portal-check capture (live)', time: '2026-11-29T00:00:00.000Z', tool: 'portal-check 0.1.0' },
  };
  signedText = serializeBundle(await createBundle({ ...common, signingKey: key }));
  unsignedText = serializeBundle(await createBundle(common));
});

// Changes one byte inside the value of top-level member `member` of a serialized bundle: the first
// letter or digit inside a string VALUE (never a member name) of that value, or of the number for
// "version", to another of the same kind (hex stays hex), so the text stays JSON and only that
// member's value changes.
function changeOneByte(text, member) {
  const start = text.indexOf(`\n "${member}": `);
  assert.ok(start >= 0, `member ${member} found`);
  const stack = [];
  let last = ':'; // the last structural character outside strings
  let inString = false;
  let isValue = false;
  let i = start + member.length + 6;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') { i++; continue; }
      if (c === '"') { inString = false; last = '"'; continue; }
      if (isValue && /[A-Za-z0-9]/.test(c)) break;
      continue;
    }
    if (c === '"') {
      inString = true;
      isValue = last === ':' || ((last === '[' || last === ',') && stack.at(-1) === 'a');
      continue;
    }
    if (c === '{') stack.push('o');
    else if (c === '[') stack.push('a');
    else if (c === '}' || c === ']') stack.pop();
    if (/[{}\[\],:]/.test(c)) last = c;
    if (member === 'version' && /[0-9]/.test(c)) break;
  }
  const c = text[i];
  const next = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'f' ? 'e' : c === 'z' ? 'y' : c === 'Z' ? 'Y' : String.fromCharCode(c.charCodeAt(0) + 1);
  return text.slice(0, i) + next + text.slice(i + 1);
}

test('the untouched bundles: the signed one verifies against its key; the unsigned one is intact', { skip }, async () => {
  const signed = await verifyBundle({ engine, bundleText: signedText, trustedPublicJwk: key.publicJwk });
  assert.equal(signed.ok, true, signed.errors.join('; '));
  assert.equal(signed.state, 'verified');
  assert.deepEqual({ present: signed.signature.present, ok: signed.signature.ok, matchesTrusted: signed.signature.matchesTrusted }, { present: true, ok: true, matchesTrusted: true });
  const unsigned = await verifyBundle({ engine, bundleText: unsignedText });
  assert.equal(unsigned.ok, false);
  assert.equal(unsigned.state, 'intact');
  assert.deepEqual(unsigned.errors, ['signature: intact, not verified: unsigned (no proof of who made it)']);
  assert.deepEqual(unsigned.signature, { present: false, ok: null, fingerprint: null, matchesTrusted: null });
  assert.equal(unsigned.replay.identical, true);
});

for (const section of SECTIONS) {
  test(`one changed byte in "${section}" fails verification naming ${section}`, { skip }, async () => {
    for (const [text, trusted] of [[signedText, key?.publicJwk], [unsignedText, undefined]]) {
      const tampered = changeOneByte(text, section);
      assert.equal(tampered.length, text.length);
      assert.notEqual(tampered, text);
      const r = await verifyBundle({ engine, bundleText: tampered, trustedPublicJwk: trusted });
      assert.equal(r.ok, false);
      assert.equal(r.sections.find((s) => s.name === section).ok, false, `${section} marked as failing`);
      assert.deepEqual(r.sections.filter((s) => !s.ok).map((s) => s.name), [section], 'only that section fails');
      assert.ok(r.errors.some((e) => e.startsWith(`${section}: `)), r.errors.join('; '));
      assert.equal(r.replay.ran, false, 'no replay of tampered sections');
    }
  });
}

test('one changed byte in "digests" fails naming digests; verification stops there', { skip }, async () => {
  const r = await verifyBundle({ engine, bundleText: changeOneByte(signedText, 'digests'), trustedPublicJwk: key.publicJwk });
  assert.equal(r.ok, false);
  assert.equal(r.failedStep, 'digests');
  assert.ok(r.errors.some((e) => /digests\.manifest/.test(e)), r.errors.join('; '));
  assert.equal(r.signature.ok, null, 'the signature step is not reached');
});

test('one changed byte in "signatures" fails the signature', { skip }, async () => {
  const r = await verifyBundle({ engine, bundleText: changeOneByte(signedText, 'signatures') });
  assert.equal(r.ok, false);
  assert.equal(r.signature.ok, false);
  assert.ok(r.errors.some((e) => e.startsWith('signature: ')), r.errors.join('; '));
  // The signature value itself.
  const b = JSON.parse(signedText);
  const sig = b.signatures[0].signature;
  b.signatures[0].signature = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
  const r2 = await verifyBundle({ engine, bundleText: serializeBundle(b) });
  assert.equal(r2.signature.ok, false);
  assert.match(r2.errors.join('\n'), /signature: the signature does not match the digests/);
});

test('one changed byte in "format" or "version" fails the structure', { skip }, async () => {
  const f = await verifyBundle({ engine, bundleText: changeOneByte(signedText, 'format') });
  assert.equal(f.ok, false);
  assert.match(f.errors.join('\n'), /^structure: not a portal-check bundle: format is "qortal-check-bundle"/);
  const v = await verifyBundle({ engine, bundleText: changeOneByte(signedText, 'version') });
  assert.match(v.errors.join('\n'), /^structure: unsupported bundle version 2/);
});

test('a key that is not trusted: intact, not verified, naming the key; so is an unsigned bundle', { skip }, async () => {
  const other = await generateSigningKey();
  const r = await verifyBundle({ engine, bundleText: signedText, trustedPublicJwk: other.publicJwk });
  assert.equal(r.ok, false);
  assert.equal(r.state, 'intact');
  assert.equal(r.signature.ok, true, 'the signature itself is valid');
  assert.equal(r.signature.matchesTrusted, false);
  assert.match(r.errors.join('\n'), /^signature: intact, not verified: signed by an unknown key SHA256:/);
  const u = await verifyBundle({ engine, bundleText: unsignedText, trustedPublicJwk: other.publicJwk });
  assert.equal(u.ok, false);
  assert.equal(u.state, 'intact');
  assert.match(u.errors.join('\n'), /^signature: intact, not verified: unsigned/);
});

test('a signature re-made with another key fails against the registered key', { skip }, async () => {
  const b = JSON.parse(signedText);
  const other = await generateSigningKey();
  const { signBundle } = await import('../../web/host/bundle/signature.mjs');
  b.signatures = [await signBundle(b, other)];
  const r = await verifyBundle({ engine, bundleText: serializeBundle(b), trustedPublicJwk: key.publicJwk });
  assert.equal(r.ok, false);
  assert.equal(r.signature.matchesTrusted, false);
  // A kid that is not the key's thumbprint.
  b.signatures[0].kid = JSON.parse(signedText).signatures[0].kid;
  const r2 = await verifyBundle({ engine, bundleText: serializeBundle(b) });
  assert.match(r2.errors.join('\n'), /kid is not the thumbprint/);
});

test('changed evidence with re-computed digests: the signature fails, and unsigned the replay fails', { skip }, async () => {
  let signedSeen = false;
  for (const text of [signedText, unsignedText]) {
    const b = JSON.parse(text);
    for (const entry of b.evidence.log.entries) {
      entry.response.headers = entry.response.headers.filter((h) => !/^(content-security-policy|x-frame-options|strict-transport-security|x-content-type-options)$/i.test(h.name));
      entry.response.headers.push({ name: 'Server', value: 'Apache/2.2.3 (CentOS) PHP/5.1.6' });
    }
    for (const s of SECTIONS) b.digests[s] = await sectionDigest(b[s]);
    const r = await verifyBundle({ engine, bundleText: serializeBundle(b), trustedPublicJwk: b.signatures.length ? key.publicJwk : undefined });
    assert.equal(r.ok, false);
    assert.ok(r.sections.every((s) => s.ok));
    if (b.signatures.length) {
      signedSeen = true;
      assert.equal(r.signature.ok, false);
      assert.equal(r.failedStep, 'signature');
      assert.match(r.errors.join('\n'), /^signature: the signature does not match the digests/m);
      assert.equal(r.replay.ran, false);
      continue;
    }
    assert.equal(r.failedStep, 'replay');
    assert.equal(r.replay.ran, true);
    assert.equal(r.replay.identical, false);
    assert.match(r.errors.join('\n'), /^replay: the replayed report differs/m);
  }
  assert.ok(signedSeen);
});

test('truncated, not JSON, extra or missing members, wrong types: clear structure errors', { skip }, async () => {
  const cases = [
    [signedText.slice(0, Math.floor(signedText.length / 2)), /^i-json: the bundle is truncated/],
    [signedText.slice(0, -3), /^i-json: the bundle is truncated/],
    ['', /^i-json: the bundle is empty/],
    ['hello', /^i-json: the bundle is not JSON/],
    ['[1,2]', /^structure: the bundle must be a JSON object \(got array\)/],
    [signedText.replace(/\n}\n$/, ',\n "extra": 1\n}\n'), /^structure: unexpected top-level field: "extra"/],
    [JSON.stringify({ ...JSON.parse(signedText), report: undefined }), /^structure: missing top-level field: report/],
    [JSON.stringify({ ...JSON.parse(signedText), report: {} }), /^structure: report must be a string \(got object\)/],
    [JSON.stringify({ ...JSON.parse(signedText), signatures: {} }), /^structure: signatures must be an array/],
    [JSON.stringify({ ...JSON.parse(signedText), declarations: 'x' }), /^structure: declarations must be an object or null/],
    [JSON.stringify({ ...JSON.parse(signedText), manifest: { ...JSON.parse(signedText).manifest, capture: {} } }), /^structure: manifest: capture must be/],
    [JSON.stringify({ ...JSON.parse(signedText), digests: { ...JSON.parse(signedText).digests, evidence: 'XYZ' } }), /^structure: digests\.evidence must be 64 lowercase hex/],
  ];
  for (const [text, pattern] of cases) {
    const r = await verifyBundle({ engine, bundleText: text });
    assert.equal(r.ok, false);
    assert.equal(r.errors.length, 1, r.errors.join('; '));
    assert.match(r.errors[0], pattern);
  }
  // Never throws, whatever it is given.
  for (const bad of [undefined, null, 42, {}]) assert.equal((await verifyBundle({ engine, bundleText: bad })).ok, false);
  assert.equal((await verifyBundle()).ok, false);
});

test('a bundle cut at any point is reported as truncated', { skip }, async () => {
  const { parseBundle } = await import('../../web/host/bundle/format.mjs');
  // Every cut in the first 4 KiB (all kinds of token boundaries) and a spread over the whole file.
  const cuts = [];
  for (let n = 1; n < 4096; n++) cuts.push(n);
  for (let n = 4096; n < signedText.length - 2; n += 7919) cuts.push(n);
  for (const n of cuts) {
    const { error } = parseBundle(signedText.slice(0, n));
    assert.match(error ?? '', /^the bundle is truncated/, `cut at ${n}: ${error}`);
  }
});
