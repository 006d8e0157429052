// Replays every bundle the bundle-verify fuzzer kept (tests/fuzz-regressions/bundle-verify/): each
// once made verification end in an error that named no section (a stack overflow on a value
// nested thousands deep). Each must now end in a verification result or a clean error. The C++
// targets' inputs are replayed by tests/unit/fuzz_regressions_test.cc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('every kept bundle-verify fuzzer input verifies to a clean result', async () => {
  const { code, stdout, stderr } = await new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'fuzz', 'bundle-verify.mjs'), '--replay', path.join(ROOT, 'tests', 'fuzz-regressions', 'bundle-verify')],
      { maxBuffer: 16 << 20, timeout: 600000 }, (error, out, err) => resolve({ code: error ? error.code : 0, stdout: out, stderr: err }));
  });
  assert.equal(code, 0, `replay failed:\n${stdout}\n${stderr}`);
  const summary = /(\d+) inputs replayed, (\d+) failing/.exec(stdout);
  assert.ok(summary, stdout);
  assert.ok(Number(summary[1]) >= 6, 'all kept inputs were replayed');
  assert.equal(summary[2], '0');
});
