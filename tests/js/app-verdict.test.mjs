// web/app/inputs/verdict.mjs verdictOf: the app's reading of verifyBundle's result, on the golden
// bundles (tests/golden) and tampered copies verified by the real verifyBundle, and on results that
// carry the state/signer fields (a result breaking ok === (state === 'verified') is failed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdictOf, problemLines } from '../../web/app/inputs/verdict.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOLDEN = path.join(ROOT, 'tests/golden');
const SKIP = fs.existsSync(path.join(GOLDEN, 'demo-signed.json')) ? false : 'tests/golden has no golden bundles';
const ORG = 'Sở TT&TT tỉnh Demo';

async function verified(text, publicJwk) {
  const { loadNodeEngine } = await import('../../web/cli/engine-files.mjs');
  const { verifyBundle } = await import('../../web/host/bundle/index.mjs');
  const trustedKeys = publicJwk ? [{ publicJwk, organization: ORG }] : [];
  const result = await verifyBundle({ engine: await loadNodeEngine(), bundleText: text, trustedKeys, trustedPublicJwk: publicJwk });
  return verdictOf(result);
}

test('golden bundles: verified only with the trusted key, intact otherwise, failed when changed', { skip: SKIP, timeout: 120000 }, async () => {
  const { publicJwkOf, fingerprint } = await import('../../web/host/bundle/keys.mjs');
  const jwk = publicJwkOf(JSON.parse(fs.readFileSync(path.join(GOLDEN, 'test-signing-key.jwk'), 'utf8')));
  const fp = await fingerprint(jwk);
  const signed = fs.readFileSync(path.join(GOLDEN, 'demo-signed.json'), 'utf8');
  const unsigned = fs.readFileSync(path.join(GOLDEN, 'demo-unsigned.json'), 'utf8');

  const v = await verified(signed, jwk);
  assert.equal(v.state, 'verified');
  assert.deepEqual(v.signer, { fingerprint: fp, trusted: true, organization: ORG });

  const unknown = await verified(signed, null);
  assert.equal(unknown.state, 'intact');
  assert.equal(unknown.signer.fingerprint, fp);
  assert.equal(unknown.signer.trusted, false);
  assert.equal(unknown.signer.organization, null);

  const plain = await verified(unsigned, null);
  assert.equal(plain.state, 'intact');
  assert.equal(plain.signer, null);

  const forged = JSON.parse(signed);
  const report = JSON.parse(forged.report);
  report.grade = { ...report.grade, grade: 'A+', score: 100 };
  forged.report = JSON.stringify(report);
  const f = await verified(JSON.stringify(forged), jwk);
  assert.equal(f.state, 'failed');
  assert.equal(f.failedStep, 'digests');
  assert.ok(problemLines(f, 'vi').length >= 1);

  const cut = await verified(signed.slice(0, 1000), null);
  assert.equal(cut.state, 'failed');
  assert.equal(cut.failedStep, 'i-json');
});

test('results with state: read as given; ok must agree with state', () => {
  const signer = { fingerprint: 'SHA256:AA', trusted: true, organization: ORG };
  assert.equal(verdictOf({ ok: true, state: 'verified', failedStep: null, problems: [], signer }).state, 'verified');
  assert.equal(verdictOf({ ok: false, state: 'verified', signer }).state, 'failed', 'ok false but state verified');
  assert.equal(verdictOf({ ok: true, state: 'intact', signer: null }).state, 'failed', 'ok true but state intact');
  const intact = verdictOf({ ok: false, state: 'intact', failedStep: null, problems: [], signer: { fingerprint: 'SHA256:BB', trusted: false, organization: null } });
  assert.equal(intact.state, 'intact');
  assert.equal(intact.signer.trusted, false);
  const failed = verdictOf({ ok: false, state: 'failed', failedStep: 'ruleset', problems: [{ step: 'ruleset', code: 'modified-ruleset', params: { engineVersion: '0.2.0' } }], rulesetStatus: 'modified', errors: ['ruleset: modified'] });
  assert.equal(failed.failedStep, 'ruleset');
  assert.equal(failed.rulesetStatus, 'modified');
  assert.equal(failed.problems[0].code, 'modified-ruleset');
  for (const bad of [null, undefined, 'x', [], {}, { ok: true }]) assert.equal(verdictOf(bad).state, 'failed', JSON.stringify(bad));
});
