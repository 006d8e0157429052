// wasm = native on every bad input: each fixture of tests/fixtures/bad-input/ (every cut of the
// *.cuts.har ones too) and each input the fuzzers kept for the C++ HAR targets is audited by the
// native build (build/native/tests/portal_check_native) and by the wasm engine in Node; both must
// give the same report and SARIF bytes, or the same error (code and message).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { loadEngine, auditHar } from '../../web/host/engine.mjs';
import { ROOT, badInputNames, badInput, fuzzInputs } from './bad-input.mjs';

const nativeTool = path.join(ROOT, 'build/native/tests/portal_check_native');
const wasmDir = path.join(ROOT, 'build/wasm');

// The native outcome of the document in `file`: {report, sarif} or {error: "<code>: <message>"}.
function nativeOutcome(file, sarifFile) {
  const r = spawnSync(nativeTool, ['audit', file, '--format', 'json', '--sarif-out', sarifFile], { maxBuffer: 1 << 30 });
  if (r.status === 0) return { report: r.stdout.toString('utf8'), sarif: fs.readFileSync(sarifFile, 'utf8') };
  const line = r.stderr.toString('utf8').trim();
  assert.equal(r.status, 2, `native tool: ${line}`);
  assert.match(line, /^portal_check_native: /);
  return { error: line.slice('portal_check_native: '.length) };
}

async function wasmOutcome(engine, bytes) {
  try {
    const { reportText, sarifText } = await auditHar(engine, bytes);
    return { report: reportText, sarif: sarifText };
  } catch (e) {
    assert.equal(e.name, 'EngineError', `wasm threw ${e}`);
    return { error: `${e.code}: ${e.message}` };
  }
}

async function compareAll(cases) {
  const engine = await loadEngine({
    moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')),
    wasmBinary: fs.readFileSync(path.join(wasmDir, 'portal_check.wasm')),
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-bad-input-'));
  const kinds = { report: 0, error: 0 };
  try {
    const file = path.join(tmp, 'input.har');
    const sarifFile = path.join(tmp, 'out.sarif');
    for (const { name, bytes } of cases) {
      fs.writeFileSync(file, bytes);
      const native = nativeOutcome(file, sarifFile);
      const wasm = await wasmOutcome(engine, bytes);
      if (native.error !== undefined || wasm.error !== undefined) {
        assert.equal(wasm.error, native.error, `${name}: the outcomes differ`);
        kinds.error++;
      } else {
        assert.ok(wasm.report === native.report, `${name}: the reports differ`);
        assert.ok(wasm.sarif === native.sarif, `${name}: the SARIF differs`);
        kinds.report++;
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  assert.equal(engine.restarts, 0, 'the wasm engine stopped on one of the inputs');
  return kinds;
}

test('every bad-input fixture: native and wasm give the same report or the same error', { timeout: 600000 }, async () => {
  const cases = [];
  for (const name of badInputNames()) {
    const bytes = badInput(name);
    cases.push({ name, bytes });
    if (name.endsWith('.cuts.har')) for (let cut = 0; cut < bytes.length; cut++) cases.push({ name: `${name} cut at ${cut}`, bytes: bytes.subarray(0, cut) });
  }
  assert.ok(cases.length > 40, `found ${cases.length} cases`);
  const kinds = await compareAll(cases);
  // Both kinds were compared: errors (truncation, duplicates, 1e400, …) and reports (limits, BOM, …).
  assert.ok(kinds.error > 20 && kinds.report > 10, JSON.stringify(kinds));
});

test('every input the fuzzers kept for the C++ HAR targets: native and wasm agree', { timeout: 300000 }, async () => {
  const cases = fuzzInputs();
  assert.ok(cases.length >= 15, `found ${cases.length} kept inputs`);
  await compareAll(cases);
});
