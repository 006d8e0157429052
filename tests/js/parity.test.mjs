// Parity: every rule case (and every HAR fixture) is audited by the native build
// (build/native/tests/portal_check_native) and by the wasm module in Node; the report JSON and the
// SARIF must be byte-identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEngine, auditHar } from '../../web/host/engine.mjs';
import { ruleCaseHars } from './rule-cases.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nativeTool = path.join(root, 'build/native/tests/portal_check_native');
const wasmDir = path.join(root, 'build/wasm');

// One native run for both outputs: → { report, sarif } (the SARIF through --sarif-out).
function nativeReportAndSarif(harPath, target) {
  const sarifPath = `${harPath}.sarif`;
  const args = ['audit', harPath, '--format', 'json', '--sarif-out', sarifPath];
  if (target) args.push('--target', target);
  const report = execFileSync(nativeTool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { report, sarif: fs.readFileSync(sarifPath, 'utf8') };
}

test('native and wasm reports are byte-identical on every rule case', async () => {
  const engine = await loadEngine({
    moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')),
    wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')),
  });
  const cases = ruleCaseHars('portal-check-parity').map((c) => ({ ...c, har: JSON.stringify(c.har) }));
  assert.ok(cases.length >= 60, `expected the rule cases, found ${cases.length}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-parity-'));
  let compared = 0;
  try {
    for (const c of cases) {
      const harPath = path.join(tmp, 'case.har');
      fs.writeFileSync(harPath, c.har);
      const wasm = await auditHar(engine, c.har, { target: c.target || undefined });
      const native = nativeReportAndSarif(harPath, c.target);
      assert.equal(wasm.reportText, native.report, `report differs: ${c.name}`);
      assert.equal(wasm.sarifText, native.sarif, `SARIF differs: ${c.name}`);
      compared++;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  assert.equal(compared, cases.length);
});
