// An engine module that stops (Emscripten abort, or anything else thrown out of a call into it) is
// dropped by web/host/engine.mjs: the call rejects with EngineError "engine-stopped" saying the
// engine was restarted, and the next audit on the same engine object runs on a fresh instance and
// gives the same report as an engine that never stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngine, auditHar, checkHar, EngineError } from '../../web/host/engine.mjs';
import { ROOT, badInput } from './bad-input.mjs';
import { failNextStarts } from './abortable-engine.mjs';

const wasmDir = process.env.PORTAL_CHECK_WASM_DIR || path.join(ROOT, 'build/wasm');
const wasmBinary = fs.readFileSync(path.join(wasmDir, 'portal_check.wasm'));
const abortable = pathToFileURL(path.join(ROOT, 'tests/js/abortable-engine.mjs'));
const HAR = badInput('base64-good.har');

// Makes the next call of `method` on the module's `cls` instances run `stop` instead (once). The
// host feeds chunks through inputBuffer() + feedInput(), so a stop while reading stubs feedInput.
function stopNext(module, cls, method, stop) {
  const proto = module[cls].prototype;
  const original = proto[method];
  proto[method] = function () {
    proto[method] = original;
    return stop();
  };
}

test('an abort inside an audit: a clear error, a fresh module, and the next audit works', async () => {
  const reference = await auditHar(await loadEngine({ moduleUrl: pathToFileURL(path.join(wasmDir, 'portal_check.mjs')), wasmBinary }), HAR);
  const engine = await loadEngine({ moduleUrl: abortable, wasmBinary });
  const first = engine.module;
  stopNext(first, 'Session', 'feedInput', () => first.abortNow());
  await assert.rejects(auditHar(engine, HAR), (e) => {
    assert.ok(e instanceof EngineError);
    assert.equal(e.code, 'engine-stopped');
    assert.match(e.message, /^the engine stopped on this input \(RuntimeError: Aborted\(.*\); it was restarted$/);
    return true;
  });
  assert.notEqual(engine.module, first, 'the aborted module was dropped');
  assert.equal(engine.restarts, 1);
  assert.equal(engine.stopped, null);
  const again = await auditHar(engine, HAR);
  assert.equal(again.reportText, reference.reportText);
  assert.equal(again.sarifText, reference.sarifText);
});

test('a C++ exception escaping the module (a thrown number), in finish or in checkHar, is handled the same way', async () => {
  const engine = await loadEngine({ moduleUrl: abortable, wasmBinary });
  stopNext(engine.module, 'Session', 'finish', () => { throw 5251712; });  // what ___cxa_throw throws
  await assert.rejects(auditHar(engine, HAR), /^EngineError: the engine stopped on this input \(thrown number 5251712\); it was restarted$/);
  const module = engine.module;
  stopNext(module, 'HarCheck', 'feedInput', () => module.abortNow());
  await assert.rejects(checkHar(engine, HAR), { code: 'engine-stopped', message: /it was restarted$/ });
  assert.equal(engine.restarts, 2);
  await checkHar(engine, HAR);
  assert.ok((await auditHar(engine, HAR)).report.checks.length > 0);
  // An error value is not a stop: the module is kept.
  const kept = engine.module;
  await assert.rejects(auditHar(engine, badInput('duplicate-root-log.har')), { code: 'invalid-argument', message: "duplicate member 'log' at byte 38" });
  assert.equal(engine.module, kept);
});

test('when the restart itself fails, the error says so and the next audit tries again', async () => {
  const engine = await loadEngine({ moduleUrl: abortable, wasmBinary });
  failNextStarts(1);
  const first = engine.module;
  stopNext(first, 'Session', 'feedInput', () => first.abortNow());
  await assert.rejects(auditHar(engine, HAR), { code: 'engine-stopped', message: /restarting it failed \(Error: no memory for a new instance\)$/ });
  assert.equal(engine.module, null);
  assert.ok((await auditHar(engine, HAR)).report.checks.length > 0, 'the next audit restarted the engine');
  assert.equal(engine.restarts, 1);
});
