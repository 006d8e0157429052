// A HAR the engine reads differently from JSON.parse (two members of the same name, a number out
// of double's range) is refused by every path with the audit's own message: `portal-check audit`
// and `portal-check bundle` print the same line, and the API behind the app's worker (auditHar,
// checkHar, createBundle) rejects with the same EngineError. (The worker itself, in Chromium:
// tests/browser/app-bad-input.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { loadNodeEngine } from '../../web/cli/engine-files.mjs';
import { auditHar, checkHar } from '../../web/host/engine.mjs';
import { createBundle } from '../../web/host/bundle/index.mjs';
import { ROOT, badInput } from './bad-input.mjs';

const CLI = path.join(ROOT, 'web', 'cli', 'portal-check.mjs');
const CAPTURE = { method: 'har-file', time: '2026-01-01T00:00:00Z', tool: 'test' };

// Documents whose error comes from the HAR's own structure: every path must stop on it.
const STRUCTURE = {
  'duplicate-root-log.har': "duplicate member 'log' at byte 38",
  'duplicate-log-entries.har': "duplicate member 'entries' at byte 196",
  'duplicate-portal-check.har': "duplicate member '_portalCheck' at byte 67",
  'duplicate-in-page.har': "duplicate member 'id' at byte 27",
};
// Documents whose error is inside an entry: a bundle cannot be made of them; an audit stops on
// the same error, or (when the engine skips unreadable entries) names it in a notice.
const ENTRY = {
  'duplicate-in-entry.har': "entry 0: duplicate member 'method' at byte 53",
  'number-1e400.har': 'entry 0: JSON number out of range at byte 109',
};

function run(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

test('portal-check audit and bundle print the same one-line error', { timeout: 120000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-dup-'));
  try {
    for (const [name, message] of Object.entries({ ...STRUCTURE, ...ENTRY })) {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, badInput(name));
      const out = path.join(tmp, `${name}.bundle.json`);
      const bundle = await run(['bundle', file, '--out', out]);
      assert.equal(bundle.code, 2, `${name}: ${bundle.stderr}`);
      assert.equal(bundle.stderr, `portal-check: ${file}: ${message}\n`);
      assert.equal(fs.existsSync(out), false, `${name}: no bundle is written`);
      const audit = await run(['audit', file, '--format', 'json']);
      if (name in STRUCTURE || audit.code === 2) {
        assert.equal(audit.code, 2, name);
        assert.equal(audit.stderr, bundle.stderr, `${name}: audit and bundle differ`);
      } else {
        assert.ok(audit.stdout.includes(message), `${name}: the audit's report names ${message}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('auditHar, checkHar and createBundle reject with the same EngineError', { timeout: 60000 }, async () => {
  const engine = await loadNodeEngine();
  const outcome = (promise) => promise.then(() => 'ok', (e) => `${e.name} ${e.code}: ${e.message}`);
  for (const [name, message] of Object.entries({ ...STRUCTURE, ...ENTRY })) {
    const text = badInput(name).toString('utf8');
    const expected = `EngineError invalid-argument: ${message}`;
    assert.equal(await outcome(checkHar(engine, text)), expected, name);
    assert.equal(await outcome(createBundle({ engine, harText: text, capture: CAPTURE })), expected, name);
    const audit = await outcome(auditHar(engine, text));
    if (name in STRUCTURE || audit !== 'ok') assert.equal(audit, expected, name);
  }
  // JSON.parse alone would have read them all.
  for (const name of Object.keys(STRUCTURE)) assert.doesNotThrow(() => JSON.parse(badInput(name).toString('utf8')), name);
  // A document both read alike still makes a bundle (a lone surrogate is U+FFFD for both).
  const bundle = await createBundle({ engine, harText: badInput('lone-surrogates.har').toString('utf8'), capture: CAPTURE });
  assert.match(bundle.report, /nginx \uFFFD end/);
});
