// web/app/inputs/verdict.mjs verdictOf and problemLines: the app's reading of verifyBundle's
// result, on the golden bundles (tests/golden) and tampered copies verified by the real
// verifyBundle (the only results the app gets: the worker hands verifyBundle's result over as is).
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
  const verdict = verdictOf(result);
  const { state, failedStep, problems, signer, rulesetStatus } = result;
  assert.deepEqual(verdict, { state, failedStep, problems, signer, rulesetStatus }, 'the verdict is the result\'s own fields');
  return verdict;
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
  assert.equal(plain.failedStep, null);
  assert.equal(plain.signer, null);
  assert.deepEqual(problemLines(plain, 'vi'), ['nguyên vẹn, chưa xác minh: không có chữ ký (không chứng minh được ai lập gói)']);
  assert.deepEqual(problemLines(plain, 'en'), ['intact, not verified: unsigned (no proof of who made it)']);

  const forged = JSON.parse(signed);
  const report = JSON.parse(forged.report);
  report.grade = { ...report.grade, grade: 'A+', score: 100 };
  forged.report = JSON.stringify(report);
  const f = await verified(JSON.stringify(forged), jwk);
  assert.equal(f.state, 'failed');
  assert.equal(f.failedStep, 'digests');
  assert.deepEqual(f.problems.map((p) => p.code), ['digest-mismatch']);
  assert.deepEqual(problemLines(f, 'vi'), ['report: mã băm SHA-256 không khớp với digests.report (phần report hoặc mã băm của nó đã bị sửa)']);

  const cut = await verified(signed.slice(0, 1000), null);
  assert.equal(cut.state, 'failed');
  assert.equal(cut.failedStep, 'i-json');
});
