// The golden evidence bundles (tests/golden/*.json, made by scripts/golden from the demo portal):
// each must be byte-stable as a file, pass every verification step (the signed one is "verified"
// against the committed TEST key; the unsigned one is "intact": nothing failed, but nobody vouches
// for it), and replay to a byte-identical report with the current engine. A failure here means the
// engine, the rules or the bundle format changed the bytes: fix that, or regenerate with
// scripts/golden and review the diff (docs/bundle.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmDir, loadNodeEngine } from '../../web/cli/engine-files.mjs';
import Ajv from 'ajv';
import { parseBundle, serializeBundle, verifyBundle, importPrivateJwk } from '../../web/host/bundle/index.mjs';

const GOLDEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'golden');
const HAVE_WASM = fs.existsSync(path.join(wasmDir(), 'portal_check.mjs'));
const files = fs.readdirSync(GOLDEN).filter((f) => f.endsWith('.json')).sort();

test('the golden set holds an unsigned and a signed bundle, both valid under rules/schema/bundle.schema.json', () => {
  assert.deepEqual(files, ['demo-signed.json', 'demo-unsigned.json']);
  const schema = JSON.parse(fs.readFileSync(path.join(GOLDEN, '..', '..', 'rules', 'schema', 'bundle.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  for (const file of files) {
    const ok = validate(JSON.parse(fs.readFileSync(path.join(GOLDEN, file), 'utf8')));
    assert.ok(ok, `${file}: ${JSON.stringify(validate.errors)}`);
  }
  // The schema rejects what parseBundle rejects, e.g. an extra top-level member.
  assert.equal(validate({ ...JSON.parse(fs.readFileSync(path.join(GOLDEN, files[0]), 'utf8')), extra: 1 }), false);
});

for (const file of files) {
  test(`golden ${file}: byte-stable, verified, replayed byte for byte`, { skip: HAVE_WASM ? false : 'no wasm engine (run scripts/build)' }, async () => {
    const text = fs.readFileSync(path.join(GOLDEN, file), 'utf8');
    const { bundle, error } = parseBundle(text);
    assert.equal(error, undefined);
    assert.equal(serializeBundle(bundle), text, 'the file is exactly what serializeBundle writes');
    const engine = await loadNodeEngine();
    const signed = bundle.signatures.length > 0;
    assert.equal(signed, file.includes('signed') && !file.includes('unsigned'));
    const trustedPublicJwk = signed
      ? (await importPrivateJwk(JSON.parse(fs.readFileSync(path.join(GOLDEN, 'test-signing-key.jwk'), 'utf8')))).publicJwk
      : undefined;
    const r = await verifyBundle({ engine, bundleText: text, trustedPublicJwk });
    assert.equal(r.failedStep, null, r.errors.join('; '));
    assert.deepEqual(r.problems.map((p) => p.code), signed ? [] : ['unsigned']);
    assert.equal(r.state, signed ? 'verified' : 'intact');
    assert.equal(r.rulesetStatus, 'released');
    assert.ok(r.sections.length === 5 && r.sections.every((s) => s.ok));
    assert.equal(r.signature.present, signed);
    if (signed) assert.equal(r.signature.matchesTrusted, true);
    assert.equal(r.replay.ran, true);
    assert.equal(r.replay.identical, true, r.replay.note);
    assert.equal(r.ok, signed);
    // The golden bundles are redacted: no marker-free cookie value or credential header survives.
    assert.ok(bundle.manifest.redactions.every((x) => /^REDACTED-[0-9a-f]{8}$/.test(x.marker)));
  });
}
