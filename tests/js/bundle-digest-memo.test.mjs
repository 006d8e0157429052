// sectionDigest's memo (web/host/bundle/digest.mjs): a large section is remembered by its JSON
// text, and that never hides a change: the real embedded ruleset, then the same ruleset with one
// character changed, then with its members reordered (another text, the same canonical form).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { sectionDigest, sha256Hex, MEMO_MIN_CHARS, MEMO_MAX_CHARS } from '../../web/host/bundle/digest.mjs';
import { canonicalJson } from '../../web/host/bundle/canonical-json.mjs';

test('a remembered digest is never returned for another value', async () => {
  const engine = await loadNodeEngine();
  const ruleset = engine.ruleset();
  assert.ok(JSON.stringify(ruleset).length >= MEMO_MIN_CHARS && JSON.stringify(ruleset).length <= MEMO_MAX_CHARS, 'the ruleset is memoized');
  const truth = await sha256Hex(canonicalJson(ruleset));
  assert.equal(await sectionDigest(ruleset), truth);
  assert.equal(await sectionDigest(structuredClone(ruleset)), truth, 'the same value again');
  const changed = structuredClone(ruleset);
  changed.ruleset.version += 'x';
  const changedTruth = await sha256Hex(canonicalJson(changed));
  assert.notEqual(changedTruth, truth);
  assert.equal(await sectionDigest(changed), changedTruth);
  const reordered = Object.fromEntries(Object.entries(ruleset).reverse());
  assert.notEqual(JSON.stringify(reordered), JSON.stringify(ruleset));
  assert.equal(await sectionDigest(reordered), truth, 'member order does not change the canonical form');
  await assert.rejects(sectionDigest({ big: 'x'.repeat(MEMO_MIN_CHARS), bad: '\uD800' }), 'a lone surrogate is refused, memo or not');
  const huge = { s: 'y'.repeat(MEMO_MAX_CHARS + 1) };
  assert.equal(await sectionDigest(huge), await sha256Hex(canonicalJson(huge)));
});
